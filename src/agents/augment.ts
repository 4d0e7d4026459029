// Augment Code: the Auggie CLI (npm @augmentcode/auggie) and the IDE extensions. Contract from
// docs.augmentcode.com/cli/hooks (and /cli/v0/hooks, /cli/hooks-examples, /cli/permissions), read
// 2027-01, and from @augmentcode/auggie 0.36.0's own code (its tool schemas and hook runner; it
// needs a hosted sign-in, so it is read here, not run).
// - Settings: `hooks` in settings.json in Claude's shape ({"hooks":{"PreToolUse":[{matcher (a
//   regex on the tool name), hooks:[{type:"command", command, timeout (ms, default 60000)}]}]}}):
//   `~/.augment/settings.json` (CLI, VS Code, IntelliJ), `<workspace>/.augment/settings.json` and
//   `settings.local.json` (CLI only), and the managed `/etc/augment/settings.json` above them. The
//   docs call `command` the path of a .sh script; its runner passes a command holding shell
//   characters (| & ; < > $ `) to `bash -c`, so Airlock's command line runs as written.
// - Payload: hook_event_name "PreToolUse", conversation_id, workspace_roots[], tool_name,
//   tool_input; MCP calls add is_mcp_tool true and mcp_server_name, their tools named
//   `<tool>_<server>`. Tools: launch-process {command, cwd, wait}, shell {command, args, env, cwd}
//   (a program run with its arguments), write-process {terminal_id, input_text}, view {path,
//   view_range, search_query_regex}, view-range-untruncated {reference_id, start_line, end_line} (a slice of an earlier output), save-file {path,
//   file_content}, str-replace-editor {command, path, old_str/new_str or old_str_1/new_str_1, …,
//   insert_line_1}, apply_patch {input}, remove-files {file_paths[]}, grep-search
//   {directory_absolute_path, search_term, files_include_glob_pattern, files_exclude_glob_pattern},
//   search-untruncated {reference_id, search_term} (within an earlier output), web-fetch {url},
//   github-api and linear (remote APIs). With its compact tool surface (a server flag) the tools
//   are bash {command}, read {path, offset, limit}, write {path, content}, edit {path, edits:
//   [{oldText, newText}]}, grep {pattern, path, glob, ignoreCase, literal, context}, find and ls
//   (names only). Every matching hook runs, in parallel.
// - Answer: exit 0 with {"hookSpecificOutput":{"hookEventName":"PreToolUse","permissionDecision":
//   "deny","permissionDecisionReason"}}, or exit 2 with stderr. "Only deny is supported; allow
//   and ask will be implemented in a future release": so an ask is a deny here and anything else
//   is said with nothing at all. Any other exit, a crash included, and a run past its timeout
//   (60 s unless set), lets the call through: the launcher turns a crash into exit 2.
import { HOOK_TIMEOUT_SECONDS, PROBE_COMMAND, hookGroupTarget, nestedTarget, systemPath, type AgentTarget } from './hookFiles';
import { argvLine } from './argv';
import { patchPaths } from './patch';
import { searchScope } from './searchScope';
import {
  PayloadError, objectOf, optionalString, preToolUseOutput, stringField, stringList, type Agent, type AgentAdapter, type HookEvent,
} from './types';
import type { WriteChange } from '../core/settingsChange';

const READ = new Set(['view', 'view-range-untruncated', 'grep-search', 'read', 'grep']);
const WRITE = new Set(['save-file', 'str-replace-editor', 'remove-files', 'apply_patch', 'write', 'edit']);
/** Remote services it calls on the user's behalf: their input is judged as an MCP call's. */
const REMOTE = new Set(['github-api', 'linear']);
/** Tools that touch no file's content or the shell: allowed without a word. */
const UNRELATED = new Set(['codebase-retrieval', 'web-search', 'search-untruncated', 'find', 'ls', 'read-process', 'kill-process', 'list-processes', 'read-terminal', 'remember', 'diagnostics',
  'view_tasklist', 'add_tasks', 'update_tasks', 'reorganize_tasklist', 'render-mermaid']);

/** str-replace-editor's pairs: old_str/new_str, or numbered (old_str_1/new_str_1, …); an insert has only its new text. */
function numberedEdits(input: Record<string, unknown>): WriteChange | undefined {
  const edits: { old: string; new: string }[] = [];
  if (typeof input.old_str === 'string' || typeof input.new_str === 'string') edits.push({ old: optionalString(input, 'old_str') ?? '', new: optionalString(input, 'new_str') ?? '' });
  for (let n = 1; typeof input[`old_str_${n}`] === 'string' || typeof input[`new_str_${n}`] === 'string'; n++) {
    edits.push({ old: optionalString(input, `old_str_${n}`) ?? '', new: optionalString(input, `new_str_${n}`) ?? '' });
  }
  return edits.length > 0 ? { edits } : undefined;
}

function writeCall(tool: string, input: Record<string, unknown>, cwd: string | undefined, roots: readonly string[]): HookEvent {
  if (tool === 'remove-files') {
    const paths = stringList(input.file_paths);
    // A removal Airlock cannot place could be of any file.
    if (paths.length === 0) throw new PayloadError('Augment\'s remove-files call names no file Airlock can read', true);
    return { kind: 'write', tool, paths, cwd, roots };
  }
  if (tool === 'apply_patch') {
    const patch = optionalString(input, 'input', 'patch') ?? '';
    const paths = patchPaths(patch);
    // A patch Airlock cannot place could be over any file.
    if (paths.length === 0) throw new PayloadError('Augment\'s apply_patch call names no file Airlock can read in its patch', true);
    return { kind: 'write', tool, paths, cwd, roots, change: { edits: [{ old: '', new: patch }] } };
  }
  // The compact tool surface's edit: {path, edits: [{oldText, newText}]}.
  if (tool === 'edit' && Array.isArray(input.edits)) {
    const edits = input.edits.map((e) => objectOf(e, '"edits[]"', true)).map((e) => ({ old: optionalString(e, 'oldText') ?? '', new: optionalString(e, 'newText') ?? '' }));
    return { kind: 'write', tool, paths: [stringField(input, 'path', true)], cwd, roots, change: { edits } };
  }
  const content = optionalString(input, 'file_content', 'content');
  return { kind: 'write', tool, paths: [stringField(input, 'path', true)], cwd, roots, change: content !== undefined ? { content } : numberedEdits(input) };
}

function readCall(tool: string, input: Record<string, unknown>, cwd: string | undefined, roots: readonly string[]): HookEvent {
  // view-range-untruncated reads a slice of an earlier, truncated output ({reference_id, …}) unless it names a file.
  if (tool === 'view-range-untruncated' && optionalString(input, 'path', 'file_path') === undefined) return { kind: 'unrelated', tool, known: true, cwd, roots };
  if (tool === 'view' || tool === 'view-range-untruncated' || tool === 'read') {
    const path = optionalString(input, 'path', 'file_path');
    if (path === undefined) throw new PayloadError('Augment\'s view call names no file Airlock can read', true);
    return { kind: 'read', tool, paths: [path], cwd, roots };
  }
  const base = optionalString(input, 'directory_absolute_path', 'path', 'directory');
  const context = ['context_lines_before', 'context_lines_after', 'context'].some((k) => typeof input[k] === 'number' && input[k] > 0);
  // The compact surface's grep is case-sensitive unless ignoreCase; grep-search the other way round (the wider reading each).
  const ignoreCase = tool === 'grep' ? input.ignoreCase === true : input.case_sensitive !== true;
  const searched = searchScope(base, optionalString(input, 'files_include_glob_pattern', 'include', 'glob'), optionalString(input, 'search_term', 'query', 'pattern', 'regex'),
    ignoreCase, context);
  return { kind: 'read', tool, paths: base ? [base] : [], cwd, roots, searched };
}

/** `<tool>_<server>` as the tool's own name, where the server is named. */
function mcpTool(name: string, server: string | undefined): string {
  return server && name.endsWith(`_${server}`) && name.length > server.length + 1 ? name.slice(0, -(server.length + 1)) : name;
}

export const augmentHook: AgentAdapter = {
  parse(payload) {
    // A payload that is not an object, or names no tool, may be a shell call: deny it.
    const p = objectOf(payload, 'the hook payload', true);
    const tool = stringField(p, 'tool_name', true);
    const shell = tool === 'launch-process' || tool === 'write-process' || tool === 'shell' || tool === 'bash';
    const mcp = p.is_mcp_tool === true;
    // An unexpected event name (a renamed or new event) on a tool Airlock guards is judged anyway.
    if (p.hook_event_name !== undefined && p.hook_event_name !== 'PreToolUse' && !shell && !mcp && !READ.has(tool) && !WRITE.has(tool)) {
      throw new PayloadError(`hook_event_name is ${JSON.stringify(p.hook_event_name)}; Airlock is a PreToolUse hook`, false);
    }
    const input = objectOf(p.tool_input, '"tool_input"', shell || WRITE.has(tool));
    const roots = stringList(p.workspace_roots);
    const cwd = roots[0];
    if (tool === 'launch-process' || tool === 'bash') return { kind: 'command', tool, command: stringField(input, 'command', true), cwd: optionalString(input, 'cwd') ?? cwd, roots };
    // shell runs a program with its arguments, judged as the line that would run the same; with no
    // args, its command may be a whole line, and is judged as one.
    if (tool === 'shell') {
      const command = stringField(input, 'command', true);
      return { kind: 'command', tool, command: Array.isArray(input.args) ? argvLine([command, ...stringList(input.args)]) : command, cwd: optionalString(input, 'cwd') ?? cwd, roots };
    }
    // write-process types into a running process: what it sends is a command line.
    if (tool === 'write-process') {
      const typed = optionalString(input, 'input_text', 'input', 'text');
      if (typed === undefined) throw new PayloadError('Augment\'s write-process call carries no text Airlock can read', true);
      return { kind: 'command', tool, command: typed, cwd, roots };
    }
    if (mcp) {
      const server = optionalString(p, 'mcp_server_name');
      return { kind: 'mcp', tool: mcpTool(tool, server), input, server, cwd, roots };
    }
    if (WRITE.has(tool)) return writeCall(tool, input, cwd, roots);
    if (READ.has(tool)) return readCall(tool, input, cwd, roots);
    if (REMOTE.has(tool)) return { kind: 'mcp', tool, input, server: tool, cwd, roots };
    // A fetch, or a browser opening a page, sends its URL out: read as a call whose only argument is the URL.
    const url = optionalString(input, 'url');
    if ((tool === 'web-fetch' || tool === 'open-browser') && url !== undefined) return { kind: 'mcp', tool, input: { url }, cwd, roots };
    if (UNRELATED.has(tool)) return { kind: 'unrelated', tool, known: true, cwd, roots };
    // A tool Airlock does not know (an MCP tool sent without is_mcp_tool, a new built-in): its input
    // is read in full, as an MCP call's is, so a command, SQL or secret path in it is found.
    return { kind: 'mcp', tool, input, server: optionalString(p, 'mcp_server_name'), cwd, roots };
  },
  canAsk: () => false,
  // Anything but a deny is written as nothing at all: Augment acts on a deny alone.
  format: (answer) => (answer.decision === 'deny' ? preToolUseOutput(answer) : { stdout: '', exitCode: 0 }),
};

// Every tool: the adapter lets through what it does not guard. The timeout is in milliseconds.
const augmentBase = /* @__PURE__ */ nestedTarget('.augment', '.augment', 'PreToolUse', '.*',
  (command) => ({ type: 'command', command, timeout: HOOK_TIMEOUT_SECONDS * 1000 }));

const settings: AgentTarget = {
  ...hookGroupTarget(augmentBase),
  // docs.augmentcode.com/cli/hooks: the system file, read by the CLI and the IDE extensions, that no user setting overrides.
  managed: (env) => systemPath(env, 'etc/augment/settings.json', 'etc/augment/settings.json'),
};

export const augment: Agent = {
  id: 'augment',
  label: 'Augment Code',
  sources: ['docs.augmentcode.com/cli/hooks', 'docs.augmentcode.com/cli/v0/hooks', 'docs.augmentcode.com/cli/permissions'],
  hook: augmentHook,
  settings,
  traces: { user: '.augment', project: '.augment' },
  probe: (cwd) => ({
    hook_event_name: 'PreToolUse', conversation_id: 'airlock-doctor', workspace_roots: [cwd], tool_name: 'launch-process', tool_input: { command: PROBE_COMMAND, cwd, wait: true },
    is_mcp_tool: false,
  }),
  denies: (answer) => (answer.hookSpecificOutput as Record<string, unknown> | undefined)?.permissionDecision === 'deny',
  contextFile: {
    agent: 'augment', label: 'Augment Code', file: '.augmentignore', format: 'gitignore', extensions: ['augment.vscode-augment'], workspaceMarks: ['.augment'], homeMarks: ['.augment'],
  },
};
