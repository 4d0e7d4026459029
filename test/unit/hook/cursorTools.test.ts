// Cursor's `preToolUse` (cursor.com/docs/hooks): the only event that sees its Write, Delete and
// Grep tools, and its cloud agents' MCP calls. Before, Airlock installed no entry for it, so an
// agent in Cursor wrote over `.env.production` or grepped the workspace for tokens unasked; and a
// Claude-format hook that Cursor or Copilot CLI runs (both read `.claude/settings.json`) met tool
// names and payload shapes it did not know.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runHook } from '../../../src/cli/hook/run';
import type { AgentId } from '../../../src/agents/types';
import { TARGETS } from '../../../src/agents/index';
import { LazyEngine } from '../../../src/core/engine';
import { parser } from '../helpers';

const home = mkdtempSync(join(tmpdir(), 'airlock-cursor-tools-'));
const project = join(home, 'project');
mkdirSync(join(project, 'src'), { recursive: true });
writeFileSync(join(project, '.env.production'), 'RAILWAY_TOKEN=x\n');
writeFileSync(join(project, 'src', 'index.ts'), 'export {};\n');
const engine = new LazyEngine(() => Promise.resolve(parser));

async function answer(agent: AgentId, payload: unknown): Promise<Record<string, unknown>> {
  const out = await runHook(agent, JSON.stringify(payload), {
    env: { HOME: home, AIRLOCK_STATE_DIR: join(home, 'state') }, stderr: () => undefined, now: () => new Date(0), engine,
  });
  expect(out.exitCode).toBe(0);
  return JSON.parse(out.stdout) as Record<string, unknown>;
}

/** What the answer tells the agent to do, whichever schema it is written in. */
function decisionIn(o: Record<string, unknown>): string {
  const hso = o.hookSpecificOutput as Record<string, unknown> | undefined;
  if (typeof o.permission === 'string') return o.permission === 'allow' && o.user_message === undefined ? 'quiet' : o.permission;
  if (hso) return String(hso.permissionDecision);
  if (typeof o.permissionDecision === 'string') return o.permissionDecision;
  return 'quiet';
}

// The fields every Cursor hook payload carries, then preToolUse's own.
const cursorTool = (tool: string, input: unknown, event = 'preToolUse') => ({
  conversation_id: 'c1', generation_id: 'g1', model: 'claude-4.5-sonnet', hook_event_name: event, cursor_version: '2.4.1',
  workspace_roots: [project], user_email: null, transcript_path: null, tool_name: tool, tool_input: input, tool_use_id: 'tool_1', cwd: project,
});

describe("Cursor's preToolUse", () => {
  test.each([
    ['Write over a secret file', 'Write', { file_path: join(project, '.env.production'), content: 'RAILWAY_TOKEN=y\n' }, 'deny'],
    ['Write of a relative path', 'Write', { path: '.env.production', contents: 'A=1\n' }, 'deny'],
    ['Delete of a secret file', 'Delete', { target_file: '.env.production' }, 'deny'],
    ['Grep over the workspace for a token', 'Grep', { pattern: 'RAILWAY_TOKEN', path: project }, 'deny'],
    ['Shell, the incident', 'Shell', { command: 'railway volume delete -v pgdata -e production -y', working_directory: project }, 'deny'],
    ['Read of a secret file', 'Read', { file_path: join(project, '.env.production') }, 'deny'],
    ['an MCP tool', 'MCP:run_sql', { query: 'DROP TABLE users CASCADE' }, 'deny'],
    ['Write of source', 'Write', { file_path: join(project, 'src', 'index.ts'), content: 'export const a = 1;\n' }, 'quiet'],
    ['Grep in source', 'Grep', { pattern: 'export', path: join(project, 'src'), glob: '*.ts' }, 'quiet'],
    ['a benign Shell', 'Shell', { command: 'ls -la', working_directory: project }, 'quiet'],
    ['Task', 'Task', { description: 'explore', prompt: 'look around' }, 'quiet'],
  ])('%s → %s', async (_name, tool, input, decision) => {
    expect(decisionIn(await answer('cursor', cursorTool(tool, input)))).toBe(decision);
  });

  test('a call that needs a human is denied, not asked: Cursor does not enforce "ask" on preToolUse', async () => {
    const o = await answer('cursor', cursorTool('Shell', { command: 'kubectl delete deployment api -n staging' }));
    expect(o.permission).toBe('deny');
    expect(String(o.user_message)).toContain('Airlock');
  });

  test("an ask does not promise a prompt: some of Cursor's run modes decline it silently", async () => {
    const o = await answer('cursor', { ...cursorTool('Shell', {}, 'beforeShellExecution'), command: 'kubectl delete deployment api -n staging' });
    expect(o.permission).toBe('ask');
    expect(String(o.user_message)).not.toMatch(/decision is yours/);
    expect(String(o.user_message)).toMatch(/where it shows none .* the call does not run/);
  });

  test('a Write whose file Airlock cannot find is denied, not waved through', async () => {
    expect(decisionIn(await answer('cursor', cursorTool('Write', { content: 'RAILWAY_TOKEN=y\n' })))).toBe('deny');
  });

  test('install writes a fail-closed preToolUse entry beside the other events', () => {
    const { changes } = TARGETS.cursor.install({ version: 1, hooks: { preToolUse: [{ command: 'my-own-hook' }] } }, 'airlock hook --agent cursor', { denyRules: [] });
    const entries = changes.find((c) => c.path.join('.') === 'hooks.preToolUse')?.value as Record<string, unknown>[];
    expect(entries).toEqual([{ command: 'my-own-hook' }, { command: 'airlock hook --agent cursor', timeout: 600, failClosed: true }]);
  });
});

describe('a Claude-format hook run by another agent', () => {
  test("run by Cursor: Cursor's tool names are judged and answered in Cursor's schema", async () => {
    const shell = await answer('claude-code', cursorTool('Shell', { command: 'railway volume delete -v pgdata -e production -y' }));
    expect(shell.permission).toBe('deny');
    expect(decisionIn(await answer('claude-code', cursorTool('Write', { file_path: join(project, '.env.production'), content: 'x' })))).toBe('deny');
    expect(decisionIn(await answer('claude-code', cursorTool('Shell', { command: 'ls' })))).toBe('quiet');
  });

  test("run by Copilot CLI: its toolName/toolArgs payload is read, not denied as unreadable", async () => {
    const cli = (toolName: string, toolArgs: unknown) => ({ timestamp: 1, cwd: project, toolName, toolArgs: JSON.stringify(toolArgs) });
    expect(decisionIn(await answer('claude-code', cli('bash', { command: 'railway volume delete -v pgdata -e production -y' })))).toBe('deny');
    expect(decisionIn(await answer('claude-code', cli('bash', { command: 'ls -la' })))).toBe('quiet');
    expect(decisionIn(await answer('claude-code', cli('view', { path: '.env.production' })))).toBe('deny');
  });
});
