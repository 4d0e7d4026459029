// opencode, its own binary from npm (opencode-ai), run as `opencode run --auto` (every permission
// not explicitly denied is granted) against a scripted Chat Completions API set up as a provider in
// the project's opencode.json, with Airlock's plugin installed in ~/.config/opencode/plugins. opencode
// has no ask a plugin can raise: what needs a person is denied unless an editor window answers.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { chatScript, chatToolResults, opencodeCall } from './chatApi';
import { OPENCODE, agentCommand } from './cli';
import { installAirlock, run, window } from './harness';
import { json, startModel } from './modelServer';
import { MCP_SERVER, STORY, VOLUME_DELETE, approveDeletions, effects, expectOnlyApprovedRan, expectStopped, stage } from './story';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function opencode(name: string, withWindow?: Parameters<typeof window>[1]) {
  const s = stage(name);
  const model = await startModel(chatScript(STORY, opencodeCall(s.project)));
  closers.push(() => model.close());
  writeFileSync(join(s.project, 'opencode.json'), JSON.stringify({
    $schema: 'https://opencode.ai/config.json',
    provider: { scripted: { npm: '@ai-sdk/openai-compatible', name: 'Scripted', options: { baseURL: `${model.url}/v1`, apiKey: 'test' }, models: { model: { name: 'model', tool_call: true } } } },
    model: 'scripted/model',
    mcp: { [MCP_SERVER]: { type: 'local', command: [s.mcpServer.command, ...s.mcpServer.args], enabled: true } },
  }));
  const installed = installAirlock(s, 'opencode', 'user');
  expect(installed).toContain('opencode: installed in');
  const editor = withWindow ? await window(s, withWindow) : undefined;
  if (editor) closers.push(() => editor.close());
  const env = s.env({
    XDG_CONFIG_HOME: join(s.home, '.config'), XDG_DATA_HOME: join(s.home, '.local', 'share'), XDG_CACHE_HOME: join(s.home, '.cache'), XDG_STATE_HOME: join(s.home, '.local', 'state'),
    OPENCODE_DISABLE_AUTOUPDATE: '1', OPENCODE_DISABLE_MODELS_FETCH: '1', OPENCODE_DISABLE_DEFAULT_PLUGINS: '1', OPENCODE_DISABLE_LSP_DOWNLOAD: '1', OPENCODE_DISABLE_SHARE: '1',
  });
  const result = await run(agentCommand(OPENCODE), ['run', '--auto', 'Clean up the old production volume and rotate the token.'], s.project, env);
  const last = model.requests.filter((r) => r.url.endsWith('/chat/completions')).map((r) => json(r.body)).filter((b) => Array.isArray(b.tools) && b.tools.length > 0).pop() ?? {};
  return { s, result, editor, results: chatToolResults(last), effects: effects(s, model.requests) };
}

describe(`${OPENCODE.label} ${OPENCODE.version}`, () => {
  test('no editor window: the incident is stopped, the secret is neither read, overwritten nor sent, the benign command runs', async () => {
    const { result, results, effects: e } = await opencode('opencode');
    expect(result.timedOut, result.stderr).toBe(false);
    expect(results.length, 'every scripted call was answered').toBe(STORY.length);
    expectStopped(e);
    for (const r of results.slice(0, STORY.length - 1)) expect(JSON.stringify(r.content)).toContain('Airlock');
  });

  test('a window whose person approves the volume deletions (CLI and MCP) and denies the rest: only the approved calls run', async () => {
    const { result, editor, effects: e } = await opencode('opencode-window', approveDeletions);
    expect(result.timedOut, result.stderr).toBe(false);
    expect(editor?.requests.map((r) => r.subject)).toContain(VOLUME_DELETE);
    expectOnlyApprovedRan(e, true);
  });
});
