// `airlock install` / `uninstall` on real files in a private home and project: nothing of the
// user's is lost, twice is a no-op, uninstall gives the original back, a malformed file is refused.
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import { parse } from 'jsonc-parser';
import { hookCommand, install, uninstall, type InstallIo } from '../../../src/agents/install/install';
import { claudeReadDenyRules } from '../../../src/core/secrets/claudeRules';
import { launcherPath, readLauncher, writeLauncher } from '../../../src/agents/install/launcher';
import { readTargetConfig } from '../../../src/agents/install/targetConfig';
import { TARGETS } from '../../../src/agents/index';
import { AGENT_IDS, type AgentId } from '../../../src/agents/types';
import { DEFAULT_TIER_RULES } from '../../../src/core/policy';
import { policyFile, publishWindow, windowsDirectory } from '../../../src/gate/discovery';
import { startDecisionServer } from '../../../src/gate/server';
import { PROTOCOL_VERSION } from '../../../src/gate/protocol';
import { writePublishedPolicy } from '../../../src/gate/publishedPolicy';

let home: string;
let project: string;
let io: InstallIo & { lines: string[] };

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'airlock-install-'));
  project = join(home, 'project');
  mkdirSync(project);
  const lines: string[] = [];
  io = { env: { HOME: home, AIRLOCK_STATE_DIR: join(home, 'state') }, out: (l) => lines.push(l), node: process.execPath, cli: '/opt/airlock/dist/cli.js', lines };
});

const options = (agents: readonly AgentId[] = AGENT_IDS, scope: 'project' | 'user' = 'project') => ({ agents, scope, dir: project });

/** The agent's file as the installer reads it (JSON, or Cline's script as `{script}`). */
function configOf(agent: AgentId, file: string): Record<string, unknown> {
  return readTargetConfig(TARGETS[agent], file, readFileSync(file, 'utf8'));
}

function write(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

interface ClaudeSettings {
  model: string;
  someFutureKey: unknown;
  hooks: Record<string, { matcher: string; hooks: { command: string }[] }[]>;
  permissions: { allow: string[]; deny: string[]; defaultMode: string };
}

const CLAUDE_USER_FILE = `{
    "model": "opus",
    "hooks": {
        "PreToolUse": [ { "matcher": "Bash", "hooks": [ { "type": "command", "command": "~/bin/my-guard.sh", "timeout": 5 } ] } ],
        "PostToolUse": [ { "matcher": "Write", "hooks": [ { "type": "command", "command": "prettier --write" } ] } ]
    },
    "permissions": { "allow": ["Bash(npm test)"], "deny": ["Read(//**/.env)", "WebFetch"], "defaultMode": "acceptEdits" },
    "someFutureKey": { "nested": [1, 2, 3] }
}
`;

describe('Claude Code settings the user already has', () => {
  test('install keeps every hook, permission and unknown key, and adds Airlock', () => {
    const file = join(project, '.claude', 'settings.json');
    write(file, CLAUDE_USER_FILE);
    expect(install(options(['claude-code']), io)).toBe(0);
    const after = parse(readFileSync(file, 'utf8')) as ClaudeSettings;
    const before = parse(CLAUDE_USER_FILE) as ClaudeSettings;
    expect(after.model).toBe('opus');
    expect(after.someFutureKey).toEqual(before.someFutureKey);
    expect(after.hooks.PostToolUse).toEqual(before.hooks.PostToolUse);
    expect(after.hooks.PreToolUse[0]).toEqual(before.hooks.PreToolUse[0]);
    expect(after.hooks.PreToolUse[1].hooks[0].command).toBe(hookCommand(launcherPath(io.env), 'claude-code', 'project'));
    expect(after.permissions.allow).toEqual(['Bash(npm test)']);
    expect(after.permissions.defaultMode).toBe('acceptEdits');
    expect(after.permissions.deny.slice(0, 2)).toEqual(['Read(//**/.env)', 'WebFetch']);
    expect(after.permissions.deny).toContain('Read(//**/.aws/credentials)');
    // The rule the user had is not added twice.
    expect(after.permissions.deny.filter((r) => r === 'Read(//**/.env)')).toHaveLength(1);
  });

  test('install twice changes nothing the second time', () => {
    const file = join(project, '.claude', 'settings.json');
    write(file, CLAUDE_USER_FILE);
    install(options(['claude-code']), io);
    const once = readFileSync(file, 'utf8');
    const mtime = statSync(file).mtimeMs;
    expect(install(options(['claude-code']), io)).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(once);
    expect(statSync(file).mtimeMs).toBe(mtime);
    expect(io.lines.at(-1)).toContain('already installed');
  });

  test('uninstall restores the user\'s file byte for byte, and keeps the rule they had themselves', () => {
    const file = join(project, '.claude', 'settings.json');
    write(file, CLAUDE_USER_FILE);
    install(options(['claude-code']), io);
    install(options(['claude-code']), io);
    expect(uninstall(options(['claude-code']), io)).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(CLAUDE_USER_FILE);
  });

  test('an edit the user made after install survives uninstall', () => {
    const file = join(project, '.claude', 'settings.json');
    write(file, CLAUDE_USER_FILE);
    install(options(['claude-code']), io);
    writeFileSync(file, readFileSync(file, 'utf8').replace('"opus"', '"sonnet"'));
    uninstall(options(['claude-code']), io);
    const after = parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    expect(after.model).toBe('sonnet');
    expect(JSON.stringify(after)).not.toContain('hook --agent');
    expect(after.permissions).toEqual({ allow: ['Bash(npm test)'], deny: ['Read(//**/.env)', 'WebFetch'], defaultMode: 'acceptEdits' });
  });

  test('a malformed file is refused and left untouched; the other agents are still installed', () => {
    const file = join(project, '.claude', 'settings.json');
    const broken = '{ "hooks": { "PreToolUse": [ }\n';
    write(file, broken);
    expect(install(options(), io)).toBe(1);
    expect(readFileSync(file, 'utf8')).toBe(broken);
    expect(io.lines.join('\n')).toMatch(/settings\.json is not valid JSON \(.+ on line 1\); Airlock left it untouched/);
    expect(existsSync(join(project, '.cursor', 'hooks.json'))).toBe(true);
    expect(uninstall(options(['claude-code']), io)).toBe(1);
    expect(readFileSync(file, 'utf8')).toBe(broken);
  });
});

describe.each(AGENT_IDS)('%s', (agent) => {
  test('install into an empty project, uninstall leaves no trace', () => {
    expect(install(options([agent]), io)).toBe(0);
    const file = TARGETS[agent].file('project', project, io.env);
    expect(TARGETS[agent].commands(configOf(agent, file)).length).toBeGreaterThan(0);
    expect(uninstall(options([agent]), io)).toBe(0);
    expect(existsSync(file)).toBe(false);
    expect(existsSync(dirname(file))).toBe(false);
  });

  test('user scope writes under the home directory', () => {
    install(options([agent], 'user'), io);
    expect(TARGETS[agent].file('user', project, io.env).startsWith(home)).toBe(true);
    expect(existsSync(TARGETS[agent].file('user', project, io.env))).toBe(true);
    expect(existsSync(TARGETS[agent].file('project', project, io.env))).toBe(false);
  });
});

test('Cursor: the user\'s hooks stay, Airlock\'s entries fail closed', () => {
  const file = join(project, '.cursor', 'hooks.json');
  const mine = '{\n  "version": 1,\n  "hooks": {\n    "beforeShellExecution": [{ "command": "./hooks/audit.sh" }],\n    "afterFileEdit": [{ "command": "./hooks/format.sh" }]\n  }\n}\n';
  write(file, mine);
  install(options(['cursor']), io);
  const after = parse(readFileSync(file, 'utf8')) as { hooks: Record<string, { command: string; failClosed?: boolean }[]> };
  expect(after.hooks.afterFileEdit).toEqual([{ command: './hooks/format.sh' }]);
  expect(after.hooks.beforeShellExecution[0]).toEqual({ command: './hooks/audit.sh' });
  expect(after.hooks.beforeShellExecution[1].failClosed).toBe(true);
  expect(after.hooks.beforeReadFile[0].failClosed).toBe(true);
  uninstall(options(['cursor']), io);
  expect(readFileSync(file, 'utf8')).toBe(mine);
});

test('Gemini: comments in settings.json survive install', () => {
  const file = join(project, '.gemini', 'settings.json');
  write(file, '{\n  // my theme\n  "theme": "GitHub"\n}\n');
  install(options(['gemini']), io);
  const text = readFileSync(file, 'utf8');
  expect(text).toContain('// my theme');
  expect(text).toContain('"timeout": 600000');
  uninstall(options(['gemini']), io);
  expect(readFileSync(file, 'utf8')).toBe('{\n  // my theme\n  "theme": "GitHub"\n}\n');
});

test('Windsurf: the user\'s hooks and keys stay, Airlock\'s entry is added once to each pre-hook, uninstall gives the file back', () => {
  const file = join(project, '.windsurf', 'hooks.json');
  const mine = '{\n  "hooks": {\n    "pre_run_command": [{ "command": "python3 ./hooks/log.py", "show_output": false }],\n'
    + '    "post_write_code": [{ "command": "npx prettier --write .", "working_directory": "web" }]\n  },\n  "team": { "owner": "platform" }\n}\n';
  write(file, mine);
  expect(install(options(['windsurf']), io)).toBe(0);
  const after = parse(readFileSync(file, 'utf8')) as { hooks: Record<string, { command: string }[]>; team: unknown };
  expect(after.team).toEqual({ owner: 'platform' });
  expect(after.hooks.post_write_code).toEqual([{ command: 'npx prettier --write .', working_directory: 'web' }]);
  expect(after.hooks.pre_run_command[0]).toEqual({ command: 'python3 ./hooks/log.py', show_output: false });
  const command = hookCommand(launcherPath(io.env), 'windsurf', 'project');
  for (const event of ['pre_run_command', 'pre_read_code', 'pre_write_code', 'pre_mcp_tool_use']) {
    expect(after.hooks[event].filter((h) => h.command === command)).toEqual([{ command, show_output: true }]);
  }
  const once = readFileSync(file, 'utf8');
  expect(install(options(['windsurf']), io)).toBe(0);
  expect(readFileSync(file, 'utf8')).toBe(once);
  expect(io.lines.at(-1)).toContain('already installed');
  expect(uninstall(options(['windsurf']), io)).toBe(0);
  expect(readFileSync(file, 'utf8')).toBe(mine);
});

test('Kiro: Airlock owns airlock.json but keeps the hooks a user put in it; an entry switched off is not intact', () => {
  const file = join(project, '.kiro', 'hooks', 'airlock.json');
  const mine = JSON.stringify({
    version: 'v1',
    hooks: [
      { name: 'lint-on-save', trigger: 'PostFileSave', matcher: '\\.ts$', action: { type: 'command', command: 'npm run lint' }, timeout: 30, enabled: true },
      { name: 'remind-tests', trigger: 'PreToolUse', matcher: 'fs_write|str_replace', action: { type: 'agent', prompt: 'Ensure tests are updated' } },
    ],
  }, null, 2) + '\n';
  write(file, mine);
  expect(install(options(['kiro']), io)).toBe(0);
  const command = hookCommand(launcherPath(io.env), 'kiro', 'project');
  const read = (): { version: string; hooks: Record<string, unknown>[] } => parse(readFileSync(file, 'utf8')) as { version: string; hooks: Record<string, unknown>[] };
  const after = read();
  expect(after.version).toBe('v1');
  expect(after.hooks.slice(0, 2)).toEqual((JSON.parse(mine) as { hooks: unknown[] }).hooks);
  expect(after.hooks[2]).toEqual({ name: 'airlock', trigger: 'PreToolUse', matcher: '.*', action: { type: 'command', command }, timeout: 600, enabled: true });
  const once = readFileSync(file, 'utf8');
  expect(install(options(['kiro']), io)).toBe(0);
  expect(readFileSync(file, 'utf8')).toBe(once);
  // Switched off by hand (or by an agent): install puts it back.
  writeFileSync(file, once.replace('"enabled": true\n    }\n  ]', '"enabled": false\n    }\n  ]'));
  expect(read().hooks[2].enabled).toBe(false);
  expect(TARGETS.kiro.install(read(), command, { denyRules: [] }).changes.length).toBeGreaterThan(0);
  expect(install(options(['kiro']), io)).toBe(0);
  expect(read().hooks[2].enabled).toBe(true);
  expect(read().hooks).toHaveLength(3);
  expect(uninstall(options(['kiro']), io)).toBe(0);
  expect(readFileSync(file, 'utf8')).toBe(mine);
});

describe('Claude Code Read deny rules', () => {
  const rules = claudeReadDenyRules(['config/secrets.yaml']);
  test.each(['Read(//**/.env)', 'Read(//**/.aws/credentials)', 'Read(//etc/shadow)', 'Read(//**/*.tfstate)', 'Read(//**/config/secrets.yaml)'])('has %s', (rule) => {
    expect(rules).toContain(rule);
  });
  test.each(['Read(//**/.env.*)', 'Read(//**/*.pem)', 'Read(//**/.ssh/*)'])('leaves %s to the hook (it would hide a template or public file)', (rule) => {
    expect(rules).not.toContain(rule);
  });
});

test('Claude\'s Read rules follow the policy an editor window publishes, the user\'s exceptions included', async () => {
  const server = await startDecisionServer(() => Promise.resolve({ decision: 'deny', decidedBy: 'human' }), { roots: [project] });
  publishWindow(windowsDirectory(io.env), { version: PROTOCOL_VERSION, root: project, socket: server.socket, token: server.token, pid: process.pid });
  writePublishedPolicy(policyFile(windowsDirectory(io.env), project), {
    version: PROTOCOL_VERSION, protectedPaths: ['ops/*.secret'], allowedPaths: ['**/.env.ci'], environments: {}, timeoutSeconds: 60, tierRules: DEFAULT_TIER_RULES,
  });
  install(options(['claude-code']), io);
  const deny = (parse(readFileSync(join(project, '.claude', 'settings.json'), 'utf8')) as { permissions: { deny: string[] } }).permissions.deny;
  expect(deny).toContain('Read(//**/ops/*.secret)');
  expect(deny).toContain('Read(//**/.env.*production)');
  expect(deny.filter((r) => r.includes('.env.*ci'))).toEqual([]);
  await server.close();
});

describe('the stable launcher', () => {
  test('round-trips paths with quotes and refuses to replace a file it did not write', () => {
    const path = launcherPath(io.env);
    expect(writeLauncher(path, { node: "/opt/it's/node", cli: '/x y/cli.js' })).toBe(true);
    expect(readLauncher(path)).toEqual({ node: "/opt/it's/node", cli: '/x y/cli.js' });
    expect(writeLauncher(path, { node: "/opt/it's/node", cli: '/x y/cli.js' })).toBe(false);
    writeFileSync(path, '#!/bin/sh\necho mine\n');
    expect(() => writeLauncher(path, { node: '/n', cli: '/c' })).toThrow(/not written by Airlock/);
  });
});

test('a settings file that is a symbolic link (a dotfiles repository) stays a link', () => {
  const real = join(home, 'dotfiles', 'claude-settings.json');
  write(real, CLAUDE_USER_FILE);
  mkdirSync(join(home, '.claude'));
  const link = join(home, '.claude', 'settings.json');
  symlinkSync(real, link);
  install(options(['claude-code'], 'user'), io);
  expect(lstatSync(link).isSymbolicLink()).toBe(true);
  expect(readFileSync(real, 'utf8')).toContain('hook --agent claude-code');
  uninstall(options(['claude-code'], 'user'), io);
  expect(lstatSync(link).isSymbolicLink()).toBe(true);
  expect(readFileSync(real, 'utf8')).toBe(CLAUDE_USER_FILE);
});

describe('project files a team shares', () => {
  const cli = join(__dirname, '..', '..', '..', 'dist', 'cli.js');
  const run = (command: string, env: Record<string, string>) => spawnSync('/bin/sh', ['-c', command], {
    input: JSON.stringify({ session_id: 's', cwd: project, hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command: 'railway volume delete -v pgdata -e production -y' } }),
    encoding: 'utf8', env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env },
  });

  test.each(AGENT_IDS)('%s: no user-specific path, and a teammate without Airlock is blocked with a message naming airlock install', (agent) => {
    install(options([agent]), io);
    const file = TARGETS[agent].file('project', project, io.env);
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain(home);
    const [command] = TARGETS[agent].commands(configOf(agent, file));
    const teammate = mkdtempSync(join(tmpdir(), 'airlock-teammate-'));
    const r = run(command, { HOME: teammate });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('airlock install');
  });

  test('the same command finds the launcher of whoever runs it', () => {
    install(options(['claude-code']), { ...io, cli });
    const [command] = TARGETS['claude-code'].commands(parse(readFileSync(join(project, '.claude', 'settings.json'), 'utf8')) as Record<string, unknown>);
    const r = run(command, { HOME: home, AIRLOCK_STATE_DIR: join(home, 'state') });
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as { hookSpecificOutput: { permissionDecision: string } }).hookSpecificOutput.permissionDecision).toBe('deny');
  });
});

describe('a platform the hooks cannot guard yet', () => {
  test('on Windows install refuses with the reason and writes nothing (a fail-closed hook that cannot start blocks every call)', () => {
    const lines: string[] = [];
    const refused = install(options(['cursor', 'claude-code']), { ...io, out: (l) => lines.push(l), platform: 'win32' });
    expect(refused).toBe(1);
    expect(lines.join('\n')).toMatch(/do not run on Windows yet.*Nothing was installed/s);
    expect(existsSync(join(project, '.cursor', 'hooks.json'))).toBe(false);
  });
});
