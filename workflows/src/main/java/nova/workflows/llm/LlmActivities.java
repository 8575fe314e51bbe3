package nova.workflows.llm;

import io.temporal.activity.ActivityInterface;
import nova.workflows.llm.messages.LlmPrompt;
import nova.workflows.llm.messages.LlmReply;

/**
 * Model calls through Nova's gateway. Prompts and answers are rows in PostgreSQL: a prompt names
 * its messages by text id and the reply carries the answer's text id, so workflow histories hold
 * ids, never text. A call is idempotent by its call id: a retry after the answer was stored returns
 * that answer without asking a model again. Failures are {@link LlmFailure}s.
 */
@ActivityInterface
public interface LlmActivities {
  /**
   * Activities of this interface are served on their own queue, so long model calls never hold the
   * task queue's slots.
   */
  String TASK_QUEUE = "nova-llm";

  LlmReply chat(LlmPrompt prompt);
}
