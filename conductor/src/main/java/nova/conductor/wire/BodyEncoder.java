package nova.conductor.wire;

import static nova.conductor.wire.FrameStruct.Which;

import java.util.List;
import nova.conductor.wire.Body.ChatMessage;
import org.capnproto.StructList;

/**
 * Writes a Body into a Frame. Fields go in schema order, which is also the order of their pointers,
 * so a message is laid out word for word as {@code capnp encode} lays out the same text
 * (CapnpInteropTest checks it).
 */
final class BodyEncoder {
  private BodyEncoder() {}

  static void encode(Body body, FrameStruct.Builder frame) {
    switch (body) {
      case Body.Hello b -> {
        ModelStructs.Hello.Builder s = frame.init(Which.HELLO, ModelStructs.Hello.factory);
        s.setAgentId(b.agentId());
        s.setEngine(b.engine());
        s.setPid(b.pid());
        s.setMock(b.mock());
      }
      case Body.Setup b -> {
        ModelStructs.Setup.Builder s = frame.init(Which.SETUP, ModelStructs.Setup.factory);
        s.setModel(b.model());
        s.setRole(b.role());
        s.setKind(b.kind());
        s.setMaxContext(b.maxContext());
        s.setShard(b.shard());
        s.setShards(b.shards());
        s.setLoraMode(b.loraMode());
        s.setMaxAdapters(b.maxAdapters());
      }
      case Body.SetupDone b -> {
        ModelStructs.SetupDone.Builder s =
            frame.init(Which.SETUP_DONE, ModelStructs.SetupDone.factory);
        s.setOk(b.ok());
        s.setMessage(b.message());
        s.setLoadMillis(b.loadMillis());
      }
      case Body.Assign b -> {
        ModelStructs.Assign.Builder s = frame.init(Which.ASSIGN, ModelStructs.Assign.factory);
        s.setInstance(b.instance());
        s.setRole(b.role());
        s.setGroup(b.group());
        s.setPeers(b.peers());
      }
      case Body.Assigned b -> frame.set(Which.ASSIGNED);
      case Body.LoadAdapter b ->
          adapter(
              frame.init(Which.LOAD_ADAPTER, ModelStructs.Adapter.factory),
              b.name(),
              b.rank(),
              b.path());
      case Body.UnloadAdapter b ->
          adapter(
              frame.init(Which.UNLOAD_ADAPTER, ModelStructs.Adapter.factory),
              b.name(),
              b.rank(),
              b.path());
      case Body.AdapterResult b -> {
        ModelStructs.AdapterResult.Builder s =
            frame.init(Which.ADAPTER_RESULT, ModelStructs.AdapterResult.factory);
        s.setOk(b.ok());
        s.setMessage(b.message());
        s.setLoaded(b.loaded());
      }
      case Body.Infer b -> infer(frame.init(Which.INFER, InferStructs.InferRequest.factory), b);
      case Body.Encode b ->
          frame.init(Which.ENCODE, InferStructs.EncodeRequest.factory).setImages(b.images());
      case Body.Encoded b ->
          frame.init(Which.ENCODED, InferStructs.Encoded.factory).setImageTokens(b.imageTokens());
      case Body.Token b -> {
        InferStructs.Token.Builder s = frame.init(Which.TOKEN, InferStructs.Token.factory);
        s.setIndex(b.index());
        s.setText(b.text());
      }
      case Body.Done b -> {
        InferStructs.Done.Builder s = frame.init(Which.DONE, InferStructs.Done.factory);
        s.setPromptTokens(b.promptTokens());
        s.setCompletionTokens(b.completionTokens());
        s.setFinishReason(b.finishReason());
      }
      case Body.Failure b -> {
        InferStructs.Failure.Builder s = frame.init(Which.FAILURE, InferStructs.Failure.factory);
        s.setCode(b.code());
        s.setMessage(b.message());
      }
      case Body.Cancel b -> frame.set(Which.CANCEL);
      case Body.Heartbeat b -> {
        StatusStructs.Heartbeat.Builder s =
            frame.init(Which.HEARTBEAT, StatusStructs.Heartbeat.factory);
        heartbeat(s, b.sentNanos(), b.state(), b.inFlight(), b.completed(), b.adapters());
      }
      case Body.Drain b -> frame.set(Which.DRAIN);
      case Body.Drained b ->
          frame.init(Which.DRAINED, StatusStructs.Drained.factory).setCompleted(b.completed());
      case Body.StatusRequest b -> frame.set(Which.STATUS_REQUEST);
      case Body.Status b -> {
        StatusStructs.Heartbeat.Builder s =
            frame.init(Which.STATUS, StatusStructs.Heartbeat.factory);
        heartbeat(s, b.sentNanos(), b.state(), b.inFlight(), b.completed(), b.adapters());
      }
      case Body.Ping b ->
          ping(frame.init(Which.PING, StatusStructs.Ping.factory), b.sentNanos(), b.payload());
      case Body.Pong b ->
          ping(frame.init(Which.PONG, StatusStructs.Ping.factory), b.sentNanos(), b.payload());
    }
  }

  private static void adapter(ModelStructs.Adapter.Builder s, String name, int rank, String path) {
    s.setName(name);
    s.setRank(rank);
    s.setPath(path);
  }

  private static void infer(InferStructs.InferRequest.Builder s, Body.Infer b) {
    List<ChatMessage> messages = b.messages();
    StructList.Builder<InferStructs.ChatMessage.Builder> list = s.initMessages(messages.size());
    for (int i = 0; i < messages.size(); i++) {
      InferStructs.ChatMessage.Builder m = list.get(i);
      m.setRole(messages.get(i).role());
      m.setContent(messages.get(i).content());
      m.setImages(messages.get(i).images());
    }
    s.setMaxTokens(b.maxTokens());
    s.setTemperature(b.temperature());
    s.setAdapter(b.adapter());
    s.setImageTokens(b.imageTokens());
  }

  private static void heartbeat(
      StatusStructs.Heartbeat.Builder s,
      long sentNanos,
      AgentState state,
      int inFlight,
      long completed,
      List<String> adapters) {
    s.setSentNanos(sentNanos);
    s.setState(state);
    s.setInFlight(inFlight);
    s.setCompleted(completed);
    s.setAdapters(adapters);
  }

  private static void ping(StatusStructs.Ping.Builder s, long sentNanos, byte[] payload) {
    s.setSentNanos(sentNanos);
    s.setPayload(payload);
  }
}
