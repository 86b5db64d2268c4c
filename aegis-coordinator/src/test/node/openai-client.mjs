// The official OpenAI SDK against the service's /v1: prints what it received as one JSON object.
import OpenAI from 'openai';

import { failure } from './failure.mjs';

const { AEGIS_URL, AEGIS_KEY, AEGIS_QUESTION } = process.env;
const client = new OpenAI({ baseURL: `${AEGIS_URL}/v1`, apiKey: AEGIS_KEY, maxRetries: 0 });
const ask = [{ role: 'user', content: AEGIS_QUESTION }];
const out = {};

const models = [];
for await (const model of client.models.list()) {
  models.push(model.id);
}
out.models = models;

const completion = await client.chat.completions.create({ model: 'aegisrag', messages: ask });
out.chat = {
  object: completion.object,
  content: completion.choices[0].message.content,
  role: completion.choices[0].message.role,
  finish_reason: completion.choices[0].finish_reason,
  usage: completion.usage,
  source_titles: completion.sources.map((source) => source.title),
};

const stream = await client.chat.completions.create({
  model: 'aegisrag-hybrid', messages: ask, stream: true, stream_options: { include_usage: true },
});
const streamed = { content: '', chunks: 0, ids: new Set(), finish_reason: null, usage: null, source_titles: null };
for await (const chunk of stream) {
  streamed.chunks++;
  streamed.ids.add(chunk.id);
  if (chunk.choices.length > 0) {
    streamed.content += chunk.choices[0].delta?.content ?? '';
    streamed.finish_reason = chunk.choices[0].finish_reason ?? streamed.finish_reason;
  }
  if (chunk.usage) streamed.usage = chunk.usage;
  if (chunk.sources) streamed.source_titles = chunk.sources.map((source) => source.title);
}
out.stream = { ...streamed, ids: streamed.ids.size };

const followUp = await client.chat.completions.create({
  model: 'aegisrag',
  messages: [...ask, { role: 'assistant', content: completion.choices[0].message.content }, { role: 'user', content: 'and who inspects it?' }],
});
out.follow_up = { content: followUp.choices[0].message.content, source_titles: followUp.sources.map((source) => source.title) };

const base64 = await client.embeddings.create({ model: 'text-embedding-3-small', input: [AEGIS_QUESTION, 'another text'] });
const floats = await client.embeddings.create({ model: 'text-embedding-3-small', input: AEGIS_QUESTION, encoding_format: 'float' });
out.embeddings = {
  count: base64.data.length,
  dimension: base64.data[0].embedding.length,
  model: base64.model,
  same_in_both_encodings: base64.data[0].embedding.every((value, i) => Math.abs(value - floats.data[0].embedding[i]) < 1e-6),
  differ_between_inputs: base64.data[0].embedding.some((value, i) => value !== base64.data[1].embedding[i]),
};

out.unknown_model = await failure(() => client.chat.completions.create({ model: 'gpt-4o', messages: ask }));
out.bad_messages = await failure(() => client.chat.completions.create({ model: 'aegisrag', messages: [{ role: 'assistant', content: 'hi' }] }));
out.wrong_key = await failure(() => new OpenAI({ baseURL: `${AEGIS_URL}/v1`, apiKey: 'not-a-key', maxRetries: 0 }).models.list());

console.log(JSON.stringify(out));
