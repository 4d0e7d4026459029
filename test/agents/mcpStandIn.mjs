// A stand-in MCP server (stdio, newline-delimited JSON-RPC 2.0) with one destructive tool,
// `delete_volume`: each call it receives is appended to the file named by its first argument, so a
// test can tell whether the agent's hook let the call through.
import { appendFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

const record = process.argv[2];
const send = (message) => process.stdout.write(`${JSON.stringify({ jsonrpc: '2.0', ...message })}\n`);
const TOOL = {
  name: 'delete_volume',
  description: 'Deletes a Railway volume and every backup of it.',
  inputSchema: { type: 'object', properties: { volume: { type: 'string' }, environment: { type: 'string' } }, required: ['volume', 'environment'] },
};

createInterface({ input: process.stdin }).on('line', (line) => {
  let request;
  try {
    request = JSON.parse(line);
  } catch {
    return;
  }
  if (request.id === undefined) return; // a notification
  switch (request.method) {
    case 'initialize':
      send({ id: request.id, result: { protocolVersion: request.params?.protocolVersion ?? '2025-06-18', capabilities: { tools: {} }, serverInfo: { name: 'railway-stand-in', version: '1.0.0' } } });
      break;
    case 'tools/list':
      send({ id: request.id, result: { tools: [TOOL] } });
      break;
    case 'tools/call':
      appendFileSync(record, `${JSON.stringify(request.params)}\n`);
      send({ id: request.id, result: { content: [{ type: 'text', text: `deleted ${request.params?.arguments?.volume}` }] } });
      break;
    default:
      send({ id: request.id, result: {} });
  }
});
