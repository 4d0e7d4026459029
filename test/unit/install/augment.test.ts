// Augment's settings.json (`~/.augment/` and a project's `.augment/`), Claude-shaped: the user's
// hooks and other settings are kept, Airlock's group is added once, and uninstall gives the file back.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'jsonc-parser';
import { expect, test } from 'vitest';
import { TARGETS } from '../../../src/agents/index';
import { hookCommand, install, uninstall, type InstallIo } from '../../../src/agents/install/install';
import { launcherPath } from '../../../src/agents/install/launcher';

const MINE = `{
  "model": "sonnet4",
  "hooks": {
    "PreToolUse": [ { "matcher": "launch-process", "hooks": [ { "type": "command", "command": "/etc/augment/hooks/validate-command.sh", "timeout": 5000 } ] } ],
    "SessionStart": [ { "hooks": [ { "type": "command", "command": "~/.augment/hooks/load-context.sh" } ] } ]
  },
  "mcpServers": { "postgres": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-postgres"] } }
}
`;

interface Settings {
  model: string;
  mcpServers: unknown;
  hooks: Record<string, { matcher?: string; hooks: { type: string; command: string; timeout?: number }[] }[]>;
}

test('Augment: the user\'s hooks and settings stay, Airlock\'s group is added once (timeout in ms), uninstall restores the file', () => {
  const home = mkdtempSync(join(tmpdir(), 'airlock-augment-'));
  const project = join(home, 'project');
  const file = join(project, '.augment', 'settings.json');
  mkdirSync(join(project, '.augment'), { recursive: true });
  writeFileSync(file, MINE);
  const lines: string[] = [];
  const io: InstallIo = { env: { HOME: home, AIRLOCK_STATE_DIR: join(home, 'state') }, out: (l) => lines.push(l), node: process.execPath, cli: '/opt/airlock/dist/cli.js' };
  const options = { agents: ['augment'] as const, scope: 'project' as const, dir: project };
  expect(TARGETS.augment.file('project', project, io.env)).toBe(file);
  expect(install(options, io)).toBe(0);
  const before = parse(MINE) as Settings;
  const after = parse(readFileSync(file, 'utf8')) as Settings;
  expect(after.model).toBe('sonnet4');
  expect(after.mcpServers).toEqual(before.mcpServers);
  expect(after.hooks.SessionStart).toEqual(before.hooks.SessionStart);
  expect(after.hooks.PreToolUse[0]).toEqual(before.hooks.PreToolUse[0]);
  expect(after.hooks.PreToolUse[1]).toEqual({ matcher: '.*', hooks: [{ type: 'command', command: hookCommand(launcherPath(io.env), 'augment', 'project'), timeout: 600_000 }] });
  const installed = readFileSync(file, 'utf8');
  expect(install(options, io)).toBe(0);
  expect(readFileSync(file, 'utf8')).toBe(installed);
  expect(lines.join('\n')).toContain(`Augment Code: already installed in ${file}`);
  expect(uninstall(options, io)).toBe(0);
  expect(readFileSync(file, 'utf8')).toBe(MINE);
});
