package nova.tests;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** An open page's /events stream, read event by event (name, id, data) as EventSource reads it. */
final class EventStream implements AutoCloseable {
  record Event(String name, String id, String data) {}

  private final HttpResponse<Stream<String>> response;
  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final Thread reader;

  private EventStream(HttpResponse<Stream<String>> response) {
    this.response = response;
    this.reader = Thread.ofVirtual().start(this::read);
  }

  /** With credentials as header pairs (a session cookie, or X-Admin-Secret). */
  static EventStream open(String baseUrl, String lastEventId, String... credentials)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + "/events")).headers(credentials);
    if (lastEventId != null) request.header("Last-Event-ID", lastEventId);
    HttpResponse<Stream<String>> response =
        HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofLines());
    if (response.statusCode() != 200)
      throw new AssertionError("/events answered " + response.statusCode());
    return new EventStream(response);
  }

  private void read() {
    String name = "message";
    String id = null;
    StringBuilder data = new StringBuilder();
    try {
      for (var lines = response.body().iterator(); lines.hasNext(); ) {
        String line = lines.next();
        if (line.isEmpty()) {
          if (!data.isEmpty()) events.add(new Event(name, id, data.toString()));
          name = "message";
          id = null;
          data.setLength(0);
        } else if (line.startsWith("event:")) {
          name = line.substring(6).trim();
        } else if (line.startsWith("id:")) {
          id = line.substring(3).trim();
        } else if (line.startsWith("data:")) {
          data.append(line.substring(5).trim());
        }
      }
    } catch (RuntimeException closedByTheTest) {
      // the test closes the stream when it has heard enough
    }
  }

  /**
   * The next event whose name is {@code name} and whose data contains {@code fragment}; the others
   * before it are skipped.
   */
  Event next(String name, String fragment, int seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      Event e = events.poll(100, TimeUnit.MILLISECONDS);
      if (e != null && e.name().equals(name) && e.data().contains(fragment)) return e;
    }
    throw new AssertionError(
        "no '" + name + "' event with " + fragment + " within " + seconds + " s");
  }

  /** Every event that arrives within the time, in order. */
  List<Event> drain(int millis) throws InterruptedException {
    List<Event> all = new ArrayList<>();
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    while (System.nanoTime() < deadline) {
      Event e = events.poll(50, TimeUnit.MILLISECONDS);
      if (e != null) all.add(e);
    }
    return all;
  }

  /** Whether the server ended the stream within the time. */
  boolean endsWithin(int seconds) throws InterruptedException {
    reader.join(Duration.ofSeconds(seconds));
    return !reader.isAlive();
  }

  @Override
  public void close() {
    response.body().close();
    reader.interrupt();
  }
}
