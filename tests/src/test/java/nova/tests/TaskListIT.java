package nova.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Task lists page newest change first, by cursor, through the Link header: every task once, in
 * order, however many.
 */
class TaskListIT {
  private static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");

  @Test
  void anAgentWalksAllOfItsTasksPageByPage() throws Exception {
    Fixtures.Agent agent = Fixtures.agent(false);
    List<String> created = new ArrayList<>();
    for (int i = 0; i < 5; i++) created.add(Fixtures.task(agent));

    List<List<String>> pages = walk(agent.api(), "/api/v1/server/tasks?limit=2");

    assertThat(pages).extracting(List::size).containsExactly(2, 2, 1);
    assertThat(pages.stream().flatMap(List::stream).toList())
        .as("newest first, each once")
        .isEqualTo(created.reversed());
  }

  @Test
  void peopleWalkEveryTaskOfAStatusInOrder() throws Exception {
    Fixtures.Agent agent = Fixtures.agent(false);
    for (int i = 0; i < 3; i++) Fixtures.task(agent);

    List<String> all =
        Api.admin()
            .get("/api/v1/tasks?status=running,assigned&limit=1000")
            .json()
            .findValuesAsText("id");
    List<String> walked =
        walk(Api.admin(), "/api/v1/tasks?status=running,assigned&limit=3").stream()
            .flatMap(List::stream)
            .toList();

    assertThat(walked).isEqualTo(all).doesNotHaveDuplicates();
    assertThat(all.size()).isGreaterThanOrEqualTo(3);
    List<Instant> times = new ArrayList<>();
    for (JsonNode task : Api.admin().get("/api/v1/tasks?limit=50").json())
      times.add(Instant.parse(task.path("updated_at").asText()));
    assertThat(times).isSortedAccordingTo(Comparator.reverseOrder());
  }

  @Test
  void aCursorThatNovaDidNotHandOutIs400() {
    Api.Reply bad = Api.admin().get("/api/v1/tasks?cursor=not-a-cursor");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.text("error")).contains("cursor 'not-a-cursor' is not one this API handed out");
    assertThat(Api.admin().get("/api/v1/tasks?limit=0").text("error"))
        .contains("limit must be between 1 and 1000");
  }

  /** Follows rel="next" links from the first page to the last, returning each page's task ids. */
  private static List<List<String>> walk(Api api, String first) {
    List<List<String>> pages = new ArrayList<>();
    Optional<String> next = Optional.of(first);
    while (next.isPresent()) {
      Api.Reply page = api.get(next.get());
      assertThat(page.status()).as(page.body()).isEqualTo(200);
      pages.add(page.json().findValuesAsText("id"));
      next =
          page.header("Link")
              .map(
                  link -> {
                    Matcher m = NEXT.matcher(link);
                    assertThat(m.find()).as(link).isTrue();
                    return m.group(1);
                  });
      assertThat(pages.size()).as("pages").isLessThan(10_000);
    }
    return pages;
  }
}
