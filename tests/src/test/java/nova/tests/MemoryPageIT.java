package nova.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The admin app's Memory page: search with each hit's ranks and score, recent memories, and
 * deleting one.
 */
class MemoryPageIT {
  private static final List<String> FACTS =
      List.of(
          "Kestrels hover in place while they hunt voles in open fields.",
          "The printing press spread pamphlets across Europe within decades.",
          "A sourdough starter needs feeding with flour and water every day.");

  private static String scopeWithFacts() {
    String project = Fixtures.project(false);
    List<Map<String, Object>> items =
        FACTS.stream()
            .map(t -> Map.<String, Object>of("content", t, "scope", "project:" + project))
            .toList();
    assertThat(Api.admin().post("/api/v1/memories/batch", Map.of("items", items)).status())
        .isEqualTo(201);
    return "project:" + project;
  }

  @Test
  void aSearchShowsEachHitWithItsRanksAndScore() {
    String scope = scopeWithFacts();
    String page =
        Api.admin()
            .get("/memories?mode=hybrid&scope=" + scope + "&q=kestrels+hunting+voles")
            .body();
    assertThat(page)
        .contains("id=\"memory-results\"")
        .contains("(hybrid, by <code>local/all-minilm-l6-v2</code>)");
    String firstRow = page.substring(page.indexOf("<tbody>", page.indexOf("memory-results")));
    firstRow = firstRow.substring(0, firstRow.indexOf("</tr>"));
    assertThat(firstRow)
        .contains("Kestrels hover")
        .contains("<span class=\"badge\">#1</span>")
        .contains("class=\"meter small\"")
        .contains(String.format(Locale.ROOT, "%.4f", 2.0 / 61));

    String part =
        Api.admin()
            .get("/memories/parts/results?mode=keyword&scope=" + scope + "&q=printing+pamphlets")
            .body();
    assertThat(part)
        .startsWith("<section id=\"memory-results\"")
        .contains("The printing press")
        .contains("not in list");
  }

  @Test
  void badSearchInputIsAReadableRefusal() {
    Api.Reply reply = Api.admin().get("/memories/parts/results?mode=fuzzy&q=anything");
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.body())
        .contains("flash error")
        .contains("mode 'fuzzy' is not one of semantic, keyword, hybrid");
    assertThat(Api.admin().get("/memories/parts/results?scope=agent:nobody-at-all&q=x").status())
        .isEqualTo(400);
  }

  @Test
  void anAdminDeletesAMemoryFromThePageAndAViewerMayNot() throws Exception {
    String scope = scopeWithFacts();
    String recent = Api.admin().get("/memories?scope=" + scope).body();
    assertThat(recent).contains("Recent memories").contains("Kestrels hover").contains("Delete");
    String id =
        Api.admin()
            .get("/api/v1/memories?scope=" + scope)
            .json()
            .path("memories")
            .get(0)
            .path("id")
            .asText();

    String viewerKey =
        Api.admin()
            .post("/api/v1/keys", Map.of("name", "memory-viewer", "role", "viewer"))
            .text("key");
    assertThat(Api.key(viewerKey).get("/memories?scope=" + scope).body())
        .contains("Kestrels hover")
        .doesNotContain(">Delete<");
    assertThat(Api.key(viewerKey).post("/memories/" + id + "/delete", "").status()).isEqualTo(403);

    Session admin = Session.login("admin", NovaServer.ADMIN_PASSWORD);
    assertThat(admin.form("/memories/" + id + "/delete", "", false).status())
        .as("no CSRF token")
        .isEqualTo(403);
    Api.Reply deleted = admin.form("/memories/" + id + "/delete", "", true);
    assertThat(deleted.status()).isEqualTo(200);
    assertThat(deleted.body()).isEmpty();
    assertThat(Api.admin().get("/api/v1/memories/" + id).status()).isEqualTo(404);
    assertThat(admin.form("/memories/" + id + "/delete", "", true).status()).isEqualTo(404);
  }
}
