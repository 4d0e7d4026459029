// The hook as agents run it — a real `airlock hook` process — against a test decision server
// standing in for the extension, and against every way that server can be missing or broken.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { installLauncherForTest } from './launcherHelper';
import { newToken, publishWindow, windowsDirectory } from '../../../src/gate/discovery';
import { writePublishedPolicy } from '../../../src/gate/publishedPolicy';
import { DEFAULT_TIER_RULES } from '../../../src/core/policy';
import { policyFile } from '../../../src/gate/discovery';
import { PROTOCOL_VERSION, type DecisionRequest, type DecisionResponse } from '../../../src/gate/protocol';
import { startDecisionServer, newSocketPath, type DecisionServer } from '../../../src/gate/server';
import { SameCall } from '../../../src/gate/sameCall';
import { AGENT_IDS, type AgentId } from '../../../src/agents/types';
import { AuditStore } from '../../../src/gate/auditStore';
import { AGENTS, isDeny } from '../../../src/agents/index';
import { PROBE_COMMAND } from '../../../src/agents/hookFiles';

const CLI = join(__dirname, '..', '..', '..', 'dist', 'cli.js');
const PROD = 'railway volume delete -v pgdata -e production -y';
const STAGING = 'kubectl delete deployment api -n staging';

let home: string;
let project: string;
let env: Record<string, string>;
const closers: (() => Promise<void> | void)[] = [];

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'airlock-ipc-'));
  project = join(home, 'project');
  mkdirSync(project);
  env = { PATH: process.env.PATH ?? '', HOME: home, AIRLOCK_STATE_DIR: join(home, 'state'), XDG_CACHE_HOME: join(home, '.cache') };
});

afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

function payloadFor(agent: AgentId, command: string): string {
  return JSON.stringify(AGENTS[agent].probe(project)).replace(JSON.stringify(PROD).slice(1, -1), command.replace(/"/g, '\\"'));
}

function runHook(agent: AgentId, input: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, 'hook', '--agent', agent], { env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

/** A decision server published for the project, as the extension will publish itself. */
async function extension(handler: (r: DecisionRequest) => Promise<DecisionResponse>): Promise<{ server: DecisionServer; requests: DecisionRequest[] }> {
  const requests: DecisionRequest[] = [];
  const server = await startDecisionServer(async (r) => { requests.push(r); return handler(r); }, { roots: [project] });
  closers.push(() => server.close());
  publishWindow(windowsDirectory(env), { version: PROTOCOL_VERSION, root: project, socket: server.socket, token: server.token, pid: process.pid });
  return { server, requests };
}

/** Everything Airlock wrote in its state folder (audit log, queue, discovery files), as one text. */
function stateText(dir = join(home, 'state')): string {
  return readdirSync(dir, { withFileTypes: true }).map((e) => (e.isDirectory() ? stateText(join(dir, e.name)) : readFileSync(join(dir, e.name), 'utf8'))).join('\n');
}

function decision(agent: AgentId, stdout: string): string {
  // Codex and Augment act on a deny alone: an allow is said with nothing.
  if ((agent === 'codex' || agent === 'augment') && stdout === '') return 'allow';
  const o = JSON.parse(stdout) as Record<string, unknown>;
  if (agent === 'cursor') return String(o.permission);
  if (agent === 'cline') return o.cancel === true ? 'deny' : 'allow';
  if (agent === 'gemini' || agent === 'opencode' || agent === 'qwen') return String(o.decision);
  return String((o.hookSpecificOutput as Record<string, unknown>).permissionDecision);
}

/** Agents that read no JSON answer: exit code 2 blocks, with the reason on stderr, and an allow says nothing. */
const EXIT_CODE_ONLY: readonly AgentId[] = ['windsurf', 'kiro'];

function answerOf(agent: AgentId, r: { code: number | null; stdout: string }): string {
  if (EXIT_CODE_ONLY.includes(agent)) return r.code === 2 ? 'deny' : r.code === 0 && r.stdout === '' ? 'allow' : `exit ${String(r.code)} ${r.stdout}`;
  expect(r.code).toBe(0);
  return decision(agent, r.stdout);
}

describe.each(AGENT_IDS)('end to end, %s', (agent) => {
  test('the production volume deletion is denied with no extension running', async () => {
    const r = await runHook(agent, payloadFor(agent, PROD));
    expect(answerOf(agent, r)).toBe('deny');
    if (EXIT_CODE_ONLY.includes(agent)) {
      expect(r.stderr).toContain('Blocked by Airlock: Deletes a Railway volume');
      return;
    }
    expect(isDeny(agent, r.stdout)).toBe(true);
    expect(r.stdout).toContain('No Airlock editor window is open');
  });

  test.each(['allow', 'deny'] as const)('with the extension standing by, its %s is the answer', async (answer) => {
    const { requests } = await extension(() => Promise.resolve({ decision: answer, decidedBy: 'human', reason: `${answer === 'allow' ? 'approved' : 'denied'} by the test` }));
    const r = await runHook(agent, payloadFor(agent, PROD));
    expect(answerOf(agent, r)).toBe(answer);
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ source: 'hook', actor: agent, kind: 'command', subject: PROD, verdict: { risk: 'critical', environment: { tier: 'production' } } });
  });
});

describe('one call seen by two of the agent\'s hooks', () => {
  // Cursor runs its own hooks.json and, with third-party configs on (the default), Claude's
  // settings: both hooks see one shell call, with the payload's tool_use_id.
  const cursorShell = (): string => JSON.stringify({
    conversation_id: 'c1', generation_id: 'g1', hook_event_name: 'preToolUse', cursor_version: '2.4.1', workspace_roots: [project],
    tool_name: 'Shell', tool_input: { command: PROD }, tool_use_id: 'toolu_42', cwd: project,
  });

  test('both name the agent that asks and the call: the window asks once and both get its answer', async () => {
    const same = new SameCall<DecisionResponse>();
    let shown = 0;
    let release: (r: DecisionResponse) => void = () => undefined;
    const { requests } = await extension((r) => same.run(r, () => {
      shown++;
      return new Promise((resolve) => { release = resolve; });
    }));
    const both = Promise.all([runHook('cursor', cursorShell()), runHook('claude-code', cursorShell())]);
    await expect.poll(() => requests.length, { timeout: 20_000 }).toBe(2);
    release({ decision: 'allow', decidedBy: 'human', reason: 'approved by the test' });
    const [own, claudes] = await both;
    expect(requests.map((r) => [r.actor, r.callId])).toEqual([['cursor', 'toolu_42'], ['cursor', 'toolu_42']]);
    expect(shown).toBe(1);
    expect([own, claudes].map((r) => (JSON.parse(r.stdout) as { permission?: string }).permission)).toEqual(['allow', 'allow']);
  }, 30_000);
});

describe('an agent that waits less than the dialog', () => {
  // Cline kills its hook after a fixed 30 s and runs the call: the dialog is given less, so its
  // own time-out (a deny) comes first.
  test('Cline asks the window with a time-out that ends, with the client\'s margin, before its 30 s', async () => {
    const { requests } = await extension(() => Promise.resolve({ decision: 'deny', decidedBy: 'human' }));
    await runHook('cline', payloadFor('cline', STAGING));
    expect(requests).toHaveLength(1);
    expect(requests[0].timeoutMs).toBeLessThanOrEqual(25_000);
    await runHook('claude-code', payloadFor('claude-code', STAGING));
    expect(requests[1].timeoutMs).toBe(120_000);
  });
});

describe('faults: never a silent allow', () => {
  test('a discovery file whose socket is missing: policy answers (deny production, ask otherwise)', async () => {
    publishWindow(windowsDirectory(env), { version: PROTOCOL_VERSION, root: project, socket: join(home, 'gone.sock'), token: newToken(), pid: process.pid });
    const prod = await runHook('claude-code', payloadFor('claude-code', PROD));
    expect(decision('claude-code', prod.stdout)).toBe('deny');
    const staging = await runHook('claude-code', payloadFor('claude-code', STAGING));
    expect(decision('claude-code', staging.stdout)).toBe('ask');
    expect(staging.stdout).toContain('No Airlock editor window is open');
  });

  test('a stale socket (a file nobody listens on) and a dead window process: policy answers', async () => {
    const stale = join(home, 'stale.sock');
    writeFileSync(stale, '');
    publishWindow(windowsDirectory(env), { version: PROTOCOL_VERSION, root: project, socket: stale, token: newToken(), pid: process.pid });
    expect(decision('cursor', (await runHook('cursor', payloadFor('cursor', PROD))).stdout)).toBe('deny');
    const dead = spawnSync(process.execPath, ['-e', '0']).pid;
    publishWindow(windowsDirectory(env), { version: PROTOCOL_VERSION, root: project, socket: stale, token: newToken(), pid: dead });
    expect(decision('gemini', (await runHook('gemini', payloadFor('gemini', STAGING))).stdout)).toBe('ask');
  });

  test('a server answering garbage: denied, and the message says why', async () => {
    const socket = newSocketPath();
    const server: Server = createServer((_req, res) => res.end('<html>not json</html>'));
    await new Promise<void>((resolve) => server.listen(socket, resolve));
    closers.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
    publishWindow(windowsDirectory(env), { version: PROTOCOL_VERSION, root: project, socket, token: newToken(), pid: process.pid });
    const r = await runHook('copilot', payloadFor('copilot', STAGING));
    expect(decision('copilot', r.stdout)).toBe('deny');
    expect(r.stdout).toContain('not JSON');
  });

  test('a server that refuses the token: denied', async () => {
    const { server } = await extension(() => Promise.resolve({ decision: 'allow', decidedBy: 'human' }));
    publishWindow(windowsDirectory(env), { version: PROTOCOL_VERSION, root: project, socket: server.socket, token: newToken(), pid: process.pid });
    const r = await runHook('claude-code', payloadFor('claude-code', STAGING));
    expect(decision('claude-code', r.stdout)).toBe('deny');
    expect(r.stdout).toContain('refused the token');
  });

  test('a server that never answers: denied when the approval time runs out', async () => {
    await extension(() => new Promise<DecisionResponse>(() => undefined));
    writePublishedPolicy(policyFile(windowsDirectory(env), project), { version: PROTOCOL_VERSION, protectedPaths: [], allowedPaths: [], environments: {}, timeoutSeconds: 5, tierRules: DEFAULT_TIER_RULES });
    const started = Date.now();
    const r = await runHook('gemini', payloadFor('gemini', STAGING));
    expect(decision('gemini', r.stdout)).toBe('deny');
    expect(r.stdout).toContain('did not approve this in time');
    expect(Date.now() - started).toBeLessThan(15_000);
  }, 20_000);

  test('the hook process killed mid-way: the launcher blocks the call (exit 2) and says why', async () => {
    const launcher = installLauncherForTest(env, CLI);
    let asked!: () => void;
    const waiting = new Promise<void>((resolve) => { asked = resolve; });
    await extension(() => { asked(); return new Promise<DecisionResponse>(() => undefined); });
    const child: ChildProcess = spawn('/bin/sh', [launcher, 'hook', '--agent', 'claude-code'], { env });
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => { stderr += d.toString(); });
    const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
    child.stdin?.end(payloadFor('claude-code', PROD));
    await waiting;
    // The node process is the launcher's only child.
    const pgrep = spawnSync('pgrep', ['-P', String(child.pid)], { encoding: 'utf8' });
    const nodePid = Number(pgrep.stdout.trim().split('\n')[0]);
    expect(nodePid).toBeGreaterThan(0);
    process.kill(nodePid, 'SIGKILL');
    expect(await closed).toBe(2);
    expect(stderr).toContain('denying the call rather than letting it through');
  });

  test('a malformed workspace settings file: a call that needs a human is denied, naming the file', async () => {
    mkdirSync(join(project, '.vscode'));
    writeFileSync(join(project, '.vscode', 'settings.json'), '{ "airlock.protectedPaths": [ }');
    const r = await runHook('claude-code', payloadFor('claude-code', STAGING));
    expect(decision('claude-code', r.stdout)).toBe('deny');
    expect(r.stdout).toContain('settings.json is not valid JSON');
  });
});

describe('policy from the workspace', () => {
  test('.vscode/settings.json adds protected paths (with comments) but cannot allow a default', async () => {
    mkdirSync(join(project, '.vscode'));
    writeFileSync(join(project, '.vscode', 'settings.json'), '{\n  // team policy\n  "airlock.protectedPaths": ["config/prod-secrets.yaml"],\n  "airlock.allowedPaths": ["**/.env"],\n}\n');
    const read = (path: string): string => JSON.stringify({ session_id: 's', cwd: project, hook_event_name: 'PreToolUse', tool_name: 'Read', tool_input: { file_path: join(project, path) } });
    expect(decision('claude-code', (await runHook('claude-code', read('config/prod-secrets.yaml'))).stdout)).toBe('deny');
    expect(decision('claude-code', (await runHook('claude-code', read('.env'))).stdout)).toBe('ask');
    expect((await runHook('claude-code', read('config/app.yaml'))).stdout.trim()).toBe('{}');
    // The same paths count in shell commands.
    const bash = (command: string): string => JSON.stringify({ session_id: 's', cwd: project, hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command } });
    expect(decision('claude-code', (await runHook('claude-code', bash('cat config/prod-secrets.yaml'))).stdout)).toBe('deny');
    expect((await runHook('claude-code', bash('cat config/app.yaml'))).stdout.trim()).toBe('{}');
  });
});

describe('audit', () => {
  test('each decision appends one line, with the token in the command redacted', async () => {
    const line = `curl -X POST https://backboard.railway.app/graphql/v2 -H "Authorization: Bearer 3f2c9a1e-8d7b-4c6a-9e5f-1a2b3c4d5e6f" -d '{"query":"mutation { volumeDelete(volumeId: \\"v1\\") }"}'`;
    await runHook('cursor', JSON.stringify({ hook_event_name: 'beforeShellExecution', workspace_roots: [project], cwd: project, command: line }));
    await runHook('cursor', JSON.stringify({ hook_event_name: 'beforeShellExecution', workspace_roots: [project], cwd: project, command: 'ls -la' }));
    expect(stateText()).not.toContain('3f2c9a1e-8d7b');
    // The deny is chained at once; the fast path's allow waits in the queue for the next chained write.
    const store = new AuditStore(join(home, 'state'), { env });
    expect(store.records()).toMatchObject([{ source: 'hook', actor: 'cursor', kind: 'command', decision: 'deny', decidedBy: 'policy', verdict: { risk: 'critical' } }]);
    expect(store.queued()).toMatchObject([{ subject: 'ls -la', decision: 'allow', decidedBy: 'policy' }]);
    expect(store.absorb()).toBe(1);
    expect(store.verify()).toMatchObject({ ok: true, records: 2, queued: 0 });
  });
});

describe('what a project cannot do to the hook', () => {
  test('AIRLOCK_HOOK_PROBE only makes it stricter: no dialog, an ask becomes a deny', async () => {
    const { requests } = await extension(() => Promise.resolve({ decision: 'allow', decidedBy: 'human' }));
    env.AIRLOCK_HOOK_PROBE = '1';
    const r = await runHook('claude-code', payloadFor('claude-code', STAGING));
    expect(decision('claude-code', r.stdout)).toBe('deny');
    expect(requests).toHaveLength(0);
    const record = JSON.parse(readFileSync(join(home, 'state', 'audit.jsonl'), 'utf8').trim().split('\n').at(-1) ?? '') as { subject: string; actor: string; decision: string; reason: string };
    // Anyone could set the variable: a call that is not the doctor's own probe stays the agent's, in the person's list.
    expect(record).toMatchObject({ subject: expect.stringContaining('kubectl delete deployment api') as string, actor: 'claude-code', decision: 'deny' });
    expect(record.reason).toContain('AIRLOCK_HOOK_PROBE');
    // The doctor's own probe call is recorded as the doctor's.
    await runHook('claude-code', payloadFor('claude-code', PROBE_COMMAND));
    const probe = JSON.parse(readFileSync(join(home, 'state', 'audit.jsonl'), 'utf8').trim().split('\n').at(-1) ?? '') as { actor: string; decision: string };
    expect(probe).toMatchObject({ actor: 'airlock-doctor', decision: 'deny' });
  });

  test('AIRLOCK_HOOK_PROBE keeps the window\'s policy: a path only the user\'s settings protect is still protected', async () => {
    await extension(() => Promise.resolve({ decision: 'allow', decidedBy: 'human' }));
    writePublishedPolicy(policyFile(windowsDirectory(env), project), { version: PROTOCOL_VERSION, protectedPaths: ['**/customers.csv'], allowedPaths: [], environments: { 'acme-main': 'production' }, timeoutSeconds: 5, tierRules: DEFAULT_TIER_RULES });
    writeFileSync(join(project, 'customers.csv'), 'id,email\n');
    env.AIRLOCK_HOOK_PROBE = '1';
    const read = await runHook('claude-code', JSON.stringify({ session_id: 's', cwd: project, hook_event_name: 'PreToolUse', tool_name: 'Read', tool_input: { file_path: join(project, 'customers.csv') } }));
    expect(decision('claude-code', read.stdout)).toBe('deny');
    const cat = await runHook('claude-code', payloadFor('claude-code', 'cat customers.csv'));
    expect(decision('claude-code', cat.stdout)).toBe('deny');
  });

  test('a discovery file in a readable folder (as a repository checks it out) is not trusted', async () => {
    const { server } = await extension(() => Promise.resolve({ decision: 'allow', decidedBy: 'human' }));
    const planted = join(project, 'planted.json');
    writeFileSync(planted, JSON.stringify({ version: PROTOCOL_VERSION, root: project, socket: server.socket, token: server.token, pid: process.pid }), { mode: 0o644 });
    env.AIRLOCK_IPC = planted;
    env.AIRLOCK_STATE_DIR = join(home, 'other-state');
    expect(decision('gemini', (await runHook('gemini', payloadFor('gemini', PROD))).stdout)).toBe('deny');
  });

  test('a symbolic link to a secret is read as the secret', async () => {
    writeFileSync(join(project, '.env'), 'RAILWAY_TOKEN=x\n');
    symlinkSync(join(project, '.env'), join(project, 'notes.txt'));
    const r = await runHook('claude-code', JSON.stringify({ session_id: 's', cwd: project, hook_event_name: 'PreToolUse', tool_name: 'Read', tool_input: { file_path: join(project, 'notes.txt') } }));
    expect(decision('claude-code', r.stdout)).toBe('ask');
    // A linked directory: cfg → a folder of credentials.
    mkdirSync(join(home, '.aws'));
    writeFileSync(join(home, '.aws', 'credentials'), '[default]\n');
    symlinkSync(join(home, '.aws'), join(project, 'cfg'));
    const viaDir = await runHook('claude-code', JSON.stringify({ session_id: 's', cwd: project, hook_event_name: 'PreToolUse', tool_name: 'Read', tool_input: { file_path: join(project, 'cfg', 'credentials') } }));
    expect(decision('claude-code', viaDir.stdout)).toBe('ask');
  });

  test('a window whose root is a symbolic link answers for the real folder', async () => {
    const link = join(home, 'linked-project');
    symlinkSync(project, link);
    const requests: DecisionRequest[] = [];
    const server = await startDecisionServer((r) => { requests.push(r); return Promise.resolve({ decision: 'deny', decidedBy: 'human' }); });
    closers.push(() => server.close());
    publishWindow(windowsDirectory(env), { version: PROTOCOL_VERSION, root: link, socket: server.socket, token: server.token, pid: process.pid });
    env.AIRLOCK_IPC = join(windowsDirectory(env), `${createHash('sha256').update(link).digest('hex').slice(0, 24)}.json`);
    await runHook('claude-code', payloadFor('claude-code', STAGING));
    expect(requests).toHaveLength(1);
  });
});

describe('the editor\'s tier rules reach the hook', () => {
  test('development set to "deny" in the editor: a high-risk development command is refused by the hook itself', async () => {
    const { requests } = await extension(() => Promise.resolve({ decision: 'allow', decidedBy: 'human' }));
    writePublishedPolicy(policyFile(windowsDirectory(env), project), {
      version: PROTOCOL_VERSION, protectedPaths: [], allowedPaths: [], environments: {}, timeoutSeconds: 60,
      tierRules: { ...DEFAULT_TIER_RULES, development: 'deny' },
    });
    const r = await runHook('claude-code', payloadFor('claude-code', 'kubectl delete deployment api -n dev'));
    expect(decision('claude-code', r.stdout)).toBe('deny');
    expect(requests).toHaveLength(0);
  });
});

describe('credential tracing reaches the hook', () => {
  test('a token from the project\'s .env.production: the request names the file, the tier is production, the value is nowhere', async () => {
    const token = '3f2c9a1e-8d7b-4c6a-9e5f-1a2b3c4d5e6f';
    writeFileSync(join(project, '.env.production'), `RAILWAY_API_TOKEN=${token}\n`);
    const { requests } = await extension(() => Promise.resolve({ decision: 'deny', decidedBy: 'human' }));
    const line = `curl -X POST -H "Authorization: Bearer ${token}" -d '{"query":"mutation { volumeDelete(volumeId: \\"v1\\") }"}' https://backboard.railway.app/graphql/v2`;
    const r = await runHook('claude-code', JSON.stringify({ session_id: 's', cwd: project, hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command: line } }));
    expect(requests[0]?.verdict).toMatchObject({
      confirmation: 'typed', environment: { tier: 'production', evidence: 'PRODUCTION credential from `.env.production`' },
      credential: { kind: 'Railway account or workspace token', origin: { file: '.env.production', tier: 'production' } },
    });
    expect(JSON.stringify(requests[0]?.verdict)).not.toContain(token);
    expect(r.stdout + r.stderr).not.toContain(token);
    expect(stateText()).not.toContain(token);
  });
});
