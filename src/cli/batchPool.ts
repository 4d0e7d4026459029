// `airlock check --batch` on more than one core: chunks of lines go to worker threads, each with
// an engine of its own, while the main thread reads, answers what no worker is free for, and
// writes every answer in the order its line came.
import type { Worker } from 'node:worker_threads';

/** What a worker needs to judge lines as the main thread would: the command's own arguments and surroundings. */
export interface BatchSetup {
  readonly argv: readonly string[];
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
}

/** A chunk's answers, one string (a JSON line) per line. */
export type Answers = readonly string[];

interface Slot {
  readonly worker: Worker;
  ready: boolean;
  busy: number;
}

/** Chunks a worker may hold at once: one to judge, one waiting, so it never idles on a message. */
const DEPTH = 2;

export class BatchPool {
  private readonly slots: Slot[] = [];
  private readonly waiting = new Map<number, { resolve: (answers: Answers) => void; reject: (error: Error) => void }>();
  private next = 0;
  private failure: Error | undefined;

  /** `bundle`: this CLI's own file, loaded again in each worker. */
  constructor(size: number, bundle: string, setup: BatchSetup) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only for a long batch (see cachedLoad: no dynamic import)
    const { Worker: WorkerThread } = require('node:worker_threads') as typeof import('node:worker_threads');
    // The bundle runs `main` when loaded; this global tells it to serve chunks instead.
    const code = `globalThis.__airlockBatchWorker = require('node:worker_threads').workerData; require(${JSON.stringify(bundle)});`;
    for (let i = 0; i < size; i++) {
      const slot: Slot = { worker: new WorkerThread(code, { eval: true, workerData: setup }), ready: false, busy: 0 };
      slot.worker.on('message', (message: { ready?: true; id?: number; answers?: Answers; error?: string }) => {
        if (message.ready) slot.ready = true;
        if (message.id === undefined) return;
        slot.busy--;
        const waiting = this.waiting.get(message.id);
        this.waiting.delete(message.id);
        if (message.answers) waiting?.resolve(message.answers);
        else waiting?.reject(new Error(message.error ?? 'a batch worker failed'));
      });
      // A worker that fails takes its chunks with it: they are answered as failures (fail closed),
      // and no more go to any worker.
      slot.worker.on('error', (error: Error) => this.fail(error));
      slot.worker.on('exit', (code: number) => { if (code !== 0) this.fail(new Error(`a batch worker stopped (exit ${code})`)); });
      this.slots.push(slot);
    }
  }

  /** Answers for the chunk from a free worker, or undefined when none is (the caller answers it). */
  offer(lines: readonly string[]): Promise<Answers> | undefined {
    if (this.failure) return undefined;
    const slot = this.slots.filter((s) => s.ready && s.busy < DEPTH).sort((a, b) => a.busy - b.busy)[0];
    if (!slot) return undefined;
    const id = this.next++;
    slot.busy++;
    return new Promise<Answers>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      slot.worker.postMessage({ id, lines });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const waiting of this.waiting.values()) waiting.reject(error);
    this.waiting.clear();
  }
}

/** Serves chunks in a worker thread: `answer` judges one raw line, once `ready` has loaded the engine. */
export async function serveBatch(ready: () => Promise<void>, answer: (raw: string) => string | Promise<string>): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- see BatchPool
  const { parentPort } = require('node:worker_threads') as typeof import('node:worker_threads');
  if (!parentPort) throw new Error('not a batch worker');
  const port = parentPort;
  await ready();
  port.on('message', (message: { id: number; lines: readonly string[] }) => {
    void (async () => {
      try {
        const answers: string[] = [];
        for (const raw of message.lines) answers.push(await answer(raw));
        port.postMessage({ id: message.id, answers });
      } catch (error) {
        port.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error) });
      }
    })();
  });
  port.postMessage({ ready: true });
}
