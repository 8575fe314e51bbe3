package nova.activities.memory;

/**
 * Input the memory service refuses, with a message that names what is wrong and what is allowed.
 */
public final class BadMemoryRequest extends RuntimeException {
  public BadMemoryRequest(String message) {
    super(message);
  }
}
