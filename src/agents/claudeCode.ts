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
import { parseClaudeShaped } from './claudeShape';
import { codexHook } from './codex';
import { copilotHook } from './copilot';
import { cursorHook } from './cursor';
import { HOOK_TIMEOUT_SECONDS, PROBE_COMMAND, array, nestedTarget, obj, systemPath, type AgentTarget } from './hookFiles';
import { claudeWillNotRun } from './trust';
import { objectOf, preToolUseDenies, preToolUseOutput, type Agent, type AgentAdapter, type AgentId } from './types';

export const claudeCodeHook: AgentAdapter = {
  parse(payload) {
    // A payload that is not an object, or names no tool, may be a shell call: deny it.
    const p = objectOf(payload, 'the hook payload', true);
    const other = otherCaller(p);
    if (other) return other.hook.parse(p);
    return parseClaudeShaped(p);
  },
  callerOf: (payload) => {
    if (typeof payload !== 'object' || payload === null) return 'claude-code';
    return otherCaller(payload as Record<string, unknown>)?.id ?? 'claude-code';
  },
  canAsk: (event, payload) => {
    if (typeof payload !== 'object' || payload === null) return true;
    const p = payload as Record<string, unknown>;
    return otherCaller(p)?.hook.canAsk(event, p) ?? true;
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
    case 'codex':
      return { id: 'codex', hook: codexHook };
    default:
      return undefined;
  }
}

// `onFailure: "block"` (Claude Code 2.1.295+) makes a hook that cannot start or times out block;
// without it those let the call through. Older releases ignore the key.
// Every tool (`*`): a tool added since is judged by its input (a list once missed Monitor, and WebFetch).
const claudeBase = /* @__PURE__ */ nestedTarget('.claude', '.claude', 'PreToolUse', '*',
  (command) => ({ type: 'command', command, timeout: HOOK_TIMEOUT_SECONDS, onFailure: 'block' }));

const settings: AgentTarget = {
  file: claudeBase.file,
  // code.claude.com/docs/en/settings: managed settings win over every other layer.
  managed: (env) => systemPath(env, 'etc/claude-code/managed-settings.json', 'Library/Application Support/ClaudeCode/managed-settings.json'),
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
  denies: preToolUseDenies,
  willNotRun: claudeWillNotRun,
  contextFile: { agent: 'claude-code', label: 'Claude Code', file: '.claude/settings.local.json', format: 'claude-settings', extensions: ['anthropic.claude-code'], workspaceMarks: ['.claude', 'CLAUDE.md'], homeMarks: ['.claude'] },
};
