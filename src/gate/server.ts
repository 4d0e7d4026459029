// The server side of the decision service: the extension runs it, tests run it as the stand-in
// for the extension. It checks the token before reading a body, bounds what it reads, and turns
// a handler that throws into a deny rather than a hung or allowed request.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, unlinkSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensurePrivateDirectory, newToken } from './discovery';
import {
  DECIDE_PATH, MAX_BODY_BYTES, PING_PATH, PROTOCOL_VERSION, ProtocolError, TOKEN_HEADER, parseDecisionRequest,
  type DecisionRequest, type DecisionResponse, type PingResponse,
} from './protocol';

export type DecisionHandler = (request: DecisionRequest) => Promise<DecisionResponse>;

export interface DecisionServer {
  readonly socket: string;
  readonly token: string;
  close(): Promise<void>;
}

/** A socket path in a fresh private directory: short enough for the 104-byte Unix limit. */
export function newSocketPath(): string {
  const id = randomBytes(6).toString('hex');
  if (process.platform === 'win32') return `\\\\.\\pipe\\airlock-${id}`;
  const dir = join(tmpdir(), `airlock-${process.getuid?.() ?? 'u'}`);
  ensurePrivateDirectory(dir);
  return join(dir, `${id}.sock`);
}

function sameToken(given: string | string[] | undefined, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new ProtocolError('request too large'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolvePromise(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startDecisionServer(handler: DecisionHandler, options: { socket?: string; token?: string; roots?: readonly string[] } = {}): Promise<DecisionServer> {
  const socket = options.socket ?? newSocketPath();
  const token = options.token ?? newToken();
  const server: Server = createServer((req, res) => {
    void respond(req, res);
  });
  async function respond(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!sameToken(req.headers[TOKEN_HEADER], token)) {
      send(res, 401, { error: 'missing or wrong token' });
      req.resume();
      return;
    }
    if (req.method !== 'POST' || (req.url !== DECIDE_PATH && req.url !== PING_PATH)) {
      send(res, 404, { error: 'unknown endpoint' });
      req.resume();
      return;
    }
    let request: DecisionRequest;
    try {
      const body = await readBody(req);
      if (req.url === PING_PATH) {
        const pong: PingResponse = { ok: true, version: PROTOCOL_VERSION, roots: options.roots ?? [] };
        send(res, 200, pong);
        return;
      }
      request = parseDecisionRequest(body);
    } catch (error) {
      if (!res.headersSent) send(res, 400, { error: error instanceof Error ? error.message : String(error) });
      return;
    }
    let answer: DecisionResponse;
    try {
      answer = await handler(request);
    } catch (error) {
      answer = { decision: 'deny', decidedBy: 'error', reason: `Airlock's decision service failed: ${error instanceof Error ? error.message : String(error)}` };
    }
    if (!res.destroyed) send(res, 200, answer);
  }
  if (process.platform !== 'win32') {
    try {
      unlinkSync(socket); // a socket left by a crashed window
    } catch {
      // none
    }
  }
  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(socket, () => {
      server.off('error', reject);
      resolvePromise();
    });
  });
  if (process.platform !== 'win32') chmodSync(socket, 0o600);
  return {
    socket,
    token,
    close: () => new Promise<void>((resolvePromise) => {
      server.closeAllConnections();
      server.close(() => resolvePromise());
    }),
  };
}
