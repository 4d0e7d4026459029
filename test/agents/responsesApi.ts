// The OpenAI Responses API as Codex streams it (POST /v1/responses, SSE: response.created,
// response.output_item.done, response.completed). Codex's shell tool is exec_command {cmd} (run
// as `bash -lc`), its patch tool the freeform apply_patch; it has no file read tool. The step is
// the number of tool outputs already sent back.
import { json, sse, type Responder } from './modelServer';
import { MCP_SERVER, type Step } from './story';

const OUTPUTS = new Set(['function_call_output', 'custom_tool_call_output']);

export function responsesOutputs(body: Record<string, unknown>): { call_id: string; output: unknown }[] {
  const input = Array.isArray(body.input) ? body.input as { type?: string; call_id: string; output: unknown }[] : [];
  return input.filter((i) => OUTPUTS.has(i.type ?? ''));
}

/**
 * A write as a patch that names no secret: deleting the file (an update would have to quote the
 * token's line, which the model then echoes back in every later request).
 */
function item(step: Step, n: number): Record<string, unknown> {
  switch (step.kind) {
    // A tool its tool_search found is called by its name in the namespace the search returned.
    case 'mcp': return { type: 'function_call', id: `fc_${n}`, call_id: `call_${n}`, name: step.tool, namespace: `mcp__${MCP_SERVER}`, arguments: JSON.stringify(step.args) };
    case 'shell': return { type: 'function_call', id: `fc_${n}`, call_id: `call_${n}`, name: 'exec_command', arguments: JSON.stringify({ cmd: step.command }) };
    case 'write': return { type: 'custom_tool_call', id: `ctc_${n}`, call_id: `call_${n}`, name: 'apply_patch', input: `*** Begin Patch\n*** Delete File: ${step.file}\n*** End Patch\n` };
    case 'read': throw new Error('Codex has no file read tool: it reads with the shell');
  }
}

/** The tool names a request lists, namespaces' tools included. */
function toolNames(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return (value as { name?: string; tools?: unknown }[]).flatMap((t) => [...(t.name ? [t.name] : []), ...toolNames(t.tools)]);
}

export function responsesScript(steps: readonly Step[]): Responder {
  return (request, res) => {
    if (request.method !== 'POST' || !request.url.endsWith('/responses')) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end('{"error":{"message":"not scripted"}}');
      return;
    }
    const body = json(request.body);
    const done = responsesOutputs(body).length;
    const tools = toolNames(body.tools);
    const searched = JSON.stringify(body.input ?? []).includes(`"search_${done}"`);
    const step = steps[done];
    // Codex lists MCP tools only after its tool_search finds them: that search is the script's own call, not a step.
    const search = step?.kind === 'mcp' && !tools.some((n) => n.endsWith(step.tool)) && !searched;
    const id = `resp_${done}`;
    sse(res, [
      { event: 'response.created', data: { type: 'response.created', response: { id } } },
      { event: 'response.output_item.done', data: { type: 'response.output_item.done', item: search && step?.kind === 'mcp' ? { type: 'tool_search_call', id: `tsc_${done}`, call_id: `search_${done}`, status: 'completed', execution: 'client', arguments: { query: step.tool } } : step ? item(step, done) : { type: 'message', role: 'assistant', id: `msg_${done}`, content: [{ type: 'output_text', text: 'done' }] } } },
      { event: 'response.completed', data: { type: 'response.completed', response: { id, usage: { input_tokens: 10, input_tokens_details: { cached_tokens: 0 }, output_tokens: 5, output_tokens_details: { reasoning_tokens: 0 }, total_tokens: 15 } } } },
    ]);
  };
}
