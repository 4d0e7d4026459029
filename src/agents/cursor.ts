// Cursor agent hooks. Schema from cursor.com/docs/hooks (read 2026-11 through a mirror of the
// docs page, and 2026-12 through a capture of it fetched 2026-08-24): every payload has
// conversation_id, generation_id, hook_event_name, workspace_roots, cursor_version.
// beforeShellExecution: command, cwd → permission allow|deny|ask + user_message + agent_message.
// beforeReadFile: file_path, content, attachments → permission allow|deny only.
// beforeMCPExecution: tool_name, tool_input (a JSON string; some versions send an object), url or
// command → as beforeShellExecution. preToolUse ("fires for all tools"; the only event that sees
// Write, Delete and Grep, and the only one cloud agents run for MCP): tool_name (Shell, Read,
// Write, Grep, Delete, Task, MCP:<tool>), tool_input (an object; only Shell's, {command,
// working_directory}, is documented, so the others' paths are read under every name seen),
// tool_use_id, cwd → permission allow|deny; "ask is accepted by the schema but not enforced",
// so there an ask is a deny. Older releases read camelCase userMessage/agentMessage, so both
// spellings are written. Exit 2 also denies; a crash, timeout or bad JSON lets the call through
// unless the hook entry has "failClosed": true, which `airlock install` writes.
import { join } from 'node:path';
import { home } from '../gate/stateDir';
import { HOOK_TIMEOUT_SECONDS, PROBE_COMMAND, flatTarget, systemPath } from './hookFiles';
import { patchPaths } from './patch';
import { searchScope } from './searchScope';
import {
  PayloadError, objectOf, optionalString, stringField, stringList, toolInput, type Agent, type AgentAdapter, type HookAnswer, type HookEvent, type HookOutput,
} from './types';
import { writeChange } from './writeChange';

const SHELL = new Set(['Shell', 'Bash', 'run_terminal_cmd']);
const READ = new Set(['Read', 'read_file', 'TabRead']);
const SEARCH = new Set(['Grep', 'grep', 'grep_search', 'codebase_search']);
const WRITE = new Set(['Write', 'Edit', 'StrReplace', 'MultiEdit', 'Delete', 'edit_file', 'search_replace', 'delete_file', 'apply_patch', 'EditNotebook']);
/** Tools that touch no file's content or the shell: allowed without a word. */
const UNRELATED = new Set(['Task', 'Glob', 'LS', 'list_dir', 'file_search', 'glob_file_search', 'WebSearch', 'web_search', 'TodoWrite', 'todo_write', 'update_memory', 'fetch_rules', 'read_lints']);
const PATH_KEYS = ['file_path', 'filePath', 'path', 'target_file', 'targetFile', 'absolute_path', 'target_notebook', 'target_directory'];
const PATH_LIST_KEYS = ['paths', 'file_paths', 'filePaths', 'target_files'];

function toolPaths(input: Record<string, unknown>): string[] {
  const out = PATH_KEYS.flatMap((k) => (typeof input[k] === 'string' && input[k] !== '' ? [input[k]] : []));
  for (const k of PATH_LIST_KEYS) out.push(...stringList(input[k]));
  for (const k of ['patch', 'input', 'command']) if (typeof input[k] === 'string') out.push(...patchPaths(input[k]));
  return out;
}

/** One preToolUse call; `cwd` is the payload's, else the first workspace root. */
function toolCall(p: Record<string, unknown>, roots: string[], cwd: string | undefined): HookEvent {
  const tool = stringField(p, 'tool_name', true);
  const shell = SHELL.has(tool);
  const input = toolInput(p.tool_input ?? {}, '"tool_input"', shell || WRITE.has(tool));
  if (shell) return { kind: 'command', tool, command: stringField(input, 'command', true), cwd: optionalString(input, 'working_directory', 'cwd') ?? cwd, roots };
  if (/^MCP[:_]/i.test(tool) || tool.startsWith('mcp__')) return { kind: 'mcp', tool: tool.replace(/^MCP:/i, ''), input, cwd, roots };
  // A fetch sends its URL out: read as a call whose only argument is the URL (a token in it is sent).
  if ((tool === 'WebFetch' || tool === 'web_fetch') && typeof input.url === 'string') return { kind: 'mcp', tool, input: { url: input.url }, cwd, roots };
  const paths = toolPaths(input);
  if (WRITE.has(tool)) {
    // A write Airlock cannot place could be over any file.
    if (paths.length === 0) throw new PayloadError(`Cursor's ${tool} call names no file Airlock can read in its input`, true);
    return { kind: 'write', tool, paths, cwd, roots, change: tool === 'Delete' || tool === 'delete_file' ? undefined : writeChange(input) };
  }
  if (SEARCH.has(tool)) {
    const base = optionalString(input, 'path', 'target_directory', 'dir_path');
    const searched = searchScope(base, optionalString(input, 'glob', 'include', 'include_pattern'), optionalString(input, 'pattern', 'query', 'regex'),
      input['-i'] === true || input.case_insensitive === true || input.case_sensitive === false);
    return { kind: 'read', tool, paths, cwd, roots, searched };
  }
  if (READ.has(tool)) {
    if (paths.length === 0) throw new PayloadError(`Cursor's ${tool} call names no file Airlock can read in its input`, true);
    return { kind: 'read', tool, paths, cwd, roots };
  }
  if (UNRELATED.has(tool)) return { kind: 'unrelated', tool, known: true, cwd, roots };
  // A tool Airlock does not know (an MCP tool under a bare name, a new built-in): a command line it
  // carries is judged as one, and otherwise its input is read in full, as an MCP call's is.
  if (typeof input.command === 'string') return { kind: 'command', tool, command: input.command, cwd: optionalString(input, 'working_directory', 'cwd') ?? cwd, roots };
  return { kind: 'mcp', tool, input, cwd, roots };
}

/** Whether a payload comes from Cursor: its hooks (and the Claude-format hooks it runs) carry these. */
export function isCursorPayload(payload: Record<string, unknown>): boolean {
  return typeof payload.cursor_version === 'string' || (typeof payload.conversation_id === 'string' && typeof payload.generation_id === 'string');
}

export const cursorHook: AgentAdapter = {
  parse(payload) {
    const p = objectOf(payload, 'the hook payload', true);
    const event = stringField(p, 'hook_event_name', true);
    const roots = stringList(p.workspace_roots);
    const cwd = optionalString(p, 'cwd') ?? roots[0];
    switch (event) {
      case 'beforeShellExecution':
        return { kind: 'command', tool: event, command: stringField(p, 'command', true), cwd, roots };
      case 'beforeReadFile': {
        const paths = [stringField(p, 'file_path', false)];
        if (Array.isArray(p.attachments)) {
          for (const a of p.attachments) if (typeof a === 'object' && a !== null && typeof (a as Record<string, unknown>).file_path === 'string') paths.push((a as Record<string, string>).file_path);
        }
        return { kind: 'read', tool: event, paths, cwd, roots };
      }
      case 'preToolUse':
      // A Claude-format hook Cursor runs is told Claude's event name.
      case 'PreToolUse':
        return toolCall(p, roots, cwd);
      case 'beforeMCPExecution':
        return {
          kind: 'mcp', tool: stringField(p, 'tool_name', true), input: toolInput(p.tool_input, '"tool_input"', true),
          server: optionalString(p, 'url', 'command'), cwd, roots,
        };
      default:
        // An event by another name (renamed, or new) carrying a command or a tool call is judged as one.
        if (p.command !== undefined) return { kind: 'command', tool: event, command: stringField(p, 'command', true), cwd, roots };
        if (p.tool_name !== undefined) return toolCall(p, roots, cwd);
        throw new PayloadError(`hook_event_name "${event}" is not one Airlock answers (beforeShellExecution, beforeReadFile, beforeMCPExecution, preToolUse)`, false);
    }
  },
  // beforeReadFile knows only allow and deny; preToolUse does not enforce an ask.
  canAsk: (event, payload) => event.kind !== 'read' && !/^pretooluse$/i.test(String((payload as Record<string, unknown> | null)?.hook_event_name)),
  format(answer: HookAnswer, _event: HookEvent | undefined): HookOutput {
    const permission = answer.decision;
    if (answer.quiet) return { stdout: JSON.stringify({ permission }), exitCode: 0 };
    return {
      stdout: JSON.stringify({
        permission,
        user_message: answer.userMessage,
        agent_message: answer.agentMessage,
        userMessage: answer.userMessage,
        agentMessage: answer.agentMessage,
      }),
      exitCode: 0,
    };
  },
};

// Cursor (cursor.com/docs/hooks): fails open unless `failClosed` is set; timeout in seconds.
// preToolUse is the only event that sees Write, Delete and Grep (and a cloud agent's MCP calls).
const cursorFiles = /* @__PURE__ */ flatTarget(
  (scope, projectDir, env) => scope === 'project' ? join(projectDir, '.cursor', 'hooks.json') : join(home(env), '.cursor', 'hooks.json'),
  ['beforeShellExecution', 'beforeReadFile', 'beforeMCPExecution', 'preToolUse'],
  (command) => ({ command, timeout: HOOK_TIMEOUT_SECONDS, failClosed: true }),
  (e) => e.command, { version: 1 });

export const cursor: Agent = {
  id: 'cursor',
  label: 'Cursor',
  sources: ['cursor.com/docs/hooks', 'cursor.com/docs/reference/third-party-hooks'],
  hook: cursorHook,
  // The enterprise file every Cursor on the machine runs before project and user hooks.
  settings: { ...cursorFiles, managed: (env) => systemPath(env, 'etc/cursor/hooks.json', 'Library/Application Support/Cursor/hooks.json') },
  traces: { user: '.cursor', project: '.cursor' },
  probe: (cwd) => ({ conversation_id: 'airlock-doctor', hook_event_name: 'beforeShellExecution', workspace_roots: [cwd], command: PROBE_COMMAND, cwd }),
  denies: (answer) => answer.permission === 'deny',
  contextFile: { agent: 'cursor', label: 'Cursor', file: '.cursorignore', format: 'gitignore', extensions: [], workspaceMarks: ['.cursor', '.cursorrules'], homeMarks: ['.cursor'], appName: /cursor/i },
};
