// Cline's hook is a whole file, `PreToolUse`, that Airlock writes: a script of the user's is never
// written over, the script answers a failed run with a cancel (Cline lets a call through on any
// other exit), and the user's hooks folder is found where Cline looks for it.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import { clineDocuments } from '../../../src/agents/cline';
import { AGENTS, TARGETS } from '../../../src/agents/index';
import { hookCommand, install, uninstall, type InstallIo } from '../../../src/agents/install/install';
import { launcherPath } from '../../../src/agents/install/launcher';
import { readTargetConfig } from '../../../src/agents/install/targetConfig';

const CLI = join(__dirname, '..', '..', '..', 'dist', 'cli.js');
let home: string;
let project: string;
let io: InstallIo & { lines: string[] };

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'airlock-cline-'));
  project = join(home, 'project');
  mkdirSync(project);
  const lines: string[] = [];
  io = { env: { HOME: home, AIRLOCK_STATE_DIR: join(home, 'state') }, out: (l) => lines.push(l), node: process.execPath, cli: CLI, lines };
});

const options = { agents: ['cline'] as const, scope: 'project' as const, get dir() { return project; } };
const hookFile = (): string => join(project, '.clinerules', 'hooks', 'PreToolUse');

function write(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

/** Runs the hook file as Cline does: the payload on stdin, from the project. */
function runHookFile(command: string, env: Record<string, string>): { status: number | null; stdout: string; stderr: string } {
  const payload = { clineVersion: '3.38.3', hookName: 'PreToolUse', timestamp: '0', taskId: 't', workspaceRoots: [project], userId: 'u',
    preToolUse: { toolName: 'execute_command', parameters: { command, requires_approval: 'true' } } };
  const r = spawnSync(hookFile(), [], { cwd: project, input: JSON.stringify(payload), encoding: 'utf8', env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the PreToolUse file', () => {
  test('install writes an executable script that runs Airlock, beside the user\'s other hooks; twice changes nothing; uninstall takes only it away', () => {
    const theirs = join(project, '.clinerules', 'hooks', 'TaskStart');
    write(theirs, '#!/bin/sh\necho \'{"cancel":false}\'\n');
    write(join(project, '.clinerules', 'style.md'), '# tabs\n');
    expect(install(options, io)).toBe(0);
    const text = readFileSync(hookFile(), 'utf8');
    expect(statSync(hookFile()).mode & 0o111).toBe(0o111);
    expect(text.startsWith('#!/bin/sh\n')).toBe(true);
    expect(TARGETS.cline.commands(readTargetConfig(TARGETS.cline, hookFile(), text))).toEqual([hookCommand(launcherPath(io.env), 'cline', 'project')]);
    expect(io.lines.join('\n')).toContain('note: The Cline extension runs hooks only with "Enable Hooks" on');
    expect(install(options, io)).toBe(0);
    expect(io.lines.join('\n')).toContain(`Cline: already installed in ${hookFile()}`);
    expect(readFileSync(hookFile(), 'utf8')).toBe(text);
    expect(uninstall(options, io)).toBe(0);
    expect(existsSync(hookFile())).toBe(false);
    expect(readFileSync(theirs, 'utf8')).toBe('#!/bin/sh\necho \'{"cancel":false}\'\n');
    expect(readFileSync(join(project, '.clinerules', 'style.md'), 'utf8')).toBe('# tabs\n');
  });

  test('a PreToolUse of the user\'s own is refused and left untouched, by install and uninstall alike', () => {
    const mine = '#!/usr/bin/env python3\nimport sys, json\nprint(json.dumps({"cancel": False}))\n';
    write(hookFile(), mine);
    expect(install(options, io)).toBe(1);
    expect(io.lines.join('\n')).toContain(`${hookFile()} is a hook of your own, not Airlock's; Airlock left it untouched`);
    expect(io.lines.join('\n')).toContain('--scope user');
    expect(uninstall(options, io)).toBe(1);
    expect(readFileSync(hookFile(), 'utf8')).toBe(mine);
  });

  test('Cline skips a file it cannot execute: install and doctor say so', () => {
    install(options, io);
    expect(AGENTS.cline.willNotRun?.(hookFile(), 'project', project, io.env)).toBeUndefined();
    chmodSync(hookFile(), 0o644);
    expect(AGENTS.cline.willNotRun?.(hookFile(), 'project', project, io.env)).toContain(`chmod +x ${hookFile()}`);
  });
});

describe('the script answers for the hook', () => {
  test('Airlock\'s deny and allow pass through, with exit 0', () => {
    install(options, io);
    const env = { HOME: home, AIRLOCK_STATE_DIR: join(home, 'state') };
    const denied = runHookFile('railway volume delete -v pgdata -e production -y', env);
    expect(denied.status).toBe(0);
    expect(JSON.parse(denied.stdout)).toMatchObject({ cancel: true, errorMessage: expect.stringContaining('PRODUCTION') as unknown });
    const allowed = runHookFile('ls -la', env);
    expect(allowed.status).toBe(0);
    expect(JSON.parse(allowed.stdout)).toEqual({ cancel: false });
  });

  test('a run that fails (a teammate without Airlock) is a cancel Cline reads, not an exit it ignores', () => {
    install(options, io);
    const teammate = mkdtempSync(join(tmpdir(), 'airlock-teammate-'));
    const r = runHookFile('ls -la', { HOME: teammate });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ cancel: true, errorMessage: expect.stringContaining('exited with status 2') as unknown });
    expect(r.stderr).toContain('airlock install');
  });
});

describe('the user\'s hooks folder, where Cline looks for it', () => {
  const withXdg = (): string => {
    const bin = join(home, 'bin');
    write(join(bin, 'xdg-user-dir'), '#!/bin/sh\n');
    chmodSync(join(bin, 'xdg-user-dir'), 0o755);
    return bin;
  };

  test.each([
    ['macOS', 'darwin' as const, false, undefined, 'Documents'],
    ['Linux without xdg-user-dir', 'linux' as const, false, undefined, 'Documents'],
    ['Linux with xdg-user-dir and no user-dirs.dirs (it answers with the home folder)', 'linux' as const, true, undefined, ''],
    ['Linux with XDG_DOCUMENTS_DIR under $HOME', 'linux' as const, true, 'XDG_DOCUMENTS_DIR="$HOME/Dokumente"\n', 'Dokumente'],
  ])('%s', (_name, platform, xdg, dirs, expected) => {
    const env = { HOME: home, PATH: xdg ? withXdg() : join(home, 'nothing') };
    if (dirs) write(join(home, '.config', 'user-dirs.dirs'), `XDG_DESKTOP_DIR="$HOME/Desktop"\n${dirs}`);
    expect(clineDocuments(env, platform)).toBe(join(home, expected));
  });

  test('user scope writes under that folder', () => {
    expect(install({ ...options, scope: 'user' }, io)).toBe(0);
    expect(existsSync(join(clineDocuments(io.env), 'Cline', 'Hooks', 'PreToolUse'))).toBe(true);
    expect(existsSync(hookFile())).toBe(false);
  });
});
