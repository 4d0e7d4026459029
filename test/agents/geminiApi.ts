// The Gemini API as Gemini CLI streams it (POST /v1beta/models/<model>:streamGenerateContent?alt=sse).
// The step is the number of functionResponse parts already sent back; a side request that asks for
// JSON by schema (a next-speaker or loop check) is answered with a value of that shape.
import { join } from 'node:path';
import { json, listedTool, sse, type Responder } from './modelServer';
import type { Step } from './story';

function functionCall(step: Step, project: string, tools: readonly string[]): { name: string; args: Record<string, unknown> } {
  switch (step.kind) {
    case 'mcp': return { name: listedTool(tools, step.tool), args: step.args };
    case 'shell': return { name: 'run_shell_command', args: { command: step.command } };
    case 'read': return { name: 'read_file', args: { file_path: join(project, step.file) } };
    case 'write': return { name: 'write_file', args: { file_path: join(project, step.file), content: step.content } };
  }
}

interface Schema { readonly type?: unknown; readonly enum?: unknown[]; readonly properties?: Record<string, Schema> }

function fromSchema(s: Schema | undefined, key = ''): unknown {
  if (!s) return null;
  if (key === 'next_speaker') return 'user';
  if (s.enum) return s.enum[0];
  const type = String(Array.isArray(s.type) ? s.type[0] : s.type ?? (s.properties ? 'object' : 'string')).toLowerCase();
  if (type === 'object') return Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, v]) => [k, fromSchema(v, k)]));
  if (type === 'array') return [];
  if (type === 'number' || type === 'integer') return 0;
  if (type === 'boolean') return false;
  return 'ok';
}

export function geminiFunctionResponses(body: Record<string, unknown>): { name: string; response: unknown }[] {
  const contents = Array.isArray(body.contents) ? body.contents as { parts?: { functionResponse?: { name: string; response: unknown } }[] }[] : [];
  return contents.flatMap((c) => c.parts ?? []).flatMap((p) => (p.functionResponse ? [p.functionResponse] : []));
}

export function geminiScript(steps: readonly Step[], project: string): Responder {
  return (request, res) => {
    const body = json(request.body);
    const method = /:(\w+)(?:\?|$)/.exec(request.url)?.[1];
    if (method === 'countTokens') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ totalTokens: 10 }));
      return;
    }
    const config = (body.generationConfig ?? {}) as { responseJsonSchema?: Schema; responseSchema?: Schema; responseMimeType?: string };
    const schema = config.responseJsonSchema ?? config.responseSchema;
    const tools = Array.isArray(body.tools) && body.tools.length > 0;
    const done = geminiFunctionResponses(body).length;
    const step = tools && !schema && config.responseMimeType !== 'application/json' ? steps[done] : undefined;
    const declared = (Array.isArray(body.tools) ? body.tools as { functionDeclarations?: { name?: string }[] }[] : []).flatMap((t) => t.functionDeclarations ?? []).map((d) => d.name ?? '');
    const parts = step ? [{ functionCall: functionCall(step, project, declared) }]
      : schema || config.responseMimeType === 'application/json' ? [{ text: JSON.stringify(fromSchema(schema ?? { type: 'object' })) }]
        : [{ text: tools ? 'done' : 'ok' }];
    const answer = {
      candidates: [{ content: { role: 'model', parts }, finishReason: 'STOP', index: 0 }],
      usageMetadata: { promptTokenCount: 10, candidatesTokenCount: 5, totalTokenCount: 15 },
    };
    if (method === 'streamGenerateContent') sse(res, [{ data: answer }]);
    else {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer));
    }
  };
}
