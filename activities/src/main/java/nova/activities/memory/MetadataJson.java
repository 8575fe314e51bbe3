package nova.activities.memory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/** Memories' metadata as the JSONB columns hold it, written and read with the server's mapper. */
record MetadataJson(ObjectMapper mapper) {
  private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

  String write(Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new BadMemoryRequest("metadata can't be written as JSON: " + e.getOriginalMessage());
    }
  }

  Map<String, Object> read(String stored) {
    try {
      return mapper.readValue(stored, OBJECT);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored metadata is not JSON", e);
    }
  }
}
