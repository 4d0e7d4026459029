// Windsurf (Cascade) and Kiro read no JSON answer: exit code 2 blocks, with the reason on stderr
// for the model, and anything else lets the call run. Their tool shapes on real files: Windsurf's
// folder read, Kiro's read operations, grep, use_aws (run as the AWS CLI line it is), code tool
// and `@server/tool` MCP names.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runHook } from '../../../src/cli/hook/run';
import { kiroHook } from '../../../src/agents/kiro';
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
const kiro = (tool: string, input: unknown) => ({ session_id: 's1', hook_event_name: 'PreToolUse', cwd: project, tool_name: tool, tool_input: input });

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

describe('Kiro', () => {
  test.each([
    ['fs_read of several files, one of them secret', 'deny', kiro('fs_read', { operations: [{ mode: 'Line', path: 'src/index.ts' }, { mode: 'Search', path: 'config/.env.production', pattern: 'url' }] })],
    ['fs_read in the older one-operation form', 'deny', kiro('fs_read', { mode: 'Line', path: join(project, 'config', '.env.production') })],
    ['read (its alias) of source', 'quiet', kiro('read', { operations: [{ mode: 'Line', path: 'src/index.ts' }] })],
    ['grep printing lines across the project', 'deny', kiro('grep', { pattern: 'DATABASE_URL', path: project, output_mode: 'content' })],
    ['grep listing file names only', 'quiet', kiro('grep', { pattern: 'DATABASE_URL', path: project })],
    ['fs_write appending to a secret file', 'deny', kiro('fs_write', { command: 'append', path: 'config/.env.production', new_str: 'X=1\n' })],
    ['fs_append with no path (unplaceable: denied)', 'deny', kiro('fs_append', { content: 'X=1\n' })],
    ['shell (the alias) in production', 'deny', kiro('shell', { command: 'railway volume delete -v pgdata -e production -y' })],
    ['use_aws deleting a production bucket', 'deny', kiro('use_aws', { service_name: 's3', operation_name: 'rb', parameters: { force: '' }, region: 'us-east-1', profile_name: 'prod' })],
    ['code tool renaming a symbol in a secret file', 'deny', kiro('code', { operation: 'rename_symbol', file_path: 'config/.env.production', row: 1, column: 1, new_name: 'X' })],
    ['code tool looking up a symbol in source', 'quiet', kiro('code', { operation: 'goto_definition', file_path: 'src/index.ts', row: 1, column: 14 })],
    ['an MCP tool named @server/tool', 'deny', kiro('@railway/delete_volume', { volumeId: 'pgdata', environment: 'production' })],
    ['a tool this release does not know, read as an MCP call', 'deny', kiro('run_terminal', { cmd: 'railway volume delete -v pgdata -e production -y' })],
    ['glob (names only)', 'quiet', kiro('glob', { pattern: '**/.env*' })],
  ])('%s → %s', async (_name, expected, payload) => {
    expect(await decision('kiro', payload)).toBe(expected);
  });

  test('use_aws is judged as the AWS CLI line it runs', () => {
    const event = kiroHook.parse(kiro('use_aws', {
      service_name: 'rds', operation_name: 'delete-db-instance', region: 'eu-west-1', profile_name: 'prod admin',
      parameters: { DBInstanceIdentifier: 'orders', SkipFinalSnapshot: '', Tags: [{ Key: 'a', Value: "it's" }] },
    }));
    expect(event).toMatchObject({
      kind: 'command', tool: 'use_aws',
      command: `aws --region eu-west-1 --profile 'prod admin' rds delete-db-instance --db-instance-identifier orders --skip-final-snapshot --tags '[{"Key":"a","Value":"it'\\''s"}]'`,
    });
  });

  test('an MCP tool is judged under its own name, its server apart', () => {
    expect(kiroHook.parse(kiro('@postgres/query', { sql: 'SELECT 1' }))).toMatchObject({ kind: 'mcp', tool: 'query', server: 'postgres' });
  });
});
