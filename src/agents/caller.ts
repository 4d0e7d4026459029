// Which program runs a Claude-format hook. `.claude/settings*.json` hooks are run by Claude Code
// and also by others that read Claude's files or copy its hook contract, each with its own tool
// names and its own reading of an answer:
// - Codex (openai/codex codex-rs/hooks/src/events/pre_tool_use.rs, read 2026-12): the payload
//   adds `turn_id` and `model`; output_parser treats "ask" as invalid output, a failed hook that
//   does not block, so the call runs. Only a deny counts there.
// - VS Code agent hooks (code.visualstudio.com/docs/agent-customization/hooks, read 2026-11) run
//   them with matchers ignored and VS Code's own tool names (run_in_terminal, read_file, …).
// - Cursor (cursor.com/docs/reference/third-party-hooks, read 2026-12) runs them with its own
//   payload and tool names (Shell, Write, …), when "Include Third-Party … Configs" is on (the default).
// - Copilot CLI reads them too, and sends its own toolName/toolArgs payload.
import { isCliShape, isVsCodeToolName } from './copilot';
import { isCursorPayload } from './cursor';

export type ClaudeFormatCaller = 'claude-code' | 'codex' | 'vscode' | 'cursor' | 'copilot-cli';

export function claudeFormatCaller(payload: Record<string, unknown>): ClaudeFormatCaller {
  if (typeof payload.turn_id === 'string') return 'codex';
  if (isCursorPayload(payload)) return 'cursor';
  if (isCliShape(payload)) return 'copilot-cli';
  if (typeof payload.tool_name === 'string' && isVsCodeToolName(payload.tool_name)) return 'vscode';
  return 'claude-code';
}
