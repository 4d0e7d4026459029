// The decision service's two sides through the one protocol module: the server refuses what it
// must, the client classifies every failure as "unreachable" (policy answers) or "failed" (deny).
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { ServiceFailed, Unreachable, askDecision, ping } from '../../../src/gate/client';
import { discoveryFile, locateWindow, newToken, publishWindow, readEntry, unpublishWindow, watchDiscovery, windowsDirectory } from '../../../src/gate/discovery';
import { DECIDE_PATH, PROTOCOL_VERSION, TOKEN_HEADER, parseDecisionRequest, parseDecisionResponse, type DecisionRequest } from '../../../src/gate/protocol';
import { startDecisionServer, type DecisionServer } from '../../../src/gate/server';
import { ALLOW_VERDICT } from '../../../src/core/verdict';

const servers: DecisionServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

const REQUEST: DecisionRequest = {
  version: PROTOCOL_VERSION, source: 'hook', actor: 'claude-code', kind: 'command', subject: 'dropdb production', cwd: '/p',
  tool: 'Bash', verdict: { ...ALLOW_VERDICT, decision: 'confirm' }, timeoutMs: 1000,
};

function raw(server: DecisionServer, body: string, token: string | undefined): Promise<number | undefined> {
  return new Promise((resolve, reject) => {
    const req = request({ socketPath: server.socket, path: DECIDE_PATH, method: 'POST', headers: token ? { [TOKEN_HEADER]: token } : {} }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('server', () => {
  test('answers a well-formed request with the handler\'s decision', async () => {
    const server = await startDecisionServer((r) => Promise.resolve({ decision: r.subject.includes('production') ? 'deny' : 'allow', decidedBy: 'human' }));
    servers.push(server);
    const entry = { version: PROTOCOL_VERSION, root: '/p', socket: server.socket, token: server.token, pid: process.pid } as const;
    await expect(askDecision(entry, REQUEST)).resolves.toEqual({ decision: 'deny', decidedBy: 'human' });
    await expect(ping(entry)).resolves.toBe(true);
  });

  test('refuses a request without the token or with another one (401) before reading it', async () => {
    const server = await startDecisionServer(() => Promise.reject(new Error('must not be called')));
    servers.push(server);
    expect(await raw(server, JSON.stringify(REQUEST), undefined)).toBe(401);
    expect(await raw(server, JSON.stringify(REQUEST), newToken())).toBe(401);
    await expect(askDecision({ version: PROTOCOL_VERSION, root: '/p', socket: server.socket, token: newToken(), pid: process.pid }, REQUEST)).rejects.toBeInstanceOf(ServiceFailed);
  });

  test('rejects malformed and oversized requests (400)', async () => {
    const server = await startDecisionServer(() => Promise.resolve({ decision: 'allow', decidedBy: 'human' }));
    servers.push(server);
    expect(await raw(server, '{"version": 1', server.token)).toBe(400);
    expect(await raw(server, JSON.stringify({ ...REQUEST, version: 99 }), server.token)).toBe(400);
    expect(await raw(server, JSON.stringify({ ...REQUEST, subject: 'x'.repeat(600_000) }), server.token).catch(() => 400)).toBe(400);
  });

  test('a handler that throws becomes a deny that says so', async () => {
    const server = await startDecisionServer(() => Promise.reject(new Error('modal crashed')));
    servers.push(server);
    const answer = await askDecision({ version: PROTOCOL_VERSION, root: '/p', socket: server.socket, token: server.token, pid: process.pid }, REQUEST);
    expect(answer).toMatchObject({ decision: 'deny', decidedBy: 'error' });
    expect(answer.reason).toContain('modal crashed');
  });

  test('the socket is private to the user (0600)', async () => {
    const server = await startDecisionServer(() => Promise.resolve({ decision: 'allow', decidedBy: 'human' }));
    servers.push(server);
    expect(statSync(server.socket).mode & 0o777).toBe(0o600);
  });
});

describe('client failure classes', () => {
  test('no socket → Unreachable', async () => {
    await expect(askDecision({ version: PROTOCOL_VERSION, root: '/p', socket: join(tmpdir(), 'no-such-airlock.sock'), token: newToken(), pid: process.pid }, REQUEST))
      .rejects.toBeInstanceOf(Unreachable);
  });

  test('a response that is not a decision → ServiceFailed', () => {
    expect(() => parseDecisionResponse('{"decision":"maybe","decidedBy":"human"}')).toThrow(/allow or deny/);
    expect(() => parseDecisionResponse('[]')).toThrow();
    expect(parseDecisionResponse('{"decision":"allow","decidedBy":"timeout","extra":1}')).toEqual({ decision: 'allow', decidedBy: 'timeout' });
  });

  test('requests are validated field by field', () => {
    expect(() => parseDecisionRequest(JSON.stringify({ ...REQUEST, kind: 'telepathy' }))).toThrow(/"kind"/);
    expect(() => parseDecisionRequest(JSON.stringify({ ...REQUEST, timeoutMs: -1 }))).toThrow(/timeoutMs/);
    expect(parseDecisionRequest(JSON.stringify(REQUEST))).toEqual(REQUEST);
    const withCredential = { ...REQUEST, verdict: { ...REQUEST.verdict, credential: { kind: 'Railway project token', where: 'RAILWAY_TOKEN from the environment' } } };
    expect(parseDecisionRequest(JSON.stringify(withCredential))).toEqual(withCredential);
    expect(() => parseDecisionRequest(JSON.stringify({ ...REQUEST, verdict: { ...REQUEST.verdict, credential: { kind: 1 } } }))).toThrow(/credential/);
    // Where the credential was found: a file and variable, and a real tier if any.
    const traced = { ...REQUEST, verdict: { ...REQUEST.verdict, credential: { kind: 'k', where: 'w', origin: { file: '.env.production', variable: 'RAILWAY_API_TOKEN', tier: 'production' } } } };
    expect(parseDecisionRequest(JSON.stringify(traced))).toEqual(traced);
    for (const origin of ['x', { file: 1, variable: 'V' }, { file: '.env', variable: 'V', tier: 'galaxy' }]) {
      expect(() => parseDecisionRequest(JSON.stringify({ ...REQUEST, verdict: { ...REQUEST.verdict, credential: { kind: 'k', where: 'w', origin } } }))).toThrow(/credential/);
    }
    // The terminal gate's shell pid and a line's grant are kept when well-formed, dropped when not.
    expect(parseDecisionRequest(JSON.stringify({ ...REQUEST, pid: 4242, grant: 'g'.repeat(24) }))).toMatchObject({ pid: 4242, grant: 'g'.repeat(24) });
    expect(parseDecisionRequest(JSON.stringify({ ...REQUEST, pid: -1, grant: 'x; rm -rf ~' }))).not.toHaveProperty('grant');
    expect(parseDecisionRequest(JSON.stringify({ ...REQUEST, pid: 1.5 }))).not.toHaveProperty('pid');
    expect(parseDecisionResponse(JSON.stringify({ decision: 'allow', decidedBy: 'human', grant: 'g'.repeat(24) })).grant).toBe('g'.repeat(24));
    expect(parseDecisionResponse(JSON.stringify({ decision: 'deny', decidedBy: 'human', grant: 'g'.repeat(24) }))).not.toHaveProperty('grant');
  });
});

describe('discovery', () => {
  const env = (): Record<string, string> => ({ AIRLOCK_STATE_DIR: mkdtempSync(join(tmpdir(), 'airlock-disc-')) });
  // These entries name no live socket: the routing is tested here, the window's authenticity below.
  const any = { ungenuine: () => undefined };

  test('the deepest workspace root holding the cwd wins; a dead window is skipped', () => {
    const e = env();
    const dir = windowsDirectory(e);
    publishWindow(dir, { version: PROTOCOL_VERSION, root: '/work', socket: '/s1', token: newToken(), pid: process.pid });
    publishWindow(dir, { version: PROTOCOL_VERSION, root: '/work/app', socket: '/s2', token: newToken(), pid: process.pid });
    expect(locateWindow({ cwd: '/work/app/src/deep', env: e, ...any })?.entry.socket).toBe('/s2');
    expect(locateWindow({ cwd: '/work/other', env: e, ...any })?.entry.socket).toBe('/s1');
    expect(locateWindow({ cwd: '/elsewhere', roots: ['/work/app'], env: e, ...any })?.entry.socket).toBe('/s2');
    publishWindow(dir, { version: PROTOCOL_VERSION, root: '/work/app', socket: '/s3', token: newToken(), pid: 2 ** 22 + 12345 });
    expect(locateWindow({ cwd: '/work/app', env: e, ...any })?.entry.socket).toBe('/s1');
  });

  test('AIRLOCK_IPC names a discovery file directly, but only for folders inside its root', () => {
    const e = env();
    const file = publishWindow(join(e.AIRLOCK_STATE_DIR, 'elsewhere'), { version: PROTOCOL_VERSION, root: '/x', socket: '/sx', token: newToken(), pid: process.pid });
    expect(locateWindow({ cwd: '/x/sub', env: { ...e, AIRLOCK_IPC: file }, ...any })?.entry.socket).toBe('/sx');
    expect(locateWindow({ cwd: '/unrelated', env: { ...e, AIRLOCK_IPC: file }, ...any })).toBeUndefined();
  });

  test('files are 0600 in a 0700 directory; a file or directory others can read is not trusted', () => {
    const e = env();
    const dir = windowsDirectory(e);
    const file = publishWindow(dir, { version: PROTOCOL_VERSION, root: '/y', socket: '/sy', token: newToken(), pid: process.pid });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    chmodSync(file, 0o644);
    expect(readEntry(file)).toBeUndefined();
    chmodSync(file, 0o600);
    chmodSync(dir, 0o755);
    expect(readEntry(file)).toBeUndefined();
  });

  test('a malformed or foreign discovery file is ignored; unpublish removes only our own', () => {
    const e = env();
    const dir = windowsDirectory(e);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileSync(discoveryFile(dir, '/z'), '{"version":1,"root":"/z"}', { mode: 0o600 });
    expect(locateWindow({ cwd: '/z', env: e, ...any })).toBeUndefined();
    const token = newToken();
    publishWindow(dir, { version: PROTOCOL_VERSION, root: '/z', socket: '/sz', token, pid: process.pid });
    unpublishWindow(dir, '/z', newToken());
    expect(readEntry(discoveryFile(dir, '/z'))).toBeDefined();
    unpublishWindow(dir, '/z', token);
    expect(readEntry(discoveryFile(dir, '/z'))).toBeUndefined();
  });

  test('a discovery file planted over this window\'s (its process no editor window) is reported and replaced', async () => {
    const dir = windowsDirectory(env());
    const ours = { version: PROTOCOL_VERSION, root: '/mine', socket: '/s-ours', token: newToken(), pid: process.pid } as const;
    publishWindow(dir, ours);
    const sleeper = spawn('sleep', ['30'], { env: { PATH: process.env.PATH ?? '' } });
    const reports: string[] = [];
    const watcher = watchDiscovery(dir, () => ['/mine'], () => publishWindow(dir, ours), { token: () => ours.token, report: (_root, reason) => reports.push(reason) });
    try {
      publishWindow(dir, { ...ours, socket: '/s-planted', token: newToken(), pid: sleeper.pid ?? 0 });
      await vi.waitFor(() => expect(readEntry(discoveryFile(dir, '/mine'))?.socket).toBe('/s-ours'));
      expect(reports[0]).toMatch(/not an editor's extension host/);
    } finally {
      watcher.close();
      sleeper.kill();
    }
  });

  test('two windows on one folder: when the last to publish closes, the other publishes again', async () => {
    const dir = windowsDirectory(env());
    const first = { version: PROTOCOL_VERSION, root: '/shared', socket: '/s1', token: newToken(), pid: process.pid } as const;
    const second = { ...first, socket: '/s2', token: newToken() };
    publishWindow(dir, first);
    let republished = 0;
    const watcher = watchDiscovery(dir, () => ['/shared'], () => { republished++; publishWindow(dir, first); });
    try {
      publishWindow(dir, second);
      unpublishWindow(dir, '/shared', second.token);
      await vi.waitFor(() => expect(readEntry(discoveryFile(dir, '/shared'))?.socket).toBe('/s1'));
      expect(republished).toBeGreaterThan(0);
    } finally {
      watcher.close();
    }
  });
});
