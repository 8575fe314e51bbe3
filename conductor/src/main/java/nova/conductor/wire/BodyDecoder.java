package nova.conductor.wire;

import java.util.List;
import java.util.OptionalLong;
import nova.conductor.wire.BadFrame.Reason;
import nova.conductor.wire.Body.ChatMessage;
import org.capnproto.StructList;

/**
 * Reads a Frame's body into its record, refusing union members and enumerants this peer does not
 * know.
 */
final class BodyDecoder {
  private static final Body ASSIGNED = new Body.Assigned();
  private static final Body CANCEL = new Body.Cancel();
  private static final Body DRAIN = new Body.Drain();
  private static final Body STATUS_REQUEST = new Body.StatusRequest();

  private final FrameStruct.Reader frame;
  private final long seq;

  private BodyDecoder(FrameStruct.Reader frame, long seq) {
    this.frame = frame;
    this.seq = seq;
  }

  static Body decode(FrameStruct.Reader frame, long seq) throws BadFrame {
    return new BodyDecoder(frame, seq).body();
  }

  private Body body() throws BadFrame {
    FrameStruct.Which which = FrameStruct.Which.ofTag(frame.tag());
    if (which == null) {
      throw unknown("body tag " + frame.tag());
    }
    return switch (which) {
      case HELLO -> {
        ModelStructs.Hello.Reader s = frame.body(ModelStructs.Hello.factory);
        yield new Body.Hello(s.agentId(), s.engine(), s.pid(), s.mock());
      }
      case SETUP -> {
        ModelStructs.Setup.Reader s = frame.body(ModelStructs.Setup.factory);
        yield new Body.Setup(
            s.model(),
            s.role(),
            known(s.kind(), "ModelKind"),
            s.maxContext(),
            s.shard(),
            s.shards(),
            known(s.loraMode(), "LoraMode"),
            s.maxAdapters());
      }
      case SETUP_DONE -> {
        ModelStructs.SetupDone.Reader s = frame.body(ModelStructs.SetupDone.factory);
        yield new Body.SetupDone(s.ok(), s.message(), s.loadMillis());
      }
      case ASSIGN -> {
        ModelStructs.Assign.Reader s = frame.body(ModelStructs.Assign.factory);
        yield new Body.Assign(s.instance(), s.role(), s.group(), s.peers());
      }
      case ASSIGNED -> ASSIGNED;
      case LOAD_ADAPTER -> {
        ModelStructs.Adapter.Reader s = frame.body(ModelStructs.Adapter.factory);
        yield new Body.LoadAdapter(s.name(), s.rank(), s.path());
      }
      case UNLOAD_ADAPTER -> {
        ModelStructs.Adapter.Reader s = frame.body(ModelStructs.Adapter.factory);
        yield new Body.UnloadAdapter(s.name(), s.rank(), s.path());
      }
      case ADAPTER_RESULT -> {
        ModelStructs.AdapterResult.Reader s = frame.body(ModelStructs.AdapterResult.factory);
        yield new Body.AdapterResult(s.ok(), s.message(), s.loaded());
      }
      case INFER -> infer(frame.body(InferStructs.InferRequest.factory));
      case ENCODE -> new Body.Encode(frame.body(InferStructs.EncodeRequest.factory).images());
      case ENCODED -> new Body.Encoded(frame.body(InferStructs.Encoded.factory).imageTokens());
      case TOKEN -> {
        InferStructs.Token.Reader s = frame.body(InferStructs.Token.factory);
        yield new Body.Token(s.index(), s.text());
      }
      case DONE -> {
        InferStructs.Done.Reader s = frame.body(InferStructs.Done.factory);
        yield new Body.Done(s.promptTokens(), s.completionTokens(), s.finishReason());
      }
      case FAILURE -> {
        InferStructs.Failure.Reader s = frame.body(InferStructs.Failure.factory);
        yield new Body.Failure(known(s.code(), "FailureCode"), s.message());
      }
      case CANCEL -> CANCEL;
      case HEARTBEAT -> {
        StatusStructs.Heartbeat.Reader s = frame.body(StatusStructs.Heartbeat.factory);
        yield new Body.Heartbeat(
            s.sentNanos(),
            known(s.state(), "AgentState"),
            s.inFlight(),
            s.completed(),
            s.adapters());
      }
      case DRAIN -> DRAIN;
      case DRAINED -> new Body.Drained(frame.body(StatusStructs.Drained.factory).completed());
      case STATUS_REQUEST -> STATUS_REQUEST;
      case STATUS -> {
        StatusStructs.Heartbeat.Reader s = frame.body(StatusStructs.Heartbeat.factory);
        yield new Body.Status(
            s.sentNanos(),
            known(s.state(), "AgentState"),
            s.inFlight(),
            s.completed(),
            s.adapters());
      }
      case PING -> {
        StatusStructs.Ping.Reader s = frame.body(StatusStructs.Ping.factory);
        yield new Body.Ping(s.sentNanos(), s.payload());
      }
      case PONG -> {
        StatusStructs.Ping.Reader s = frame.body(StatusStructs.Ping.factory);
        yield new Body.Pong(s.sentNanos(), s.payload());
      }
    };
  }

  private Body infer(InferStructs.InferRequest.Reader s) {
    StructList.Reader<InferStructs.ChatMessage.Reader> list = s.messages();
    ChatMessage[] messages = new ChatMessage[list.size()];
    for (int i = 0; i < messages.length; i++) {
      InferStructs.ChatMessage.Reader m = list.get(i);
      messages[i] = new ChatMessage(m.role(), m.content(), m.images());
    }
    return new Body.Infer(
        List.of(messages), s.maxTokens(), s.temperature(), s.adapter(), s.imageTokens());
  }

  private <E extends Enum<E>> E known(E value, String type) throws BadFrame {
    if (value == null) {
      throw unknown(type + " enumerant");
    }
    return value;
  }

  private BadFrame unknown(String what) {
    return new BadFrame(
        Reason.UNKNOWN_MEMBER,
        "unknown " + what + " (from a newer peer?)",
        OptionalLong.of(seq),
        null);
  }
}
