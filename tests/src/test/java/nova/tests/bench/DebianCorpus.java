package nova.tests.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Debian's package descriptions as a retrieval corpus: a package's one-line summary (from the
 * machine's Packages lists) is the query, its long description (from Translation-en, joined by
 * Description-md5) the one relevant document. Descriptions shared by several packages are kept
 * once, and so are summaries, so every query has exactly one right answer.
 */
record DebianCorpus(List<Doc> docs) {
  record Doc(String name, String summary, String description) {}

  static DebianCorpus read(Path packages, Path translations, int limit) throws IOException {
    Map<String, String> longByMd5 = new HashMap<>();
    for (Map<String, String> stanza : stanzas(translations)) {
      String text = stanza.get("Description-en");
      if (text == null || stanza.get("Description-md5") == null) continue;
      int firstLine = text.indexOf('\n');
      if (firstLine > 0)
        longByMd5.putIfAbsent(stanza.get("Description-md5"), text.substring(firstLine + 1).strip());
    }
    Map<String, Doc> bySummary = new LinkedHashMap<>();
    Map<String, Boolean> seenDescription = new HashMap<>();
    for (Map<String, String> stanza : stanzas(packages)) {
      String description = longByMd5.get(stanza.get("Description-md5"));
      String summary = stanza.get("Description");
      if (description == null || summary == null || description.split("\\s+").length < 8) continue;
      if (seenDescription.putIfAbsent(description, true) != null) continue;
      bySummary.putIfAbsent(
          summary.strip().toLowerCase(),
          new Doc(stanza.get("Package"), summary.strip(), description));
      if (bySummary.size() == limit) break;
    }
    return new DebianCorpus(new ArrayList<>(bySummary.values()));
  }

  /** RFC 822 stanzas; continuation lines keep their text, and " ." is a blank line. */
  private static List<Map<String, String>> stanzas(Path file) throws IOException {
    List<Map<String, String>> out = new ArrayList<>();
    Map<String, String> stanza = new HashMap<>();
    String field = null;
    try (BufferedReader in = Files.newBufferedReader(file)) {
      for (String line; (line = in.readLine()) != null; ) {
        if (line.isEmpty()) {
          if (!stanza.isEmpty()) out.add(stanza);
          stanza = new HashMap<>();
          field = null;
        } else if (line.startsWith(" ") && field != null) {
          String more = line.equals(" .") ? "" : line.substring(1);
          stanza.merge(field, "\n" + more, String::concat);
        } else {
          int colon = line.indexOf(':');
          if (colon < 0) continue;
          field = line.substring(0, colon);
          stanza.put(field, line.substring(colon + 1).strip());
        }
      }
    }
    if (!stanza.isEmpty()) out.add(stanza);
    return out;
  }
}
