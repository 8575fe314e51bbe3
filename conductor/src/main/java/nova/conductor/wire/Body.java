package nova.conductor.wire;

import java.util.Arrays;
import java.util.List;

/**
 * What a frame carries: one record per member of the Frame union in {@code
 * conductor/capnp/conductor.capnp}.
 *
 * <p>Numbers follow the schema's widths: UInt16 fields hold 0..65535 in an int (encoding refuses
 * anything else), UInt32 and UInt64 fields hold their unsigned bits in an int or a long. A null
 * text is sent as absent and reads back as "", so decoded bodies never hold null; lists are
 * immutable copies.
 */
public sealed interface Body {

  /** Agent to conductor, the first frame after connecting. */
  record Hello(String agentId, String engine, int pid, boolean mock) implements Body {}

  /** Conductor to agent: load a model for one role, as one shard of {@code shards}. */
  record Setup(
      String model,
      String role,
      ModelKind kind,
      int maxContext,
      int shard,
      int shards,
      LoraMode loraMode,
      int maxAdapters)
      implements Body {}

  record SetupDone(boolean ok, String message, int loadMillis) implements Body {}

  record Assign(String instance, String role, int group, List<String> peers) implements Body {
    public Assign {
      peers = List.copyOf(peers);
    }
  }

  /** The ack of {@link Assign}. */
  record Assigned() implements Body {}

  record LoadAdapter(String name, int rank, String path) implements Body {}

  record UnloadAdapter(String name, int rank, String path) implements Body {}

  record AdapterResult(boolean ok, String message, List<String> loaded) implements Body {
    public AdapterResult {
      loaded = List.copyOf(loaded);
    }
  }

  record ChatMessage(String role, String content, List<String> images) {
    public ChatMessage {
      images = List.copyOf(images);
    }
  }

  record Infer(
      List<ChatMessage> messages, int maxTokens, float temperature, String adapter, int imageTokens)
      implements Body {
    public Infer {
      messages = List.copyOf(messages);
    }
  }

  /** Vision encoder work: image URLs or data: URIs. */
  record Encode(List<String> images) implements Body {
    public Encode {
      images = List.copyOf(images);
    }
  }

  record Encoded(int imageTokens) implements Body {}

  record Token(int index, String text) implements Body {}

  record Done(int promptTokens, int completionTokens, String finishReason) implements Body {}

  record Failure(FailureCode code, String message) implements Body {}

  /** Cancel the inference whose seq this frame carries. */
  record Cancel() implements Body {}

  record Heartbeat(
      long sentNanos, AgentState state, int inFlight, long completed, List<String> adapters)
      implements Body {
    public Heartbeat {
      adapters = List.copyOf(adapters);
    }
  }

  record Drain() implements Body {}

  record Drained(long completed) implements Body {}

  record StatusRequest() implements Body {}

  /** The answer to {@link StatusRequest}: the same fields as a heartbeat. */
  record Status(
      long sentNanos, AgentState state, int inFlight, long completed, List<String> adapters)
      implements Body {
    public Status {
      adapters = List.copyOf(adapters);
    }
  }

  /**
   * Liveness probes and the round-trip benchmark. Equality compares the payload's bytes, not the
   * array.
   */
  record Ping(long sentNanos, byte[] payload) implements Body {
    @Override
    public boolean equals(Object other) {
      return other instanceof Ping that
          && sentNanos == that.sentNanos
          && Arrays.equals(payload, that.payload);
    }

    @Override
    public int hashCode() {
      return Long.hashCode(sentNanos) * 31 + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
      return "Ping[sentNanos=" + sentNanos + ", payload=" + Arrays.toString(payload) + "]";
    }
  }

  /** The answer to {@link Ping}, echoing its fields. Equality compares the payload's bytes. */
  record Pong(long sentNanos, byte[] payload) implements Body {
    @Override
    public boolean equals(Object other) {
      return other instanceof Pong that
          && sentNanos == that.sentNanos
          && Arrays.equals(payload, that.payload);
    }

    @Override
    public int hashCode() {
      return Long.hashCode(sentNanos) * 31 + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
      return "Pong[sentNanos=" + sentNanos + ", payload=" + Arrays.toString(payload) + "]";
    }
  }
}
