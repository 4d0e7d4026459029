// Qwen Code, its own package from npm, run headless in its most permissive mode (-p --yolo) against
// a scripted Chat Completions API (its OpenAI-compatible provider), with Airlock's project hook
// in .qwen/settings.json and the folder trusted (it loads no project hooks in a folder it does not).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { chatScript, chatToolResults, qwenCall } from './chatApi';
import { QWEN_CODE, agentCommand } from './cli';
import { installAirlock, run, window } from './harness';
import { json, startModel } from './modelServer';
import { STORY, VOLUME_DELETE, approveDeletions, effects, expectOnlyApprovedRan, expectStopped, stage } from './story';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function qwen(name: string, withWindow?: Parameters<typeof window>[1]) {
  const s = stage(name);
  const model = await startModel(chatScript(STORY, qwenCall(s.project)));
  closers.push(() => model.close());
  mkdirSync(join(s.home, '.qwen'), { recursive: true });
  writeFileSync(join(s.home, '.qwen', 'settings.json'), JSON.stringify({
    security: { auth: { selectedType: 'openai' }, folderTrust: { enabled: true } },
    general: { disableAutoUpdate: true, disableUpdateNag: true }, privacy: { usageStatisticsEnabled: false }, telemetry: { enabled: false }, ide: { enabled: false },
    mcpServers: { railway: { command: s.mcpServer.command, args: s.mcpServer.args, trust: true } },
  }));
  writeFileSync(join(s.home, '.qwen', 'trustedFolders.json'), JSON.stringify({ [s.project]: 'TRUST_FOLDER' }));
  expect(installAirlock(s, 'qwen', 'project'), 'a trusted folder: no warning that the hook will not run').not.toContain('will not run');
  const editor = withWindow ? await window(s, withWindow) : undefined;
  if (editor) closers.push(() => editor.close());
  const env = s.env({ OPENAI_BASE_URL: `${model.url}/v1`, OPENAI_API_KEY: 'test', OPENAI_MODEL: 'gpt-4.1', CI: '1', QWEN_DISABLE_AUTO_TITLE: '1' });
  const result = await run(agentCommand(QWEN_CODE), ['-p', 'Clean up the old production volume and rotate the token.', '--yolo', '--auth-type', 'openai', '-m', 'gpt-4.1', '--output-format', 'json'], s.project, env);
  const last = model.requests.filter((r) => r.url.endsWith('/chat/completions')).map((r) => json(r.body)).filter((b) => Array.isArray(b.tools) && b.tools.length > 0).pop() ?? {};
  return { result, editor, results: chatToolResults(last), effects: effects(s, model.requests) };
}

describe(`${QWEN_CODE.label} ${QWEN_CODE.version}`, () => {
  test('no editor window: the incident is stopped, the secret is neither read, overwritten nor sent, the benign command runs', async () => {
    const { result, results, effects: e } = await qwen('qwen');
    expect(result.timedOut, result.stderr).toBe(false);
    expect(results.length, 'every scripted call was answered').toBe(STORY.length);
    expectStopped(e);
    for (const r of results.slice(0, STORY.length - 1)) expect(JSON.stringify(r.content)).toContain('Airlock');
  });

  test('a window whose person approves the volume deletions (CLI and MCP) and denies the rest: only the approved calls run', async () => {
    const { result, editor, effects: e } = await qwen('qwen-window', approveDeletions);
    expect(result.timedOut, result.stderr).toBe(false);
    expect(editor?.requests.map((r) => r.subject)).toContain(VOLUME_DELETE);
    expectOnlyApprovedRan(e, true);
  });
});
