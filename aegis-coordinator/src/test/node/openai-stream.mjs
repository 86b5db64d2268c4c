// One streamed chat completion through the official OpenAI SDK: prints its pieces, usage, sources, or the error it raised.
import OpenAI from 'openai';

const { AEGIS_URL, AEGIS_KEY, AEGIS_QUESTION } = process.env;
const client = new OpenAI({ baseURL: `${AEGIS_URL}/v1`, apiKey: AEGIS_KEY, maxRetries: 0 });
const out = { pieces: [], usage: null, source_titles: null, error: null };
try {
  const stream = await client.chat.completions.create({
    model: 'aegisrag', messages: [{ role: 'user', content: AEGIS_QUESTION }], stream: true, stream_options: { include_usage: true },
  });
  for await (const chunk of stream) {
    const content = chunk.choices[0]?.delta?.content;
    if (content) out.pieces.push(content);
    if (chunk.usage) out.usage = chunk.usage;
    if (chunk.sources) out.source_titles = chunk.sources.map((source) => source.title);
  }
} catch (e) {
  out.error = { message: e.message, name: e.constructor.name };
}
console.log(JSON.stringify(out));
