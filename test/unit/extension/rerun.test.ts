// A view's slow refresh runs once at a time, and once more when asked while it ran.
import { expect, test } from 'vitest';
import { Rerun } from '../../../src/extension/views/rerun';

test('asked during a run: the same run is returned, and exactly one more follows it', async () => {
  let runs = 0;
  let release: (() => void) | undefined;
  const rerun = new Rerun(() => {
    runs++;
    return new Promise<void>((resolve) => { release = resolve; });
  });
  const first = rerun.request();
  expect(rerun.busy).toBe(true);
  expect(rerun.request()).toBe(first);
  expect(rerun.request()).toBe(first);
  expect(runs).toBe(1);
  release?.();
  await first;
  // The follow-up started as the first ended: one, however often it was asked meanwhile.
  expect(runs).toBe(2);
  release?.();
  await expect.poll(() => rerun.busy).toBe(false);
  expect(runs).toBe(2);
});

test('a failed run frees it for the next', async () => {
  const rerun = new Rerun(() => Promise.reject(new Error('no')));
  await expect(rerun.request()).rejects.toThrow('no');
  expect(rerun.busy).toBe(false);
});
