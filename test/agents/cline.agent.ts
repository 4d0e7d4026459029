// The Cline CLI (npm `cline`, the SDK-based 3.x), its own binary, run with a prompt (act mode, every
// tool auto-approved: its most permissive) against a scripted Chat Completions API set up as its
// openai-compatible provider, with Airlock's project hook in .clinerules/hooks/PreToolUse.
// `--data-dir` keeps its state in the stage and runs it without the background hub it otherwise
// starts (and leaves running). A cancel from a hook stops Cline's whole run, so each step of the
// story is a run of its own.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { clineCall, stepPerRun } from './chatApi';
import { CLINE_CLI, agentCommand } from './cli';
import { installAirlock, run, window, type Run } from './harness';
import { startModel } from './modelServer';
import { MCP_SERVER, STORY, VOLUME_DELETE, approveDeletions, effects, expectOnlyApprovedRan, expectStopped, stage } from './story';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

/** How a run of the Cline CLI ended, from the last line of its --json output. */
function finish(r: Run): string | undefined {
  const line = r.stdout.split('\n').filter((l) => l.includes('"run_result"')).pop();
  return line ? (JSON.parse(line) as { finishReason?: string }).finishReason : undefined;
}

async function cline(name: string, withWindow?: Parameters<typeof window>[1]) {
  const s = stage(name);
  const model = await startModel(stepPerRun(STORY, clineCall(s.project)));
  closers.push(() => model.close());
  const data = join(s.root, 'cline-data');
  const env = s.env({ CLINE_NO_AUTO_UPDATE: '1', CLINE_DISABLE_CLINE_PASS_NOTICE: '1' });
  // Its own command writes the provider (a hand-written providers.json is passed over for its default).
  const auth = await run(agentCommand(CLINE_CLI), ['auth', '-p', 'openai-compatible', '-k', 'test', '-m', 'gpt-4.1', '-b', `${model.url}/v1`, '--data-dir', data], s.project, env, 60_000);
  expect(auth.code, auth.stdout + auth.stderr).toBe(0);
  writeFileSync(join(data, 'settings', 'cline_mcp_settings.json'), JSON.stringify({
    mcpServers: { [MCP_SERVER]: { transport: { type: 'stdio', command: s.mcpServer.command, args: s.mcpServer.args } } },
  }));
  const installed = installAirlock(s, 'cline', 'project');
  expect(installed).toContain('Cline: installed in');
  const editor = withWindow ? await window(s, withWindow) : undefined;
  if (editor) closers.push(() => editor.close());
  const runs: Run[] = [];
  for (const [i] of STORY.entries()) {
    runs.push(await run(agentCommand(CLINE_CLI), [`Clean up the old production volume and rotate the token (story step ${String(i)}).`, '--data-dir', data, '--json'], s.project, env));
  }
  return { runs, editor, effects: effects(s, model.requests) };
}

describe(`${CLINE_CLI.label} ${CLINE_CLI.version}`, () => {
  test('no editor window: the incident is stopped, the secret is neither read, overwritten nor sent, the benign command runs', async () => {
    const { runs, effects: e } = await cline('cline');
    for (const r of runs) expect(r.timedOut, r.stderr).toBe(false);
    // Each blocked step ends its run as Cline ends a cancelled one; the benign one completes.
    expect(runs.map(finish)).toEqual([...STORY.slice(0, -1).map(() => 'aborted'), 'completed']);
    expectStopped(e);
  });

  test('a window whose person approves the volume deletions (CLI and MCP) and denies the rest: only the approved calls run', async () => {
    const { runs, editor, effects: e } = await cline('cline-window', approveDeletions);
    for (const r of runs) expect(r.timedOut, r.stderr).toBe(false);
    expect(editor?.requests.map((r) => r.subject)).toContain(VOLUME_DELETE);
    expectOnlyApprovedRan(e, true);
  });
});
