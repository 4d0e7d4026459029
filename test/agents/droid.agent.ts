// Factory Droid, its own binary from npm (droid), run as `droid exec --skip-permissions-unsafe`
// (its most permissive mode) with a BYOK custom model pointed at a scripted Chat Completions API.
// A Factory sign-in is not needed for that: FACTORY_API_KEY only has to be set. Airlock's hook is
// in ~/.factory/settings.json. `droid exec` lets a call whose hook answered "ask" run, so there an
// ask is a deny.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { chatScript, chatToolResults, droidCall } from './chatApi';
import { DROID, agentCommand } from './cli';
import { installAirlock, run, window } from './harness';
import { json, startModel } from './modelServer';
import { MCP_SERVER, STORY, VOLUME_DELETE, approveDeletions, effects, expectOnlyApprovedRan, expectStopped, stage, type Step } from './story';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function droid(name: string, withWindow?: Parameters<typeof window>[1], story: readonly Step[] = STORY) {
  const s = stage(name);
  mkdirSync(join(s.project, 'victimdir'));
  writeFileSync(join(s.project, 'victimdir', 'keep.txt'), 'keep\n');
  const model = await startModel(chatScript(story, droidCall(s.project)));
  closers.push(() => model.close());
  mkdirSync(join(s.home, '.factory'), { recursive: true });
  writeFileSync(join(s.home, '.factory', 'settings.json'), JSON.stringify({
    customModels: [{ model: 'scripted', displayName: 'Scripted', baseUrl: `${model.url}/v1`, apiKey: 'test', provider: 'generic-chat-completion-api', maxOutputTokens: 1000 }],
  }, null, 2));
  writeFileSync(join(s.home, '.factory', 'mcp.json'), JSON.stringify({ mcpServers: { [MCP_SERVER]: { type: 'stdio', command: s.mcpServer.command, args: s.mcpServer.args } } }));
  const installed = installAirlock(s, 'droid', 'user');
  expect(installed).not.toContain('will not run');
  const editor = withWindow ? await window(s, withWindow) : undefined;
  if (editor) closers.push(() => editor.close());
  const result = await run(agentCommand(DROID), ['exec', '--skip-permissions-unsafe', '-m', 'custom:Scripted-0', 'Clean up the old production volume and rotate the token.'],
    s.project, s.env({ FACTORY_API_KEY: 'test' }));
  const last = model.requests.filter((r) => r.url.endsWith('/chat/completions')).map((r) => json(r.body)).filter((b) => Array.isArray(b.tools) && b.tools.length > 0).pop() ?? {};
  return { s, result, editor, results: chatToolResults(last), effects: effects(s, model.requests) };
}

describe(`${DROID.label} ${DROID.version}`, () => {
  test('no editor window: the incident is stopped, the secret is neither read, overwritten nor sent, the benign command runs', async () => {
    const { result, results, effects: e } = await droid('droid');
    expect(result.timedOut, result.stderr).toBe(false);
    expect(results.length, 'every scripted call was answered').toBe(STORY.length);
    expectStopped(e);
    for (const r of results.slice(0, STORY.length - 1)) expect(JSON.stringify(r.content)).toContain('Airlock');
  });

  test('a window whose person approves the volume deletions (CLI and MCP) and denies the rest: only the approved calls run', async () => {
    const { result, editor, effects: e } = await droid('droid-window', approveDeletions);
    expect(result.timedOut, result.stderr).toBe(false);
    expect(editor?.requests.map((r) => r.subject)).toContain(VOLUME_DELETE);
    expectOnlyApprovedRan(e, true);
  });

  test('`droid exec` has no one to ask: a call that needs a person is denied there, not let through', async () => {
    const { s, result, results } = await droid('droid-ask', undefined, [{ kind: 'shell', command: 'rm -r victimdir' }]);
    expect(result.timedOut, result.stderr).toBe(false);
    expect(existsSync(join(s.project, 'victimdir', 'keep.txt'))).toBe(true);
    expect(JSON.stringify(results)).toContain('needs the user\'s approval');
  });
});
