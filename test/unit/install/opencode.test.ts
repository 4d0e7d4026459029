// opencode: Airlock's hook is a plugin file Airlock writes whole. The user's own plugins and config
// are never touched, a file of that name Airlock did not write is refused, and the plugin itself
// (run here in Node, as opencode's loaders call it) blocks a call on a deny and on any failure.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { OPENCODE_PLUGIN } from '../../../src/agents/opencode';
import { hookCommand, install, uninstall, type InstallIo } from '../../../src/agents/install/install';
import { launcherPath } from '../../../src/agents/install/launcher';
import { TARGETS } from '../../../src/agents/index';

let home: string;
let project: string;
let io: InstallIo & { lines: string[] };
const options = (scope: 'project' | 'user' = 'project') => ({ agents: ['opencode' as const], scope, dir: project });
const pluginFile = (): string => join(project, '.opencode', 'plugins', 'airlock.js');

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'airlock-opencode-'));
  project = join(home, 'project');
  mkdirSync(project);
  const lines: string[] = [];
  io = { env: { HOME: home, AIRLOCK_STATE_DIR: join(home, 'state') }, out: (l) => lines.push(l), node: process.execPath, cli: '/opt/airlock/dist/cli.js', lines };
});

afterEach(() => {
  vi.unstubAllEnvs();
});

function write(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

describe('install and uninstall', () => {
  const MY_PLUGIN = 'export const Notify = async () => ({ event: async () => {} });\n';
  const MY_CONFIG = '{\n  "$schema": "https://opencode.ai/config.json",\n  "plugin": ["opencode-wakatime"],\n  "permission": { "bash": "ask" }\n}\n';

  test('the user\'s own plugins and config stay as they are; Airlock\'s plugin is added once and removed again', () => {
    write(join(project, '.opencode', 'plugins', 'notify.js'), MY_PLUGIN);
    write(join(project, 'opencode.json'), MY_CONFIG);
    expect(install(options(), io)).toBe(0);
    expect(readFileSync(pluginFile(), 'utf8')).toBe(OPENCODE_PLUGIN.render(hookCommand(launcherPath(io.env), 'opencode', 'project')));
    expect(readFileSync(join(project, '.opencode', 'plugins', 'notify.js'), 'utf8')).toBe(MY_PLUGIN);
    expect(readFileSync(join(project, 'opencode.json'), 'utf8')).toBe(MY_CONFIG);

    const once = readFileSync(pluginFile(), 'utf8');
    const mtime = statSync(pluginFile()).mtimeMs;
    expect(install(options(), io)).toBe(0);
    expect(readFileSync(pluginFile(), 'utf8')).toBe(once);
    expect(statSync(pluginFile()).mtimeMs).toBe(mtime);
    expect(io.lines.at(-1)).toContain('already installed');

    expect(uninstall(options(), io)).toBe(0);
    expect(existsSync(pluginFile())).toBe(false);
    // The folder holds the user's plugin: it stays.
    expect(readFileSync(join(project, '.opencode', 'plugins', 'notify.js'), 'utf8')).toBe(MY_PLUGIN);
    expect(readFileSync(join(project, 'opencode.json'), 'utf8')).toBe(MY_CONFIG);
  });

  test('a file of that name the user wrote is refused, untouched, by install and uninstall', () => {
    write(pluginFile(), MY_PLUGIN);
    expect(install(options(), io)).toBe(1);
    expect(io.lines.join('\n')).toMatch(/airlock\.js is a hook of your own, not Airlock's; Airlock left it untouched/);
    expect(uninstall(options(), io)).toBe(1);
    expect(readFileSync(pluginFile(), 'utf8')).toBe(MY_PLUGIN);
  });

  test('an older plugin of Airlock\'s is out of date and rewritten; its edits do not survive', () => {
    const command = hookCommand(launcherPath(io.env), 'opencode', 'project');
    write(pluginFile(), OPENCODE_PLUGIN.render(command).replace('const TIMEOUT_MS', '// edited\nconst TIMEOUT_MS'));
    const config = { script: readFileSync(pluginFile(), 'utf8') };
    expect(TARGETS.opencode.commands(config)).toEqual([command]);
    expect(TARGETS.opencode.install(config, command, { denyRules: [] }).changes).not.toEqual([]);
    expect(install(options(), io)).toBe(0);
    expect(readFileSync(pluginFile(), 'utf8')).toBe(OPENCODE_PLUGIN.render(command));
  });

  test('user scope writes under ~/.config/opencode (or $XDG_CONFIG_HOME)', () => {
    expect(TARGETS.opencode.file('user', project, io.env)).toBe(join(home, '.config', 'opencode', 'plugins', 'airlock.js'));
    expect(TARGETS.opencode.file('user', project, { ...io.env, XDG_CONFIG_HOME: join(home, 'xdg') })).toBe(join(home, 'xdg', 'opencode', 'plugins', 'airlock.js'));
  });
});

interface V1Hooks { 'tool.execute.before': (input: unknown, output: unknown) => Promise<void> }
interface PluginModule {
  AirlockPlugin: (input: unknown) => Promise<V1Hooks>;
  default: { id: string; server: (input: unknown) => Promise<V1Hooks>; setup: (ctx: unknown) => Promise<void> };
}

/** The plugin for `command`, loaded as opencode loads it (an ES module). */
async function plugin(command: string): Promise<PluginModule> {
  const dir = mkdtempSync(join(tmpdir(), 'airlock-opencode-plugin-'));
  const file = join(dir, 'airlock.mjs');
  writeFileSync(file, OPENCODE_PLUGIN.render(command));
  return await import(pathToFileURL(file).href) as PluginModule;
}

/** A stand-in hook: keeps its stdin in `seen`, then runs `then`. */
function stub(then: string): { command: string; seen: string } {
  const dir = mkdtempSync(join(tmpdir(), 'airlock-opencode-stub-'));
  const seen = join(dir, 'stdin.json');
  return { command: `cat > '${seen}'; ${then}`, seen };
}

const call = { tool: 'bash', sessionID: 'ses_1', callID: 'call_1' };
const args = { args: { command: 'ls -la' } };

async function before(command: string): Promise<void> {
  const hooks = await (await plugin(command)).default.server({ directory: '/project' });
  await hooks['tool.execute.before'](call, args);
}

describe('the plugin', () => {
  test('loads as both loaders expect: a default {id, server, setup}, and the V1 function for releases that call every export', async () => {
    const mod = await plugin('true');
    expect(mod.default.id).toBe('airlock');
    expect(typeof mod.default.setup).toBe('function');
    expect(mod.default.server).toBe(mod.AirlockPlugin);
    expect(OPENCODE_PLUGIN.commandIn(OPENCODE_PLUGIN.render(`l="$x"; exec "$l" 'it''s'`))).toBe(`l="$x"; exec "$l" 'it''s'`);
  });

  test('an allow lets the call run; the hook is sent the call as Airlock reads it', async () => {
    const s = stub(`echo '{"decision":"allow"}'`);
    await expect(before(s.command)).resolves.toBeUndefined();
    expect(JSON.parse(readFileSync(s.seen, 'utf8'))).toEqual({ ...call, args: args.args, cwd: '/project' });
  });

  test('a deny throws the reason for the model and the message for the person', async () => {
    const s = stub(`echo '{"decision":"deny","reason":"Blocked by Airlock: no.","systemMessage":"Airlock denied: no."}'`);
    await expect(before(s.command)).rejects.toThrow('Blocked by Airlock: no.\n\nAirlock denied: no.');
  });

  test.each([
    ['exit 1', /exit 1/],
    ['echo "airlock: the hook failed; denying" >&2; exit 2', /airlock: the hook failed; denying \(exit 2\)/],
    ['echo not-json', /no answer it could read/],
    ['echo \'{"decision":"ask"}\'', /no answer it could read/],
    ['true', /no answer it could read/],
    ['kill -9 $$', /killed by SIGKILL/],
    ['/nonexistent/airlock hook --agent opencode', /exit 127/],
  ])('no usable answer blocks the call (fail closed): %s', async (then, message) => {
    await expect(before(stub(then).command)).rejects.toThrow(message);
  });

  test('V2: setup registers the same check as execute.before', async () => {
    const s = stub(`echo '{"decision":"deny","reason":"Blocked by Airlock: no."}'`);
    const registered: [string, (event: unknown) => Promise<void>][] = [];
    await (await plugin(s.command)).default.setup({ tool: { hook: (name: string, cb: (event: unknown) => Promise<void>) => { registered.push([name, cb]); return Promise.resolve(); } } });
    expect(registered.map(([name]) => name)).toEqual(['execute.before']);
    await expect(registered[0][1]({ tool: 'shell', sessionID: 'ses_1', id: 'call_1', input: { command: 'ls' } })).rejects.toThrow('Blocked by Airlock: no.');
    expect(JSON.parse(readFileSync(s.seen, 'utf8'))).toMatchObject({ tool: 'shell', sessionID: 'ses_1', callID: 'call_1', args: { command: 'ls' } });
  });

  test('installed, with the real CLI: the incident is blocked, a plain listing runs', async () => {
    const cli = join(__dirname, '..', '..', '..', 'dist', 'cli.js');
    expect(install(options('user'), { ...io, cli })).toBe(0);
    // The hook runs with opencode's environment: this test's, pointed at the private home.
    vi.stubEnv('HOME', home);
    vi.stubEnv('AIRLOCK_STATE_DIR', join(home, 'state'));
    const file = join(mkdtempSync(join(tmpdir(), 'airlock-opencode-installed-')), 'airlock.mjs');
    copyFileSync(TARGETS.opencode.file('user', project, io.env), file);
    const mod = await import(pathToFileURL(file).href) as PluginModule;
    const hooks = await mod.default.server({ directory: project });
    await expect(hooks['tool.execute.before'](call, { args: { command: 'railway volume delete -v pgdata -e production -y' } })).rejects.toThrow(/Blocked by Airlock: Deletes a Railway volume/);
    await expect(hooks['tool.execute.before'](call, { args: { command: 'ls -la' } })).resolves.toBeUndefined();
    await expect(hooks['tool.execute.before']({ ...call, tool: 'read' }, { args: { filePath: join(project, '.env.production') } })).rejects.toThrow(/protected secret file/);
  }, 30_000);
});
