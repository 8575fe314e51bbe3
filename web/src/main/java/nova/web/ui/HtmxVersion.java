package nova.web.ui;

import java.io.IOException;
import java.util.Properties;

/**
 * The htmx webjar's version, filtered in from the POM so the path never drifts from the dependency.
 */
final class HtmxVersion {
  static final String VERSION = loadVersion();

  private HtmxVersion() {}

  private static String loadVersion() {
    try (var in = HtmxVersion.class.getResourceAsStream("/nova-build.properties")) {
      var props = new Properties();
      props.load(in);
      return props.getProperty("htmx.version");
    } catch (IOException | NullPointerException e) {
      throw new IllegalStateException("nova-build.properties is missing from the jar", e);
    }
  }
}
