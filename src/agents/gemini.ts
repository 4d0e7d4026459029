// Gemini CLI `BeforeTool`. Schema from google-gemini/gemini-cli (docs/hooks/reference.md,
// packages/core/src/hooks/types.ts, tool declarations; read 2026-11): stdin has session_id,
// transcript_path, cwd, hook_event_name, timestamp, tool_name, tool_input. Shell:
// run_shell_command {command, dir_path}; reads: read_file {file_path}, read_many_files {include[]},
// glob {pattern, dir_path}, grep_search / search_file_content {dir_path, include_pattern; older
// releases include}; writes:
// write_file, replace {file_path}. Answer: exit 0 with {"decision":"allow|deny|ask","reason",
// "systemMessage"}; a deny's reason goes to the model as the tool's error. Exit 2 blocks with
// stderr as the reason; a timeout or any other exit lets the call through, hence the launcher.
import {
  PayloadError, objectOf, optionalString, stringField, stringList, type Agent, type AgentAdapter, type HookAnswer, type HookEvent, type HookOutput,
} from './types';
import { HOOK_TIMEOUT_SECONDS, PROBE_COMMAND, hookGroupTarget, nestedTarget, systemPath, type AgentTarget } from './hookFiles';
import { searchScope, type ContentGlobs } from './searchScope';
import { geminiWillNotRun } from './trust';
import { writeChange } from './writeChange';

const SHELL = new Set(['run_shell_command', 'shell']);
const READ = new Set(['read_file', 'read_many_files', 'glob', 'grep_search', 'search_file_content', 'grep', 'list_directory']);
const WRITE = new Set(['write_file', 'replace', 'edit']);
const UNRELATED = new Set(['web_fetch', 'google_web_search', 'save_memory', 'write_todos', 'codebase_investigator', 'activate_skill', 'ask_user']);

function geminiPaths(input: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const name of ['file_path', 'absolute_path', 'path', 'dir_path', 'pattern']) {
    const v = input[name];
    if (typeof v === 'string' && v !== '') out.push(v);
  }
  for (const name of ['include', 'include_pattern', 'paths']) out.push(...stringList(input[name]));
  return out;
}

/** read_many_files returns every file its `include` entries match; grep_search the lines of every file `include_pattern` matches. */
function geminiSearched(tool: string, input: Record<string, unknown>): ContentGlobs | undefined {
  if (tool === 'read_many_files') return { globs: [...stringList(input.include), ...stringList(input.paths)] };
  if (tool.includes('grep') || tool === 'search_file_content') {
    const globs = [...stringList(input.include_pattern), ...stringList(input.include)];
    // context / after / before (0.61's GREP_PARAM_*) print lines around each match: any line of the file may show.
    const context = ['context', 'after', 'before'].some((k) => typeof input[k] === 'number' && input[k] > 0);
    const scope = searchScope(optionalString(input, 'dir_path', 'path'), undefined, optionalString(input, 'pattern'), input.case_sensitive !== true, context);
    return globs.length > 0 ? { ...scope, globs, whole: false } : scope;
  }
  return undefined;
}

export const geminiHook: AgentAdapter = {
  parse(payload) {
    // A payload that is not an object, or names no tool, may be a shell call: deny it.
    const p = objectOf(payload, 'the hook payload', true);
    const tool = stringField(p, 'tool_name', true);
    const shell = SHELL.has(tool);
    // An unexpected event name (a renamed or new event) on a tool Airlock guards is judged anyway.
    if (p.hook_event_name !== undefined && p.hook_event_name !== 'BeforeTool' && !shell && !READ.has(tool) && !WRITE.has(tool) && p.mcp_context === undefined && !tool.includes('__') && !tool.startsWith('mcp_')) {
      throw new PayloadError(`hook_event_name is ${JSON.stringify(p.hook_event_name)}; Airlock is a BeforeTool hook`, false);
    }
    const input = objectOf(p.tool_input, '"tool_input"', shell);
    const roots: string[] = [];
    if (shell) {
      const cwd = optionalString(input, 'dir_path', 'directory') ?? optionalString(p, 'cwd');
      return { kind: 'command', tool, command: stringField(input, 'command', true), cwd, roots };
    }
    const cwd = optionalString(p, 'cwd');
    // grep_search's `pattern` is text to search for, not a path.
    const paths = geminiPaths(tool.includes('grep') || tool === 'search_file_content' ? { ...input, pattern: undefined } : input);
    if (READ.has(tool)) return { kind: 'read', tool, paths, cwd, roots, searched: geminiSearched(tool, input) };
    if (WRITE.has(tool)) return { kind: 'write', tool, paths, cwd, roots, change: writeChange(input) };
    // MCP tools are named server__tool (older releases: mcp_server_tool); newer payloads add mcp_context.
    if (p.mcp_context !== undefined || tool.includes('__') || tool.startsWith('mcp_')) return { kind: 'mcp', tool, input, cwd, roots };
    if (UNRELATED.has(tool)) return { kind: 'unrelated', tool, known: true, cwd, roots };
    // A tool added since, or an extension's: its input is read in full, as an MCP call's.
    return { kind: 'mcp', tool, input, cwd, roots };
  },
  canAsk: () => true,
  format(answer: HookAnswer, _event: HookEvent | undefined): HookOutput {
    if (answer.quiet) return { stdout: '{}', exitCode: 0 };
    return {
      stdout: JSON.stringify({
        decision: answer.decision,
        reason: answer.decision === 'ask' ? answer.userMessage : answer.agentMessage,
        systemMessage: answer.userMessage,
      }),
      exitCode: 0,
    };
  },
};

// Every tool (`.*`): a tool added since, or an extension's, is judged by its input.
const geminiBase = /* @__PURE__ */ nestedTarget('.gemini', '.gemini', 'BeforeTool', '.*',
  (command) => ({ type: 'command', name: 'airlock', command, timeout: HOOK_TIMEOUT_SECONDS * 1000 }));

const settings: AgentTarget = {
  ...hookGroupTarget(geminiBase),
  // Gemini's system settings override the user's and the workspace's (docs/get-started/configuration.md).
  managed: (env) => env.GEMINI_CLI_SYSTEM_SETTINGS_PATH || systemPath(env, 'etc/gemini-cli/settings.json', 'Library/Application Support/GeminiCli/settings.json'),
};

export const gemini: Agent = {
  id: 'gemini',
  label: 'Gemini CLI',
  sources: ['google-gemini/gemini-cli docs/hooks/reference.md', 'google-gemini/gemini-cli packages/core/src/hooks/types.ts'],
  hook: geminiHook,
  settings,
  traces: { user: '.gemini', project: '.gemini' },
  probe: (cwd) => ({ session_id: 'airlock-doctor', cwd, hook_event_name: 'BeforeTool', tool_name: 'run_shell_command', tool_input: { command: PROBE_COMMAND } }),
  denies: (answer) => answer.decision === 'deny',
  willNotRun: geminiWillNotRun,
  contextFile: { agent: 'gemini-cli', label: 'Gemini CLI', file: '.geminiignore', format: 'gitignore', extensions: [], workspaceMarks: ['.gemini', 'GEMINI.md'], homeMarks: ['.gemini'] },
};
