// The OpenAI Chat Completions API as Copilot CLI streams it with a custom provider (POST
// /v1/chat/completions, SSE chunks, then `data: [DONE]`). The step is the number of `role: "tool"`
// messages already sent back; a request without tools (a title, a summary) gets plain text.
import { json, type Responder } from './modelServer';
import type { Step } from './story';

export function chatToolResults(body: Record<string, unknown>): { tool_call_id: string; content: unknown }[] {
  const messages = Array.isArray(body.messages) ? body.messages as { role?: string; tool_call_id: string; content: unknown }[] : [];
  return messages.filter((m) => m.role === 'tool');
}

/** How one agent names its tools: the story's step as a call. */
export type ChatTools = (step: Step, project: string, listed: readonly string[]) => { name: string; arguments: Record<string, unknown> };

export function chatScript(steps: readonly Step[], project: string, tools: ChatTools): Responder {
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
    const listed = (Array.isArray(body.tools) ? body.tools as { function?: { name?: string } }[] : []).map((t) => t.function?.name ?? '');
    const done = chatToolResults(body).length;
    const step = listed.length > 0 ? steps[done] : undefined;
    const call = step ? tools(step, project, listed) : undefined;
    const base = { id: `chatcmpl-${done}`, object: 'chat.completion.chunk', created: 1_700_000_000, model: typeof body.model === 'string' ? body.model : 'gpt-4.1' };
    const usage = { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 };
    if (body.stream !== true) {
      const message = call ? { role: 'assistant', content: null, tool_calls: [{ id: `call_${done}`, type: 'function', function: { name: call.name, arguments: JSON.stringify(call.arguments) } }] }
        : { role: 'assistant', content: listed.length > 0 ? 'done' : 'ok' };
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ...base, object: 'chat.completion', choices: [{ index: 0, message, finish_reason: call ? 'tool_calls' : 'stop' }], usage }));
      return;
    }
    const chunks = call
      ? [{ ...base, choices: [{ index: 0, delta: { role: 'assistant', content: null, tool_calls: [{ index: 0, id: `call_${done}`, type: 'function', function: { name: call.name, arguments: JSON.stringify(call.arguments) } }] }, finish_reason: null }] },
        { ...base, choices: [{ index: 0, delta: {}, finish_reason: 'tool_calls' }] }]
      : [{ ...base, choices: [{ index: 0, delta: { role: 'assistant', content: listed.length > 0 ? 'done' : 'ok' }, finish_reason: null }] },
        { ...base, choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] }];
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    for (const chunk of [...chunks, { ...base, choices: [], usage }]) res.write(`data: ${JSON.stringify(chunk)}\n\n`);
    res.end('data: [DONE]\n\n');
  };
}
