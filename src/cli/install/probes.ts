// The call `doctor` sends each installed hook: a critical production deletion in that agent's
// payload shape, which a working hook must deny (by policy alone: the probe never opens a dialog).
import type { AgentId } from '../hook/types';

export const PROBE_COMMAND = 'railway volume delete -v pgdata -e production -y';

export function probePayload(agent: AgentId, cwd: string): unknown {
  switch (agent) {
    case 'claude-code':
      return { session_id: 'airlock-doctor', cwd, hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command: PROBE_COMMAND } };
    case 'cursor':
      return { conversation_id: 'airlock-doctor', hook_event_name: 'beforeShellExecution', workspace_roots: [cwd], command: PROBE_COMMAND, cwd };
    case 'copilot':
      return { session_id: 'airlock-doctor', cwd, hook_event_name: 'PreToolUse', tool_name: 'run_in_terminal', tool_input: { command: PROBE_COMMAND } };
    case 'gemini':
      return { session_id: 'airlock-doctor', cwd, hook_event_name: 'BeforeTool', tool_name: 'run_shell_command', tool_input: { command: PROBE_COMMAND } };
  }
}

/** True when the hook's stdout is a deny in the agent's schema. */
export function isDeny(agent: AgentId, stdout: string): boolean {
  let value: unknown;
  try {
    value = JSON.parse(stdout);
  } catch {
    return false;
  }
  const o = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  switch (agent) {
    case 'claude-code':
    case 'copilot':
      return (o.hookSpecificOutput as Record<string, unknown> | undefined)?.permissionDecision === 'deny';
    case 'cursor':
      return o.permission === 'deny';
    case 'gemini':
      return o.decision === 'deny';
  }
}
