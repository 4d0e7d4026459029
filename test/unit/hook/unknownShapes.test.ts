// Payload shapes a review of the adapters found let through (each was answered allow before): the
// Cline SDK-based CLI's tool names, a patch or write that names its file under another field or
// none, a read tool's path under another name, and tools an adapter does not know, whose input is
// now read in full (a command, SQL or secret path in it is found).
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runHook } from '../../../src/cli/hook/run';
import type { AgentId } from '../../../src/agents/types';
import { LazyEngine } from '../../../src/core/engine';
import { parser } from '../helpers';

const home = mkdtempSync(join(tmpdir(), 'airlock-shapes-'));
const project = join(home, 'project');
mkdirSync(project, { recursive: true });
writeFileSync(join(project, '.env.production'), 'RAILWAY_TOKEN=4f1e2d3c-aaaa-bbbb-cccc-000000000000\n');
const engine = new LazyEngine(() => Promise.resolve(parser));
const PROD = 'railway volume delete -v pgdata -e production -y';

/** Whether the agent would run the call: false when the answer is a block in its schema. */
async function runs(agent: AgentId, payload: unknown): Promise<boolean> {
  const out = await runHook(agent, JSON.stringify(payload), { env: { HOME: home, AIRLOCK_STATE_DIR: join(home, 'state') }, stderr: () => undefined, now: () => new Date(0), engine });
  if (out.exitCode === 2) return false;
  if (out.stdout === '' || out.stdout === '{}') return true;
  const o = JSON.parse(out.stdout) as Record<string, unknown>;
  const hso = o.hookSpecificOutput as Record<string, unknown> | undefined;
  if (agent === 'cline') return o.cancel !== true;
  if (agent === 'cursor') return o.permission === 'allow';
  // Copilot CLI answers at the top level.
  if (typeof o.permissionDecision === 'string') return o.permissionDecision !== 'deny';
  return hso ? hso.permissionDecision !== 'deny' : o.decision !== 'deny';
}

const cline = (toolName: string, parameters: unknown) => ({ hookName: 'PreToolUse', workspaceRoots: [project], preToolUse: { toolName, parameters } });
const claudeShaped = (tool: string, input: unknown, extra: Record<string, unknown> = {}) => ({ session_id: 's', cwd: project, hook_event_name: 'PreToolUse', tool_name: tool, tool_input: input, ...extra });
const augment = (tool: string, input: unknown, extra: Record<string, unknown> = {}) => ({ hook_event_name: 'PreToolUse', conversation_id: 'c', workspace_roots: [project], tool_name: tool, tool_input: input, ...extra });
const cursor = (tool: string, input: unknown) => ({ conversation_id: 'c', generation_id: 'g', hook_event_name: 'preToolUse', cursor_version: '2.4.1', workspace_roots: [project], tool_name: tool, tool_input: input, cwd: project });

describe('stopped now', () => {
  test.each([
    ['cline', 'run_commands', cline('run_commands', { commands: [PROD] })],
    ['cline', 'run_commands as JSON text', cline('run_commands', { commands: JSON.stringify([PROD]) })],
    ['cline', 'read_files', cline('read_files', { file_paths: [join(project, '.env.production')] })],
    ['cline', 'editor create', cline('editor', { command: 'create', path: '.env.production', file_text: 'X=1' })],
    ['cline', 'an unknown tool carrying a command', cline('run_shell', { command: PROD })],
    ['cline', 'an unknown tool naming a secret file', cline('open_file', { path: join(project, '.env.production') })],
    ['cline', 'the CLI\'s tool_call with no preToolUse', { hookName: 'tool_call', workspaceRoots: [project], tool_call: { id: 'c', name: 'run_commands', input: { commands: [PROD] } } }],
    ['cline', 'the CLI\'s read_files of one file given bare', { hookName: 'tool_call', workspaceRoots: [project], tool_call: { id: 'c', name: 'read_files', input: join(project, '.env.production') } }],
    ['codex', 'apply_patch under its freeform field', claudeShaped('apply_patch', { input: '*** Begin Patch\n*** Update File: .env.production\n@@\n-A\n+B\n*** End Patch\n' }, { turn_id: 't' })],
    ['codex', 'apply_patch naming no file', claudeShaped('apply_patch', {}, { turn_id: 't' })],
    ['claude-code', 'Write naming no file', claudeShaped('Write', { filename: '.env.production', content: 'x' })],
    ['droid', 'Edit with filePath', claudeShaped('Edit', { filePath: join(project, '.env.production'), old_string: 'A', new_string: 'B' })],
    ['augment', 'an MCP call without is_mcp_tool', augment('query_postgres', { sql: 'DROP TABLE users CASCADE' }, { mcp_server_name: 'postgres' })],
    ['augment', 'an unknown tool carrying a command', augment('run-command', { command: PROD })],
    ['augment', 'view with file_path', augment('view', { file_path: '.env.production' })],
    ['kiro', 'read with file_path', { session_id: 's', hook_event_name: 'PreToolUse', cwd: project, tool_name: 'read', tool_input: { operations: [{ mode: 'Line', file_path: join(project, '.env.production') }] } }],
    ['cursor', 'an MCP tool under a bare name', cursor('execute_sql', { query: 'DROP TABLE users CASCADE' })],
    ['cursor', 'an unknown tool carrying a command', cursor('run_terminal_command_v2', { command: PROD })],
    ['cursor', 'Read naming no file', cursor('Read', { file: join(project, '.env.production') })],
    ['opencode', 'a custom tool named by its file alone, carrying a command', { tool: 'deploy', sessionID: 's', callID: 'c', args: { command: PROD }, cwd: project }],
    ['copilot', 'a tool another VS Code extension contributes, carrying a command', { session_id: 's', cwd: project, hook_event_name: 'PreToolUse', tool_name: 'deploy_helper_run', tool_input: { command: PROD } }],
    ['claude-code', 'a tool added since, carrying a command', claudeShaped('Watch', { command: PROD })],
    ['gemini', 'a tool added since, carrying a command', { session_id: 's', cwd: project, hook_event_name: 'BeforeTool', tool_name: 'run_background_command', tool_input: { command: PROD } }],
    ['cursor', 'an event by a new name carrying a command', { conversation_id: 'c', hook_event_name: 'beforeShellCommand', workspace_roots: [project], command: PROD, cwd: project }],
    ['windsurf', 'an event by a new name carrying a command line', { agent_action_name: 'pre_run_terminal_command', trajectory_id: 't', execution_id: 'e', tool_info: { command_line: PROD, cwd: project } }],
    ['windsurf', 'an event by a new name reading a secret file', { agent_action_name: 'pre_view_file', trajectory_id: 't', execution_id: 'e', tool_info: { file_path: join(project, '.env.production') } }],
    // Found by a second review (the shapes each agent's own code accepts):
    ['cline', 'run_commands item {command} with no args: a shell line', cline('run_commands', { commands: [{ command: PROD }] })],
    ['cline', 'run_commands items run each in their own shell: a trailing backslash does not hide the next', cline('run_commands', { commands: ['echo hi \\', PROD] })],
    ['cline', 'run_commands items run each in their own shell: an open quote does not hide the next', cline('run_commands', { commands: ['echo "start', PROD, 'echo end"'] })],
    ['cline', 'an MCP server named team…', cline('team__drop_database', { database: 'prod', environment: 'production' })],
    ['augment', 'the compact tool surface\'s grep of a secret', augment('grep', { pattern: 'RAILWAY_TOKEN' })],
    ['augment', 'the compact tool surface\'s bash', augment('bash', { command: PROD })],
    ['augment', 'shell with a whole line and no args', augment('shell', { command: PROD })],
    ['copilot', 'VS Code create_and_run_task carrying its command', { session_id: 's', cwd: project, hook_event_name: 'PreToolUse', tool_name: 'create_and_run_task', tool_input: { workspaceFolder: project, task: { label: 'x', type: 'shell', command: PROD } } }],
    ['opencode', 'a grep of a secret inside batch', { tool: 'batch', sessionID: 's', callID: 'c', args: { tool_calls: [{ tool: 'grep', parameters: { pattern: 'RAILWAY_TOKEN' } }] }, cwd: project }],
    ['opencode', 'a grep inside batch among other calls', { tool: 'batch', sessionID: 's', callID: 'c', args: { tool_calls: [{ tool: 'grep', parameters: { pattern: 'TODO' } }, { tool: 'read', parameters: { filePath: 'src/a.ts' } }] }, cwd: project }],
    ['copilot', 'Copilot CLI MCP call whose toolArgs are not a JSON object', { timestamp: 1, cwd: project, toolName: 'postgres-query', toolArgs: '["DROP DATABASE app"]' }],
  ] as const)('%s: %s', async (agent, _name, payload) => {
    expect(await runs(agent, payload)).toBe(false);
  });
});

describe('still let through', () => {
  test.each([
    ['cline', cline('run_commands', { commands: ['ls -la'] })],
    ['cline', cline('editor', { command: 'create', path: 'src/a.ts', file_text: 'export {};' })],
    ['augment', augment('query_postgres', { sql: 'SELECT 1' }, { mcp_server_name: 'postgres' })],
    ['cursor', cursor('execute_sql', { query: 'SELECT count(*) FROM users' })],
    ['codex', claudeShaped('apply_patch', { input: '*** Begin Patch\n*** Add File: src/a.ts\n+x\n*** End Patch\n' }, { turn_id: 't' })],
    ['cline', cline('run_commands', { commands: ['cat > notes.txt <<EOF', 'hello', 'EOF', 'git status'] })],
    ['cline', cline('team_status', {})],
    ['augment', augment('view-range-untruncated', { reference_id: 'ref-123', start_line: 1, end_line: 50 })],
    ['augment', augment('grep', { pattern: 'TODO', glob: '*.ts' })],
    ['opencode', { tool: 'batch', sessionID: 's', callID: 'c', args: { tool_calls: [{ tool: 'grep', parameters: { pattern: 'TODO', include: '*.ts' } }] }, cwd: project }],
  ] as const)('%s: a benign call', async (agent, payload) => {
    expect(await runs(agent, payload)).toBe(true);
  });
});
