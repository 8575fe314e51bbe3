package nova.web;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.function.Predicate;

/**
 * The seam between web and the services: web builds each service through its facade ({@code
 * *Services}) and otherwise touches only what crosses the seam as data: records, enums, interfaces
 * (activity interfaces, callbacks) and the failures a service throws.
 */
@AnalyzeClasses(packages = "nova", importOptions = ImportOption.DoNotIncludeTests.class)
class SeamsTest {
  private static final DescribedPredicate<JavaClass> DOOR =
      simpleNameEndingWith("Services")
          .or(describe("records", JavaClass::isRecord))
          .or(describe("enums", JavaClass::isEnum))
          .or(describe("interfaces", JavaClass::isInterface))
          .or(assignableTo(RuntimeException.class));

  @ArchTest
  static final ArchRule webUsesServicesOnlyThroughTheirDoors =
      noClasses()
          .that()
          .resideInAPackage("nova.web..")
          .should()
          .dependOnClassesThat(resideInAPackage("nova.activities..").and(not(DOOR)))
          .because("a service's insides may change without web noticing (docs/architecture.md)");

  @ArchTest
  static final ArchRule nothingInTheProductUsesTestSupport =
      noClasses()
          .that()
          .resideOutsideOfPackage("nova.tests..")
          .and(not(simpleNameEndingWith("TestSupport")))
          .should()
          .dependOnClassesThat(simpleNameEndingWith("TestSupport"))
          .because("test support opens a service's insides to tests only");

  private static DescribedPredicate<JavaClass> describe(
      String description, Predicate<JavaClass> test) {
    return DescribedPredicate.describe(description, test);
  }
}
