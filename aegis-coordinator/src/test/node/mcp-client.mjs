// The official MCP TypeScript SDK against the service's /mcp: prints what it received as one JSON object.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

const { AEGIS_URL, AEGIS_KEY, AEGIS_WRITER_KEY, AEGIS_QUESTION, AEGIS_ENTITY } = process.env;

async function connect(key) {
  const client = new Client({ name: 'aegisrag-it', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(`${AEGIS_URL}/mcp`), {
    requestInit: { headers: { Authorization: `Bearer ${key}` } },
  }));
  return client;
}

async function call(client, name, args) {
  const result = await client.callTool({ name, arguments: args });
  const text = result.content[0].text;
  return { is_error: result.isError ?? false, json: JSON.parse(text) };
}

const reader = await connect(AEGIS_KEY);
const writer = await connect(AEGIS_WRITER_KEY);
const out = {};
out.server = reader.getServerVersion();
out.tools = (await reader.listTools()).tools.map((tool) => ({
  name: tool.name, description: tool.description, properties: Object.keys(tool.inputSchema.properties ?? {}), required: tool.inputSchema.required ?? [],
}));

out.search = await call(reader, 'search', { query: AEGIS_QUESTION, top_k: 3 });
out.ask = await call(reader, 'ask', { question: AEGIS_QUESTION });
out.get_entity = await call(reader, 'get_entity', { name: AEGIS_ENTITY, depth: 2 });
out.add_document_as_reader = await call(reader, 'add_document', { title: 'Refused', text: 'A reader may not write.' });
out.add_document = await call(writer, 'add_document', {
  title: 'MCP field notes', text: '# MCP field notes\n\nThe quartermaster of Zelkova station keeps the spare antenna in hangar nine.',
});
out.search_new_document = await call(reader, 'search', { query: 'Where is the spare antenna of Zelkova station kept?', top_k: 1 });
out.add_memory_episode = await call(writer, 'add_memory_episode', {
  session_id: 'mcp-it', content: 'Mirela Vasquez works at Quillon Labs.', reference_time: '2026-01-05T09:00:00Z',
});
out.search_memory_facts = await call(writer, 'search_memory_facts', { entity: 'Mirela Vasquez', query: 'Quillon' });
out.search_memory_facts_before = await call(writer, 'search_memory_facts', { entity: 'Mirela Vasquez', valid_at: '2025-12-01T00:00:00Z' });
out.search_memory_facts_as_reader = await call(reader, 'search_memory_facts', { entity: 'Mirela Vasquez', query: 'Quillon' });
out.bad_arguments = await call(reader, 'search', { query: 'antenna', top_k: 'three' });

const resources = await reader.listResources();
const templates = await reader.listResourceTemplates();
const list = await reader.readResource({ uri: 'aegis://documents' });
out.resources = {
  uris: resources.resources.map((resource) => resource.uri),
  templates: templates.resourceTemplates.map((template) => template.uriTemplate),
  document_titles: JSON.parse(list.contents[0].text).items.map((item) => item.title),
};
const documentId = out.add_document.json.document_id;
out.resources.read_title = JSON.parse((await reader.readResource({ uri: `aegis://documents/${documentId}` })).contents[0].text).title;

try {
  await connect('not-a-key');
  out.wrong_key = null;
} catch (e) {
  out.wrong_key = { message: e.message, code: e.code ?? null };
}

await reader.close();
await writer.close();
console.log(JSON.stringify(out));
