// install → doctor → uninstall through the built CLI, as a user runs them, in a private home.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { hookCommand } from '../../../src/agents/install/install';
import { shellGate } from '../../../src/gate/shells';

const CLI = join(__dirname, '..', '..', '..', 'dist', 'cli.js');

function airlock(args: readonly string[], cwd: string, home: string, input?: string, extra: Record<string, string> = {}): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd, input, encoding: 'utf8', timeout: 60_000,
    env: { PATH: process.env.PATH ?? '', HOME: home, AIRLOCK_STATE_DIR: join(home, 'state'), XDG_CACHE_HOME: join(home, '.cache'), ...extra },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('install, doctor (every hook current and denying the probe), uninstall', () => {
  const home = mkdtempSync(join(tmpdir(), 'airlock-cli-'));
  const project = join(home, 'project');
  mkdirSync(project);
  expect(airlock(['doctor'], project, home).code).toBe(1);
  const installed = airlock(['install', '--agent', 'all'], project, home);
  expect(installed.code).toBe(0);
  expect(installed.stdout).toContain('Claude Code: installed in');
  // Codex and Gemini CLI run the hook only once trusted: install and doctor say so.
  expect(installed.stdout).toMatch(/Codex: installed in .*\n {2}but it will not run yet: .*\/hooks/);
  expect(installed.stdout).toMatch(/Gemini CLI: installed in .*\n {2}but it will not run yet: .*not trusted/);
  // Copilot CLI, once it has run for this user, loads project hooks only in folders it trusts.
  mkdirSync(join(home, '.copilot'), { recursive: true });
  writeFileSync(join(home, '.copilot', 'config.json'), '{}');
  const untrusted = airlock(['doctor'], project, home);
  expect(untrusted.code).toBe(1);
  expect(untrusted.stdout).toContain('WILL NOT RUN');
  expect(untrusted.stdout).toMatch(/Copilot \(VS Code agent hooks\) \(project\): installed .*\n {2}WILL NOT RUN: Copilot CLI loads this project's hooks only in a folder it trusts/);
  writeFileSync(join(home, '.copilot', 'config.json'), JSON.stringify({ trusted_folders: [home] }));
  mkdirSync(join(home, '.gemini'), { recursive: true });
  writeFileSync(join(home, '.gemini', 'trustedFolders.json'), JSON.stringify({ [project]: 'TRUST_FOLDER' }));
  mkdirSync(join(home, '.qwen'), { recursive: true });
  writeFileSync(join(home, '.qwen', 'trustedFolders.json'), JSON.stringify({ [project]: 'TRUST_FOLDER' }));
  mkdirSync(join(home, '.codex'), { recursive: true });
  writeFileSync(join(home, '.codex', 'config.toml'), `[projects."${project}"]\ntrust_level = "trusted"\n[hooks.state."${join(project, '.codex', 'hooks.json')}:pre_tool_use:0:0"]\ntrusted_hash = "sha256:00"\n`);
  const doctor = airlock(['doctor'], project, home);
  expect(doctor.stdout).not.toContain('WILL NOT RUN');
  expect(doctor.code).toBe(0);
  const answering = doctor.stdout.split('\n').filter((l) => l.includes('(project): installed') && l.includes('current; answering: denied the probe'));
  expect(answering).toHaveLength(10);
  // Windsurf and Kiro read no JSON: their hook blocks the probe with exit 2 and Airlock's reason on stderr.
  const blocked = doctor.stdout.split('\n').filter((l) => l.includes('(project): installed') && l.includes('current; answering: blocked the probe with exit 2') && l.includes('(Blocked by Airlock: '));
  expect(blocked.map((l) => l.slice(0, l.indexOf(' (project)')))).toEqual(['Windsurf (Cascade)', 'Kiro']);
  expect(airlock(['uninstall'], project, home).code).toBe(0);
  expect(airlock(['doctor'], project, home).stdout).toContain('No agent has Airlock\'s hook yet');
}, 60_000);

test('doctor flags a hook that points at a launcher whose CLI is gone', () => {
  const home = mkdtempSync(join(tmpdir(), 'airlock-cli-'));
  const project = join(home, 'project');
  mkdirSync(project);
  airlock(['install', '--agent', 'cursor'], project, home);
  const launcher = join(home, '.local', 'share', 'airlock', 'bin', 'airlock');
  writeFileSync(launcher, readFileSync(launcher, 'utf8').replace(/^cli='.*'$/m, "cli='/nonexistent/cli.js'"));
  const doctor = airlock(['doctor'], project, home);
  expect(doctor.code).toBe(1);
  expect(doctor.stdout).toContain('MISSING');
  // The hook still blocks rather than letting calls through.
  expect(doctor.stdout).toMatch(/Cursor \(project\).*blocked the probe with exit 2/);
}, 60_000);

test('doctor calls an install that lacks an event this release guards out of date (Cursor before preToolUse)', () => {
  const home = mkdtempSync(join(tmpdir(), 'airlock-cli-'));
  const project = join(home, 'project');
  mkdirSync(project);
  expect(airlock(['install', '--agent', 'cursor'], project, home).code).toBe(0);
  const file = join(project, '.cursor', 'hooks.json');
  const config = JSON.parse(readFileSync(file, 'utf8')) as { hooks: Record<string, unknown> };
  delete config.hooks.preToolUse;
  writeFileSync(file, JSON.stringify(config));
  const doctor = airlock(['doctor', '--agent', 'cursor'], project, home);
  expect(doctor.code).toBe(1);
  expect(doctor.stdout).toMatch(/Cursor \(project\): installed in .*; OUT OF DATE/);
  expect(airlock(['install', '--agent', 'cursor'], project, home).code).toBe(0);
  expect((JSON.parse(readFileSync(file, 'utf8')) as typeof config).hooks.preToolUse).toHaveLength(1);
  expect(airlock(['doctor', '--agent', 'cursor'], project, home).code).toBe(0);
}, 60_000);

test.each([
  [['install'], /--agent is required/],
  [['install', '--agent', 'vim'], /unknown agent "vim"/],
  [['install', '--agent', 'all', '--scope', 'galaxy'], /--scope must be project, user or managed/],
])('usage errors: %j', (args, message) => {
  const home = mkdtempSync(join(tmpdir(), 'airlock-cli-'));
  const r = airlock(args, home, home);
  expect(r.code).toBe(3);
  expect(r.stderr).toMatch(message);
});

test('a hook run without a known agent blocks (exit 2), since agents read other codes as "allow"', () => {
  const home = mkdtempSync(join(tmpdir(), 'airlock-cli-'));
  const r = airlock(['hook', '--agent', 'vim'], home, home, '{}');
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('unknown agent "vim"');
});

test('doctor never runs a hook entry that only looks like Airlock\'s', () => {
  const home = mkdtempSync(join(tmpdir(), 'airlock-cli-'));
  const project = join(home, 'project');
  mkdirSync(join(project, '.claude'), { recursive: true });
  const marker = join(home, 'PWNED');
  writeFileSync(join(project, '.claude', 'settings.json'), JSON.stringify({
    hooks: { PreToolUse: [{ matcher: 'Bash', hooks: [{ type: 'command', command: `touch ${marker}; echo airlock hook --agent claude-code` }] }] },
  }));
  const doctor = airlock(['doctor', '--agent', 'claude-code', '--scope', 'project'], project, home);
  expect(doctor.code).toBe(1);
  expect(doctor.stdout).toContain('not probed');
  expect(existsSync(marker)).toBe(false);
});

test('doctor says which shells the terminal gate guards', () => {
  const home = mkdtempSync(join(tmpdir(), 'airlock-cli-'));
  const fish = airlock(['doctor'], home, home, undefined, { SHELL: '/usr/bin/fish' }).stdout;
  expect(fish).toContain('fish: NOT guarded by a shell guard');
  expect(fish).toContain('shells without a guard: fish, pwsh (PowerShell)');
  expect(fish).toContain('this terminal has no terminal gate');
  const bash = airlock(['doctor'], home, home, undefined, { SHELL: '/bin/bash', AIRLOCK_NODE: process.execPath, AIRLOCK_CLI: CLI }).stdout;
  expect(bash).toContain('bash: guarded');
  expect(bash).toContain('this terminal carries Airlock\'s terminal gate');
  expect(shellGate('/bin/bash', 3.2)).toContain('bash 3.2: NOT guarded');
  expect(shellGate('/bin/bash', 5.2)).toContain('bash: guarded');
});

test('--scope managed writes the machine-wide settings device management deploys, and doctor warns where managed settings keep user hooks from running', () => {
  const home = mkdtempSync(join(tmpdir(), 'airlock-cli-'));
  const project = join(home, 'project');
  const system = join(home, 'system');
  mkdirSync(project);
  const root = { AIRLOCK_SYSTEM_ROOT: system };
  // Managed settings that already hold the administrator's own keys.
  mkdirSync(join(system, 'etc', 'claude-code'), { recursive: true });
  writeFileSync(join(system, 'etc', 'claude-code', 'managed-settings.json'), JSON.stringify({ allowManagedHooksOnly: true, permissions: { deny: ['WebFetch'] } }));
  expect(airlock(['install', '--agent', 'claude-code', '--scope', 'user'], project, home, undefined, root).stdout).toMatch(/but it will not run yet: .*allowManagedHooksOnly/);
  const managed = airlock(['install', '--agent', 'all', '--scope', 'managed'], project, home, undefined, root);
  expect(managed.code).toBe(0);
  expect(managed.stdout).toMatch(/Codex: Airlock knows no managed \(system-wide\) hook settings for it; skipped \(Codex reads managed hooks from \[\[hooks\.PreToolUse\]\] in \/etc\/codex\/requirements\.toml/);
  for (const name of ['opencode', 'Cline', 'Kiro']) expect(managed.stdout).toMatch(new RegExp(`\\n${name}: Airlock knows no managed \\(system-wide\\) hook settings for it; skipped \\(.+\\)`));
  const claude = JSON.parse(readFileSync(join(system, 'etc', 'claude-code', 'managed-settings.json'), 'utf8')) as { allowManagedHooksOnly: boolean; permissions: unknown; hooks: { PreToolUse: { hooks: { command: string }[] }[] } };
  expect(claude.allowManagedHooksOnly).toBe(true);
  expect(claude.permissions).toMatchObject({ deny: expect.arrayContaining(['WebFetch']) as unknown });
  // No user's path in a file every user of the machine runs.
  expect(claude.hooks.PreToolUse[0].hooks[0].command).toContain('${AIRLOCK_DATA_DIR:-');
  expect(existsSync(join(system, 'etc', 'cursor', 'hooks.json'))).toBe(true);
  expect(existsSync(join(system, 'etc', 'gemini-cli', 'settings.json'))).toBe(true);
  expect(existsSync(join(system, 'etc', 'augment', 'settings.json'))).toBe(true);
  expect(existsSync(join(system, 'etc', 'factory', 'settings.json'))).toBe(true);
  expect(existsSync(join(system, 'etc', 'qwen-code', 'settings.json'))).toBe(true);
  expect(existsSync(join(system, 'etc', 'windsurf', 'hooks.json'))).toBe(true);
  // Copilot CLI's policy hooks: the same format, in policy.d, which it reads only when root owns the file and no one else can write it.
  const policy = join(system, 'etc', 'github-copilot', 'policy.d', '50-airlock.json');
  expect(JSON.parse(readFileSync(policy, 'utf8'))).toMatchObject({ version: 1, hooks: { preToolUse: [{ type: 'command' }] } });
  chmodSync(policy, 0o666);
  expect(airlock(['doctor', '--agent', 'copilot'], project, home, undefined, root).stdout).toMatch(/Copilot \(VS Code agent hooks\) \(managed\): installed .*\n {2}WILL NOT RUN: Copilot CLI skips a policy file that is not owned by root or that group or others can write/);
  chmodSync(policy, 0o644);
  const doctor = airlock(['doctor', '--agent', 'claude-code'], project, home, undefined, root);
  expect(doctor.stdout).toMatch(/Claude Code \(managed\): installed in .*managed-settings\.json; current; answering/);
  expect(doctor.stdout).toMatch(/Claude Code \(user\): installed .*\n {2}WILL NOT RUN: .*allowManagedHooksOnly/);
  expect(airlock(['uninstall', '--agent', 'all', '--scope', 'managed'], project, home, undefined, root).code).toBe(0);
  expect(JSON.parse(readFileSync(join(system, 'etc', 'claude-code', 'managed-settings.json'), 'utf8'))).toEqual({ allowManagedHooksOnly: true, permissions: { deny: ['WebFetch'] } });
}, 60_000);

test('the README\'s requirements.toml entry for Codex carries the command install writes for a managed scope', () => {
  const readme = readFileSync(join(__dirname, '..', '..', '..', 'README.md'), 'utf8');
  expect(readme).toContain(`command = '${hookCommand('/unused', 'codex', 'managed')}'`);
});

test('doctor --json: each hook as data (the Airlock view reads it), a broken one named broken', () => {
  const home = mkdtempSync(join(tmpdir(), 'airlock-cli-'));
  const project = join(home, 'project');
  mkdirSync(project);
  expect(airlock(['install', '--agent', 'claude-code'], project, home).code).toBe(0);
  mkdirSync(join(project, '.gemini'));
  writeFileSync(join(project, '.gemini', 'settings.json'), '{ not json');
  const run = airlock(['doctor', '--json', '--agent', 'all'], project, home);
  const report = JSON.parse(run.stdout) as { dir: string; hooks: { agent: string; scope: string; state: string; text: string }[] };
  expect(report.dir).toBe(project);
  expect(report.hooks.find((h) => h.agent === 'claude-code' && h.scope === 'project')).toMatchObject({ state: 'healthy', text: expect.stringContaining('answering: denied the probe') as string });
  expect(report.hooks.find((h) => h.agent === 'claude-code' && h.scope === 'user')).toMatchObject({ state: 'missing' });
  expect(report.hooks.find((h) => h.agent === 'gemini' && h.scope === 'project')).toMatchObject({ state: 'broken' });
  // A broken file makes the whole report unhealthy, as the text report's exit status says.
  expect(run.code).toBe(1);
  expect(airlock(['doctor', '--json', '--bogus'], project, home).code).not.toBe(0);
});
