// The worker threads of a long `airlock check --batch`. Each runs this same bundle with its own
// engine, built from the same options, environment and folder as the batch itself.
import { builtin } from './builtin';
import { deniedLines, type BatchWorker } from './batch';

/** Set by the worker's start-up code before it loads the bundle: the bundle then serves, instead of running main. */
const WORKER_FLAG = 'airlock.batch-worker';

export interface WorkerSetup {
  /** `airlock check`'s own arguments. */
  readonly argv: readonly string[];
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
}

type Threads = typeof import('node:worker_threads');

export function isBatchWorker(): boolean {
  return (globalThis as Record<symbol, unknown>)[Symbol.for(WORKER_FLAG)] === true;
}

/** `count` workers running `bundle` (this CLI's own file). */
export function startBatchWorkers(bundle: string, count: number, setup: WorkerSetup): BatchWorker[] {
  const { Worker } = builtin<Threads>('node:worker_threads');
  // Workers on every core leave none to V8's helper threads for garbage collection, which then
  // only take turns with the workers: each worker collects its own garbage instead (a quarter
  // more lines per second measured on two cores). Read by each new isolate, so set before they start.
  if (count >= builtin<typeof import('node:os')>('node:os').availableParallelism()) {
    builtin<typeof import('node:v8')>('node:v8').setFlagsFromString('--single-threaded-gc');
  }
  const code = `globalThis[Symbol.for(${JSON.stringify(WORKER_FLAG)})] = true; require(${JSON.stringify(bundle)});`;
  return Array.from({ length: count }, () => new Worker(code, { eval: true, workerData: setup }));
}

/** In a worker: answers each piece of lines the batch hands over, with `judge`. */
export function serveBatch(judgeFor: (setup: WorkerSetup) => (raws: readonly string[]) => Promise<string>): void {
  const threads = builtin<Threads>('node:worker_threads');
  const parentPort = threads.parentPort;
  if (!parentPort) throw new Error('not a batch worker');
  const judge = judgeFor(threads.workerData as WorkerSetup);
  parentPort.on('message', (message: { id: number; lines: readonly string[] }) => {
    void judge(message.lines).catch((error: unknown) => deniedLines(message.lines, error))
      .then((out) => parentPort.postMessage({ id: message.id, out }));
  });
}
