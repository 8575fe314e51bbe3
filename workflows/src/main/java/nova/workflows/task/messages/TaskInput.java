package nova.workflows.task.messages;

import java.util.UUID;

/**
 * The one record every task action carries. {@code actor} names who acts ("admin:alice",
 * "server:build-01"); {@code serverId} is the acting agent's server (or the server to assign to);
 * {@code text} is the plan, question, answer, feedback, result or note; {@code interventionId}
 * names the intervention an answer is for. {@code requestId} is the caller's Idempotency-Key (as
 * its Update id), stored with the event it makes, so that a repeat is recognised in PostgreSQL even
 * where Temporal no longer can (a new run after continue-as-new, or a workflow started again).
 */
public record TaskInput(
    String actor,
    UUID serverId,
    String text,
    UUID interventionId,
    boolean urgent,
    String requestId) {

  public TaskInput(String actor, UUID serverId, String text, UUID interventionId, boolean urgent) {
    this(actor, serverId, text, interventionId, urgent, null);
  }

  public TaskInput withRequestId(String id) {
    return new TaskInput(actor, serverId, text, interventionId, urgent, id);
  }

  public static TaskInput human(String actor, String text) {
    return new TaskInput(actor, null, text, null, false);
  }

  public static TaskInput agent(String actor, UUID serverId, String text) {
    return new TaskInput(actor, serverId, text, null, false);
  }
}
