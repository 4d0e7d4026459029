// Cline (the VS Code extension and the `cline` CLI). Contract from cline/cline, read 2027-01:
// docs/customization/hooks.mdx, docs/features/hooks/hook-reference.mdx, .clinerules/hooks/README.md;
// src/core/hooks/hook-factory.ts (StdioHookRunner, CombinedHookRunner, 30 s timeout),
// src/core/hooks/HookProcess.ts, src/core/task/tools/utils/ToolHookUtils.ts, src/core/storage/disk.ts
// (hooks folders, getDocumentsPath), src/shared/tools.ts and src/core/prompts/system-prompt/tools/*
// (tool names and parameters), src/services/ripgrep/index.ts (how search_files searches).
// - A hook is an executable file named after its event, with no extension: `PreToolUse` in
//   `<root>/.clinerules/hooks/` of every workspace root, and in `<Documents>/Cline/Hooks/` for the
//   user (Documents: on Linux what `xdg-user-dir DOCUMENTS` prints where that tool is installed,
//   else ~/Documents; the newer SDK-based CLI reads ~/.cline/hooks too and keeps this one). Every
//   one found runs, in parallel, and any cancel wins. So Airlock's entry is a whole file: a small
//   sh script that runs Airlock's command, never written over a PreToolUse of the user's.
// - Cline runs hooks only with "Enable Hooks" on (kept in the editor's state, not in a file Airlock
//   reads), and skips a hook file it cannot execute.
// - Payload on stdin: clineVersion, hookName "PreToolUse", timestamp, taskId, workspaceRoots[],
//   userId, preToolUse {toolName (older docs: tool), parameters: the tool's parameters, all
//   strings}. Commands run in the first workspace root, and paths are relative to it. Tools:
//   execute_command (GPT models: bash) {command, requires_approval}, read_file {path},
//   list_code_definition_names {path}, write_to_file {path, content}, replace_in_file {path, diff:
//   SEARCH/REPLACE blocks}, apply_patch {input}, new_rule {path, content}, search_files {path,
//   regex, file_pattern}, use_mcp_tool {server_name, tool_name, arguments: JSON text},
//   access_mcp_resource {server_name, uri}, web_fetch {url}, browser_action {action, url}.
// - Answer: JSON on stdout. {"cancel": true, "errorMessage"} blocks, and cancels the whole task
//   (the user resumes it); {"cancel": false} goes on. There is no ask (Cline's own approval came
//   first), so an ask is a deny. Only exit 0 is read: a hook that exits otherwise, crashes, prints
//   no JSON or runs past 30 s (fixed) lets the call through, so the script answers any failure of
//   Airlock's command with a cancel itself; a dialog left open past 30 s lets the call through.
import { accessSync, constants, readFileSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';
import { home } from '../gate/stateDir';
import { PROBE_COMMAND, scriptTarget } from './hookFiles';
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
  'focus_chain', 'web_search', 'condense', 'summarize_task', 'report_bug', 'generate_explanation', 'search_subagent', 'use_skill']);

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

function toolCall(tool: string, params: Record<string, unknown>, roots: readonly string[]): HookEvent {
  const cwd = roots[0];
  if (SHELL.has(tool)) return { kind: 'command', tool, command: stringField(params, 'command', true), cwd: optionalString(params, 'cwd') ?? cwd, roots };
  // The SDK-based CLI's tools: run_commands {commands[]}, read_files {file_paths[]}, editor {command, path}.
  if (tool === 'run_commands') {
    const commands = stringList(mcpArguments(params.commands ?? params.command));
    if (commands.length === 0) throw new PayloadError('Cline\'s run_commands call carries no command Airlock can read', true);
    return { kind: 'command', tool, command: commands.join('\n'), cwd, roots };
  }
  if (tool === 'read_files') return { kind: 'read', tool, paths: stringList(mcpArguments(params.file_paths ?? params.paths ?? params.path)), cwd, roots };
  if (tool === 'editor' || tool === 'write_file') {
    const path = optionalString(params, 'path', 'file_path');
    if (path === undefined) throw new PayloadError(`Cline's ${tool} call names no file Airlock can read`, true);
    if (params.command === 'view') return { kind: 'read', tool, paths: [path], cwd, roots };
    const content = optionalString(params, 'file_text', 'content', 'new_str');
    return { kind: 'write', tool, paths: [path], cwd, roots, change: content !== undefined ? { content } : undefined };
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
  if (UNRELATED.has(tool) || tool === 'browser_action') return { kind: 'unrelated', tool, known: true, cwd, roots };
  // A tool Airlock does not know (the SDK-based CLI's are not documented): a command line it
  // carries is judged as one, and a file it names is read as read.
  const command = optionalString(params, 'command');
  if (command !== undefined) return { kind: 'command', tool, command, cwd, roots };
  const path = optionalString(params, 'path');
  return path ? { kind: 'read', tool, paths: [path], cwd, roots } : { kind: 'unrelated', tool, known: false, cwd, roots };
}

export const clineHook: AgentAdapter = {
  parse(payload) {
    // A payload that is not an object, or names no tool, may be a shell call: deny it.
    const p = objectOf(payload, 'the hook payload', true);
    if (p.hookName !== undefined && p.hookName !== 'PreToolUse') throw new PayloadError(`hookName is ${JSON.stringify(p.hookName)}; Airlock is a PreToolUse hook`, false);
    const call = objectOf(p.preToolUse, '"preToolUse"', true);
    const tool = optionalString(call, 'toolName', 'tool');
    if (tool === undefined) throw new PayloadError('"preToolUse.toolName" is missing or not a string', true);
    const params = objectOf(call.parameters ?? {}, '"preToolUse.parameters"', SHELL.has(tool) || WRITE.has(tool));
    return toolCall(tool, params, stringList(p.workspaceRoots));
  },
  canAsk: () => false,
  // Cline kills a hook after a fixed 30 s and then runs the call.
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
  sources: ['cline/cline docs/features/hooks/hook-reference.mdx', 'cline/cline src/core/hooks/hook-factory.ts', 'cline/cline src/core/task/tools/utils/ToolHookUtils.ts'],
  hook: clineHook,
  settings,
  traces: { user: 'Documents/Cline', project: '.clinerules' },
  probe: (cwd) => ({
    clineVersion: 'airlock-doctor', hookName: 'PreToolUse', timestamp: '0', taskId: 'airlock-doctor', workspaceRoots: [cwd], userId: 'airlock-doctor',
    preToolUse: { toolName: 'execute_command', parameters: { command: PROBE_COMMAND, requires_approval: 'true' } },
  }),
  denies: (answer) => answer.cancel === true,
  notice: 'Cline runs hooks only with "Enable Hooks" on (Cline\'s settings, Features; the cline CLI: cline config set hooks-enabled=true), which Airlock cannot read',
  willNotRun: clineWillNotRun,
  contextFile: { agent: 'cline', label: 'Cline', file: '.clineignore', format: 'gitignore', extensions: ['saoudrizwan.claude-dev'], workspaceMarks: ['.clinerules'], homeMarks: [] },
};
