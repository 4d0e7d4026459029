// `airlock check --batch` with worker threads: what happens to the lines a worker holds when it
// fails, and that the answers keep the order of the lines whoever judged them.
import { EventEmitter } from 'node:events';
import { Readable, Writable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { runBatch, WORKERS_AFTER_LINES, type BatchWorker, type Judge } from '../../../src/cli/batch';

/** Answers each line with its own number: order and completeness are plain to check. */
const echo: Judge = (raws) => Promise.resolve(raws.map((raw) => `{"line":${(JSON.parse(raw) as { n: number }).n}}\n`).join(''));

class FakeWorker extends EventEmitter implements BatchWorker {
  received = 0;
  terminated = false;
  constructor(private readonly behave: (worker: FakeWorker, message: { id: number; lines: readonly string[] }) => void) {
    super();
  }
  postMessage(message: { id: number; lines: readonly string[] }): void {
    this.received += message.lines.length;
    setImmediate(() => this.behave(this, message));
  }
  terminate(): void {
    this.terminated = true;
  }
}

const answers = (worker: FakeWorker, message: { id: number; lines: readonly string[] }): void => {
  void echo(message.lines).then((out) => worker.emit('message', { id: message.id, out }));
};

async function run(count: number, workers?: FakeWorker[]): Promise<{ lines: Record<string, unknown>[]; started: boolean; warnings: string[] }> {
  const input = Array.from({ length: count }, (_, n) => JSON.stringify({ command: `ls ${n}`, n })).join('\n') + '\n';
  let out = '';
  const stdout = new Writable({ write(chunk: Buffer, _encoding, done) { out += chunk.toString(); done(); } });
  let started = false;
  // Several chunks, as a pipe delivers them.
  const chunks = input.match(/[^]{1,65536}/g) ?? [];
  const warnings: string[] = [];
  await runBatch({ stdin: () => Readable.from(chunks), stdout, warn: (m) => warnings.push(m) }, echo, workers && (() => { started = true; return workers; }));
  return { lines: out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>), started, warnings };
}

describe('check --batch on worker threads', () => {
  test('a short batch is judged in this thread: no worker starts', async () => {
    const { lines, started } = await run(WORKERS_AFTER_LINES - 1, [new FakeWorker(answers)]);
    expect(started).toBe(false);
    expect(lines.map((l) => l.line)).toEqual(Array.from({ length: WORKERS_AFTER_LINES - 1 }, (_, n) => n));
  });

  test('a long batch is shared among the workers, answered in order', async () => {
    const workers = [new FakeWorker(answers), new FakeWorker(answers)];
    const { lines, started } = await run(10_000, workers);
    expect(started).toBe(true);
    expect(lines.map((l) => l.line)).toEqual(Array.from({ length: 10_000 }, (_, n) => n));
    expect(workers[0]?.received).toBeGreaterThan(1_000);
    expect(workers[1]?.received).toBeGreaterThan(1_000);
    expect(workers.every((w) => w.terminated)).toBe(true);
  });

  test('a worker that dies loses nothing: this thread judges the lines it held, the other worker the rest', async () => {
    let pieces = 0;
    const dying = new FakeWorker((worker, message) => {
      if (++pieces === 3) worker.emit('exit', 1);
      else answers(worker, message);
    });
    const other = new FakeWorker(answers);
    const { lines, warnings } = await run(10_000, [dying, other]);
    expect(lines.map((l) => l.line)).toEqual(Array.from({ length: 10_000 }, (_, n) => n));
    expect(warnings).toEqual(['the batch worker stopped (exit 1); this process judges its lines instead']);
    expect(dying.terminated).toBe(true);
    expect(other.received).toBeGreaterThan(5_000);
  });

  test('a worker that answers nonsense is stopped; with no worker left this thread judges every line', async () => {
    const garbled = new FakeWorker((worker, message) => worker.emit('message', { id: message.id, out: 42 }));
    const { lines, warnings } = await run(6_000, [garbled]);
    expect(lines.map((l) => l.line)).toEqual(Array.from({ length: 6_000 }, (_, n) => n));
    expect(warnings).toEqual(['the batch worker sent something that is not an answer; this process judges its lines instead']);
    // Only the pieces handed over before its first answer.
    expect(garbled.received).toBeLessThanOrEqual(1_024);
    expect(garbled.terminated).toBe(true);
  });

  test('a worker that cannot start leaves the batch to this thread', async () => {
    const input = Array.from({ length: 3_000 }, (_, n) => JSON.stringify({ command: 'ls', n })).join('\n') + '\n';
    let out = '';
    const stdout = new Writable({ write(chunk: Buffer, _encoding, done) { out += chunk.toString(); done(); } });
    await runBatch({ stdin: () => Readable.from([input]), stdout }, echo, () => { throw new Error('no threads here'); });
    expect(out.trim().split('\n')).toHaveLength(3_000);
  });
});
