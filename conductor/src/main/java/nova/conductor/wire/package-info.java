/**
 * The conductor-agent protocol: Cap'n Proto {@code Frame}s ({@code
 * conductor/capnp/conductor.capnp}) in standard stream framing over a UNIX domain socket. {@link
 * nova.conductor.wire.Body} and {@link nova.conductor.wire.Envelope} are what callers see; {@link
 * nova.conductor.wire.Wire} converts them, {@link nova.conductor.wire.FrameChannel} moves them, and
 * {@link nova.conductor.wire.JsonFrames} exists only to benchmark against. The struct accessors are
 * written by hand (capnpc-java is not available) from the offsets that {@code capnp compile
 * -ocapnp} prints, and CapnpInteropTest holds them to the reference implementation.
 */
package nova.conductor.wire;
