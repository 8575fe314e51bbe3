package nova.web.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import nova.activities.llm.Embeddings;

/**
 * POST /v1/embeddings: texts in, vectors out as floats or, when asked (OpenAI's Node SDK asks by
 * default), as base64 of little-endian float32, the encoding OpenAI uses.
 */
record EmbeddingRequest(String model, List<String> input, boolean base64) {
  static final int MAX_INPUTS = 2048;

  static EmbeddingRequest parse(JsonNode body) {
    if (body == null || !body.isObject())
      throw ChatRequestCheck.field("", "the request body must be a JSON object");
    JsonNode model = body.path("model");
    if (!model.isTextual() || model.asText().isBlank())
      throw ChatRequestCheck.field("model", "model is required: provider/model or an alias");
    JsonNode input = body.path("input");
    List<String> texts = new ArrayList<>();
    if (input.isTextual()) texts.add(input.asText());
    else if (input.isArray() && !input.isEmpty() && input.size() <= MAX_INPUTS) {
      for (int i = 0; i < input.size(); i++) {
        if (!input.get(i).isTextual())
          throw ChatRequestCheck.field(
              "input[" + i + "]",
              "input[" + i + "] must be a string (token arrays are not supported)");
        texts.add(input.get(i).asText());
      }
    } else {
      throw ChatRequestCheck.field(
          "input", "input must be a string or a list of 1 to " + MAX_INPUTS + " strings");
    }
    for (int i = 0; i < texts.size(); i++) {
      if (texts.get(i).isEmpty())
        throw ChatRequestCheck.field(
            "input[" + i + "]",
            "input[" + i + "] is empty; every text needs at least one character");
    }
    String format = body.path("encoding_format").asText("float");
    if (!format.equals("float") && !format.equals("base64"))
      throw ChatRequestCheck.field("encoding_format", "encoding_format must be float or base64");
    return new EmbeddingRequest(model.asText(), texts, format.equals("base64"));
  }

  ObjectNode answer(ObjectMapper json, Embeddings embeddings) {
    ObjectNode body = json.createObjectNode().put("object", "list").put("model", model);
    ArrayNode data = body.putArray("data");
    for (int i = 0; i < embeddings.vectors().size(); i++) {
      ObjectNode item = data.addObject().put("object", "embedding").put("index", i);
      float[] vector = embeddings.vectors().get(i);
      if (base64) item.put("embedding", encode(vector));
      else {
        ArrayNode values = item.putArray("embedding");
        for (float v : vector) values.add(v);
      }
    }
    body.putObject("usage")
        .put("prompt_tokens", embeddings.inputTokens())
        .put("total_tokens", embeddings.inputTokens());
    return body;
  }

  static String encode(float[] vector) {
    ByteBuffer bytes =
        ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    for (float v : vector) bytes.putFloat(v);
    return Base64.getEncoder().encodeToString(bytes.array());
  }
}
