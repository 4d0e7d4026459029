// The client side of the decision service: one HTTP request over the window's socket. Its errors
// say which way the caller must fail: `Unreachable` (no window listens: the caller answers from
// policy) or `ServiceFailed` (a window was reached but gave no usable answer: deny).
import { request as httpRequest } from 'node:http';
import type { WindowEntry } from './discovery';
import {
  DECIDE_PATH, MAX_BODY_BYTES, PING_PATH, TOKEN_HEADER, parseDecisionResponse,
  type DecisionRequest, type DecisionResponse,
} from './protocol';

export class Unreachable extends Error {}
export class ServiceFailed extends Error {}
/** The window was reached but did not answer in time: the human did not decide. */
export class TimedOut extends ServiceFailed {}

const UNREACHABLE_CODES: ReadonlySet<string> = new Set(['ENOENT', 'ECONNREFUSED', 'ENOTSOCK']);

function post(entry: WindowEntry, path: string, body: string, timeoutMs: number): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    let sent = false;
    const req = httpRequest({
      socketPath: entry.socket,
      path,
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), [TOKEN_HEADER]: entry.token },
    }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_BODY_BYTES) req.destroy(new ServiceFailed('the decision service sent an oversized answer'));
        else chunks.push(chunk);
      });
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        if (res.statusCode === 401) reject(new ServiceFailed('the decision service refused the token (is the discovery file from another window?)'));
        else if (res.statusCode !== 200) reject(new ServiceFailed(`the decision service answered HTTP ${String(res.statusCode)}`));
        else resolvePromise(text);
      });
      res.on('error', (error) => reject(new ServiceFailed(`the answer broke off: ${error.message}`)));
    });
    req.on('socket', (socket) => socket.on('connect', () => { sent = true; }));
    req.setTimeout(timeoutMs, () => req.destroy(new TimedOut(`no answer within ${Math.round(timeoutMs / 1000)} s`)));
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (error instanceof ServiceFailed) reject(error);
      else if (!sent && error.code !== undefined && UNREACHABLE_CODES.has(error.code)) reject(new Unreachable(`no editor window is listening (${error.code})`));
      else reject(new ServiceFailed(`the connection to the decision service failed: ${error.message}`));
    });
    req.end(body);
  });
}

/**
 * Asks the window's human. Waits at most `timeoutMs` (the request's own deadline plus a margin
 * for the server to say "timeout" itself); past it, `ServiceFailed`.
 */
export async function askDecision(entry: WindowEntry, request: DecisionRequest, timeoutMs = request.timeoutMs + 2000): Promise<DecisionResponse> {
  const text = await post(entry, DECIDE_PATH, JSON.stringify({ ...request, sentAt: Date.now() }), timeoutMs);
  try {
    return parseDecisionResponse(text);
  } catch (error) {
    throw new ServiceFailed(error instanceof Error ? error.message : String(error));
  }
}

/** True when the window answers a ping with this token. */
export async function ping(entry: WindowEntry, timeoutMs = 2000): Promise<boolean> {
  try {
    const text = await post(entry, PING_PATH, '{}', timeoutMs);
    return (JSON.parse(text) as { ok?: unknown }).ok === true;
  } catch {
    return false;
  }
}
