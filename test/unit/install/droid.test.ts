// Factory Droid: Airlock's entry in `.factory/settings.json` beside the user's own hooks and
// settings, and the warning when a hooks.json (which newer releases read instead) leaves it out.
import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeEach, expect, test } from 'vitest';
import { parse } from 'jsonc-parser';
import { droidWillNotRun } from '../../../src/agents/droid';
import { hookCommand, install, uninstall, type InstallIo } from '../../../src/agents/install/install';
import { launcherPath } from '../../../src/agents/install/launcher';

let home: string;
let project: string;
let io: InstallIo & { lines: string[] };
const options = { agents: ['droid' as const], scope: 'project' as const, get dir() { return project; } };

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'airlock-droid-'));
  project = join(home, 'project');
  mkdirSync(project);
  const lines: string[] = [];
  io = { env: { HOME: home, AIRLOCK_STATE_DIR: join(home, 'state') }, out: (l) => lines.push(l), node: process.execPath, cli: '/opt/airlock/dist/cli.js', lines };
});

function write(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

const MINE = `{
  "model": "claude-sonnet-4-5",
  "commandAllowlist": ["ls", "git status"],
  "hooks": {
    "PreToolUse": [{ "matcher": "Execute", "hooks": [{ "type": "command", "command": "\\"$FACTORY_PROJECT_DIR\\"/.factory/hooks/guard.sh", "timeout": 30 }] }],
    "PostToolUse": [{ "matcher": "Edit|Create", "hooks": [{ "type": "command", "command": "prettier --write" }] }]
  }
}
`;

interface DroidSettings {
  model: string;
  commandAllowlist: string[];
  hooks: Record<string, { matcher: string; hooks: { type: string; command: string; timeout?: number }[] }[]>;
}

test('install keeps the user\'s hooks and settings and adds Airlock once; twice changes nothing; uninstall gives the file back', () => {
  const file = join(project, '.factory', 'settings.json');
  write(file, MINE);
  expect(install(options, io)).toBe(0);
  const after = parse(readFileSync(file, 'utf8')) as DroidSettings;
  const before = parse(MINE) as DroidSettings;
  expect(after.model).toBe(before.model);
  expect(after.commandAllowlist).toEqual(before.commandAllowlist);
  expect(after.hooks.PostToolUse).toEqual(before.hooks.PostToolUse);
  expect(after.hooks.PreToolUse[0]).toEqual(before.hooks.PreToolUse[0]);
  // Every tool, in seconds, with the command that finds each user's launcher.
  expect(after.hooks.PreToolUse[1]).toEqual({ matcher: '*', hooks: [{ type: 'command', command: hookCommand(launcherPath(io.env), 'droid', 'project'), timeout: 600 }] });

  const once = readFileSync(file, 'utf8');
  const mtime = statSync(file).mtimeMs;
  expect(install(options, io)).toBe(0);
  expect(readFileSync(file, 'utf8')).toBe(once);
  expect(statSync(file).mtimeMs).toBe(mtime);
  expect(io.lines.at(-1)).toContain('already installed');

  expect(uninstall(options, io)).toBe(0);
  expect(readFileSync(file, 'utf8')).toBe(MINE);
});

test('a hooks.json beside the settings without Airlock\'s entry: install says newer releases will not run the hook', () => {
  const hooksJson = join(project, '.factory', 'hooks.json');
  write(hooksJson, '{ "PostToolUse": [{ "matcher": "Edit", "hooks": [{ "type": "command", "command": "prettier --write" }] }] }\n');
  expect(install(options, io)).toBe(0);
  expect(io.lines.join('\n')).toMatch(/but it will not run yet: .*hooks\.json instead of the "hooks" in .*settings\.json/);
  // Airlock's entry in that file as well: those releases run it.
  const command = hookCommand(launcherPath(io.env), 'droid', 'project');
  writeFileSync(hooksJson, JSON.stringify({ PreToolUse: [{ matcher: '*', hooks: [{ type: 'command', command }] }] }));
  expect(droidWillNotRun(join(project, '.factory', 'settings.json'))).toBeUndefined();
});

test('the legacy .factory/hooks/hooks.json counts too, and no hook file at all is fine', () => {
  const settings = join(project, '.factory', 'settings.json');
  expect(droidWillNotRun(settings)).toBeUndefined();
  write(join(project, '.factory', 'hooks', 'hooks.json'), '{}');
  expect(droidWillNotRun(settings)).toContain(join('hooks', 'hooks.json'));
});
