// The Anthropic Messages API as Claude Code streams it (POST /v1/messages?beta=true, SSE:
// message_start, content_block_start/delta/stop, message_delta, message_stop). The main loop's
// requests carry the tools; the step is the number of tool_result blocks already sent back.
import { join } from 'node:path';
import { json, sse, type Responder } from './modelServer';
import { MCP_SERVER } from './story';
import type { Step } from './story';

const SEARCH = 'toolu_search_';

function toolCall(step: Exclude<Step, { kind: 'mcp' }>, project: string): { name: string; input: Record<string, unknown> } {
  switch (step.kind) {
    case 'shell': return { name: 'Bash', input: { command: step.command, description: 'step' } };
    case 'read': return { name: 'Read', input: { file_path: join(project, step.file) } };
    case 'write': return { name: 'Write', input: { file_path: join(project, step.file), content: step.content } };
  }
}

/** The tool results of the story's own calls (the ToolSearch calls that fetch MCP tools left out). */
export function storyResults(body: Record<string, unknown>): ReturnType<typeof anthropicToolResults> {
  return anthropicToolResults(body).filter((r) => !r.tool_use_id.startsWith(SEARCH));
}

/** Every tool result the conversation holds. */
export function anthropicToolResults(body: Record<string, unknown>): { tool_use_id: string; content: unknown; is_error?: boolean }[] {
  const messages = Array.isArray(body.messages) ? body.messages as { role?: string; content?: unknown }[] : [];
  return messages.flatMap((m) => (Array.isArray(m.content) ? m.content as { type?: string }[] : []))
    .filter((b): b is { type: string; tool_use_id: string; content: unknown } => b.type === 'tool_result');
}

export function anthropicScript(steps: readonly Step[], project: string): Responder {
  return (request, res) => {
    if (request.url.includes('count_tokens')) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ input_tokens: 10 }));
      return;
    }
    const body = json(request.body);
    const mainLoop = Array.isArray(body.tools) && (body.tools as { name?: string }[]).some((t) => t.name === 'Bash');
    const results = anthropicToolResults(body);
    // Claude Code lists MCP tools by name only until its ToolSearch fetches them: those searches
    // are the script's own extra calls, not steps.
    const done = results.filter((r) => !r.tool_use_id.startsWith(SEARCH)).length;
    const step = mainLoop ? steps[done] : undefined;
    const listed = mainLoop ? (body.tools as { name?: string }[]).map((t) => t.name ?? '') : [];
    const search = step?.kind === 'mcp' && !listed.some((n) => n.endsWith(`__${step.tool}`)) && listed.includes('ToolSearch') && !results.some((r) => r.tool_use_id === `${SEARCH}${done}`);
    const id = `msg_${Math.random().toString(36).slice(2)}`;
    const model = typeof body.model === 'string' ? body.model : 'claude-sonnet-4-5';
    const usage = { input_tokens: 10, output_tokens: 5, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 };
    const start = { type: 'message_start', message: { id, type: 'message', role: 'assistant', model, content: [], stop_reason: null, stop_sequence: null, usage } };
    const events: { event: string; data: unknown }[] = [{ event: 'message_start', data: start }];
    if (step) {
      const call = search ? { name: 'ToolSearch', input: { query: `select:mcp__${MCP_SERVER}__${(step as { tool: string }).tool}`, max_results: 5 } }
        : step.kind === 'mcp' ? { name: listed.find((n) => n.endsWith(`__${step.tool}`)) ?? `mcp__${MCP_SERVER}__${step.tool}`, input: step.args } : toolCall(step, project);
      events.push(
        { event: 'content_block_start', data: { type: 'content_block_start', index: 0, content_block: { type: 'tool_use', id: search ? `${SEARCH}${done}` : `toolu_${done}`, name: call.name, input: {} } } },
        { event: 'content_block_delta', data: { type: 'content_block_delta', index: 0, delta: { type: 'input_json_delta', partial_json: JSON.stringify(call.input) } } },
        { event: 'content_block_stop', data: { type: 'content_block_stop', index: 0 } },
        { event: 'message_delta', data: { type: 'message_delta', delta: { stop_reason: 'tool_use', stop_sequence: null }, usage: { output_tokens: 5 } } },
      );
    } else {
      events.push(
        { event: 'content_block_start', data: { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } } },
        { event: 'content_block_delta', data: { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: mainLoop ? 'done' : 'ok' } } },
        { event: 'content_block_stop', data: { type: 'content_block_stop', index: 0 } },
        { event: 'message_delta', data: { type: 'message_delta', delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { output_tokens: 5 } } },
      );
    }
    events.push({ event: 'message_stop', data: { type: 'message_stop' } });
    sse(res, events);
  };
}
