// Ollama's official JavaScript library against the service's /api: prints what it received as one JSON object.
import { Ollama } from 'ollama';

import { failure } from './failure.mjs';

const { AEGIS_URL, AEGIS_KEY, AEGIS_QUESTION } = process.env;
const ollama = new Ollama({ host: AEGIS_URL, headers: { Authorization: `Bearer ${AEGIS_KEY}` } });
const ask = [{ role: 'user', content: AEGIS_QUESTION }];
const out = {};

out.tags = (await ollama.list()).models.map((model) => model.name);
out.show = (await ollama.show({ model: 'aegisrag' })).details;

const chat = await ollama.chat({ model: 'aegisrag:latest', messages: ask, stream: false });
out.chat = { role: chat.message.role, content: chat.message.content, done: chat.done, source_titles: chat.sources.map((s) => s.title) };

const parts = await ollama.chat({ model: 'aegisrag-vector', messages: ask, stream: true });
const streamed = { content: '', parts: 0, done: false, done_reason: null, total_duration: null, source_titles: null };
for await (const part of parts) {
  streamed.parts++;
  streamed.content += part.message.content;
  if (part.done) {
    streamed.done = true;
    streamed.done_reason = part.done_reason;
    streamed.total_duration = part.total_duration;
    streamed.source_titles = part.sources.map((s) => s.title);
  }
}
out.stream = streamed;

let generated = '';
for await (const part of await ollama.generate({ model: 'aegisrag', prompt: AEGIS_QUESTION, stream: true })) {
  generated += part.response;
}
out.generate = generated;

out.unknown_model = await failure(() => ollama.chat({ model: 'llama3.2', messages: ask, stream: false }));
out.wrong_key = await failure(() => new Ollama({ host: AEGIS_URL, headers: { Authorization: 'Bearer not-a-key' } }).list());

console.log(JSON.stringify(out));
