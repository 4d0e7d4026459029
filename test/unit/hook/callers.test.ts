// The hook as the agents that really run it call it, in a project on disk with no editor window:
// a Claude-format hook run by Codex (which reads an "ask" as a failed hook and runs the command)
// or by VS Code (its own tool names), Claude Code's Monitor tool, Copilot CLI's rg and
// apply_patch, and search tools whose globs reach secret files. Each case was let through before.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { geminiHook } from '../../../src/agents/gemini';
import { filesReached } from '../../../src/cli/hook/contentGlobs';
import { answerFor } from '../../../src/cli/hook/messages';
import { runHook } from '../../../src/cli/hook/run';
import type { AgentId } from '../../../src/agents/types';
import { TARGETS } from '../../../src/agents/index';
import { LazyEngine } from '../../../src/core/engine';
import { parser } from '../helpers';

const home = mkdtempSync(join(tmpdir(), 'airlock-callers-'));
const project = join(home, 'project');
mkdirSync(join(project, 'config', 'deep'), { recursive: true });
mkdirSync(join(project, 'src'), { recursive: true });
writeFileSync(join(project, '.env.production'), 'RAILWAY_TOKEN=x\n');
writeFileSync(join(project, 'config', 'deep', 'service-account.json'), '{"type": "service_account", "private_key_id": "k1"}\n');
writeFileSync(join(project, 'src', 'index.ts'), 'export {};\n');
writeFileSync(join(project, 'README.md'), '# p\n');
const engine = new LazyEngine(() => Promise.resolve(parser));

async function decisionOf(agent: AgentId, payload: unknown): Promise<string> {
  const out = await runHook(agent, JSON.stringify(payload), {
    env: { HOME: home, AIRLOCK_STATE_DIR: join(home, 'state') }, stderr: () => undefined, now: () => new Date(0), engine,
  });
  // Codex reads any answer but a deny as a failed hook: Airlock says nothing there.
  if (out.stdout === '') return 'quiet';
  const o = JSON.parse(out.stdout) as Record<string, unknown>;
  const hso = o.hookSpecificOutput as Record<string, unknown> | undefined;
  if (hso) return String(hso.permissionDecision);
  if (typeof o.permissionDecision === 'string') return o.permissionDecision;
  if (typeof o.decision === 'string') return o.decision;
  return 'quiet';
}

const claudeShaped = (tool: string, input: unknown, extra: Record<string, unknown> = {}) => ({
  session_id: 's', transcript_path: '/t.jsonl', cwd: project, permission_mode: 'bypassPermissions', hook_event_name: 'PreToolUse',
  tool_name: tool, tool_input: input, tool_use_id: 'call_1', ...extra,
});
// openai/codex codex-rs/hooks/src/events/pre_tool_use.rs: Claude's fields plus turn_id and model.
const codex = (tool: string, input: unknown) => claudeShaped(tool, input, { turn_id: 'turn-1', model: 'gpt-5-codex' });

describe('a Claude-format hook run by Codex', () => {
  test('a call that needs a human is denied, not asked: Codex runs the command on an "ask"', async () => {
    expect(await decisionOf('claude-code', codex('Bash', { command: 'rm -r victimdir' }))).toBe('deny');
    expect(await decisionOf('claude-code', claudeShaped('Bash', { command: 'rm -r victimdir' }))).toBe('ask');
  });

  test('apply_patch is a write of the files the patch names', async () => {
    const patch = '*** Begin Patch\n*** Update File: .env.production\n@@\n-RAILWAY_TOKEN=x\n+RAILWAY_TOKEN=y\n*** End Patch\n';
    expect(await decisionOf('claude-code', codex('apply_patch', { command: patch }))).toBe('deny');
    const benign = '*** Begin Patch\n*** Add File: src/new.ts\n+export {};\n*** End Patch\n';
    expect(await decisionOf('claude-code', codex('apply_patch', { command: benign }))).toBe('quiet');
  });

  test('its MCP tools and benign commands', async () => {
    expect(await decisionOf('claude-code', codex('mcp__shell__run', { command: 'railway volume delete -v pgdata -e production -y' }))).toBe('deny');
    expect(await decisionOf('claude-code', codex('Bash', { command: 'echo hello' }))).toBe('quiet');
  });
});

describe('a Claude-format hook run by VS Code', () => {
  test("VS Code's tool names are judged, not waved through as unknown tools", async () => {
    expect(await decisionOf('claude-code', claudeShaped('run_in_terminal', { command: 'railway volume delete -v pgdata -e production -y', explanation: 'x', isBackground: false }))).toBe('deny');
    expect(await decisionOf('claude-code', claudeShaped('read_file', { filePath: join(project, '.env.production') }))).toBe('deny');
    expect(await decisionOf('claude-code', claudeShaped('run_in_terminal', { command: 'ls -la', explanation: 'x', isBackground: false }))).toBe('quiet');
  });
});

describe("Claude Code's Monitor tool", () => {
  test('its command is judged like Bash; its WebSocket form has none and is let be', async () => {
    expect(await decisionOf('claude-code', claudeShaped('Monitor', { command: 'railway volume delete -v pgdata -e production -y', description: 'watch' }))).toBe('deny');
    expect(await decisionOf('claude-code', claudeShaped('Monitor', { command: 'tail -f build.log', description: 'watch' }))).toBe('quiet');
    expect(await decisionOf('claude-code', claudeShaped('Monitor', { ws: 'ws://localhost:9229' }))).toBe('quiet');
  });

  test('install matches every tool (Monitor and any added since) and writes onFailure: block', () => {
    const { changes } = TARGETS['claude-code'].install({}, 'airlock hook --agent claude-code', { denyRules: [] });
    const groups = changes.find((c) => c.path.join('.') === 'hooks.PreToolUse')?.value as { matcher: string; hooks: Record<string, unknown>[] }[];
    expect(groups[0].matcher).toBe('*');
    expect(groups[0].hooks[0]).toMatchObject({ onFailure: 'block', timeout: 600 });
  });
});

describe('Copilot', () => {
  const cli = (toolName: string, toolArgs: unknown) => ({ timestamp: 1, cwd: project, toolName, toolArgs });

  test("Copilot CLI's apply_patch, sent as the raw patch or as JSON, is a write", async () => {
    const patch = '*** Begin Patch\n*** Update File: .env.production\n@@\n-A\n+B\n*** End Patch\n';
    expect(await decisionOf('copilot', cli('apply_patch', patch))).toBe('deny');
    expect(await decisionOf('copilot', cli('apply_patch', JSON.stringify({ input: patch })))).toBe('deny');
    expect(await decisionOf('copilot', cli('apply_patch', '*** Begin Patch\n*** Add File: src/a.ts\n+x\n*** End Patch\n'))).toBe('quiet');
  });

  test("Copilot CLI's rg reads what its glob and path name", async () => {
    expect(await decisionOf('copilot', cli('rg', JSON.stringify({ pattern: 'TOKEN', path: '.env.production' })))).toBe('deny');
    expect(await decisionOf('copilot', cli('rg', JSON.stringify({ pattern: 'TOKEN', glob: '*' })))).toBe('deny');
    expect(await decisionOf('copilot', cli('rg', JSON.stringify({ pattern: 'TOKEN', glob: '*.ts' })))).toBe('quiet');
  });

  test('the VS Code entry carries the timeout key VS Code reads (it kills the hook at 30 s without it)', () => {
    const { changes } = TARGETS.copilot.install({}, 'airlock hook --agent copilot', { denyRules: [] });
    const entries = changes.find((c) => c.path.join('.') === 'hooks.preToolUse')?.value as Record<string, unknown>[];
    expect(entries[0]).toMatchObject({ timeout: 600, timeoutSec: 600 });
  });
});

describe('search tools whose globs reach secret files', () => {
  const gemini = (tool: string, input: unknown) => ({ session_id: 's', transcript_path: '/t', cwd: project, hook_event_name: 'BeforeTool', timestamp: 't', tool_name: tool, tool_input: input });

  test.each([
    ['read_many_files', { include: ['**/*'] }, 'deny'],
    ['read_many_files', { include: ['*'] }, 'deny'],
    ['read_many_files', { include: ['config'] }, 'ask'],
    ['read_many_files', { include: ['src/**/*.ts', 'README.md'] }, 'quiet'],
    ['grep_search', { pattern: 'TOKEN', include_pattern: '.env*' }, 'deny'],
    ['grep_search', { pattern: 'private_key', include_pattern: '*.json', dir_path: 'config' }, 'ask'],
    ['grep_search', { pattern: 'TOKEN', include_pattern: '*.json', dir_path: 'config' }, 'quiet'],
    ['grep_search', { pattern: 'TOKEN', include_pattern: '*.ts' }, 'quiet'],
  ])('Gemini %s %j → %s', async (tool, input, decision) => {
    expect(await decisionOf('gemini', gemini(tool, input))).toBe(decision);
  });

  test('Gemini grep_search with lines around each match (context, after, before) may show any line of a matching file', () => {
    expect(geminiHook.parse(gemini('grep_search', { pattern: 'TOKEN', include_pattern: '*.json', context: 3 }))).toMatchObject({ searched: { context: true } });
    expect(geminiHook.parse(gemini('grep_search', { pattern: 'TOKEN', after: 2 }))).toMatchObject({ searched: { context: true } });
    expect(geminiHook.parse(gemini('grep_search', { pattern: 'TOKEN' }))).toMatchObject({ searched: { context: false } });
  });

  test("Claude Code's Grep with a glob", async () => {
    expect(await decisionOf('claude-code', claudeShaped('Grep', { pattern: 'TOKEN', glob: '*', output_mode: 'content' }))).toBe('deny');
    expect(await decisionOf('claude-code', claudeShaped('Grep', { pattern: 'TOKEN', glob: '*.ts', path: 'src' }))).toBe('quiet');
  });

  test('a tree too big to list in time is unchecked, not allowed', () => {
    const reached = filesReached({ globs: ['**/*'] }, project, () => true, { entries: 2, ms: 1000 });
    expect(reached.unchecked).toEqual(['**/*']);
    const all = filesReached({ globs: ['**/*'] }, project, () => true);
    expect(all.unchecked).toEqual([]);
    expect(all.files.map((f) => f.slice(project.length + 1)).sort()).toEqual(['.env.production', 'README.md', 'config/deep/service-account.json', 'src/index.ts']);
  });
});

describe('schema drift', () => {
  test('a known file, shell or MCP tool with an unexpected event name is judged, not allowed', async () => {
    expect(await decisionOf('claude-code', claudeShaped('Read', { file_path: join(project, '.env.production') }, { hook_event_name: 'PreToolUseV2' }))).toBe('deny');
    expect(await decisionOf('claude-code', claudeShaped('Bash', { command: 'railway volume delete -v pgdata -e production -y' }, { hook_event_name: 'PreToolUseV2' }))).toBe('deny');
    expect(await decisionOf('claude-code', claudeShaped('Bash', { command: 'ls' }, { hook_event_name: 'PreToolUseV2' }))).toBe('quiet');
    const gemini = { session_id: 's', cwd: project, hook_event_name: 'BeforeToolV2', tool_name: 'read_file', tool_input: { file_path: '.env.production' } };
    expect(await decisionOf('gemini', gemini)).toBe('deny');
    expect(await decisionOf('copilot', claudeShaped('read_file', { filePath: join(project, '.env.production') }, { hook_event_name: 'BeforeToolUse' }))).toBe('deny');
  });
});

describe('messages under load are true', () => {
  const verdict = { decision: 'confirm', risk: 'high', environment: { tier: 'staging' }, findings: [], confirmation: 'click' } as const;
  test('a request the editor timed out in its queue says it was never shown, not that nobody answered a dialog', () => {
    const a = answerFor(verdict, { by: 'timeout', reason: 'Airlock was answering 224 other requests first; this one was never shown, and its 120 s ran out while it waited. Try again.' });
    expect(a.decision).toBe('deny');
    expect(a.userMessage).toContain('never shown');
    expect(a.userMessage).not.toMatch(/nobody answered/i);
  });
  test('a deny by the editor\'s policy (a full queue) does not claim a person denied it', () => {
    const a = answerFor(verdict, { by: 'editor-policy', reason: 'Airlock is answering 100 requests already; this one was denied without being shown. Try again.' });
    expect(a.decision).toBe('deny');
    expect(a.userMessage).not.toContain('denied in the editor');
    expect(a.userMessage).toContain('without being shown');
  });
});

describe('with no editor window, the agent\'s own prompt decides only what it can see', () => {
  const verdict = (risk: 'high' | 'critical', environment: { tier: 'production' | 'staging' | 'unknown' | 'development'; name?: string; evidence?: string }) =>
    ({ decision: 'confirm', risk, environment, findings: [], confirmation: 'click' }) as const;
  test.each([
    ['a production target, whatever the risk', verdict('high', { tier: 'production', evidence: '-e production' }), 'deny'],
    ['a critical action on a target nobody can name', verdict('critical', { tier: 'unknown' }), 'deny'],
    ['a critical action on a named remote database', verdict('critical', { tier: 'unknown', name: 'Railway database monorail.proxy.rlwy.net', evidence: 'DATABASE_URL in .env' }), 'ask'],
    ['a critical action on staging', verdict('critical', { tier: 'staging', evidence: '-n staging' }), 'ask'],
    ['a critical action on a development database', verdict('critical', { tier: 'development', evidence: 'DATABASE_URL in .env' }), 'ask'],
    ['a high-risk action on an unknown target', verdict('high', { tier: 'unknown' }), 'ask'],
  ])('%s', (_name, v, expected) => {
    const a = answerFor(v, { by: 'offline' });
    expect(a.decision).toBe(expected);
    // An agent that cannot ask gets a deny instead, never an allow.
    expect(answerFor(v, { by: 'offline' }, false).decision).toBe('deny');
  });
});
