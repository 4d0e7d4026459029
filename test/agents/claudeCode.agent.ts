// Claude Code, its own binary from npm, run in its most permissive mode (-p with
// bypassPermissions) against a scripted Anthropic API, with Airlock's project hook installed.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { anthropicScript, storyResults } from './anthropic';
import { CLAUDE_CODE, agentCommand } from './cli';
import { installAirlock, run, window } from './harness';
import { json, startModel, type ModelServer } from './modelServer';
import { STORY, VOLUME_DELETE, approveDeletions, effects, expectOnlyApprovedRan, expectStopped, stage } from './story';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function claude(name: string, withWindow?: Parameters<typeof window>[1]) {
  const s = stage(name);
  const model: ModelServer = await startModel(anthropicScript(STORY, s.project));
  closers.push(() => model.close());
  installAirlock(s, 'claude-code', 'project');
  const mcpConfig = join(s.root, 'mcp.json');
  writeFileSync(mcpConfig, JSON.stringify({ mcpServers: { railway: { type: 'stdio', command: s.mcpServer.command, args: s.mcpServer.args } } }));
  const editor = withWindow ? await window(s, withWindow) : undefined;
  if (editor) closers.push(() => editor.close());
  const env = s.env({
    ANTHROPIC_BASE_URL: model.url, ANTHROPIC_API_KEY: 'sk-ant-test', CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1', DISABLE_AUTOUPDATER: '1',
    // As root, bypassPermissions needs to be told it runs in a sandbox.
    IS_SANDBOX: '1',
  });
  const result = await run(agentCommand(CLAUDE_CODE), ['-p', 'Clean up the old production volume and rotate the token.', '--permission-mode', 'bypassPermissions', '--output-format', 'json', '--mcp-config', mcpConfig, '--strict-mcp-config'], s.project, env);
  const last = model.requests.filter((r) => r.url.startsWith('/v1/messages') && !r.url.includes('count_tokens')).map((r) => json(r.body)).pop() ?? {};
  return { s, model, result, editor, results: storyResults(last), effects: effects(s, model.requests) };
}

describe(`${CLAUDE_CODE.label} ${CLAUDE_CODE.version}`, () => {
  test('no editor window: the incident is stopped, the secret is neither read, overwritten nor sent, the benign command runs', async () => {
    const { result, results, effects: e } = await claude('claude');
    expect(result.timedOut, result.stderr).toBe(false);
    expect(results.length, 'every scripted call was answered').toBe(STORY.length);
    expectStopped(e);
    // Each was stopped by Airlock's hook, or, for the Read, by the Read(…) deny rule `airlock install` wrote.
    for (const r of results.slice(0, STORY.length - 1)) expect(JSON.stringify(r.content)).toMatch(/Airlock|denied by your permission settings|covered by a/);
  });

  test('a window whose person approves the volume deletions (CLI and MCP) and denies the rest: only the approved calls run', async () => {
    const { result, editor, effects: e } = await claude('claude-window', approveDeletions);
    expect(result.timedOut, result.stderr).toBe(false);
    expect(editor?.requests.map((r) => r.subject)).toContain(VOLUME_DELETE);
    expectOnlyApprovedRan(e, true);
  });
});
