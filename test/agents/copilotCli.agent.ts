// GitHub Copilot CLI, its own package from npm, run with `-p … --allow-all-tools` against a
// scripted Chat Completions API in its offline mode (COPILOT_OFFLINE with a custom provider: no
// GitHub sign-in), with Airlock's Copilot hook in ~/.copilot/hooks/airlock.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { chatScript, chatToolResults, copilotCall } from './chatApi';
import { COPILOT_CLI, agentCommand } from './cli';
import { installAirlock, run, window } from './harness';
import { json, startModel } from './modelServer';
import { MCP_SERVER, STORY, VOLUME_DELETE, approveDeletions, effects, expectOnlyApprovedRan, expectStopped, stage } from './story';

const COPILOT_STORY = STORY;

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

function copilotEnv(s: ReturnType<typeof stage>, modelUrl: string): Record<string, string> {
  return s.env({
    COPILOT_OFFLINE: 'true', COPILOT_PROVIDER_BASE_URL: `${modelUrl}/v1`, COPILOT_PROVIDER_API_KEY: 'test', COPILOT_MODEL: 'gpt-4.1', COPILOT_AUTO_UPDATE: 'false',
    // The binary unpacks its code once per version here, not into every fresh home.
    COPILOT_PKG_CACHE_HOME: join(agentCommand(COPILOT_CLI), '..', '..', '..', 'copilot-pkg'),
  });
}

const ARGS = ['-p', 'Clean up the old production volume and rotate the token.', '--allow-all-tools', '--no-auto-update', '--output-format', 'json'];

async function copilot(name: string, withWindow?: Parameters<typeof window>[1]) {
  const s = stage(name);
  const model = await startModel(chatScript(COPILOT_STORY, copilotCall(s.project)));
  closers.push(() => model.close());
  mkdirSync(join(s.home, '.copilot'), { recursive: true });
  writeFileSync(join(s.home, '.copilot', 'mcp-config.json'), JSON.stringify({ mcpServers: { [MCP_SERVER]: { type: 'local', command: s.mcpServer.command, args: s.mcpServer.args, tools: ['*'] } } }));
  installAirlock(s, 'copilot', 'user');
  const editor = withWindow ? await window(s, withWindow) : undefined;
  if (editor) closers.push(() => editor.close());
  const result = await run(agentCommand(COPILOT_CLI), ARGS, s.project, copilotEnv(s, model.url));
  const last = model.requests.filter((r) => r.url.endsWith('/chat/completions')).map((r) => json(r.body)).filter((b) => Array.isArray(b.tools) && b.tools.length > 0).pop() ?? {};
  return { result, editor, results: chatToolResults(last), effects: effects(s, model.requests) };
}

describe(`${COPILOT_CLI.label} ${COPILOT_CLI.version}`, () => {
  test('no editor window: the incident is stopped, the secret is neither read, overwritten nor sent, the benign command runs', async () => {
    const { result, results, effects: e } = await copilot('copilot');
    expect(result.timedOut, result.stderr).toBe(false);
    expect(results.length, 'every scripted call was answered').toBe(COPILOT_STORY.length);
    expectStopped(e);
    for (const r of results.slice(0, COPILOT_STORY.length - 1)) expect(JSON.stringify(r.content)).toContain('Airlock');
  });

  test('a window whose person approves the volume deletions (CLI and MCP) and denies the rest: only the approved calls run', async () => {
    const { result, editor, effects: e } = await copilot('copilot-window', approveDeletions);
    expect(result.timedOut, result.stderr).toBe(false);
    expect(editor?.requests.map((r) => r.subject)).toContain(VOLUME_DELETE);
    expectOnlyApprovedRan(e, true);
  });

  test('a project hook (.github/hooks) runs only in a folder Copilot CLI trusts: install says when it is not, and once trusted the deletion is stopped', async () => {
    for (const trusted of [false, true]) {
      const s = stage(`copilot-project-${String(trusted)}`);
      const model = await startModel(chatScript([{ kind: 'shell', command: VOLUME_DELETE }], copilotCall(s.project)));
      closers.push(() => model.close());
      mkdirSync(join(s.home, '.copilot'), { recursive: true });
      // As Copilot CLI leaves it after a first run: the folder trusted for future sessions, or not.
      writeFileSync(join(s.home, '.copilot', 'config.json'), JSON.stringify(trusted ? { trusted_folders: [s.project] } : { banner: 'never' }));
      const installed = installAirlock(s, 'copilot', 'project');
      const result = await run(agentCommand(COPILOT_CLI), ARGS, s.project, copilotEnv(s, model.url));
      expect(result.timedOut, result.stderr).toBe(false);
      const ran = effects(s, model.requests).railwayRan;
      if (trusted) {
        expect(installed).not.toContain('will not run');
        expect(ran).toEqual([]);
      } else {
        // Why the warning matters: Copilot CLI ran the deletion with the project's hook in place.
        expect(installed).toContain('but it will not run yet: Copilot CLI loads this project\'s hooks only in a folder it trusts');
        expect(ran).toEqual(['volume delete -v pgdata -e production -y']);
      }
    }
  });
});
