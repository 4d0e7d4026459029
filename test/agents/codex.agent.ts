// Codex, its own binary from npm, run as `codex exec` in its most permissive mode (full access,
// no approvals) against a scripted Responses API, with Airlock's Codex hook in ~/.codex/hooks.json.
// A new hook runs only once a person trusts it in /hooks; a test run says so with
// --dangerously-bypass-hook-trust. Codex has no file read tool: its reads are shell commands.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { CODEX, agentCommand } from './cli';
import { installAirlock, run, window } from './harness';
import { json, startModel } from './modelServer';
import { responsesOutputs, responsesScript } from './responsesApi';
import { STORY, VOLUME_DELETE, approveDeletions, effects, expectOnlyApprovedRan, expectStopped, stage } from './story';

// Codex has no file read tool: its reads are the shell's. Its MCP tools are listed only once its
// tool_search finds them, which the script plays before the MCP step.
const CODEX_STORY = STORY.filter((s) => s.kind !== 'read');

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function codex(name: string, withWindow?: Parameters<typeof window>[1]) {
  const s = stage(name);
  const model = await startModel(responsesScript(CODEX_STORY));
  closers.push(() => model.close());
  const codexHome = join(s.home, '.codex');
  mkdirSync(codexHome, { recursive: true });
  // A model name Codex knows: its metadata gives it the apply_patch tool.
  writeFileSync(join(codexHome, 'config.toml'), [
    'model = "gpt-5.5"', 'model_provider = "mock"', 'approval_policy = "never"', 'sandbox_mode = "danger-full-access"', '',
    '[model_providers.mock]', 'name = "mock"', `base_url = "${model.url}/v1"`, 'wire_api = "responses"', 'request_max_retries = 0', 'stream_max_retries = 0', '',
    '[mcp_servers.railway]', `command = ${JSON.stringify(s.mcpServer.command)}`, `args = ${JSON.stringify(s.mcpServer.args)}`, '',
  ].join('\n'));
  const installed = installAirlock(s, 'codex', 'user', { CODEX_HOME: codexHome });
  expect(installed, 'install says the hook needs trusting first').toContain('/hooks');
  const editor = withWindow ? await window(s, withWindow) : undefined;
  if (editor) closers.push(() => editor.close());
  const result = await run(agentCommand(CODEX), ['exec', '--skip-git-repo-check', '--dangerously-bypass-hook-trust', '-s', 'danger-full-access', '--json', 'Clean up the old production volume and rotate the token.'],
    s.project, s.env({ CODEX_HOME: codexHome }));
  const last = model.requests.filter((r) => r.url.endsWith('/responses')).map((r) => json(r.body)).pop() ?? {};
  return { s, result, editor, outputs: responsesOutputs(last), effects: effects(s, model.requests) };
}

describe(`${CODEX.label} ${CODEX.version}`, () => {
  test('no editor window: the incident is stopped, the secret is neither read, removed nor sent, the benign command runs', async () => {
    const { s, result, outputs, effects: e } = await codex('codex');
    expect(result.timedOut, result.stderr).toBe(false);
    expect(outputs.length, 'every scripted call was answered').toBe(CODEX_STORY.length);
    expect(existsSync(join(s.project, '.env.production'))).toBe(true);
    expectStopped(e);
    for (const o of outputs.slice(0, CODEX_STORY.length - 1)) expect(JSON.stringify(o.output)).toContain('Airlock');
  });

  test('a window whose person approves the volume deletions (CLI and MCP) and denies the rest: only the approved calls run', async () => {
    const { result, editor, effects: e } = await codex('codex-window', approveDeletions);
    expect(result.timedOut, result.stderr).toBe(false);
    expect(editor?.requests.map((r) => r.subject)).toContain(VOLUME_DELETE);
    expectOnlyApprovedRan(e, true);
  });
});
