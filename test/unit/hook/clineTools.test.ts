// Cline's tools read from its payloads: what each call is judged as (a command, a read or search,
// a write and what it changes, an MCP call), beyond the conformance fixtures.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { clineHook } from '../../../src/agents/cline';
import { PayloadError } from '../../../src/agents/types';
import { runHook } from '../../../src/cli/hook/run';
import { LazyEngine } from '../../../src/core/engine';
import { parser } from '../helpers';

const home = mkdtempSync(join(tmpdir(), 'airlock-cline-tools-'));
const project = join(home, 'project');
mkdirSync(join(project, 'src'), { recursive: true });
writeFileSync(join(project, '.env.production'), 'RAILWAY_TOKEN=x\n');
writeFileSync(join(project, 'src', 'index.ts'), 'export {};\n');
const userSettings = join(home, '.config', 'Code', 'User', 'settings.json');
mkdirSync(join(home, '.config', 'Code', 'User'), { recursive: true });
writeFileSync(userSettings, '{\n  "editor.tabSize": 2,\n  "airlock.policy.production": "typed"\n}\n');
const engine = new LazyEngine(() => Promise.resolve(parser));

const cline = (toolName: string, parameters: Record<string, unknown>): unknown => ({
  clineVersion: '3.38.3', hookName: 'PreToolUse', timestamp: '0', taskId: 't', workspaceRoots: [project], userId: 'u', preToolUse: { toolName, parameters },
});

async function stdout(agent: 'cline', payload: unknown): Promise<string> {
  const out = await runHook(agent, JSON.stringify(payload), { env: { HOME: home, AIRLOCK_STATE_DIR: join(home, 'state') }, stderr: () => undefined, now: () => new Date(0), engine });
  expect(out.exitCode).toBe(0);
  return out.stdout;
}

describe('Cline', () => {
  test('replace_in_file: its SEARCH/REPLACE blocks are the change (old and new marker spellings)', () => {
    const diff = '------- SEARCH\n  "editor.tabSize": 2,\n=======\n  "editor.tabSize": 4,\n+++++++ REPLACE\n\n<<<<<<< SEARCH\na\n=======\n>>>>>>> REPLACE';
    expect(clineHook.parse(cline('replace_in_file', { path: 'x.json', diff }))).toMatchObject({
      kind: 'write', paths: ['x.json'], change: { edits: [{ old: '  "editor.tabSize": 2,', new: '  "editor.tabSize": 4,' }, { old: 'a', new: '' }] },
    });
  });

  test('an edit of the editor\'s user settings that leaves Airlock\'s keys alone stays quiet; one that changes them is a cancel', async () => {
    const tab = '------- SEARCH\n  "editor.tabSize": 2,\n=======\n  "editor.tabSize": 4,\n+++++++ REPLACE';
    expect(JSON.parse(await stdout('cline', cline('replace_in_file', { path: userSettings, diff: tab })))).toEqual({ cancel: false });
    const policy = '------- SEARCH\n  "airlock.policy.production": "typed"\n=======\n  "airlock.policy.production": "click"\n+++++++ REPLACE';
    expect(JSON.parse(await stdout('cline', cline('replace_in_file', { path: userSettings, diff: policy })))).toMatchObject({ cancel: true });
  });

  test('commands run in the first workspace root; search_files follows its folder and pattern', () => {
    expect(clineHook.parse(cline('execute_command', { command: 'ls', requires_approval: 'false' }))).toMatchObject({ kind: 'command', command: 'ls', cwd: project, roots: [project] });
    expect(clineHook.parse(cline('search_files', { path: 'src', regex: 'TOKEN', file_pattern: '*.ts' }))).toMatchObject({
      kind: 'read', searched: { base: 'src', globs: ['*.ts'], pattern: 'TOKEN', ignoreCase: false, context: true },
    });
  });

  test('use_mcp_tool: arguments as JSON text or as an object; access_mcp_resource and web_fetch as MCP calls', () => {
    expect(clineHook.parse(cline('use_mcp_tool', { server_name: 'pg', tool_name: 'query', arguments: '{"sql":"SELECT 1"}' }))).toMatchObject({ kind: 'mcp', tool: 'query', server: 'pg', input: { sql: 'SELECT 1' } });
    expect(clineHook.parse(cline('use_mcp_tool', { server_name: 'pg', tool_name: 'query', arguments: { sql: 'SELECT 1' } }))).toMatchObject({ input: { sql: 'SELECT 1' } });
    expect(clineHook.parse(cline('use_mcp_tool', { server_name: 'pg', tool_name: 'query', arguments: 'DROP TABLE users' }))).toMatchObject({ input: { arguments: 'DROP TABLE users' } });
    expect(clineHook.parse(cline('access_mcp_resource', { server_name: 'pg', uri: 'postgres://db/users' }))).toMatchObject({ kind: 'mcp', input: { uri: 'postgres://db/users' } });
    expect(clineHook.parse(cline('web_fetch', { url: 'https://example.com' }))).toMatchObject({ kind: 'mcp', input: { url: 'https://example.com' } });
  });

  test('a tool Airlock does not know is read as an MCP call, its input in full; `<server>__<tool>` names its server', () => {
    expect(clineHook.parse(cline('run_shell', { command: 'rm -rf /' }))).toMatchObject({ kind: 'mcp', tool: 'run_shell', input: { command: 'rm -rf /' } });
    expect(clineHook.parse(cline('railway__delete_volume', { volume: 'pgdata' }))).toMatchObject({ kind: 'mcp', server: 'railway', tool: 'delete_volume', input: { volume: 'pgdata' } });
  });

  test('an apply_patch that names no file, and a write with no path, are shell-shaped: denied', () => {
    for (const [tool, params] of [['apply_patch', { input: 'nothing here' }], ['write_to_file', { content: 'x' }]] as const) {
      expect(() => clineHook.parse(cline(tool, params))).toThrow(PayloadError);
      try {
        clineHook.parse(cline(tool, params));
      } catch (error) {
        expect((error as PayloadError).shell).toBe(true);
      }
    }
  });
});
