package nova.activities.llm;

/** The wire protocols Nova speaks to providers. */
public enum ProviderKind {
  /** OpenAI's chat completions API, which OpenAI, Groq, OpenRouter, Cerebras, GitHub Models, Gemini, vLLM, SGLang and Ollama also serve. */
  OPENAI,
  /** Anthropic's Messages API. */
  ANTHROPIC,
  /** Ollama's native /api/chat. */
  OLLAMA
}
