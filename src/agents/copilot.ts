// Copilot: hook files in `.github/hooks/*.json` are run by two hosts with two payload shapes.
// - VS Code agent hooks (code.visualstudio.com/docs/agent-customization/hooks, hooks-reference;
//   read 2026-11): `PreToolUse` with tool_name and tool_input (object), cwd, and the event name as
//   hook_event_name or hookEventName; tools run_in_terminal {command}, read_file {filePath},
//   grep_search {includePattern}, file_search {query}, create_file / replace_string_in_file /
//   insert_edit_into_file {filePath}, multi_replace_string_in_file {replacements[].filePath},
//   apply_patch {input}. Matchers are ignored, so every tool call arrives here. Answer:
//   hookSpecificOutput.permissionDecision allow|deny|ask, as Claude Code; exit 2 blocks, other
//   exits only warn.
// - Copilot CLI / coding agent (docs.github.com/en/copilot/reference/hooks-configuration;
//   tool shapes from microsoft/vscode-copilot-chat copilotCLITools.ts, read 2026-12):
//   `preToolUse` with toolName (bash, powershell, view, edit, create, grep, rg {pattern, path,
//   glob}, apply_patch, web_fetch {url}; an MCP tool as `<server>-<tool>`, seen in 1.0.102) and toolArgs (a JSON string; some versions send an object, apply_patch the
//   raw patch). Answer: top-level permissionDecision. Releases before 1.0.66 act only on "deny",
//   and nothing in the payload tells them apart, so an "ask" is sent as a deny.
import { join } from 'node:path';
import { isOpaqueEditorTool } from '../core/mcp';
import { home } from '../gate/stateDir';
import { HOOK_TIMEOUT_SECONDS, PROBE_COMMAND, flatTarget, systemPath, withManaged } from './hookFiles';
import { argvLine } from './argv';
import { patchPaths } from './patch';
import { searchScope } from './searchScope';
import { copilotWillNotRun } from './trust';
import {
  PayloadError, objectOf, optionalString, preToolUseDenies, preToolUseOutput, stringField, stringList, toolInput, type Agent, type AgentAdapter, type HookAnswer, type HookEvent, type HookOutput,
} from './types';
import { writeChange } from './writeChange';

const VS_SHELL = new Set(['run_in_terminal', 'runInTerminal', 'run_task', 'create_and_run_task']);
const VS_READ = new Set(['read_file', 'grep_search', 'file_search', 'list_dir', 'copilot_readFile', 'copilot_findTextInFiles', 'copilot_findFiles']);
const VS_WRITE = new Set(['create_file', 'replace_string_in_file', 'multi_replace_string_in_file', 'insert_edit_into_file', 'edit_notebook_file', 'apply_patch', 'edit_file']);
const VS_UNRELATED = new Set(['get_terminal_output', 'semantic_search', 'fetch_webpage', 'manage_todo_list', 'get_errors', 'runSubagent', 'list_code_usages', 'test_failure', 'get_changed_files', 'think', 'vscode_searchExtensions_internal', 'open_simple_browser']);
const CLI_SHELL = new Set(['bash', 'powershell']);
const CLI_READ = new Set(['view', 'glob', 'grep', 'rg']);
const CLI_WRITE = new Set(['edit', 'create', 'str_replace_editor', 'apply_patch']);
/** Copilot CLI's tools that touch no file's content or the shell (its own shell sessions' output, its docs, its agents' status). */
const CLI_UNRELATED = new Set(['read_bash', 'stop_bash', 'list_bash', 'fetch_copilot_cli_documentation', 'skill', 'read_agent', 'list_agents', 'report_intent', 'update_todo']);

/** VS Code's own tool names: a Claude-format hook run by VS Code receives these. */
export function isVsCodeToolName(tool: string): boolean {
  return VS_SHELL.has(tool) || VS_READ.has(tool) || VS_WRITE.has(tool) || VS_UNRELATED.has(tool) || isOpaqueEditorTool(tool) || /^mcp_(?!_)/.test(tool);
}


/**
 * Copilot CLI's apply_patch sends the patch itself as toolArgs (a live capture on 1.0.63), other
 * builds `{input}` or `{patch}`: every shape is read, so a patch is never waved through unread.
 */
function cliPatchPaths(toolArgs: unknown): string[] {
  if (typeof toolArgs === 'string') {
    try {
      return cliPatchPaths(JSON.parse(toolArgs));
    } catch {
      return patchPaths(toolArgs);
    }
  }
  const args = typeof toolArgs === 'object' && toolArgs !== null ? toolArgs as Record<string, unknown> : {};
  return ['input', 'patch', 'command'].flatMap((k) => typeof args[k] === 'string' ? patchPaths(args[k]) : []);
}

function vscodePaths(input: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const name of ['filePath', 'file_path', 'path', 'includePattern', 'query']) {
    const v = input[name];
    if (typeof v === 'string' && v !== '') out.push(v);
  }
  if (Array.isArray(input.replacements)) {
    for (const r of input.replacements) if (typeof r === 'object' && r !== null && typeof (r as Record<string, unknown>).filePath === 'string') out.push((r as Record<string, string>).filePath);
  }
  // apply_patch: VS Code sends the patch as `input`; the same tool name from Codex as `command`.
  for (const key of ['input', 'command']) if (typeof input[key] === 'string') out.push(...patchPaths(input[key]));
  return out;
}

export function isCliShape(payload: unknown): boolean {
  return typeof payload === 'object' && payload !== null && 'toolName' in payload && !('tool_name' in payload);
}

export const copilotHook: AgentAdapter = {
  parse(payload) {
    // A payload that is not an object, or names no tool, may be a shell call: deny it.
    const p = objectOf(payload, 'the hook payload', true);
    const cwd = optionalString(p, 'cwd');
    const roots: string[] = [];
    if (isCliShape(p)) {
      const tool = stringField(p, 'toolName', true);
      const shell = CLI_SHELL.has(tool);
      if (tool === 'apply_patch') {
        const patch = typeof p.toolArgs === 'string' ? p.toolArgs : JSON.stringify(p.toolArgs ?? '');
        return { kind: 'write', tool, paths: cliPatchPaths(p.toolArgs), cwd, roots, change: { edits: [{ old: '', new: patch }] } };
      }
      // write_bash types into a running shell session: what it sends is a command line.
      const typed = tool === 'write_bash';
      const known = shell || typed || CLI_READ.has(tool) || CLI_WRITE.has(tool) || CLI_UNRELATED.has(tool);
      let input: Record<string, unknown>;
      try {
        input = toolInput(p.toolArgs ?? {}, '"toolArgs"', shell || typed);
      } catch (error) {
        // An MCP or unknown tool's toolArgs that are not a JSON object are read as they are.
        if (known || !(error instanceof PayloadError)) throw error;
        input = { toolArgs: p.toolArgs };
      }
      if (shell) return { kind: 'command', tool, command: stringField(input, 'command', true), cwd, roots };
      if (typed) return { kind: 'command', tool, command: stringField(input, 'input', true), cwd, roots };
      const paths = ['path', 'file_path', 'glob'].flatMap((k) => stringList(input[k]));
      // rg: some builds name the search roots `paths`.
      paths.push(...stringList(input.paths));
      const searched = tool === 'grep' || tool === 'rg' ? searchScope(optionalString(input, 'path'), optionalString(input, 'glob'), optionalString(input, 'pattern'), input['-i'] === true) : undefined;
      if (CLI_READ.has(tool)) return { kind: 'read', tool, paths, cwd, roots, searched };
      if (CLI_WRITE.has(tool)) return { kind: 'write', tool, paths, cwd, roots, change: writeChange(input) };
      const url = optionalString(input, 'url');
      if (tool === 'web_fetch' && url !== undefined) return { kind: 'mcp', tool, input: { url }, cwd, roots };
      if (CLI_UNRELATED.has(tool)) return { kind: 'unrelated', tool, known: true, cwd, roots };
      // An MCP tool (`<server>-<tool>`; 1.0.102 called the stand-in's delete through here unread),
      // or a tool added since: its input is read in full, as an MCP call's.
      const dash = tool.indexOf('-');
      return dash > 0 ? { kind: 'mcp', tool: tool.slice(dash + 1), server: tool.slice(0, dash), input, cwd, roots } : { kind: 'mcp', tool, input, cwd, roots };
    }
    const tool = stringField(p, 'tool_name', true);
    const shell = VS_SHELL.has(tool);
    const event = p.hook_event_name ?? p.hookEventName;
    // An unexpected event name (a renamed or new event) on a tool Airlock guards is judged anyway.
    if (event !== undefined && event !== 'PreToolUse' && event !== 'preToolUse' && !shell && !VS_READ.has(tool) && !VS_WRITE.has(tool) && !tool.startsWith('mcp_') && !isOpaqueEditorTool(tool)) {
      throw new PayloadError(`the event is ${JSON.stringify(event)}; Airlock is a PreToolUse hook`, false);
    }
    const input = objectOf(p.tool_input, '"tool_input"', shell);
    if (shell) {
      // create_and_run_task carries the task it makes ({task: {type, command, args}}); run_task only
      // a task's name, whose command the terminal gate sees when it runs.
      const task = input.task !== undefined ? objectOf(input.task, '"task"', true) : undefined;
      if (tool === 'create_and_run_task' && task !== undefined) {
        const command = stringField(task, 'command', true);
        return { kind: 'command', tool, command: Array.isArray(task.args) ? argvLine([command, ...stringList(task.args)]) : command, cwd: optionalString(input, 'workspaceFolder') ?? cwd, roots };
      }
      if (tool !== 'run_in_terminal' && tool !== 'runInTerminal') return { kind: 'unrelated', tool, known: true, cwd, roots };
      return { kind: 'command', tool, command: stringField(input, 'command', true), cwd, roots };
    }
    if (VS_READ.has(tool)) {
      // grep_search's query is text unless isRegexp says otherwise.
      const query = optionalString(input, 'query');
      const pattern = query === undefined || input.isRegexp === true ? query : query.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      // Case is ignored unless the call says otherwise: the wider reading.
      const searched = tool === 'grep_search' ? searchScope(undefined, optionalString(input, 'includePattern'), pattern, input.caseSensitive !== true) : undefined;
      return { kind: 'read', tool, paths: vscodePaths(input), cwd, roots, searched };
    }
    if (VS_WRITE.has(tool)) return { kind: 'write', tool, paths: vscodePaths(input), cwd, roots, change: writeChange(input) };
    // Editor commands, extension installs and notebook cells: read as an MCP call's input is, and asked.
    if (tool.startsWith('mcp_') || isOpaqueEditorTool(tool)) return { kind: 'mcp', tool, input, cwd, roots };
    if (VS_UNRELATED.has(tool)) return { kind: 'unrelated', tool, known: true, cwd, roots };
    // A tool another extension contributes, or one added since: its input is read in full, as an MCP call's.
    return { kind: 'mcp', tool, input, cwd, roots };
  },
  // Copilot CLI acts only on "deny".
  canAsk: (_event, payload) => !isCliShape(payload),
  format(answer: HookAnswer, _event: HookEvent | undefined, payload: unknown): HookOutput {
    if (answer.quiet) return { stdout: '{}', exitCode: 0 };
    if (isCliShape(payload)) {
      return { stdout: JSON.stringify({ permissionDecision: answer.decision, permissionDecisionReason: answer.decision === 'deny' ? answer.agentMessage : answer.userMessage }), exitCode: 0 };
    }
    return preToolUseOutput(answer);
  },
};

// Copilot: one file read by VS Code agent hooks and by Copilot CLI / the coding agent, in the
// `version: 1` + `preToolUse` + `bash` form both accept (VS Code maps it to PreToolUse). Copilot
// CLI reads `timeoutSec`; VS Code reads `timeout` first (microsoft/vscode hookSchema.ts), and
// without it kills the hook at 30 s and lets the call through while the dialog is still open.
const copilotFiles = /* @__PURE__ */ flatTarget(
  (scope, projectDir, env) => scope === 'project' ? join(projectDir, '.github', 'hooks', 'airlock.json') : join(env.COPILOT_HOME || join(home(env), '.copilot'), 'hooks', 'airlock.json'),
  ['preToolUse'],
  (command) => ({ type: 'command', bash: command, timeout: HOOK_TIMEOUT_SECONDS, timeoutSec: HOOK_TIMEOUT_SECONDS }),
  (e) => e.bash ?? e.command, { version: 1 });

// Copilot CLI's policy hooks (docs.github.com hooks-reference, "Policy hooks"; 1.0.102's runtime):
// every file in /etc/github-copilot/policy.d (Linux and macOS), in the same format, loaded first,
// run whatever the folder's trust or disableAllHooks, and skipped unless owned by root and not
// group- or world-writable. VS Code does not read them.
const settings = /* @__PURE__ */ withManaged(copilotFiles, (env) => systemPath(env, 'etc/github-copilot/policy.d/50-airlock.json', 'etc/github-copilot/policy.d/50-airlock.json'));

export const copilot: Agent = {
  id: 'copilot',
  label: 'Copilot (VS Code agent hooks)',
  sources: ['code.visualstudio.com/docs/agent-customization/hooks', 'docs.github.com/en/copilot/reference/hooks-configuration', 'microsoft/vscode-copilot-chat copilotCLITools.ts'],
  hook: copilotHook,
  settings,
  traces: { user: '.copilot', project: '.github' },
  probe: (cwd) => ({ session_id: 'airlock-doctor', cwd, hook_event_name: 'PreToolUse', tool_name: 'run_in_terminal', tool_input: { command: PROBE_COMMAND } }),
  denies: preToolUseDenies,
  willNotRun: copilotWillNotRun,
};
