@0x86090b8c66e71603;
# The conductor <-> agent protocol: one Frame per message, standard stream framing
# (segment table) over a UNIX domain socket.
#
# Evolution rules, so that old and new peers keep understanding each other:
# - Only add fields, union members, enumerants and structs, each at the end with the
#   next unused ordinal. Never renumber, rename-with-new-meaning, retype or remove one.
# - Raise protocolVersion only for a change that old peers cannot read safely. A peer
#   refuses (with Failure.code = unsupportedVersion, then closes) a frame whose version
#   it does not know; a union member or enumerant it does not know is a bad frame too.
# - The Java accessors in nova.conductor.wire are written by hand from the offsets that
#   `capnp compile -ocapnp conductor.capnp` prints; the interop tests guard them.

const protocolVersion :UInt16 = 1;

struct Frame {
  version @0 :UInt16;
  # Always protocolVersion of the sender.
  seq @1 :UInt64;
  # Correlates replies with requests: a reply carries the seq of its request, and the
  # token, done and failure frames of an inference carry the seq of its InferRequest.

  union {
    hello @2 :Hello;           # agent -> conductor, the first frame after connecting
    setup @3 :Setup;           # conductor -> agent: load a model
    setupDone @4 :SetupDone;
    assign @5 :Assign;
    assigned @6 :Void;         # the ack of assign
    loadAdapter @7 :Adapter;
    unloadAdapter @8 :Adapter;
    adapterResult @9 :AdapterResult;
    infer @10 :InferRequest;
    encode @11 :EncodeRequest; # vision encoder work
    encoded @12 :Encoded;
    token @13 :Token;
    done @14 :Done;
    failure @15 :Failure;
    cancel @16 :Void;          # cancel the inference whose seq this frame carries
    heartbeat @17 :Heartbeat;
    drain @18 :Void;
    drained @19 :Drained;
    statusRequest @20 :Void;
    status @21 :Heartbeat;
    ping @22 :Ping;            # liveness probes and the round-trip benchmark
    pong @23 :Ping;
  }
}

struct Hello {
  agentId @0 :Text;
  engine @1 :Text;
  pid @2 :UInt32;
  mock @3 :Bool;
}

enum ModelKind {
  single @0;
  specDecode @1;
  vision @2;
}

enum LoraMode {
  none @0;
  static @1;
  dynamic @2;
}

struct Setup {
  model @0 :Text;
  role @1 :Text;
  kind @2 :ModelKind;
  maxContext @3 :UInt32;
  shard @4 :UInt16;
  shards @5 :UInt16;
  loraMode @6 :LoraMode;
  maxAdapters @7 :UInt16;
}

struct SetupDone {
  ok @0 :Bool;
  message @1 :Text;
  loadMillis @2 :UInt32;
}

struct Assign {
  instance @0 :Text;
  role @1 :Text;
  group @2 :UInt16;
  peers @3 :List(Text);
}

struct Adapter {
  name @0 :Text;
  rank @1 :UInt16;
  path @2 :Text;
}

struct AdapterResult {
  ok @0 :Bool;
  message @1 :Text;
  loaded @2 :List(Text);
}

struct ChatMessage {
  role @0 :Text;
  content @1 :Text;
  images @2 :List(Text);
}

struct InferRequest {
  messages @0 :List(ChatMessage);
  maxTokens @1 :UInt32;
  temperature @2 :Float32;
  adapter @3 :Text;
  imageTokens @4 :UInt32;
}

struct EncodeRequest {
  images @0 :List(Text);
  # Image URLs or data: URIs.
}

struct Encoded {
  imageTokens @0 :UInt32;
}

struct Token {
  index @0 :UInt32;
  text @1 :Text;
}

struct Done {
  promptTokens @0 :UInt32;
  completionTokens @1 :UInt32;
  finishReason @2 :Text;
}

enum FailureCode {
  badRequest @0;
  unknownAdapter @1;
  overloaded @2;
  draining @3;
  internal @4;
  unsupportedVersion @5;
}

struct Failure {
  code @0 :FailureCode;
  message @1 :Text;
}

enum AgentState {
  starting @0;
  loading @1;
  ready @2;
  draining @3;
  drained @4;
  failed @5;
}

struct Heartbeat {
  sentNanos @0 :UInt64;
  state @1 :AgentState;
  inFlight @2 :UInt32;
  completed @3 :UInt64;
  adapters @4 :List(Text);
}

struct Drained {
  completed @0 :UInt64;
}

struct Ping {
  sentNanos @0 :UInt64;
  payload @1 :Data;
}
