package nova.conductor.wire;

/**
 * One decoded frame. {@code seq} is a UInt64 held in a long's bits: a reply carries its request's
 * seq, and the Token, Done and Failure frames of an inference carry the seq of its InferRequest.
 */
public record Envelope(int version, long seq, Body body) {}
