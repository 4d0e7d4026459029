// `airlock check`: one command line → a verdict (human, JSON, or an explanation), or JSON lines
// on stdin → one verdict JSON line each, in order.
import { LazyEngine, failClosed, type ClassifyContext } from '../core/engine';
import type { Decision } from '../core/verdict';
import { formatExplanation, formatVerdict } from './format';
import { parseCheckOptions, type CheckOptions } from './options';
import { loadParser } from './parser';
import { diskCredentialOrigins } from './credentialFiles';
import { gitRecovery } from './gitRecovery';
import { DISK_PROJECT_FILES, batchProjectFiles } from './projectFiles';
import { resolve } from 'node:path';
import { definedOnly } from './env';
import { diskToolState } from './toolState';
import { builtin } from './builtin';


const EXIT: Readonly<Record<Decision, number>> = { allow: 0, confirm: 1, deny: 2 };

export interface Io {
  readonly stdin: () => NodeJS.ReadableStream;
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean };
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
}

export async function check(argv: readonly string[], io: Io): Promise<number> {
  const options = parseCheckOptions(argv);
  const engine = new LazyEngine(async () => {
    // This process parses a line or a few and exits: V8's optimising WebAssembly tier only costs
    // it (about half a second of compiling that exit then waits for), so keep to the baseline tier.
    // A batch parses thousands of lines and gains from the optimised code.
    if (!options.batch) builtin<typeof import('node:v8')>('node:v8').setFlagsFromString('--liftoff-only');
    return loadParser();
  });
  const baseEnv = { ...definedOnly(io.env), ...options.env };
  // Read only if a line is flagged; once per directory for a whole batch.
  const credentialOrigins = diskCredentialOrigins({ home: io.env.HOME || undefined });
  const recovery = gitRecovery();
  // Read once for a whole batch: kube's current context, the terraform workspace and the rest.
  const toolState = diskToolState();
  const files = options.batch ? batchProjectFiles() : DISK_PROJECT_FILES;
  const project = { files, home: io.env.HOME || undefined };
  // A batch names the same few folders over and over: each is resolved once.
  const folders = new Map<string, string>();
  const folder = (cwd: string): string => {
    let resolved = folders.get(cwd);
    if (resolved === undefined) {
      resolved = resolve(cwd);
      if (folders.size < 1024) folders.set(cwd, resolved);
    }
    return resolved;
  };
  const context = (cwd: string | undefined, env: Readonly<Record<string, string>>): ClassifyContext =>
    ({ cwd: folder(cwd ?? options.cwd ?? io.cwd), env, actor: options.actor, toolState, credentialOrigins, recovery, project });

  if (options.batch) {
    await batch(io, options, baseEnv, engine, context);
    return 0;
  }
  const line = options.commandLine ?? '';
  const ctx = context(undefined, baseEnv);
  const style = { color: io.stdout.isTTY === true && io.env.NO_COLOR === undefined };
  if (options.explain) {
    const explanation = await engine.explain(line, ctx);
    io.stdout.write(formatExplanation(line, explanation, style) + '\n');
    return EXIT[explanation.verdict.decision];
  }
  const verdict = await engine.classify(line, ctx);
  io.stdout.write((options.json ? JSON.stringify(verdict) : formatVerdict(line, verdict, style)) + '\n');
  return EXIT[verdict.decision];
}

async function batch(
  io: Io,
  options: CheckOptions,
  baseEnv: Readonly<Record<string, string>>,
  engine: LazyEngine,
  context: (cwd: string | undefined, env: Readonly<Record<string, string>>) => ClassifyContext,
): Promise<void> {
  type Request = ReturnType<typeof parseRequest>;
  const contextOf = (request: Request): ClassifyContext => context(request.cwd ?? options.cwd,
    request.env && Object.keys(request.env).length > 0 ? { ...baseEnv, ...request.env } : baseEnv);
  // Once the parser is loaded every line is judged without waiting (a promise per line costs more than most verdicts).
  const answerNow = (raw: string): string | undefined => {
    let request: Request;
    try {
      request = parseRequest(raw);
    } catch (error) {
      return JSON.stringify({ error: error instanceof Error ? error.message : String(error) }) + '\n';
    }
    try {
      const verdict = engine.classifyLoaded(request.command, contextOf(request));
      return verdict && JSON.stringify(verdict) + '\n';
    } catch (error) {
      return JSON.stringify(failClosed(request.command, error)) + '\n';
    }
  };
  const answer = async (raw: string): Promise<string> => {
    const request = parseRequest(raw);
    try {
      return JSON.stringify(await engine.classify(request.command, contextOf(request))) + '\n';
    } catch (error) {
      // A line that was read but could not be judged (the parser failed to load) is a deny.
      return JSON.stringify(failClosed(request.command, error)) + '\n';
    }
  };
  // Lines are answered a chunk at a time, in order, and each chunk's answers written at once: a
  // caller sending one line at a time still gets its answer as soon as the line is judged.
  const decoder = new (builtin<typeof import('node:string_decoder')>('node:string_decoder').StringDecoder)('utf8');
  let rest = '';
  const lines = async (text: string, last: boolean): Promise<void> => {
    const parts = (rest + text).split('\n');
    rest = last ? '' : parts.pop() ?? '';
    const out: string[] = [];
    for (const part of parts) {
      const raw = part.endsWith('\r') ? part.slice(0, -1) : part;
      if (raw.trim() !== '' || !last) out.push(answerNow(raw) ?? await answer(raw));
    }
    if (out.length > 0) io.stdout.write(out.join(''));
  };
  for await (const chunk of io.stdin()) await lines(typeof chunk === 'string' ? chunk : decoder.write(chunk), false);
  await lines(decoder.end(), true);
}

interface BatchRequest {
  readonly command: string;
  readonly cwd?: string;
  readonly env?: Record<string, string>;
}

function parseRequest(raw: string): BatchRequest {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new Error('not a JSON object: expected {"command": "…", "cwd": "…", "env": {…}}');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('expected a JSON object with a "command" string');
  const { command, cwd, env } = value as Record<string, unknown>;
  if (typeof command !== 'string') throw new Error('"command" must be a string');
  if (cwd !== undefined && typeof cwd !== 'string') throw new Error('"cwd" must be a string');
  if (env !== undefined && (typeof env !== 'object' || env === null || Array.isArray(env) ||
    Object.values(env).some((v) => typeof v !== 'string'))) throw new Error('"env" must be an object of strings');
  return { command, cwd, env: env as Record<string, string> | undefined };
}
