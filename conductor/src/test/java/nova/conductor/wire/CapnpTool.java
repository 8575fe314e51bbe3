package nova.conductor.wire;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.capnproto.MessageBuilder;
import org.capnproto.Serialize;

/**
 * Runs Debian's reference {@code capnp} tool on conductor.capnp; missing, it fails the test rather
 * than skip it.
 */
final class CapnpTool {
  static final Path SCHEMA =
      Path.of(System.getProperty("basedir", "."), "capnp", "conductor.capnp").toAbsolutePath();

  private CapnpTool() {}

  /** capnp text of a Frame in, stream-framed binary out. */
  static byte[] encode(String text) throws Exception {
    return run(text.getBytes(StandardCharsets.UTF_8), "encode", SCHEMA.toString(), "Frame");
  }

  /** Stream-framed binary in, one line of capnp text per frame out. */
  static String decode(byte[] frames) throws Exception {
    return new String(
        run(frames, "decode", "--short", SCHEMA.toString(), "Frame"), StandardCharsets.UTF_8);
  }

  static String compileToCapnp() throws Exception {
    return new String(
        run(new byte[0], "compile", "-ocapnp", SCHEMA.toString()), StandardCharsets.UTF_8);
  }

  static byte[] bytesOf(MessageBuilder message) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Serialize.write(Channels.newChannel(out), message);
    return out.toByteArray();
  }

  private static byte[] run(byte[] input, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(executable().toString());
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).start();
    CompletableFuture<byte[]> stdout =
        CompletableFuture.supplyAsync(() -> drain(process.getInputStream()));
    CompletableFuture<byte[]> stderr =
        CompletableFuture.supplyAsync(() -> drain(process.getErrorStream()));
    try (var stdin = process.getOutputStream()) {
      stdin.write(input);
    }
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail("capnp " + String.join(" ", args) + " did not finish in 30 s");
    }
    if (process.exitValue() != 0) {
      fail(
          "capnp "
              + String.join(" ", args)
              + " exited "
              + process.exitValue()
              + ": "
              + new String(stderr.get(), StandardCharsets.UTF_8));
    }
    return stdout.get();
  }

  private static Path executable() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = Path.of(dir, "capnp");
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return fail(
        "capnp is not on PATH: install Debian's capnproto package (bin/nova test provisions it)");
  }

  private static byte[] drain(InputStream in) {
    try (in) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new RuntimeException(e);
    }
  }
}
