// Factory Droid (`droid` CLI) `PreToolUse`, Claude Code's hook contract with Droid's own tool
// names. Contract from docs.factory.ai/reference/hooks-reference and docs.factory.ai/harness/hooks
// (read 2026-12), Droid's tool schemas from a captured `droid` request (cristminix/qwen-api-node
// providers/factory-ai/glm-request.md), and live reports (Factory-AI/factory#3, droid 0.186: only
// the `hooks` key of settings.json fires; aovestdipaperino/tokensave#198 and #251: Execute's
// `tool_input.command`, Grep's `glob_pattern` and `output_mode` file_paths|content; rtk-ai/rtk#2267:
// hookSpecificOutput with permissionDecision is honoured), then checked against droid 0.215.0 from
// npm, run offline with a BYOK model (test/agents/droid.agent.ts):
// - Settings: `~/.factory/settings.json` and `<project>/.factory/settings.json`,
//   {"hooks":{"PreToolUse":[{matcher, hooks:[{type:"command", command, timeout (s, default 60)}]}]}}.
//   Newer releases document `.factory/hooks.json` (the event as the top-level key) and read the
//   settings' `hooks` only when it is absent; the legacy `.factory/hooks/hooks.json` still loads.
//   Droid snapshots hooks at startup: an edit made outside it is reviewed in `/hooks` first.
// - Payload: Claude's snake_case (session_id, transcript_path, cwd, permission_mode,
//   hook_event_name, tool_name, tool_input). Tools: Execute {command, riskLevelReason, riskLevel}, Read
//   {file_path}, Create {file_path, content}, Edit {file_path, old_str, new_str}, MultiEdit
//   {file_path, changes: [{old_str, new_str}]}, ApplyPatch (the patch as input or patch), LS
//   {directory_path}, Glob {patterns, folder}, Grep {pattern, path, glob_pattern, output_mode,
//   case_insensitive, context_before/after, context}, FetchUrl {url}, WebSearch, Task, TodoWrite,
//   ExitSpecMode; MCP tools `<server>___<tool>` (droid 0.215.0; the docs say mcp__server__tool, read
//   too). Older releases used Claude's names (Bash, Write…), which are read as Claude's.
// - Answer: exit 0 with Claude's hookSpecificOutput (permissionDecision allow|deny|ask; an ask is
//   put to the user in Droid's interactive UI, but `droid exec` runs the call: there run.ts denies
//   it, see headlessDroid). Exit 2 blocks with stderr; any other exit, a crash or a timeout lets
//   the call through, hence the launcher and the 600 s timeout.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseClaudeShaped } from './claudeShape';
import { HOOK_TIMEOUT_SECONDS, PROBE_COMMAND, hookGroupTarget, nestedTarget, obj, systemPath, type AgentTarget } from './hookFiles';
import { PayloadError, objectOf, preToolUseOutput, type Agent, type AgentAdapter, type HookEvent } from './types';

/** Droid's tool names for Claude's tools: its payloads are read as Claude's. */
const CLAUDE_NAME: Readonly<Record<string, string>> = { Execute: 'Bash', Create: 'Write', FetchUrl: 'WebFetch', ApplyPatch: 'apply_patch' };
/** An MCP tool as Droid names it, `<server>___<tool>` (seen in droid 0.215.0's hook payloads; its docs say mcp__server__tool, read as Claude's). */
const MCP_NAME = /^(.+?)___(.+)$/;
/** Droid's own tools that touch no file or shell. */
const UNRELATED = new Set(['ExitSpecMode', 'TodoWrite', 'WebSearch', 'Task', 'TaskOutput', 'TaskStop', 'GenerateDroid', 'GenerateImage', 'Skill', 'ToolSearch',
  'ProposeMission', 'StartMissionRun', 'EndFeatureRun', 'DismissHandoffItems']);

/** Droid's Grep as Claude's: `glob_pattern`, `case_insensitive` and the context counts under Claude's names. */
function grepInput(input: Record<string, unknown>): Record<string, unknown> {
  return { ...input, glob: input.glob ?? input.glob_pattern, '-i': input['-i'] ?? input.case_insensitive, '-B': input['-B'] ?? input.context_before, '-A': input['-A'] ?? input.context_after };
}

/** A patch in ApplyPatch's input, under whichever name this release gives it. */
function patchText(input: Record<string, unknown>): string {
  for (const key of ['input', 'patch', 'patchText', 'command']) if (typeof input[key] === 'string') return input[key];
  // A patch Airlock cannot read could write any file.
  throw new PayloadError('Droid\'s ApplyPatch call holds no patch Airlock can read', true);
}

/** Droid's tool input as Claude's tool of the same kind takes it. */
function claudeInput(tool: string, input: Record<string, unknown>): Record<string, unknown> {
  switch (tool) {
    case 'Grep': return grepInput(input);
    case 'MultiEdit': return Array.isArray(input.changes) && input.edits === undefined ? { ...input, edits: input.changes } : input;
    case 'ApplyPatch': return { command: patchText(input) };
    default: return input;
  }
}

export const droidHook: AgentAdapter = {
  parse(payload) {
    // A payload that is not an object, or names no tool, may be a shell call: deny it.
    const p = objectOf(payload, 'the hook payload', true);
    const tool = p.tool_name;
    if (typeof tool !== 'string') return parseClaudeShaped(p);
    const shell = tool === 'Execute' || tool === 'Bash';
    const input = claudeInput(tool, objectOf(p.tool_input, '"tool_input"', shell || tool === 'ApplyPatch'));
    const mcp = MCP_NAME.exec(tool);
    const claudeName = mcp ? `mcp__${mcp[1]}__${mcp[2]}` : CLAUDE_NAME[tool] ?? tool;
    const event: HookEvent = parseClaudeShaped({ ...p, tool_name: claudeName, tool_input: input });
    // The dialog and the audit log name the tool as Droid does.
    if (event.kind !== 'unrelated') return { ...event, tool };
    if (event.known || UNRELATED.has(tool)) return { ...event, tool, known: true };
    // A tool Airlock does not know (Loop, an integration's slack_post_file, one a new release adds):
    // its input is read as an MCP call's is, so a command or a secret file in it still counts.
    return { kind: 'mcp', tool, input, cwd: event.cwd, roots: event.roots };
  },
  canAsk: () => true,
  format: (answer) => preToolUseOutput(answer),
};

// Every tool: Droid's names differ from Claude's and change between releases; the adapter lets
// through what it does not guard. Droid's timeout is in seconds.
const droidBase = /* @__PURE__ */ nestedTarget('.factory', '.factory', 'PreToolUse', '*',
  (command) => ({ type: 'command', command, timeout: HOOK_TIMEOUT_SECONDS }));

const settings: AgentTarget = {
  ...hookGroupTarget(droidBase),
  // The system-managed settings (Factory-AI/factory docs PR #1140: /etc/factory on Linux and WSL).
  managed: (env) => systemPath(env, 'etc/factory/settings.json', 'Library/Application Support/Factory/settings.json'),
};

/** Airlock's commands in a Droid hook file: the event at the top level (hooks.json) or under `hooks`. */
function hookFileCommands(file: string): string[] | undefined {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
  const config = obj(value) ?? {};
  return [...droidBase.commands(config), ...droidBase.commands({ hooks: config })];
}

/**
 * Newer Droid releases read a `hooks.json` beside the settings (or the legacy `hooks/hooks.json`)
 * instead of the settings' `hooks` when one exists: then Airlock's entry in settings.json is not
 * what Droid runs, unless that file holds Airlock's entry too.
 */
export function droidWillNotRun(file: string): string | undefined {
  const dir = dirname(file);
  const shadowing = [join(dir, 'hooks.json'), join(dir, 'hooks', 'hooks.json')].filter((f) => existsSync(f) && (hookFileCommands(f)?.length ?? 0) === 0);
  if (shadowing.length === 0) return undefined;
  return `Droid releases that use hooks.json read hooks from ${shadowing.join(' and ')} instead of the "hooks" in ${file}, and Airlock's hook is not there: move the hooks of ${shadowing.length > 1 ? 'those files' : 'that file'} into ${file} and remove ${shadowing.length > 1 ? 'them' : 'it'}, or those releases will not run Airlock's hook`;
}

export const droid: Agent = {
  id: 'droid',
  label: 'Factory Droid',
  sources: ['docs.factory.ai/reference/hooks-reference', 'docs.factory.ai/harness/hooks', 'Factory-AI/factory#3'],
  hook: droidHook,
  settings,
  traces: { user: '.factory', project: '.factory' },
  probe: (cwd) => ({
    session_id: 'airlock-doctor', transcript_path: '', cwd, permission_mode: 'default', hook_event_name: 'PreToolUse',
    tool_name: 'Execute', tool_input: { command: PROBE_COMMAND },
  }),
  denies: (answer) => (answer.hookSpecificOutput as Record<string, unknown> | undefined)?.permissionDecision === 'deny',
  willNotRun: (file) => droidWillNotRun(file),
};
