// `airlock gate`, the terminal gate's client, against a test decision server standing in for the
// extension and without one: what runs, what stops, what the human and the log are told.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { DENIED, runGate, type GateIo } from '../../../src/cli/gate/run';
import { GateUsageError, parseGateArgs } from '../../../src/cli/gate/command';
import { LazyEngine } from '../../../src/core/engine';
import { AGENT_TERMINALS, actorOfTerminal, agentFromEnv } from '../../../src/core/actor';
import { publishWindow, windowsDirectory } from '../../../src/gate/discovery';
import { PROTOCOL_VERSION, type DecisionRequest, type DecisionResponse } from '../../../src/gate/protocol';
import { startDecisionServer } from '../../../src/gate/server';
import { parser } from '../helpers';

const PROD = 'railway volume delete -v pgdata -e production -y';
let home: string;
let project: string;
let env: Record<string, string>;
let stderr: string;
let stdout: string;
let typed: boolean | undefined;
const closers: (() => Promise<void>)[] = [];

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'airlock-gate-'));
  project = join(home, 'project');
  mkdirSync(project);
  env = { HOME: home, AIRLOCK_STATE_DIR: join(home, 'state') };
  stderr = '';
  stdout = '';
  typed = undefined;
});

afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

function io(): GateIo {
  return {
    env, cwd: project, stderr: (t) => { stderr += t; }, stdout: (t) => { stdout += t; }, now: () => new Date('2026-11-26T12:00:00Z'),
    engine: new LazyEngine(() => Promise.resolve(parser)), typeOnTerminal: () => typed,
  };
}

async function extension(answer: DecisionResponse): Promise<DecisionRequest[]> {
  const requests: DecisionRequest[] = [];
  const server = await startDecisionServer((r) => { requests.push(r); return Promise.resolve(answer); }, { roots: [project] });
  closers.push(() => server.close());
  publishWindow(windowsDirectory(env), { version: PROTOCOL_VERSION, root: project, socket: server.socket, token: server.token, pid: process.pid });
  return requests;
}

function audit(): string {
  try {
    return readFileSync(join(home, 'state', 'audit.jsonl'), 'utf8');
  } catch {
    return '';
  }
}

describe('airlock gate', () => {
  test('a benign command runs without a word or a request', async () => {
    const requests = await extension({ decision: 'deny', decidedBy: 'human' });
    expect(await runGate({ line: 'git status', source: 'terminal' }, io())).toBe(0);
    expect(stderr).toBe('');
    expect(requests).toEqual([]);
  });

  test('a program the shell runs past its shim with operands it cannot read asks the window, though the line alone reads as benign', async () => {
    const requests = await extension({ decision: 'deny', decidedBy: 'human' });
    const call = parseGateArgs(['--line', '/usr/bin/helm status "$(cat release.txt)"', '--ppid', '7', '--unseen', 'helm']);
    expect(call.unseen).toBe('helm');
    expect(await runGate(call, io())).toBe(DENIED);
    expect(requests[0]?.verdict).toMatchObject({ decision: 'confirm', findings: [{ rule: 'gate.unseen-operands' }] });
    expect(stdout).toContain('Runs helm past Airlock\'s PATH shim');
    // What the engine flags on its own keeps its own verdict.
    await runGate(parseGateArgs(['--line', `x=production; ${PROD}`, '--unseen', 'railway']), io());
    expect(requests[1]?.verdict.findings[0]?.rule).not.toBe('gate.unseen-operands');
  });

  test('a flagged command asks the window, with the shell\'s pid; its allow runs it, its deny stops it', async () => {
    const requests = await extension({ decision: 'allow', decidedBy: 'human' });
    expect(await runGate({ line: PROD, source: 'terminal', pid: 4242 }, io())).toBe(0);
    expect(requests[0]).toMatchObject({ source: 'terminal', actor: 'terminal', subject: PROD, pid: 4242, cwd: project });
    expect(requests[0]?.verdict.environment.tier).toBe('production');
  });

  test('a guard\'s approved line prints the grant its shims present; a shim presents it', async () => {
    const requests = await extension({ decision: 'allow', decidedBy: 'human', grant: 'g'.repeat(24) });
    expect(await runGate({ line: PROD, source: 'terminal', printGrant: true }, io())).toBe(0);
    expect(stdout).toBe(`${'g'.repeat(24)}\n`);
    env.AIRLOCK_LINE_GRANT = 'g'.repeat(24);
    expect(await runGate({ line: PROD, source: 'terminal' }, io())).toBe(0);
    expect(stdout).toBe(`${'g'.repeat(24)}\n`);
    expect(requests[1]?.grant).toBe('g'.repeat(24));
  });

  test('denied in the editor → 126 and one line saying what and why', async () => {
    await extension({ decision: 'deny', decidedBy: 'human', reason: 'Denied in the editor.' });
    expect(await runGate({ line: PROD, source: 'terminal' }, io())).toBe(DENIED);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain('PRODUCTION');
    expect(stderr).toContain('Denied in the editor.');
  });

  test('no window: an agent\'s command is denied with a message and audited', async () => {
    env.CLAUDECODE = '1';
    expect(await runGate({ line: PROD, source: 'terminal' }, io())).toBe(DENIED);
    expect(stderr).toContain('No editor window');
    expect(JSON.parse(audit().trim())).toMatchObject({ actor: 'claude-code', decision: 'deny', source: 'terminal' });
  });

  test('no window, in an editor terminal (AIRLOCK_IPC set): denied without a typed prompt an agent could answer', async () => {
    env.AIRLOCK_IPC = join(home, 'state', 'windows', 'gone.json');
    typed = true;
    expect(await runGate({ line: PROD, source: 'terminal' }, io())).toBe(DENIED);
    expect(stderr).toContain('may be an agent');
  });

  test('no window: a person types the environment\'s name to run it; a wrong name or no terminal stops it', async () => {
    typed = true;
    expect(await runGate({ line: PROD, source: 'terminal' }, io())).toBe(0);
    typed = false;
    expect(await runGate({ line: PROD, source: 'terminal' }, io())).toBe(DENIED);
    typed = undefined;
    expect(await runGate({ line: PROD, source: 'terminal' }, io())).toBe(DENIED);
    expect(audit().trim().split('\n').map((l) => (JSON.parse(l) as { decision: string }).decision)).toEqual(['allow', 'deny', 'deny']);
  });

  test('a staging command run with the production token from the project\'s .env.production asks as production, never showing the token', async () => {
    const token = '3f2c9a1e-8d7b-4c6a-9e5f-1a2b3c4d5e6f';
    mkdirSync(join(project, '.git'));
    writeFileSync(join(project, '.env.production'), `export RAILWAY_API_TOKEN='${token}'\n`);
    env.RAILWAY_API_TOKEN = token;
    const requests = await extension({ decision: 'deny', decidedBy: 'human', reason: 'Denied in the editor.' });
    expect(await runGate({ line: 'RAILWAY_ENVIRONMENT=staging railway volume delete -v pgdata -y', source: 'terminal' }, io())).toBe(DENIED);
    expect(requests[0]?.verdict).toMatchObject({
      confirmation: 'typed', environment: { tier: 'production', evidence: 'staging command (RAILWAY_ENVIRONMENT=staging), PRODUCTION credential from `.env.production`' },
      credential: { origin: { file: '.env.production' } },
    });
    expect(stderr).toContain('PRODUCTION credential from `.env.production`');
    expect(JSON.stringify(requests[0]?.verdict) + stderr).not.toContain(token);
  });

  test('a credential written on the line is masked in what the terminal is told', async () => {
    env.CLAUDECODE = '1';
    expect(await runGate({ line: 'curl -X DELETE -H "Authorization: Bearer s3cr3t-t0ken-value" https://api.example.com/v1/projects/1', source: 'terminal' }, io())).toBe(DENIED);
    expect(stderr).not.toContain('s3cr3t-t0ken-value');
  });

  test('a shim\'s argv becomes a line the shell would read the same way; misuse is an error', () => {
    expect(parseGateArgs(['--program', 'railway', '--ppid', '77', '--', 'volume', 'delete', '-v', 'pg data', "it's"])).toEqual({
      line: "railway volume delete -v 'pg data' 'it'\\''s'", source: 'terminal', printGrant: false, pid: 77,
    });
    expect(parseGateArgs(['--line', 'rm -rf ~', '--task']).source).toBe('task');
    expect(() => parseGateArgs(['--program', 'x'])).toThrow(GateUsageError);
    expect(() => parseGateArgs(['--wat'])).toThrow(GateUsageError);
  });

  test('agents are named by their environment markers', () => {
    expect(agentFromEnv({ CLAUDECODE: '1' })).toBe('claude-code');
    expect(agentFromEnv({ GEMINI_CLI: '1' })).toBe('gemini');
    expect(agentFromEnv({ AI_AGENT: 'Aider 1.0' })).toBe('aider-1-0');
    expect(agentFromEnv({ CLAUDECODE: '0' })).toBeUndefined();
    expect(agentFromEnv({})).toBeUndefined();
  });
});

describe('who runs a terminal', () => {
  test.each(AGENT_TERMINALS.flatMap((t) => t.examples.match.map((name) => [name, t.agent] as const)))('%s is %s', (name, agent) => {
    expect(actorOfTerminal({ name, hidden: false })).toBe(agent);
  });
  test.each(AGENT_TERMINALS.flatMap((t) => t.examples.noMatch))('%s is a person\'s, unless hidden', (name) => {
    expect(actorOfTerminal({ name, hidden: false })).toBe('human');
    expect(actorOfTerminal({ name, hidden: true })).toBe('agent');
  });
});
