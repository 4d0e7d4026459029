// A scripted model on loopback: it records every request body it is sent (the planted token must
// never be among them) and answers each with the next step of a fixed list of tool calls, in the
// API shape the agent speaks. Which step comes next is read from the request itself (how many tool
// results it carries), so retries and side requests cannot shift the script.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Recorded {
  readonly method: string;
  readonly url: string;
  readonly body: string;
}

export interface ModelServer {
  readonly url: string;
  readonly requests: readonly Recorded[];
  close(): Promise<void>;
}

/** Answers one request: write the response, in the agent's API shape. */
export type Responder = (request: Recorded, res: ServerResponse) => void;

export async function startModel(respond: Responder): Promise<ModelServer> {
  const requests: Recorded[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const recorded = { method: req.method ?? '', url: req.url ?? '', body: Buffer.concat(chunks).toString('utf8') };
      requests.push(recorded);
      try {
        respond(recorded, res);
      } catch (error) {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { message: String(error) } }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

export function json(body: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(body);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? value as Record<string, unknown> : {};
  } catch {
    return {};
  }
}

export function sse(res: ServerResponse, events: readonly { readonly event?: string; readonly data: unknown }[]): void {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  for (const e of events) res.write(`${e.event ? `event: ${e.event}\n` : ''}data: ${JSON.stringify(e.data)}\n\n`);
  res.end();
}

/** The name the agent lists a tool under (`mcp__railway__delete_volume`, `delete_volume`…), from the names in its request. */
export function listedTool(names: readonly string[], tool: string): string {
  return names.find((n) => n === tool) ?? names.find((n) => n.endsWith(`__${tool}`) || n.endsWith(`_${tool}`) || n.endsWith(`-${tool}`)) ?? tool;
}
