package nova.workflows.task.messages;

import java.util.UUID;

/**
 * The one record every task action carries. {@code actor} names who acts ("admin:alice",
 * "server:build-01"); {@code serverId} is the acting agent's server (or the server to assign to);
 * {@code text} is the plan, question, answer, feedback, result or note; {@code interventionId}
 * names the intervention an answer is for.
 */
public record TaskInput(String actor, UUID serverId, String text, UUID interventionId, boolean urgent) {

  public static TaskInput human(String actor, String text) {
    return new TaskInput(actor, null, text, null, false);
  }

  public static TaskInput agent(String actor, UUID serverId, String text) {
    return new TaskInput(actor, serverId, text, null, false);
  }
}
