// The OpenAI Chat Completions API as a provider set up in an agent's config is streamed (POST
// /v1/chat/completions, SSE chunks ending in [DONE]): Copilot CLI (a custom provider, offline),
// opencode (the AI SDK's openai-compatible provider) and Factory Droid (a BYOK custom model,
// generic-chat-completion-api) and the Cline CLI (its openai-compatible provider) speak it. Each
// names its tools its own way (see the callers below). The step is the number of tool results
// already sent back.
import { join } from 'node:path';
import { json, listedTool, type Responder } from './modelServer';
import { MCP_SERVER, type Step } from './story';

/** The script's own calls that load a deferred MCP tool (Droid's ToolSearch): not steps of the story. */
const SEARCH = 'call_search_';

/** The tool results of the story's own calls. */
export function chatToolResults(body: Record<string, unknown>): { tool_call_id: string; content: unknown }[] {
  const messages = Array.isArray(body.messages) ? body.messages as { role?: string; tool_call_id: string; content: unknown }[] : [];
  return messages.filter((m) => m.role === 'tool' && !m.tool_call_id.startsWith(SEARCH));
}

/** A step as one agent's tool call, given the tool names its request lists. */
export type ToolCallOf = (step: Step, tools: readonly string[]) => { name: string; args: Record<string, unknown> };

/** opencode: bash {command}, read and write {filePath}; an MCP tool is listed as `<server>_<tool>`. */
export function opencodeCall(project: string): ToolCallOf {
  return (step, tools) => {
    switch (step.kind) {
      case 'mcp': return { name: listedTool(tools, step.tool), args: step.args };
      case 'shell': return { name: 'bash', args: { command: step.command, description: 'A step of the script' } };
      case 'read': return { name: 'read', args: { filePath: join(project, step.file) } };
      case 'write': return { name: 'write', args: { filePath: join(project, step.file), content: step.content } };
    }
  };
}

/** Copilot CLI: bash {command}, view {path}, create {path, file_text}. */
export function copilotCall(project: string): ToolCallOf {
  return (step, tools) => {
    switch (step.kind) {
      case 'mcp': return { name: listedTool(tools, step.tool), args: step.args };
      case 'shell': return { name: 'bash', args: { command: step.command, description: 'A step of the script' } };
      case 'read': return { name: 'view', args: { path: join(project, step.file) } };
      case 'write': return { name: 'create', args: { path: join(project, step.file), file_text: step.content } };
    }
  };
}

/**
 * Qwen Code: Gemini CLI's tools (run_shell_command, read_file {absolute_path}, write_file
 * {file_path}); an MCP tool it has not listed is called through its tool_call {name, arguments}.
 */
export function qwenCall(project: string): ToolCallOf {
  return (step, tools) => {
    switch (step.kind) {
      case 'mcp': return tools.some((n) => n.endsWith(step.tool)) ? { name: listedTool(tools, step.tool), args: step.args }
        : { name: 'tool_call', args: { name: `mcp__${MCP_SERVER}__${step.tool}`, arguments: step.args } };
      case 'shell': return { name: 'run_shell_command', args: { command: step.command, is_background: false, description: 'A step of the script' } };
      case 'read': return { name: 'read_file', args: { absolute_path: join(project, step.file), file_path: join(project, step.file) } };
      case 'write': return { name: 'write_file', args: { file_path: join(project, step.file), content: step.content } };
    }
  };
}

/**
 * Factory Droid: Execute {command, riskLevelReason, riskLevel}, Read and Create {file_path}; MCP
 * tools `<server>___<tool>`, listed only once its ToolSearch has loaded them.
 */
export function droidCall(project: string): ToolCallOf {
  return (step, tools) => {
    switch (step.kind) {
      case 'mcp': return { name: listedTool(tools, step.tool), args: step.args };
      case 'shell': return { name: 'Execute', args: { command: step.command, riskLevelReason: 'A step of the script.', riskLevel: 'low' } };
      case 'read': return { name: 'Read', args: { file_path: join(project, step.file) } };
      case 'write': return { name: 'Create', args: { file_path: join(project, step.file), content: step.content } };
    }
  };
}

/**
 * The Cline CLI (3.x, SDK-based): run_commands {commands[]}, read_files {files: [{path}]}, editor
 * {path, new_text}; an MCP tool is listed as `<server>__<tool>`.
 */
export function clineCall(project: string): ToolCallOf {
  return (step, tools) => {
    switch (step.kind) {
      case 'mcp': return { name: listedTool(tools, step.tool), args: step.args };
      case 'shell': return { name: 'run_commands', args: { commands: [step.command] } };
      case 'read': return { name: 'read_files', args: { files: [{ path: join(project, step.file) }] } };
      case 'write': return tools.includes('editor') ? { name: 'editor', args: { path: join(project, step.file), new_text: step.content } }
        : { name: 'apply_patch', args: { input: `*** Begin Patch\n*** Add File: ${join(project, step.file)}\n+${step.content.trimEnd()}\n*** End Patch\n` } };
    }
  };
}

/**
 * One step of `steps` per agent run, the one the run's prompt names ("story step 3"), for an agent whose
 * block stops its whole run (Cline's cancel): each call is then met on its own.
 */
export function stepPerRun(steps: readonly Step[], toolCall: ToolCallOf): Responder {
  return (request, res) => {
    const n = /\bstory step (\d+)\b/.exec(request.body)?.[1];
    const step = n === undefined ? undefined : steps[Number(n)];
    chatScript(step ? [step] : [], toolCall)(request, res);
  };
}

export function chatScript(steps: readonly Step[], toolCall: ToolCallOf): Responder {
  return (request, res) => {
    if (request.method === 'GET' && request.url.endsWith('/models')) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ object: 'list', data: [{ id: 'gpt-4.1', object: 'model', owned_by: 'test' }] }));
      return;
    }
    if (request.method !== 'POST' || !request.url.endsWith('/chat/completions')) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end('{"error":{"message":"not scripted"}}');
      return;
    }
    const body = json(request.body);
    const done = chatToolResults(body).length;
    const tools = (Array.isArray(body.tools) ? body.tools as { function?: { name?: string } }[] : []).map((t) => t.function?.name ?? '');
    // A side request (a session title) has no tools: it gets text.
    const step = tools.length > 0 ? steps[done] : undefined;
    const searched = JSON.stringify(body.messages ?? []).includes(`${SEARCH}${done}`);
    const search = step?.kind === 'mcp' && !tools.some((n) => n.endsWith(`_${step.tool}`)) && tools.includes('ToolSearch') && !searched;
    const chunk = (delta: Record<string, unknown>, finish: string | null): string =>
      `data: ${JSON.stringify({ id: `chat_${done}`, object: 'chat.completion.chunk', created: 0, model: 'scripted', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    if (step) {
      const call = search ? { name: 'ToolSearch', args: { query: `select:${MCP_SERVER}___${step.kind === 'mcp' ? step.tool : ''}` } } : toolCall(step, tools);
      const id = search ? `${SEARCH}${done}` : `call_${done}`;
      res.write(chunk({ role: 'assistant', tool_calls: [{ index: 0, id, type: 'function', function: { name: call.name, arguments: JSON.stringify(call.args) } }] }, null));
      res.write(chunk({}, 'tool_calls'));
    } else {
      res.write(chunk({ role: 'assistant', content: tools.length > 0 ? 'done' : 'Cleanup' }, null));
      res.write(chunk({}, 'stop'));
    }
    res.write(`data: ${JSON.stringify({ id: `chat_${done}`, object: 'chat.completion.chunk', created: 0, model: 'scripted', choices: [], usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 } })}\n\n`);
    res.end('data: [DONE]\n\n');
  };
}
