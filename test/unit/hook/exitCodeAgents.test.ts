// Windsurf (Cascade) reads no JSON answer: exit code 2 blocks, with the reason on stderr for the
// model, and anything else lets the call run. Its tool shapes on real files: a folder read whole,
// MCP arguments as a JSON string.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runHook } from '../../../src/cli/hook/run';
import type { AgentId } from '../../../src/agents/types';
import { LazyEngine } from '../../../src/core/engine';
import { parser } from '../helpers';

const home = mkdtempSync(join(tmpdir(), 'airlock-exit-code-'));
const project = join(home, 'project');
mkdirSync(join(project, 'config'), { recursive: true });
mkdirSync(join(project, 'src'), { recursive: true });
writeFileSync(join(project, 'config', '.env.production'), 'DATABASE_URL=postgres://u:p@db.example.com/app\n');
writeFileSync(join(project, 'src', 'index.ts'), 'export const url = process.env.DATABASE_URL;\n');
const engine = new LazyEngine(() => Promise.resolve(parser));

/** 'deny' (exit 2, a reason on stderr and nothing on stdout) or 'quiet' (exit 0 and nothing at all). */
async function decision(agent: AgentId, payload: unknown): Promise<string> {
  const out = await runHook(agent, JSON.stringify(payload), {
    env: { HOME: home, AIRLOCK_STATE_DIR: join(home, 'state') }, stderr: () => undefined, now: () => new Date(0), engine,
  });
  expect(out.stdout).toBe('');
  if (out.exitCode === 2) {
    expect(out.stderr).toMatch(/^(?:Blocked by Airlock|Airlock denied this call): /);
    return 'deny';
  }
  expect(out).toEqual({ stdout: '', exitCode: 0 });
  return 'quiet';
}

const windsurf = (action: string, info: unknown) => ({ agent_action_name: action, trajectory_id: 't1', execution_id: 'e1', timestamp: '2026-12-07T08:00:00Z', tool_info: info });

describe('Windsurf', () => {
  test.each([
    ['a recursive read of a folder holding a secret file', 'deny', windsurf('pre_read_code', { file_path: join(project, 'config') })],
    ['a recursive read of the project', 'deny', windsurf('pre_read_code', { file_path: project })],
    ['a recursive read of source', 'quiet', windsurf('pre_read_code', { file_path: join(project, 'src') })],
    ['MCP arguments sent as a JSON string', 'deny', windsurf('pre_mcp_tool_use', { mcp_server_name: 'pg', mcp_tool_name: 'query', mcp_tool_arguments: '{"sql":"DROP TABLE users"}' })],
    ['an MCP call with no arguments', 'quiet', windsurf('pre_mcp_tool_use', { mcp_server_name: 'github', mcp_tool_name: 'list_repos' })],
    ['a write with no tool_info (unreadable: denied)', 'deny', { agent_action_name: 'pre_write_code' }],
  ])('%s → %s', async (_name, expected, payload) => {
    expect(await decision('windsurf', payload)).toBe(expected);
  });
});
