// The audit log as an agent, or a failing machine, would meet it (issue 14): real `airlock hook`
// and `airlock audit` processes. A flagged call whose record cannot be written is denied and the
// record kept for later; an agent's tools cannot read the key or cut, delete or rewrite the log;
// and a cut or deleted log is reported by `airlock audit verify`.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { processStart } from '../../../src/gate/auditLock';
import { queuedFiles } from '../../../src/gate/auditQueue';
import { AuditStore } from '../../../src/gate/auditStore';

const CLI = join(__dirname, '..', '..', '..', 'dist', 'cli.js');

function setUp(): { home: string; project: string; env: Record<string, string> } {
  const home = mkdtempSync(join(tmpdir(), 'airlock-audit-attack-'));
  const project = join(home, 'project');
  mkdirSync(project);
  return { home, project, env: { PATH: process.env.PATH ?? '', HOME: home, TMPDIR: home, XDG_CACHE_HOME: join(home, '.cache') } };
}

function hook(env: Record<string, string>, cwd: string, tool: string, input: object): { decision: string; reason: string; stderr: string } {
  const payload = { session_id: 's', transcript_path: '/t', cwd, permission_mode: 'default', hook_event_name: 'PreToolUse', tool_name: tool, tool_input: input, tool_use_id: 't' };
  const run = spawnSync(process.execPath, [CLI, 'hook', '--agent', 'claude-code'], { env, input: JSON.stringify(payload), encoding: 'utf8' });
  const out = JSON.parse(run.stdout || '{}') as { hookSpecificOutput?: { permissionDecision: string; permissionDecisionReason?: string } };
  return { decision: out.hookSpecificOutput?.permissionDecision ?? 'allow', reason: out.hookSpecificOutput?.permissionDecisionReason ?? '', stderr: run.stderr };
}

const STAGING = 'kubectl delete deployment api -n staging';

describe('a flagged call whose record cannot be written is denied, and the record is kept', () => {
  test('the state folder cannot be written: the ask becomes a deny that says why; the record waits under TMPDIR; a benign call still runs', () => {
    const { home, project, env } = setUp();
    writeFileSync(join(home, 'state-file'), '');
    const broken = { ...env, AIRLOCK_STATE_DIR: join(home, 'state-file', 'airlock') };
    // With a log that can be written, the same call is put to the agent's own prompt.
    expect(hook({ ...env, AIRLOCK_STATE_DIR: join(home, 'ok') }, project, 'Bash', { command: STAGING }).decision).toBe('ask');
    const r = hook(broken, project, 'Bash', { command: STAGING });
    expect(r.decision).toBe('deny');
    expect(r.reason).toContain('While its audit log cannot be written, Airlock denies what it flags');
    expect(r.stderr).toContain('could not write its audit log');
    expect(queuedFiles(broken)).toHaveLength(1);
    expect(readFileSync(queuedFiles(broken)[0] ?? '', 'utf8')).toContain('"decision":"deny"');
    expect(hook(broken, project, 'Bash', { command: 'ls -la' }).decision).toBe('allow');
    // Once a log can be written (here: the same queue, another state folder), the records go in.
    const store = new AuditStore(join(home, 'recovered'), { env: broken });
    expect(store.absorb()).toBe(2);
    expect(store.records().filter((r) => r.actor !== 'airlock').map((r) => [r.subject, r.decision])).toEqual([[STAGING, 'deny'], ['ls -la', 'allow']]);
    // Anyone of the user's can write under TMPDIR: the chain says where these came from.
    expect(store.records().filter((r) => r.verdict.rules.includes('airlock.audit-fallback-queue')).map((r) => r.subject)).toEqual(['2 records', STAGING, 'ls -la']);
    expect(store.verify()).toMatchObject({ ok: true, note: expect.stringContaining('2 records came from the fallback queue') as string });
  });

  test('another writer holds the lock and stays alive: the hook waits, then denies rather than run unrecorded', async () => {
    const { home, project, env } = setUp();
    const state = join(home, 'state');
    mkdirSync(state);
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    await new Promise((resolve) => holder.once('spawn', resolve));
    try {
      writeFileSync(join(state, 'audit.lock'), JSON.stringify({ pid: holder.pid, start: processStart(holder.pid ?? 0) }));
      const r = hook({ ...env, AIRLOCK_STATE_DIR: state }, project, 'Bash', { command: STAGING });
      expect(r.decision).toBe('deny');
      expect(r.reason).toContain(`pid ${holder.pid}`);
      expect(existsSync(join(state, 'audit.lock'))).toBe(true);
    } finally {
      holder.kill('SIGKILL');
    }
    await new Promise((resolve) => holder.once('exit', resolve));
    const verify = spawnSync(process.execPath, [CLI, 'audit', 'verify'], { env: { ...env, AIRLOCK_STATE_DIR: state }, encoding: 'utf8' });
    expect(verify.stdout).toContain('1 queued to go in');
    expect(hook({ ...env, AIRLOCK_STATE_DIR: state }, project, 'Bash', { command: 'rm -rf ~' }).decision).toBe('deny');
    expect(new AuditStore(state, { env: { ...env, AIRLOCK_STATE_DIR: state } }).verify()).toMatchObject({ ok: true, records: 2, queued: 0 });
  });
});

describe("an agent's tools cannot read the key or rewrite the log (it lives in Airlock's guarded state folder)", () => {
  const { home, project, env } = setUp();
  const state = join(home, '.local', 'state', 'airlock');
  // The key matches the built-in `**/*.key`: a protected read, put to a person, never let through.
  test.each([
    ['Read', { file_path: join(state, 'audit.key') }],
    ['Bash', { command: 'cat ~/.local/state/airlock/audit.key' }],
    ['Bash', { command: 'base64 < ~/.local/state/airlock/audit.key' }],
  ])('%s %j needs a person', (tool, input) => {
    expect(hook(env, project, tool, input).decision).toBe('ask');
  });

  test.each([
    ['Bash', { command: 'rm ~/.local/state/airlock/audit.jsonl' }],
    ['Bash', { command: 'truncate -s 0 ~/.local/state/airlock/audit.jsonl' }],
    ['Bash', { command: "sed -i '$d' ~/.local/state/airlock/audit.jsonl" }],
    ['Bash', { command: 'cd ~/.local/state && rm -r airlock' }],
    ['Write', { file_path: join(state, 'audit.anchor'), content: '{}' }],
    ['Edit', { file_path: join(state, 'audit.jsonl'), old_string: '"deny"', new_string: '"allow"' }],
  ])('%s %j is denied', (tool, input) => {
    expect(hook(env, project, tool, input).decision).toBe('deny');
  });

  test('reading the log itself stays allowed (it holds no secret)', () => {
    mkdirSync(state, { recursive: true });
    writeFileSync(join(state, 'audit.jsonl'), '');
    expect(hook(env, project, 'Read', { file_path: join(state, 'audit.jsonl') }).decision).toBe('allow');
  });
});

describe('airlock audit verify and show', () => {
  test('an intact log exits 0; records cut off its end exit 1 and are counted; show lists newest first, control characters made harmless', () => {
    const { home, project, env } = setUp();
    const state = join(home, 'state');
    const run = (...args: string[]) => spawnSync(process.execPath, [CLI, 'audit', ...args], { env: { ...env, AIRLOCK_STATE_DIR: state }, encoding: 'utf8' });
    for (const command of ['rm -rf ~', 'dropdb -h prod-db.internal rentals', 'echo \u001b[2Jhi; rm -rf /']) hook({ ...env, AIRLOCK_STATE_DIR: state }, project, 'Bash', { command });
    expect(run('verify').stdout).toContain('intact: 3 records');
    expect(run('verify').status).toBe(0);
    const shown = run('show', '--last', '2');
    expect(shown.stdout).toMatch(/^2 of 3 decisions in .*newest first:\n\n\S+ {2}DENY/);
    expect(shown.stdout).not.toContain('\u001b');
    expect(shown.stdout.indexOf('echo')).toBeLessThan(shown.stdout.indexOf('dropdb'));
    const newest = JSON.parse(run('show', '--json', '--last', '1').stdout) as { subject: string; decision: string };
    expect([newest.subject.endsWith('rm -rf /'), newest.decision]).toEqual([true, 'deny']);
    const log = join(state, 'audit.jsonl');
    writeFileSync(log, readFileSync(log, 'utf8').split('\n').slice(0, 1).join('\n') + '\n');
    const broken = run('verify');
    expect([broken.status, broken.stdout.includes('2 records are missing from the end')]).toEqual([1, true]);
    const badLast = run('show', '--last', '0');
    expect([badLast.status, badLast.stderr.includes('--last needs a whole number')]).toEqual([3, true]);
    const unknown = run('delete');
    expect([unknown.status, unknown.stderr.includes('unknown audit command "delete"')]).toEqual([3, true]);
  });
});
