// The hook's stdin is read once. When the launcher has read it (to try its fast path) and then
// hands over to the full CLI bundle, which runs in the same process, it leaves the text here.
const HANDOFF = Symbol.for('airlock.hookInput');

type WithHandOff = typeof globalThis & { [HANDOFF]?: string };

export function handOffInput(text: string): void {
  (globalThis as WithHandOff)[HANDOFF] = text;
}

export async function readHookInput(stdin: NodeJS.ReadableStream): Promise<string> {
  const handed = (globalThis as WithHandOff)[HANDOFF];
  if (typeof handed === 'string') return handed;
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}
