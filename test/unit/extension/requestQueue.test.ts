import { describe, expect, test } from 'vitest';
import { RequestQueue } from '../../../src/extension/requestQueue';

describe('request queue', () => {
  test('runs one job at a time, in order', async () => {
    const queue = new RequestQueue({ maxWaiting: 10 });
    const order: string[] = [];
    let running = 0;
    const job = (name: string) => async (): Promise<string> => {
      running++;
      expect(running).toBe(1);
      order.push(name);
      await new Promise((r) => setTimeout(r, 5));
      running--;
      return name;
    };
    const results = await Promise.all(['a', 'b', 'c'].map((n) => queue.run(job(n), Date.now() + 5000)));
    expect(order).toEqual(['a', 'b', 'c']);
    expect(results).toEqual(['a', 'b', 'c'].map((value) => ({ kind: 'done', value })));
  });

  test('a job whose deadline passes while it waits is never run', async () => {
    const queue = new RequestQueue({ maxWaiting: 10 });
    let ran = false;
    const slow = queue.run(() => new Promise<string>((r) => setTimeout(() => r('slow'), 50)), Date.now() + 5000);
    const late = queue.run(() => { ran = true; return Promise.resolve('late'); }, Date.now() + 10);
    expect(await late).toEqual({ kind: 'timeout', shown: false, ahead: 1 });
    await slow;
    expect(ran).toBe(false);
  });

  test('a job still running at its deadline answers timeout and is aborted; the next one waits for it', async () => {
    const counts: number[] = [];
    const queue = new RequestQueue({ maxWaiting: 10, onChange: (n) => counts.push(n) });
    let finish!: () => void;
    let seen: AbortSignal | undefined;
    const first = queue.run((signal) => { seen = signal; return new Promise<string>((r) => { finish = () => r('done'); }); }, Date.now() + 20);
    expect(await first).toEqual({ kind: 'timeout', shown: true, ahead: 0 });
    expect(seen?.aborted).toBe(true);
    expect(queue.pending).toBe(0);
    const second = queue.run(() => Promise.resolve('next'), Date.now() + 5000);
    finish();
    expect(await second).toEqual({ kind: 'done', value: 'next' });
    expect(counts).toEqual([1, 0, 1, 0]);
  });

  test('a job that throws is an error, not a timeout', async () => {
    const queue = new RequestQueue({ maxWaiting: 10 });
    expect(await queue.run(() => Promise.reject(new Error('boom')), Date.now() + 5000)).toMatchObject({ kind: 'error' });
  });

  test('beyond the bound, requests are refused at once', async () => {
    const queue = new RequestQueue({ maxWaiting: 2 });
    const never = () => new Promise<string>(() => undefined);
    void queue.run(never, Date.now() + 50);
    void queue.run(never, Date.now() + 50);
    expect(await queue.run(never, Date.now() + 50)).toEqual({ kind: 'overflow' });
  });
});
