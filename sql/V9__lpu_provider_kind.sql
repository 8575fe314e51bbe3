-- The LLM gateway learns the `lpu` provider kind: a Nova conductor's OpenAI-compatible endpoint.
ALTER TABLE llm_providers DROP CONSTRAINT llm_providers_kind_check;
ALTER TABLE llm_providers ADD CONSTRAINT llm_providers_kind_check CHECK (kind IN ('openai', 'anthropic', 'ollama', 'local', 'lpu'));
