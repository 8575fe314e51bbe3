package nova.conductor.wire;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.List;
import nova.conductor.wire.Body.ChatMessage;

/**
 * One frame per union member, each with the capnp text of the same frame. Every field holds a value
 * unlike its default and unlike its neighbours', so an accessor with a wrong offset cannot pass the
 * interop tests.
 */
final class WireSamples {
  record Sample(long seq, Body body, String member) {
    String capnpText() {
      return "(version = 1, seq = " + Long.toUnsignedString(seq) + ", " + member + ")";
    }

    Envelope envelope() {
      return new Envelope(Wire.PROTOCOL_VERSION, seq, body);
    }

    @Override
    public String toString() {
      return body.getClass().getSimpleName();
    }
  }

  private WireSamples() {}

  static List<Sample> all() {
    return List.of(
        new Sample(
            1,
            new Body.Hello("agent-7", "vllm", (int) 4_000_000_000L, true),
            "hello = (agentId = \"agent-7\", engine = \"vllm\", pid = 4000000000, mock = true)"),
        new Sample(
            2,
            new Body.Setup(
                "llama-3-8b", "draft", ModelKind.SPEC_DECODE, 32768, 1, 4, LoraMode.DYNAMIC, 8),
            "setup = (model = \"llama-3-8b\", role = \"draft\", kind = specDecode, maxContext ="
                + " 32768, shard = 1, shards = 4, loraMode = dynamic, maxAdapters = 8)"),
        new Sample(
            3,
            new Body.SetupDone(true, "loaded in time", 1234),
            "setupDone = (ok = true, message = \"loaded in time\", loadMillis = 1234)"),
        new Sample(
            4,
            new Body.Assign("llama-a", "target", 65535, List.of("agent-1", "agent-2")),
            "assign = (instance = \"llama-a\", role = \"target\", group = 65535, peers ="
                + " [\"agent-1\", \"agent-2\"])"),
        new Sample(5, new Body.Assigned(), "assigned = void"),
        new Sample(
            6,
            new Body.LoadAdapter("sql-lora", 16, "/adapters/sql"),
            "loadAdapter = (name = \"sql-lora\", rank = 16, path = \"/adapters/sql\")"),
        new Sample(
            7,
            new Body.UnloadAdapter("chat-lora", 64, "/adapters/chat"),
            "unloadAdapter = (name = \"chat-lora\", rank = 64, path = \"/adapters/chat\")"),
        new Sample(
            8,
            new Body.AdapterResult(true, "2 loaded", List.of("sql-lora", "chat-lora")),
            "adapterResult = (ok = true, message = \"2 loaded\", loaded = [\"sql-lora\","
                + " \"chat-lora\"])"),
        new Sample(
            9,
            new Body.Infer(
                List.of(
                    new ChatMessage("system", "Be brief.", List.of("https://example.com/a.png")),
                    new ChatMessage(
                        "user",
                        "Qu'est-ce que c'est ? 中文 \"quoted\" \\ end",
                        List.of("data:image/png;base64,AAAA", "b.png"))),
                256,
                0.75f,
                "sql-lora",
                576),
            "infer = (messages = [(role = \"system\", content = \"Be brief.\", images ="
                + " [\"https://example.com/a.png\"]), (role = \"user\", content = \"Qu\\'est-ce que"
                + " c\\'est ? 中文 \\\"quoted\\\" \\\\ end\", images ="
                + " [\"data:image/png;base64,AAAA\", \"b.png\"])], maxTokens = 256, temperature ="
                + " 0.75, adapter = \"sql-lora\", imageTokens = 576)"),
        new Sample(
            10,
            new Body.Encode(List.of("https://example.com/cat.png", "data:image/jpeg;base64,/9j/")),
            "encode = (images = [\"https://example.com/cat.png\","
                + " \"data:image/jpeg;base64,/9j/\"])"),
        new Sample(11, new Body.Encoded(1152), "encoded = (imageTokens = 1152)"),
        new Sample(12, new Body.Token(41, " world"), "token = (index = 41, text = \" world\")"),
        new Sample(
            13,
            new Body.Done(12, 34, "length"),
            "done = (promptTokens = 12, completionTokens = 34, finishReason = \"length\")"),
        new Sample(
            14,
            new Body.Failure(FailureCode.UNKNOWN_ADAPTER, "no adapter x"),
            "failure = (code = unknownAdapter, message = \"no adapter x\")"),
        new Sample(15, new Body.Cancel(), "cancel = void"),
        new Sample(
            16,
            new Body.Heartbeat(
                123_456_789_012L, AgentState.READY, 3, 99_999_999_999L, List.of("a", "b")),
            "heartbeat = (sentNanos = 123456789012, state = ready, inFlight = 3, completed ="
                + " 99999999999, adapters = [\"a\", \"b\"])"),
        new Sample(17, new Body.Drain(), "drain = void"),
        new Sample(18, new Body.Drained(-1L), "drained = (completed = 18446744073709551615)"),
        new Sample(19, new Body.StatusRequest(), "statusRequest = void"),
        new Sample(
            20,
            new Body.Status(5, AgentState.DRAINING, 1, 2, List.of("only")),
            "status = (sentNanos = 5, state = draining, inFlight = 1, completed = 2, adapters ="
                + " [\"only\"])"),
        new Sample(
            21,
            new Body.Ping(1000, "ping-payload".getBytes(UTF_8)),
            "ping = (sentNanos = 1000, payload = \"ping-payload\")"),
        new Sample(
            -1L,
            new Body.Pong(2000, "pong".getBytes(UTF_8)),
            "pong = (sentNanos = 2000, payload = \"pong\")"),
        new Sample(
            23,
            new Body.Setup("llava", "vision", ModelKind.VISION, 4096, 0, 1, LoraMode.STATIC, 0),
            "setup = (model = \"llava\", role = \"vision\", kind = vision, maxContext = 4096, shard"
                + " = 0, shards = 1, loraMode = static, maxAdapters = 0)"),
        new Sample(
            24,
            new Body.Infer(List.of(new ChatMessage("user", "", List.of())), 1, 0.0f, "", 0),
            "infer = (messages = [(role = \"user\", content = \"\", images = [])], maxTokens = 1,"
                + " temperature = 0, adapter = \"\", imageTokens = 0)"));
  }
}
