package nova.activities.llm;

import java.util.Locale;

/** The wire protocols Nova speaks to providers. */
public enum ProviderKind {
  /**
   * OpenAI's chat completions API, which OpenAI, Groq, OpenRouter, Cerebras, GitHub Models, Gemini,
   * vLLM, SGLang and Ollama also serve.
   */
  OPENAI,
  /** Anthropic's Messages API. */
  ANTHROPIC,
  /** Ollama's native /api/chat. */
  OLLAMA,
  /**
   * Nova's LPU conductor: its OpenAI-compatible endpoint under /openai/v1, in front of inference
   * agents on LPU engines.
   */
  LPU,
  /**
   * Nova's built-in local model, served on a loopback port in OpenAI's protocol; deterministic
   * text, not a real model.
   */
  LOCAL;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ProviderKind fromWire(String kind) {
    return valueOf(kind.toUpperCase(Locale.ROOT));
  }
}
