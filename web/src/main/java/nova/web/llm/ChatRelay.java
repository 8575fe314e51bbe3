package nova.web.llm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import nova.activities.llm.gateway.GatewayAnswer;
import nova.activities.llm.gateway.GatewayCall;
import nova.activities.llm.gateway.LlmServices;
import nova.activities.llm.gateway.Route;

/**
 * Runs a streamed gateway call on its own virtual thread and hands its events to the thread writing
 * the HTTP response. The response waits for the first event, so a call that fails before its first
 * token still answers with a proper status instead of a broken stream.
 */
public final class ChatRelay {
  public sealed interface Event {}

  public record Delta(Route route, ObjectNode delta) implements Event {}

  public record Done(GatewayAnswer answer) implements Event {}

  public record Failed(RuntimeException error) implements Event {}

  /**
   * Thrown into the provider's stream when the client has gone, which closes the provider
   * connection.
   */
  static final class ClientGone extends RuntimeException {
    ClientGone() {
      super("the client closed the connection", null, false, false);
    }
  }

  /** Writes each kind of event to the client; a write that fails means the client has gone. */
  public interface Writer {
    void delta(Delta delta) throws IOException;

    void done(Done done) throws IOException;

    void failed(Failed failed) throws IOException;
  }

  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private volatile boolean cancelled;

  public static ChatRelay start(LlmServices gateway, GatewayCall call) {
    ChatRelay relay = new ChatRelay();
    Thread.ofVirtual()
        .name("nova-chat-relay")
        .start(
            () -> {
              try {
                relay.events.add(
                    new Done(
                        gateway.stream(
                            call,
                            (route, delta) -> {
                              if (relay.cancelled) throw new ClientGone();
                              relay.events.add(new Delta(route, delta));
                            })));
              } catch (RuntimeException e) {
                relay.events.add(new Failed(e));
              }
            });
    return relay;
  }

  public Event next() {
    try {
      return events.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      cancel();
      return new Failed(new ClientGone());
    }
  }

  /**
   * Hands every event from {@code first} on to {@code writer} until the call ends; a client that
   * went away cancels the provider's stream.
   */
  public void drain(Event first, Writer writer) throws IOException {
    try {
      for (Event event = first; ; event = next()) {
        switch (event) {
          case Delta d -> writer.delta(d);
          case Done d -> {
            writer.done(d);
            return;
          }
          case Failed f -> {
            writer.failed(f);
            return;
          }
        }
      }
    } catch (IOException clientGone) {
      cancel();
      throw clientGone;
    }
  }

  public void cancel() {
    cancelled = true;
  }
}
