// Claude Code `PreToolUse`. Schema from the hooks reference (code.claude.com/docs/en/hooks, read
// 2026-11 through a mirror of docs/hooks.md): stdin has session_id, transcript_path, cwd,
// permission_mode, hook_event_name, tool_name, tool_input, tool_use_id. Bash → tool_input.command;
// Read/Write/Edit/MultiEdit → file_path (absolute); NotebookEdit → notebook_path; Grep → pattern,
// path, glob; Glob → pattern, path. Answer: exit 0 with
// {"hookSpecificOutput":{"hookEventName":"PreToolUse","permissionDecision":"allow|deny|ask",
// "permissionDecisionReason":…}}; the reason of a deny goes to Claude, of an ask to the user.
// A hook that times out, is killed or exits with anything but 0/2 does NOT block unless its entry
// says `"onFailure": "block"` (2.1.295+), which install writes; the launcher script also turns a
// crash into exit 2 (block). `Monitor` (2.1.98+) runs a shell command in the background:
// tool_input.command as Bash; its WebSocket form has none.
// Others run this same hook (see caller.ts): Codex, whose apply_patch sends {command: patch} and
// which reads only a deny, and VS Code, with its own tool names.
import { claudeFormatCaller } from './caller';
import { searchScope } from './searchScope';
import { copilotHook } from './copilot';
import { cursorHook } from './cursor';
import { HOOK_TIMEOUT_SECONDS, PROBE_COMMAND, array, nestedTarget, obj, type AgentTarget } from './hookFiles';
import { patchPaths } from './patch';
import {
  PayloadError, objectOf, optionalString, preToolUseOutput, stringField, type Agent, type AgentAdapter, type AgentId,
} from './types';
import { writeChange } from './writeChange';

const SHELL = new Set(['Bash', 'PowerShell', 'Monitor']);
const READ = new Set(['Read', 'Grep', 'Glob', 'NotebookRead', 'LS']);
const WRITE = new Set(['Write', 'Edit', 'MultiEdit', 'NotebookEdit']);
/** Tools Claude Code has that touch no file or shell (Monitor only in its WebSocket form): allowed without a word. */
const UNRELATED = new Set(['WebFetch', 'WebSearch', 'Task', 'Agent', 'spawn_agent', 'TodoWrite', 'TodoRead', 'ExitPlanMode', 'BashOutput', 'KillShell', 'KillBash', 'SlashCommand', 'Skill', 'AskUserQuestion', 'Monitor']);

export function claudeStylePaths(tool: string, input: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const name of ['file_path', 'notebook_path', 'path', 'glob']) {
    const v = input[name];
    if (typeof v === 'string' && v !== '') out.push(v);
  }
  // Glob's pattern is a path pattern; Grep's pattern is text to search for.
  if (tool === 'Glob' && typeof input.pattern === 'string') out.push(input.pattern);
  if (Array.isArray(input.edits)) {
    for (const edit of input.edits) if (typeof edit === 'object' && edit !== null && typeof (edit as Record<string, unknown>).file_path === 'string') out.push((edit as Record<string, string>).file_path);
  }
  return out;
}

export const claudeCodeHook: AgentAdapter = {
  parse(payload) {
    // A payload that is not an object, or names no tool, may be a shell call: deny it.
    const p = objectOf(payload, 'the hook payload', true);
    const other = otherCaller(p);
    if (other) return other.hook.parse(p);
    const tool = stringField(p, 'tool_name', true);
    const shell = SHELL.has(tool) && !(tool === 'Monitor' && objectOf(p.tool_input, '"tool_input"', true).command === undefined);
    // An unexpected event name (a renamed or new event) on a tool Airlock guards is judged anyway.
    if (p.hook_event_name !== undefined && p.hook_event_name !== 'PreToolUse' && !shell && !READ.has(tool) && !WRITE.has(tool) && !tool.startsWith('mcp__') && tool !== 'apply_patch') {
      throw new PayloadError(`hook_event_name is ${JSON.stringify(p.hook_event_name)}; Airlock is a PreToolUse hook`, false);
    }
    const input = objectOf(p.tool_input, '"tool_input"', shell);
    const cwd = optionalString(p, 'cwd');
    const roots: string[] = [];
    if (shell) return { kind: 'command', tool, command: stringField(input, 'command', true), cwd, roots };
    if (tool === 'apply_patch') {
      if (typeof input.command !== 'string') return { kind: 'write', tool, paths: claudeStylePaths(tool, input), cwd, roots, change: writeChange(input) };
      return { kind: 'write', tool, paths: patchPaths(input.command), cwd, roots, change: { edits: [{ old: '', new: input.command }] } };
    }
    if (READ.has(tool)) {
      // Grep returns the lines that match in every file its `glob` (else everything) matches under
      // `path` — in its `content` mode; its default modes return only file names or counts.
      const content = input.output_mode === 'content';
      // Glob and LS return names, Grep outside its content mode names or counts: no file's content.
      if (tool === 'Glob' || tool === 'LS' || (tool === 'Grep' && !content)) return { kind: 'unrelated', tool, known: true, cwd, roots };
      const context = ['-A', '-B', '-C', 'context'].some((k) => typeof input[k] === 'number' && input[k] > 0);
      const searched = tool === 'Grep' && content ? searchScope(optionalString(input, 'path'), optionalString(input, 'glob'), optionalString(input, 'pattern'), input['-i'] === true, context) : undefined;
      return { kind: 'read', tool, paths: claudeStylePaths(tool, input), cwd, roots, searched };
    }
    if (WRITE.has(tool)) return { kind: 'write', tool, paths: claudeStylePaths(tool, input), cwd, roots, change: writeChange(input) };
    if (tool.startsWith('mcp__')) return { kind: 'mcp', tool, input, server: tool.split('__')[1], cwd, roots };
    // A fetch sends its URL out: read as a call whose only argument is the URL (a token in it is sent).
    if (tool === 'WebFetch' && typeof input.url === 'string') return { kind: 'mcp', tool, input: { url: input.url }, cwd, roots };
    return { kind: 'unrelated', tool, known: UNRELATED.has(tool), cwd, roots };
  },
  callerOf: (payload) => {
    if (typeof payload !== 'object' || payload === null) return 'claude-code';
    return otherCaller(payload as Record<string, unknown>)?.id ?? 'claude-code';
  },
  canAsk: (event, payload) => {
    if (typeof payload !== 'object' || payload === null) return true;
    const p = payload as Record<string, unknown>;
    return claudeFormatCaller(p) !== 'codex' && (otherCaller(p)?.hook.canAsk(event, p) ?? true);
  },
  format: (answer, event, payload) => {
    const other = typeof payload === 'object' && payload !== null ? otherCaller(payload as Record<string, unknown>) : undefined;
    return other ? other.hook.format(answer, event, payload) : preToolUseOutput(answer);
  },
};

/** The agent that runs Claude's hooks with its own payload and answer schema, and its adapter. */
function otherCaller(payload: Record<string, unknown>): { readonly id: AgentId; readonly hook: AgentAdapter } | undefined {
  switch (claudeFormatCaller(payload)) {
    case 'vscode':
    case 'copilot-cli':
      return { id: 'copilot', hook: copilotHook };
    case 'cursor':
      return { id: 'cursor', hook: cursorHook };
    default:
      return undefined;
  }
}

// `onFailure: "block"` (Claude Code 2.1.295+) makes a hook that cannot start or times out block;
// without it those let the call through. Older releases ignore the key.
const claudeBase = nestedTarget('.claude', '.claude', 'PreToolUse',
  'Bash|PowerShell|Monitor|Read|Grep|Glob|LS|Edit|Write|MultiEdit|NotebookEdit|mcp__.*',
  (command) => ({ type: 'command', command, timeout: HOOK_TIMEOUT_SECONDS, onFailure: 'block' }));

const settings: AgentTarget = {
  file: claudeBase.file,
  commands: claudeBase.commands,
  install(config, command, extra) {
    const changes = claudeBase.groupChange(config, command);
    const deny = array(obj(config.permissions)?.deny);
    const missing = extra.denyRules.filter((r) => !deny.includes(r));
    if (missing.length > 0) changes.push({ path: ['permissions', 'deny'], value: [...deny, ...missing] });
    return { changes, added: { denyRules: missing } };
  },
  uninstall(config, added) {
    const changes = claudeBase.groupChange(config, undefined);
    const deny = array(obj(config.permissions)?.deny);
    const ours = new Set(added.denyRules ?? []);
    const kept = deny.filter((r) => typeof r !== 'string' || !ours.has(r));
    if (kept.length !== deny.length) {
      const permissions = obj(config.permissions) ?? {};
      if (kept.length > 0) changes.push({ path: ['permissions', 'deny'], value: kept });
      else if (Object.keys(permissions).length === 1) changes.push({ path: ['permissions'], value: undefined });
      else changes.push({ path: ['permissions', 'deny'], value: undefined });
    }
    return changes;
  },
};

export const claudeCode: Agent = {
  id: 'claude-code',
  label: 'Claude Code',
  sources: ['code.claude.com/docs/en/hooks', 'openai/codex codex-rs/hooks/src/events/pre_tool_use.rs (Codex runs these hooks)'],
  hook: claudeCodeHook,
  settings,
  traces: { user: '.claude', project: '.claude' },
  probe: (cwd) => ({ session_id: 'airlock-doctor', cwd, hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command: PROBE_COMMAND } }),
  denies: (answer) => (answer.hookSpecificOutput as Record<string, unknown> | undefined)?.permissionDecision === 'deny',
  contextFile: { agent: 'claude-code', label: 'Claude Code', file: '.claude/settings.local.json', format: 'claude-settings', extensions: ['anthropic.claude-code'], workspaceMarks: ['.claude', 'CLAUDE.md'], homeMarks: ['.claude'] },
};
