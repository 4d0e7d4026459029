// Cursor agent hooks. Schema from cursor.com/docs/hooks (read 2026-11 through a mirror of the
// docs page): every payload has conversation_id, generation_id, hook_event_name,
// workspace_roots, cursor_version. beforeShellExecution: command, cwd → permission
// allow|deny|ask + user_message + agent_message. beforeReadFile: file_path, content,
// attachments → permission allow|deny only. beforeMCPExecution: tool_name, tool_input (a JSON
// string; some versions send an object), url or command → as beforeShellExecution. Older
// releases read camelCase userMessage/agentMessage, so both spellings are written. Exit 2 also
// denies; a crash, timeout or bad JSON lets the call through unless the hook entry has
// "failClosed": true, which `airlock install` writes.
import {
  PayloadError, objectOf, optionalString, stringField, stringList, toolInput, type AgentAdapter, type HookAnswer, type HookEvent, type HookOutput,
} from './types';

export const cursor: AgentAdapter = {
  id: 'cursor',
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
      case 'beforeMCPExecution':
        return {
          kind: 'mcp', tool: stringField(p, 'tool_name', true), input: toolInput(p.tool_input, '"tool_input"', true),
          server: optionalString(p, 'url', 'command'), cwd, roots,
        };
      default:
        throw new PayloadError(`hook_event_name "${event}" is not one Airlock answers (beforeShellExecution, beforeReadFile, beforeMCPExecution)`, false);
    }
  },
  // beforeReadFile knows only allow and deny.
  canAsk: (event) => event.kind !== 'read',
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
