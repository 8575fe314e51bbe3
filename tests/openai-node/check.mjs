// OpenAI's own Node SDK against Nova's /v1, unchanged but for baseURL and the key.
// Prints one JSON object with what each call returned; OpenAiNodeSdkIT asserts on it.
import OpenAI from "openai";

const client = new OpenAI({ baseURL: process.env.NOVA_BASE_URL + "/v1", apiKey: process.env.NOVA_API_KEY, maxRetries: 0 });
const model = process.env.NOVA_MODEL;
const messages = [{ role: "user", content: "Say hello from the Node SDK" }];
const out = {};

const models = await client.models.list();
out.models = models.data.map((m) => m.id);

const whole = await client.chat.completions.create({ model, messages });
out.whole = { model: whole.model, text: whole.choices[0].message.content, finish: whole.choices[0].finish_reason, usage: whole.usage };

const stream = await client.chat.completions.create({ model, messages, stream: true, stream_options: { include_usage: true } });
let text = "";
let chunks = 0;
let usage = null;
for await (const chunk of stream) {
  chunks++;
  if (chunk.usage) usage = chunk.usage;
  text += chunk.choices[0]?.delta?.content ?? "";
}
out.streamed = { text, chunks, usage };

const embedding = await client.embeddings.create({ model: process.env.NOVA_EMBED_MODEL, input: "hello" });
out.embedding = { length: embedding.data[0].embedding.length, first: embedding.data[0].embedding[0] };

try {
  await client.chat.completions.create({ model: "no-such/model", messages });
  out.unknown = { status: 200 };
} catch (e) {
  out.unknown = { status: e.status, message: e.message, param: e.param, code: e.code };
}

console.log(JSON.stringify(out));
