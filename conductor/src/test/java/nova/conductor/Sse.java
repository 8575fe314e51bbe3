package nova.conductor;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Reads an OpenAI chat completion event stream back into its text. */
public final class Sse {
  private Sse() {}

  public static String text(String body) {
    StringBuilder text = new StringBuilder();
    for (String line : body.split("\n")) {
      if (!line.startsWith("data: ") || line.equals("data: [DONE]")) continue;
      try {
        JsonNode chunk = RunningConductor.JSON.readTree(line.substring(6));
        if (chunk.has("error")) throw new AssertionError("the stream carried an error: " + chunk);
        JsonNode choices = chunk.path("choices");
        if (!choices.isEmpty())
          text.append(choices.get(0).path("delta").path("content").asText(""));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return text.toString();
  }
}
