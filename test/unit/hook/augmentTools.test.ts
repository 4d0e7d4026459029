// Augment's tools read from its payloads: what each call is judged as (a command, a read or search,
// a write and what it changes, an MCP call), beyond the conformance fixtures.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { augmentHook } from '../../../src/agents/augment';
import { runHook } from '../../../src/cli/hook/run';
import { LazyEngine } from '../../../src/core/engine';
import { parser } from '../helpers';

const home = mkdtempSync(join(tmpdir(), 'airlock-augment-tools-'));
const project = join(home, 'project');
mkdirSync(join(project, 'src'), { recursive: true });
writeFileSync(join(project, '.env.production'), 'RAILWAY_TOKEN=x\n');
writeFileSync(join(project, 'src', 'index.ts'), 'export {};\n');
const engine = new LazyEngine(() => Promise.resolve(parser));

const augment = (tool_name: string, tool_input: unknown, extra: Record<string, unknown> = {}): unknown => ({
  hook_event_name: 'PreToolUse', conversation_id: 'c', workspace_roots: [project], tool_name, tool_input, ...extra,
});

async function stdout(agent: 'augment', payload: unknown): Promise<string> {
  const out = await runHook(agent, JSON.stringify(payload), { env: { HOME: home, AIRLOCK_STATE_DIR: join(home, 'state') }, stderr: () => undefined, now: () => new Date(0), engine });
  expect(out.exitCode).toBe(0);
  return out.stdout;
}

describe('Augment', () => {
  // Tools and keys read from @augmentcode/auggie 0.36.0 itself (its tool schemas and hook runner).
  test('Auggie 0.36: shell runs a program with its arguments, apply_patch writes the files its patch names', async () => {
    expect(augmentHook.parse(augment('shell', { command: 'railway', args: ['volume', 'delete', '-v', 'pgdata', '-e', 'production', '-y'], cwd: project }))).toMatchObject({
      kind: 'command', command: 'railway volume delete -v pgdata -e production -y', cwd: project,
    });
    expect(await stdout('augment', augment('shell', { command: 'railway', args: ['volume', 'delete', '-v', 'pgdata', '-e', 'production', '-y'] }))).toContain('"permissionDecision":"deny"');
    const patch = '*** Begin Patch\n*** Update File: .env.production\n@@\n-RAILWAY_TOKEN=x\n+RAILWAY_TOKEN=y\n*** End Patch\n';
    expect(augmentHook.parse(augment('apply_patch', { input: patch }))).toMatchObject({ kind: 'write', paths: ['.env.production'] });
    expect(await stdout('augment', augment('apply_patch', { input: patch }))).toContain('"permissionDecision":"deny"');
    expect(() => augmentHook.parse(augment('apply_patch', { input: 'no patch' }))).toThrow('names no file');
  });

  test('Auggie 0.36: grep-search looks for search_term; view-range-untruncated reads its path; str-replace-editor\'s old_str/new_str are the change', () => {
    expect(augmentHook.parse(augment('grep-search', { search_term: 'TOKEN', directory_absolute_path: project, files_include_glob_pattern: '*.ts' }))).toMatchObject({
      kind: 'read', searched: { base: project, globs: ['*.ts'], pattern: 'TOKEN' },
    });
    expect(augmentHook.parse(augment('view-range-untruncated', { path: '.env.production', view_range: [1, 5] }))).toMatchObject({ kind: 'read', paths: ['.env.production'] });
    expect(augmentHook.parse(augment('str-replace-editor', { command: 'str_replace', path: 'a.ts', old_str: 'a', new_str: 'b' }))).toMatchObject({ change: { edits: [{ old: 'a', new: 'b' }] } });
    expect(augmentHook.parse(augment('search-untruncated', { reference_id: 'r1', search_term: 'x' }))).toMatchObject({ kind: 'unrelated' });
  });

  test('str-replace-editor: its numbered pairs are the change; save-file its file_content', () => {
    expect(augmentHook.parse(augment('str-replace-editor', { command: 'str_replace', path: 'a.ts', old_str_1: 'a', new_str_1: 'b', old_str_2: 'c', new_str_2: 'd' }))).toMatchObject({
      kind: 'write', paths: ['a.ts'], change: { edits: [{ old: 'a', new: 'b' }, { old: 'c', new: 'd' }] },
    });
    expect(augmentHook.parse(augment('save-file', { path: 'a.ts', file_content: 'x' }))).toMatchObject({ kind: 'write', change: { content: 'x' } });
  });

  test('launch-process in its cwd, else the first workspace root; write-process types a command line', () => {
    expect(augmentHook.parse(augment('launch-process', { command: 'ls', cwd: '/tmp' }))).toMatchObject({ kind: 'command', cwd: '/tmp' });
    expect(augmentHook.parse(augment('launch-process', { command: 'ls' }))).toMatchObject({ kind: 'command', cwd: project });
    expect(augmentHook.parse(augment('write-process', { terminal_id: 3, input_text: 'railway down -y\n' }))).toMatchObject({ kind: 'command', command: 'railway down -y\n' });
  });

  test('an MCP tool named <tool>_<server> is judged by its own name', () => {
    expect(augmentHook.parse(augment('delete_volume_railway', { volume: 'pgdata' }, { is_mcp_tool: true, mcp_server_name: 'railway' }))).toMatchObject({
      kind: 'mcp', tool: 'delete_volume', server: 'railway',
    });
  });

  test('grep-search follows its folder, glob and query', () => {
    expect(augmentHook.parse(augment('grep-search', { directory_absolute_path: project, query: 'TOKEN', files_include_glob_pattern: '*.env*', context_lines_after: 2 }))).toMatchObject({
      kind: 'read', searched: { base: project, globs: ['*.env*'], pattern: 'TOKEN', ignoreCase: true, context: true },
    });
  });

  test('a grep-search that reaches a protected file is denied; one over source is said with nothing', async () => {
    expect(await stdout('augment', augment('grep-search', { directory_absolute_path: project, query: 'TOKEN' }))).toContain('"permissionDecision":"deny"');
    expect(await stdout('augment', augment('grep-search', { directory_absolute_path: join(project, 'src'), query: 'export' }))).toBe('');
  });
});
