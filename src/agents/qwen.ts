// Qwen Code (npm @qwen-code/qwen-code), a fork of Gemini CLI whose hooks follow Claude Code's
// contract. Read 2026-12 from its published bundle (firePreToolUseHook, processHooksConfiguration,
// PreToolUseHookOutput) and a live capture on 0.24.4:
// - Settings: `hooks.PreToolUse` groups in `.qwen/settings.json` (project: loaded only in a folder
//   it trusts, `~/.qwen/trustedFolders.json` as Gemini's) and `~/.qwen/settings.json`; `timeout`
//   in seconds (1000 or more is read as old-style milliseconds). A `BeforeTool` key is skipped.
// - Payload: Claude's fields (session_id, cwd, hook_event_name "PreToolUse", permission_mode,
//   tool_name, tool_input, tool_use_id) with Gemini's tool names (run_shell_command {command},
//   read_file, write_file, replace, grep_search {pattern, glob, path}, notebook_edit
//   {notebook_path}), MCP tools as Gemini's.
// - Answer: `hookSpecificOutput.permissionDecision` or a top-level `decision` (Gemini's form);
//   exit 2 blocks; exit 1 lets the call through, hence the launcher. Headless (`qwen -p`) it has
//   no one to ask, as Gemini CLI.
import { geminiHook } from './gemini';
import { HOOK_TIMEOUT_SECONDS, PROBE_COMMAND, hookGroupTarget, nestedTarget, systemPath, withManaged } from './hookFiles';
import { qwenWillNotRun } from './trust';
import { objectOf, type Agent, type AgentAdapter } from './types';

/** `tool_call {name, arguments}` calls another tool by name: the call it makes is the one judged. */
function unwrapped(p: Record<string, unknown>): Record<string, unknown> {
  const input = typeof p.tool_input === 'object' && p.tool_input !== null ? p.tool_input as Record<string, unknown> : undefined;
  if (p.tool_name !== 'tool_call' || typeof input?.name !== 'string') return p;
  let args: unknown = input.arguments ?? {};
  if (typeof args === 'string') {
    try {
      args = JSON.parse(args);
    } catch {
      // not JSON: read below as an input that is no object, which is denied for a shell tool
    }
  }
  return unwrapped({ ...p, tool_name: input.name, tool_input: args });
}

/** Qwen's payload as the Gemini reader knows it: its event name, and its fields under Gemini's names. */
function asGemini(payload: unknown): Record<string, unknown> {
  const p = unwrapped(objectOf(payload, 'the hook payload', true));
  const input = typeof p.tool_input === 'object' && p.tool_input !== null ? p.tool_input as Record<string, unknown> : undefined;
  const tool = p.tool_name === 'notebook_edit' ? 'write_file' : p.tool_name;
  const mapped = input && {
    ...input,
    ...(typeof input.glob === 'string' && input.include_pattern === undefined ? { include_pattern: input.glob } : {}),
    ...(typeof input.notebook_path === 'string' ? { file_path: input.notebook_path } : {}),
  };
  return { ...p, hook_event_name: p.hook_event_name === 'PreToolUse' ? 'BeforeTool' : p.hook_event_name, tool_name: tool, ...(mapped ? { tool_input: mapped } : {}) };
}

export const qwenHook: AgentAdapter = {
  parse: (payload) => geminiHook.parse(asGemini(payload)),
  canAsk: (event, payload) => geminiHook.canAsk(event, payload),
  format: (answer, event, payload) => geminiHook.format(answer, event, payload),
};

const qwenBase = /* @__PURE__ */ nestedTarget('.qwen', '.qwen', 'PreToolUse', '.*',
  (command) => ({ type: 'command', name: 'airlock', command, timeout: HOOK_TIMEOUT_SECONDS }));

export const qwen: Agent = {
  id: 'qwen',
  label: 'Qwen Code',
  sources: ['npm @qwen-code/qwen-code 0.24.4 (bundle: firePreToolUseHook, PreToolUseHookOutput)', 'QwenLM/qwen-code docs/users/features/hooks.md'],
  hook: qwenHook,
  // getSystemSettingsPath in 0.24.4: its hooks run beside the user's and the project's.
  settings: /* @__PURE__ */ withManaged(/* @__PURE__ */ hookGroupTarget(qwenBase),
    (env) => env.QWEN_CODE_SYSTEM_SETTINGS_PATH || systemPath(env, 'etc/qwen-code/settings.json', 'Library/Application Support/QwenCode/settings.json')),
  traces: { user: '.qwen', project: '.qwen' },
  probe: (cwd) => ({ session_id: 'airlock-doctor', cwd, hook_event_name: 'PreToolUse', tool_name: 'run_shell_command', tool_input: { command: PROBE_COMMAND } }),
  denies: (answer) => answer.decision === 'deny',
  willNotRun: qwenWillNotRun,
};
