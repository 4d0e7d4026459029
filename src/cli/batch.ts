// `airlock check --batch`: JSON lines on stdin, one verdict JSON line each, in order. A long batch
// is judged by worker threads (batchWorkers.ts), each with its own engine, so it uses every core.
import { failClosed, type ClassifyContext, type LazyEngine } from '../core/engine';
import { builtin } from './builtin';

/** Judges raw request lines; the answer is their verdict lines, joined. Never rejects. */
export type Judge = (raws: readonly string[]) => Promise<string>;

/** The side of a worker the batch needs: Node's Worker, or a test's stand-in. */
export interface BatchWorker {
  postMessage(message: { readonly id: number; readonly lines: readonly string[] }): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  terminate(): unknown;
}

export interface BatchIo {
  readonly stdin: () => NodeJS.ReadableStream;
  readonly stdout: NodeJS.WritableStream;
  /** Told when a worker fails (its lines are judged again here). */
  readonly warn?: (message: string) => void;
}

/** Workers start only for a batch this long: a short one is over before a worker has loaded. */
export const WORKERS_AFTER_LINES = 2_000;
/** Lines a worker is handed at once: few enough to keep every worker busy, many enough that messages cost little. */
const PIECE_LINES = 256;
/** Pieces handed to a worker before it answers: it never waits for the next while this process writes. */
const IN_FLIGHT = 2;

interface BatchRequest {
  readonly command: string;
  readonly cwd?: string;
  readonly env?: Record<string, string>;
}

/** The judge of this thread: its own engine, each line answered as soon as the parser is loaded. */
export function lineJudge(engine: LazyEngine, context: (cwd: string | undefined, env?: Readonly<Record<string, string>>) => ClassifyContext): Judge {
  const contextOf = (request: BatchRequest): ClassifyContext => context(request.cwd, request.env);
  // Once the parser is loaded every line is judged without waiting (a promise per line costs more than most verdicts).
  const answerNow = (raw: string): string | undefined => {
    let request: BatchRequest;
    try {
      request = parseRequest(raw);
    } catch (error) {
      return errorLine(error);
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
  return async (raws) => {
    let out = '';
    for (const raw of raws) out += answerNow(raw) ?? await answer(raw);
    return out;
  };
}

/** The answer for lines nobody could judge: each read line a deny saying why, each unreadable one its error. */
export function deniedLines(raws: readonly string[], reason: unknown): string {
  return raws.map((raw) => {
    try {
      return JSON.stringify(failClosed(parseRequest(raw).command, reason)) + '\n';
    } catch (error) {
      return errorLine(error);
    }
  }).join('');
}

/**
 * Reads the batch from stdin and writes the answers in the order of the lines. Lines are answered
 * a piece at a time, and each piece's answers written as soon as every earlier piece's are: a
 * caller sending one line at a time gets its answer as soon as the line is judged.
 * `startWorkers`, when given, is called once the batch is long: from then on its workers judge.
 */
export async function runBatch(io: BatchIo, local: Judge, startWorkers?: () => readonly BatchWorker[]): Promise<void> {
  const pending: { out: string | undefined; done?: Promise<void> }[] = [];
  const flush = (): void => {
    let text = '';
    while (pending[0]?.out !== undefined) text += pending.shift()?.out ?? '';
    if (text !== '') io.stdout.write(text);
  };
  let pool: WorkerPool | undefined;
  let seen = 0;
  const judge = (raws: readonly string[]): void => {
    const slot: { out: string | undefined; done?: Promise<void> } = { out: undefined };
    pending.push(slot);
    slot.done = (pool ? pool.judge(raws) : local(raws)).catch((error: unknown) => deniedLines(raws, error)).then((out) => {
      slot.out = out;
      flush();
    });
  };
  // Bounded: a huge input is read no faster than it is judged.
  const limit = (): number => IN_FLIGHT * (pool?.size ?? 1) + 1;
  const decoder = new (builtin<typeof import('node:string_decoder')>('node:string_decoder').StringDecoder)('utf8');
  let rest = '';
  const lines = async (text: string, last: boolean): Promise<void> => {
    const parts = (rest + text).split('\n');
    rest = last ? '' : parts.pop() ?? '';
    const raws: string[] = [];
    for (const part of parts) {
      const raw = part.endsWith('\r') ? part.slice(0, -1) : part;
      if (raw.trim() !== '' || !last) raws.push(raw);
    }
    seen += raws.length;
    if (!pool && startWorkers && seen >= WORKERS_AFTER_LINES) {
      const workers = startedOrNone(startWorkers);
      const failed = (reason: string): void => io.warn?.(`${reason}; this process judges its lines instead`);
      if (workers.length > 0) pool = new WorkerPool(workers.map((w) => new PooledWorker(w, local, failed)), local);
    }
    for (let i = 0; i < raws.length; i += PIECE_LINES) {
      judge(raws.slice(i, i + PIECE_LINES));
      while (pending.length > limit()) await pending[0]?.done;
    }
  };
  try {
    for await (const chunk of io.stdin()) await lines(typeof chunk === 'string' ? chunk : decoder.write(chunk), false);
    await lines(decoder.end(), true);
    while (pending.length > 0) await pending[0]?.done;
  } finally {
    pool?.close();
  }
}

/** Workers that cannot start leave the batch to this thread. */
function startedOrNone(start: () => readonly BatchWorker[]): readonly BatchWorker[] {
  try {
    return start();
  } catch {
    return [];
  }
}

/**
 * Workers judging pieces of a batch, the least busy first. A worker that fails is handed no more:
 * this thread judges the lines it held, and the rest when no worker is left.
 */
class WorkerPool {
  constructor(private readonly workers: readonly PooledWorker[], private readonly fallback: Judge) {}

  get size(): number {
    return Math.max(1, this.workers.filter((w) => !w.gone).length);
  }

  judge(raws: readonly string[]): Promise<string> {
    let best: PooledWorker | undefined;
    for (const worker of this.workers) if (!worker.gone && (!best || worker.load < best.load)) best = worker;
    return best ? best.judge(raws) : this.fallback(raws);
  }

  close(): void {
    for (const worker of this.workers) worker.close();
  }
}

class PooledWorker {
  private readonly waiting = new Map<number, { raws: readonly string[]; resolve: (out: string | Promise<string>) => void }>();
  private next = 0;
  private closing = false;
  private failure: string | undefined;

  constructor(readonly port: BatchWorker, private readonly fallback: Judge, private readonly failed: (reason: string) => void) {
    port.on('message', (message) => this.answered(message));
    port.on('error', (error) => this.fail(`the batch worker failed: ${error.message}`));
    port.on('exit', (code) => this.fail(`the batch worker stopped (exit ${code})`));
  }

  get gone(): boolean {
    return this.failure !== undefined;
  }

  get load(): number {
    return this.waiting.size;
  }

  close(): void {
    this.closing = true;
    this.port.terminate();
  }

  judge(raws: readonly string[]): Promise<string> {
    const id = this.next++;
    return new Promise((resolve) => {
      this.waiting.set(id, { raws, resolve });
      this.port.postMessage({ id, lines: raws });
    });
  }

  private answered(message: unknown): void {
    const { id, out } = (typeof message === 'object' && message !== null ? message : {}) as { id?: unknown; out?: unknown };
    const piece = typeof id === 'number' ? this.waiting.get(id) : undefined;
    if (!piece || typeof out !== 'string') return this.fail('the batch worker sent something that is not an answer');
    this.waiting.delete(id as number);
    piece.resolve(out);
  }

  private fail(reason: string): void {
    if (this.failure === undefined) {
      this.failure = reason;
      // A worker the batch ends, its work done, failed nothing.
      if (!this.closing) {
        this.failed(reason);
        this.port.terminate();
      }
    }
    // Judged again here: judging changes nothing, and a line is never lost to a worker's failure.
    for (const { raws, resolve } of this.waiting.values()) resolve(this.fallback(raws).catch((error: unknown) => deniedLines(raws, error)));
    this.waiting.clear();
  }
}

function errorLine(error: unknown): string {
  return JSON.stringify({ error: error instanceof Error ? error.message : String(error) }) + '\n';
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
