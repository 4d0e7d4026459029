// The pool that shares a long `check --batch` with worker threads, driven with a stand-in bundle
// that answers each line with a mark of its own: what the pool hands out, when, and how it fails.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { BatchPool } from '../../../src/cli/batchPool';

const dir = mkdtempSync(join(tmpdir(), 'airlock-pool-'));
const setup = { argv: ['--batch'], env: {}, cwd: dir };
let pool: BatchPool | undefined;
afterEach(async () => { await pool?.close(); pool = undefined; });

/** A bundle as a worker runs it: ready at once, then each chunk answered line by line (or `fail`: the thread throws on its first chunk). */
function bundle(name: string, body: string): string {
  const path = join(dir, `${name}.js`);
  writeFileSync(path, `const { parentPort, workerData } = require('node:worker_threads');
if (!globalThis.__airlockBatchWorker || workerData.cwd !== ${JSON.stringify(dir)}) throw new Error('not started as a batch worker');
parentPort.on('message', (m) => { ${body} });
parentPort.postMessage({ ready: true });\n`);
  return path;
}

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
}

test('a ready worker gets chunks, two at most, and answers them line by line', async () => {
  pool = new BatchPool(1, bundle('echo', 'parentPort.postMessage({ id: m.id, answers: m.lines.map((l) => "worker:" + l + "\\n") });'), setup);
  // Before the worker is ready nothing is handed out: the caller answers.
  expect(pool.offer(['early'])).toBeUndefined();
  let first: Promise<readonly string[]> | undefined;
  await until(() => (first = pool?.offer(['a', 'b'])) !== undefined);
  const second = pool.offer(['c']);
  expect(second).toBeDefined();
  // Two held: a third chunk is the caller's.
  expect(pool.offer(['d'])).toBeUndefined();
  expect(await first).toEqual(['worker:a\n', 'worker:b\n']);
  expect(await second).toEqual(['worker:c\n']);
  expect(await pool.offer(['e'])).toEqual(['worker:e\n']);
});

test('a worker that fails rejects what it held, and no more chunks go out', async () => {
  pool = new BatchPool(1, bundle('fail', 'throw new Error("broken worker");'), setup);
  let held: Promise<readonly string[]> | undefined;
  await until(() => (held = pool?.offer(['a'])) !== undefined);
  await expect(held).rejects.toThrow('broken worker');
  expect(pool.offer(['b'])).toBeUndefined();
});
