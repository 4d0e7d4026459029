// Cline (the VS Code extension and the `cline` CLI). Contract from cline/cline, read 2027-01:
// docs/customization/hooks.mdx, docs/features/hooks/hook-reference.mdx, .clinerules/hooks/README.md;
// src/core/hooks/hook-factory.ts (StdioHookRunner, CombinedHookRunner, 30 s timeout),
// src/core/hooks/HookProcess.ts, src/core/task/tools/utils/ToolHookUtils.ts, src/core/storage/disk.ts
// (hooks folders, getDocumentsPath), src/shared/tools.ts and src/core/prompts/system-prompt/tools/*
// (tool names and parameters), src/services/ripgrep/index.ts (how search_files searches). The
// SDK-based CLI (npm `cline` 3.0.65, @cline/core 0.0.86: hook-file-config, subprocess hooks, its
// tool schemas) was read from its package and run here (test/agents/cline.agent.ts).
// - A hook is an executable file named after its event, with no extension: `PreToolUse` in
//   `<root>/.clinerules/hooks/` of every workspace root, and in `<Documents>/Cline/Hooks/` for the
//   user (Documents: on Linux what `xdg-user-dir DOCUMENTS` prints where that tool is installed,
//   else ~/Documents). The CLI reads those two and ~/.cline/hooks and `<root>/.cline/hooks`, and
//   runs each file with the interpreter of its #! line. Every one found runs, and any cancel wins.
//   So Airlock's entry is a whole file: a small sh script that runs Airlock's command, never
//   written over a PreToolUse of the user's.
// - The extension runs hooks only with "Enable Hooks" on (kept in the editor's state, not in a
//   file Airlock reads), and skips a hook file it cannot execute. The CLI runs them always.
// - Payload on stdin: clineVersion, hookName, timestamp, taskId, workspaceRoots[], userId, and
//   preToolUse {toolName (older docs: tool), parameters: the tool's parameters, every value as
//   text}. The extension's hookName is "PreToolUse"; the CLI's is "tool_call", and it sends the
//   call as the model gave it too, in tool_call {id, name, input}. Commands run in the first
//   workspace root, and paths are relative to it.
// - The extension's tools: execute_command (GPT models: bash) {command, requires_approval},
//   read_file {path}, list_code_definition_names {path}, write_to_file {path, content},
//   replace_in_file {path, diff: SEARCH/REPLACE blocks}, apply_patch {input}, new_rule {path,
//   content}, search_files {path, regex, file_pattern}, use_mcp_tool {server_name, tool_name,
//   arguments: JSON text}, access_mcp_resource {server_name, uri}, web_fetch {url}, browser_action
//   {action, url}.
// - The CLI's tools (each schema also takes a bare list or string): run_commands {commands:
//   [line | {command, args}]}, read_files {files: [{path, start_line, end_line}]} (or file_paths,
//   paths), search_codebase {queries: [regex]} over the whole workspace with two lines around each
//   match, editor {path, old_text, new_text, insert_line}, apply_patch {input}, fetch_web_content
//   {requests: [{url, prompt}]}, ask_question, spawn_agent, team_*; an MCP tool is `<server>__<tool>`.
// - Answer: JSON on stdout. {"cancel": true, "errorMessage"} blocks, and cancels the whole task
//   (the extension's user resumes it; the CLI's run ends "aborted"); {"cancel": false} goes on.
//   There is no ask (Cline's own approval came first), so an ask is a deny. Only exit 0 is read: a
//   hook that exits otherwise, crashes, prints no JSON or runs past its time (the extension's 30 s,
//   fixed; the CLI's 120 s) lets the call through, so the script answers any failure of Airlock's
//   command with a cancel itself, and a dialog is closed before 30 s.
import { argvLine } from './argv';
import { accessSync, constants, readFileSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';
import { home } from '../gate/stateDir';
import { PROBE_COMMAND, scriptTarget, withManaged } from './hookFiles';
import { patchPaths } from './patch';
import { searchScope } from './searchScope';
import { PayloadError, objectOf, optionalString, stringField, stringList, type Agent, type AgentAdapter, type HookEvent } from './types';
import type { WriteChange } from '../core/settingsChange';

type Env = Readonly<Record<string, string | undefined>>;

const SHELL = new Set(['execute_command', 'bash']);
const READ = new Set(['read_file', 'list_code_definition_names']);
const WRITE = new Set(['write_to_file', 'replace_in_file', 'apply_patch', 'new_rule']);
/** Tools that touch no file's content or the shell (list_files returns names only): allowed without a word. */
const UNRELATED = new Set(['list_files', 'ask_followup_question', 'attempt_completion', 'plan_mode_respond', 'act_mode_respond', 'new_task', 'load_mcp_documentation',
  'focus_chain', 'web_search', 'ask_question', 'condense', 'summarize_task', 'report_bug', 'generate_explanation', 'search_subagent', 'use_skill']);

/** replace_in_file's SEARCH/REPLACE blocks (`------- SEARCH` … `=======` … `+++++++ REPLACE`; older prompts `<<<<<<<`/`>>>>>>>`). */
const BLOCK = /^[-<]{3,} ?SEARCH>?[^\S\n]*\n([\s\S]*?)^={3,}[^\S\n]*\n([\s\S]*?)^[+>]{3,} ?REPLACE>?[^\S\n]*$/gm;

/** What a replace_in_file diff changes; one Airlock cannot read counts as new text throughout. */
function diffChange(diff: string): WriteChange {
  const edits = [...diff.matchAll(BLOCK)].map((m) => ({ old: (m[1] ?? '').replace(/\n$/, ''), new: (m[2] ?? '').replace(/\n$/, '') }));
  return { edits: edits.length > 0 ? edits : [{ old: '', new: diff }] };
}

function writeCall(tool: string, params: Record<string, unknown>, cwd: string | undefined, roots: readonly string[]): HookEvent {
  if (tool === 'apply_patch') {
    const patch = optionalString(params, 'input', 'patch') ?? '';
    const paths = patchPaths(patch);
    // A patch Airlock cannot place could be over any file.
    if (paths.length === 0) throw new PayloadError('Cline\'s apply_patch call names no file Airlock can read in its patch', true);
    return { kind: 'write', tool, paths, cwd, roots, change: { edits: [{ old: '', new: patch }] } };
  }
  const paths = [stringField(params, 'path', true)];
  const diff = optionalString(params, 'diff');
  const content = optionalString(params, 'content');
  const change = tool === 'replace_in_file' && diff !== undefined ? diffChange(diff) : content !== undefined ? { content } : undefined;
  return { kind: 'write', tool, paths, cwd, roots, change };
}

/** use_mcp_tool's `arguments`: JSON text, read as its object (else as the text itself); an object as it is. */
function mcpArguments(value: unknown): unknown {
  if (typeof value !== 'string') return value ?? {};
  if (value.trim() === '') return {};
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return { arguments: value };
  }
}

/** A value given as JSON text (the SDK's stringified `parameters`), read as what it holds. */
function unwrapped(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

function plainObject(v: unknown): Record<string, unknown> | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? v as Record<string, unknown> : undefined;
}

/** A list given as one item, a list, or JSON text of either. */
function listOf(value: unknown): unknown[] {
  const v = unwrapped(value);
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

/**
 * run_commands' commands (cline 3.x, apps/cli run_commands schema): shell lines, or {command,
 * args} run without a shell (with no `args` key, `command` is a shell line), as {commands: […]},
 * {command}, {cmd}, a list or one line. Each runs in its own shell, except that lines up to a
 * heredoc's end word are run together as one.
 */
function sdkCommands(input: unknown): string[] {
  const v = unwrapped(input);
  const o = plainObject(v);
  const items = o === undefined ? listOf(v) : 'commands' in o ? listOf(o.commands) : typeof o.command === 'string' && !('args' in o) ? [o.command] : 'cmd' in o ? listOf(o.cmd) : [o];
  const lines = items.map((item) => {
    if (typeof item === 'string') return item;
    const c = typeof item === 'object' && item !== null ? item as Record<string, unknown> : {};
    if (typeof c.command !== 'string') throw new PayloadError('Cline\'s run_commands call holds a command Airlock cannot read', true);
    return 'args' in c ? argvLine([c.command, ...stringList(c.args)]) : c.command;
  });
  return withHeredocs(lines);
}

/** Lines from one opening a heredoc to the one holding only its end word, joined as Cline runs them. */
function withHeredocs(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const m = /(?<![<])<<-?\s*(?:"([^"]+)"|'([^']+)'|([A-Za-z0-9_./-]+))/.exec(line);
    const word = m?.[1] ?? m?.[2] ?? m?.[3];
    const end = word === undefined ? -1 : lines.findIndex((l, k) => k > i && l.trim() === word);
    if (end === -1) {
      out.push(line);
      continue;
    }
    out.push(lines.slice(i, end + 1).join('\n'));
    i = end;
  }
  return out;
}

/** read_files' files (cline 3.x): {files}, {file_paths}, {paths}, a list or one, each a path or {path | file_path | filePath}. */
function sdkReadPaths(input: unknown): string[] {
  const v = unwrapped(input);
  const o = plainObject(v);
  const items = o === undefined ? listOf(v) : 'files' in o ? listOf(o.files) : 'file_paths' in o ? listOf(o.file_paths) : 'paths' in o ? listOf(o.paths) : [o];
  return items.map((item) => {
    if (typeof item === 'string') return item;
    const f = typeof item === 'object' && item !== null ? item as Record<string, unknown> : {};
    const path = [f.path, f.file_path, f.filePath].find((x): x is string => typeof x === 'string');
    if (path === undefined) throw new PayloadError('Cline\'s read_files call names a file Airlock cannot read', true);
    return path;
  });
}

/** search_codebase's regexes (cline 3.x): {queries: […] | one}, a list or one; any one matching shows the file. */
function sdkQueries(input: unknown): string[] {
  const v = unwrapped(input);
  const o = plainObject(v);
  return stringList(o === undefined ? v : unwrapped(o.queries));
}

/** An MCP tool as the SDK-based CLI names it: `<server>__<tool>`. */
function mcpName(tool: string): { server?: string; tool: string } {
  const at = tool.indexOf('__');
  return at > 0 && at < tool.length - 2 ? { server: tool.slice(0, at), tool: tool.slice(at + 2) } : { tool };
}

function toolCall(tool: string, params: Record<string, unknown>, roots: readonly string[]): HookEvent {
  const cwd = roots[0];
  if (SHELL.has(tool)) return { kind: 'command', tool, command: stringField(params, 'command', true), cwd: optionalString(params, 'cwd') ?? cwd, roots };
  // The SDK-based CLI (cline 3.x): run_commands, read_files, search_codebase, editor, apply_patch, fetch_web_content.
  if (tool === 'run_commands') {
    const commands = sdkCommands(params);
    if (commands.length === 0) throw new PayloadError('Cline\'s run_commands call carries no command Airlock can read', true);
    return { kind: 'command', tool, command: commands.join('\n'), cwd, roots, separately: commands };
  }
  if (tool === 'read_files') {
    const paths = sdkReadPaths(params);
    if (paths.length === 0) throw new PayloadError('Cline\'s read_files call names no file Airlock can read', true);
    return { kind: 'read', tool, paths, cwd, roots };
  }
  if (tool === 'search_codebase') {
    // It searches the whole workspace and prints two lines around each match; any query matching shows the file.
    const queries = sdkQueries(params);
    const pattern = queries.length === 1 ? queries[0] : queries.length > 1 ? queries.map((q) => `(?:${q})`).join('|') : undefined;
    return { kind: 'read', tool, paths: [], cwd, roots, searched: searchScope(cwd, undefined, pattern, false, true) };
  }
  if (tool === 'editor' || tool === 'write_file') {
    const path = optionalString(params, 'path', 'file_path');
    if (path === undefined) throw new PayloadError(`Cline's ${tool} call names no file Airlock can read`, true);
    if (params.command === 'view') return { kind: 'read', tool, paths: [path], cwd, roots };
    // editor {path, old_text?, new_text, insert_line?}: old_text replaced, else new_text inserted or the whole new file.
    const oldText = optionalString(params, 'old_text', 'old_str');
    const newText = optionalString(params, 'new_text', 'file_text', 'content', 'new_str');
    const change: WriteChange | undefined = newText === undefined ? undefined : oldText !== undefined ? { edits: [{ old: oldText, new: newText }] }
      : params.insert_line !== undefined && params.insert_line !== null ? { edits: [{ old: '', new: newText }] } : { content: newText };
    return { kind: 'write', tool, paths: [path], cwd, roots, change };
  }
  if (tool === 'apply_patch' && typeof unwrapped(params.input) !== 'string' && typeof params.patch !== 'string') {
    throw new PayloadError('Cline\'s apply_patch call names no file Airlock can read in its patch', true);
  }
  if (WRITE.has(tool)) return writeCall(tool, params, cwd, roots);
  if (READ.has(tool)) return { kind: 'read', tool, paths: [stringField(params, 'path', false)], cwd, roots };
  if (tool === 'search_files') {
    const path = optionalString(params, 'path');
    // ripgrep, as Cline runs it: case-sensitive, the whole tree without a file_pattern, a line of context around each match.
    return { kind: 'read', tool, paths: path ? [path] : [], cwd, roots, searched: searchScope(path, optionalString(params, 'file_pattern'), optionalString(params, 'regex'), false, true) };
  }
  if (tool === 'use_mcp_tool') {
    return { kind: 'mcp', tool: stringField(params, 'tool_name', false), input: mcpArguments(params.arguments), server: optionalString(params, 'server_name'), cwd, roots };
  }
  if (tool === 'access_mcp_resource') return { kind: 'mcp', tool, input: { uri: optionalString(params, 'uri') ?? '' }, server: optionalString(params, 'server_name'), cwd, roots };
  // A fetch, or a browser opening a page, sends its URL out: read as a call whose only argument is the URL.
  const url = optionalString(params, 'url');
  if ((tool === 'web_fetch' || tool === 'browser_action') && url !== undefined) return { kind: 'mcp', tool, input: { url }, cwd, roots };
  // Its own team_* tools; an MCP server named "team…" has `__` in its tools' names.
  if (UNRELATED.has(tool) || tool === 'browser_action' || (tool.startsWith('team_') && !tool.includes('__'))) return { kind: 'unrelated', tool, known: true, cwd, roots };
  // Any other tool — an MCP server's (`<server>__<tool>` in the SDK-based CLI), fetch_web_content,
  // one added since — is read as an MCP call, its input in full: a command, SQL or secret path in it is found.
  const named = mcpName(tool);
  return { kind: 'mcp', tool: named.tool, input: params, server: named.server, cwd, roots };
}

/** Where the SDK-based CLI's tools take a bare list or string (its schemas accept one), the field it stands for. */
const BARE_INPUT: Readonly<Record<string, string>> = { run_commands: 'commands', read_files: 'files', search_codebase: 'queries' };

/** Events that come before a tool runs: the extension's PreToolUse, the SDK-based CLI's tool_call. */
const BEFORE_TOOL = new Set(['PreToolUse', 'tool_call']);

export const clineHook: AgentAdapter = {
  parse(payload) {
    // A payload that is not an object, or names no tool, may be a shell call: deny it.
    const p = objectOf(payload, 'the hook payload', true);
    if (typeof p.hookName === 'string' && !BEFORE_TOOL.has(p.hookName) && p.preToolUse === undefined && p.tool_call === undefined) {
      throw new PayloadError(`hookName is ${JSON.stringify(p.hookName)}; Airlock is a PreToolUse hook`, false);
    }
    // The SDK-based CLI sends the call twice: tool_call {name, input} as the model gave it, and
    // preToolUse {toolName, parameters} with every value turned to text. The first is read where sent.
    const sdk = p.tool_call === undefined ? undefined : objectOf(p.tool_call, '"tool_call"', true);
    const call = p.preToolUse === undefined && sdk ? {} : objectOf(p.preToolUse, '"preToolUse"', true);
    const tool = optionalString(call, 'toolName', 'tool') ?? (sdk ? optionalString(sdk, 'name') : undefined);
    if (tool === undefined) throw new PayloadError('"preToolUse.toolName" is missing or not a string', true);
    const raw = sdk && sdk.input !== undefined ? sdk.input : call.parameters ?? {};
    const params = plainObject(raw)
      ?? (typeof raw === 'string' || Array.isArray(raw) ? { [BARE_INPUT[tool] ?? 'input']: raw } : objectOf(raw, '"preToolUse.parameters"', true));
    return toolCall(tool, params, stringList(p.workspaceRoots));
  },
  canAsk: () => false,
  // Cline kills a hook after a fixed 30 s and then runs the call (the SDK-based CLI waits longer).
  answerWithinMs: 30_000,
  // errorMessage is what the person sees as the task stops; they resume it, or not.
  format: (answer) => ({ stdout: JSON.stringify(answer.decision === 'deny' ? { cancel: true, errorMessage: answer.userMessage } : { cancel: false }), exitCode: 0 }),
};

function onPath(program: string, env: Env): boolean {
  return (env.PATH ?? '').split(delimiter).some((dir) => {
    try {
      accessSync(join(dir, program), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/**
 * The Documents folder as Cline finds it (disk.ts getDocumentsPath): on Linux, where `xdg-user-dir`
 * is installed, its answer — XDG_DOCUMENTS_DIR from user-dirs.dirs, else the home folder — and
 * ~/Documents everywhere else.
 */
export function clineDocuments(env: Env, platform: NodeJS.Platform = process.platform): string {
  const userHome = home(env);
  if (platform !== 'linux' || !onPath('xdg-user-dir', env)) return join(userHome, 'Documents');
  let dirs = '';
  try {
    dirs = readFileSync(join(env.XDG_CONFIG_HOME || join(userHome, '.config'), 'user-dirs.dirs'), 'utf8');
  } catch {
    // none: xdg-user-dir answers with the home folder
  }
  const m = /^XDG_DOCUMENTS_DIR="(\$HOME)?([^"]*)"/m.exec(dirs);
  if (!m) return userHome;
  const dir = m[2] ?? '';
  return m[1] ? join(userHome, dir) : isAbsolute(dir) ? dir : userHome;
}

const MARKER = '# airlock-hook v1';

/**
 * The PreToolUse file: Airlock's command in a subshell, its answer passed on. Cline reads any exit
 * but 0, and an answer that is no JSON, as "go on": a failed command is answered with a cancel here.
 */
function hookScript(command: string): string {
  return `#!/bin/sh
${MARKER} (Cline PreToolUse)
# Written by \`airlock install\`, removed by \`airlock uninstall\`; rewritten, so edits are lost.
# Cline lets a call through when its hook fails, so a failure is answered here with a cancel.
answer=$(
${command}
)
status=$?
if [ "$status" -eq 0 ] && [ -n "$answer" ]; then
  printf '%s\\n' "$answer"
  exit 0
fi
printf '%s\\n' '{"cancel":true,"errorMessage":"Airlock could not judge this call (its hook exited with status '"$status"'; see the hook output), so Cline stopped the task rather than run it unguarded. Run: airlock doctor"}'
exit 0
`;
}

function commandIn(text: string): string | undefined {
  return /^answer=\$\(\n([\s\S]*?)\n\)\nstatus=\$\?$/m.exec(text)?.[1];
}

const settings = /* @__PURE__ */ scriptTarget(
  (scope, projectDir, env) => (scope === 'project' ? join(projectDir, '.clinerules', 'hooks', 'PreToolUse') : join(clineDocuments(env), 'Cline', 'Hooks', 'PreToolUse')),
  {
    marker: MARKER,
    whenTheirs: 'Cline runs the PreToolUse of every hooks folder, the project\'s and your own: install Airlock in the other scope (--scope user or project), or move yours aside and run the command again.',
    runs: true,
  },
  hookScript, commandIn);

/** Cline skips a hook file it cannot execute (hook-factory.ts ignores EACCES). */
function clineWillNotRun(file: string): string | undefined {
  try {
    accessSync(file, constants.X_OK);
    return undefined;
  } catch {
    return `Cline skips a hook file it cannot execute: chmod +x ${file}`;
  }
}

export const cline: Agent = {
  id: 'cline',
  label: 'Cline',
  sources: ['cline/cline docs/features/hooks/hook-reference.mdx', 'cline/cline src/core/hooks/hook-factory.ts', 'cline/cline src/core/task/tools/utils/ToolHookUtils.ts', 'npm cline 3.0.65 (@cline/core 0.0.86)'],
  hook: clineHook,
  settings: /* @__PURE__ */ withManaged(settings, 'Cline reads hooks only from the user\'s and the project\'s hooks folders'),
  traces: { user: 'Documents/Cline', project: '.clinerules' },
  probe: (cwd) => ({
    clineVersion: 'airlock-doctor', hookName: 'PreToolUse', timestamp: '0', taskId: 'airlock-doctor', workspaceRoots: [cwd], userId: 'airlock-doctor',
    preToolUse: { toolName: 'execute_command', parameters: { command: PROBE_COMMAND, requires_approval: 'true' } },
  }),
  denies: (answer) => answer.cancel === true,
  notice: 'The Cline extension runs hooks only with "Enable Hooks" on (Cline\'s settings, Features), which Airlock cannot read; the cline CLI (3.x) runs them always',
  willNotRun: clineWillNotRun,
  contextFile: { agent: 'cline', label: 'Cline', file: '.clineignore', format: 'gitignore', extensions: ['saoudrizwan.claude-dev'], workspaceMarks: ['.clinerules'], homeMarks: [] },
};
