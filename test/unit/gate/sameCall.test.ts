// One dialog per agent tool call (src/gate/sameCall.ts): two hooks that see one call — an agent
// running its own hook file and Claude's, or Cursor's preToolUse and beforeShellExecution — get
// one answer; separate calls are each asked about.
import { describe, expect, test } from 'vitest';
import { SameCall, SAME_CALL_MS, type CallKey } from '../../../src/gate/sameCall';

const call = (extra: Partial<CallKey> = {}): CallKey => ({ actor: 'cursor', kind: 'command', subject: 'railway volume delete -v pgdata -e production -y', cwd: '/p', ...extra });

function harness() {
  let now = 1_000;
  let asked = 0;
  const answers: ((a: string) => void)[] = [];
  const same = new SameCall<string>(() => now);
  const ask = (): Promise<string> => new Promise((resolve) => { asked++; answers.push(resolve); });
  return {
    same, ask,
    get asked() { return asked; },
    answer: (a: string) => answers.shift()?.(a),
    tick: (ms: number) => { now += ms; },
  };
}

describe('SameCall', () => {
  test('a request for a call still awaiting its answer joins it: one dialog, one answer', async () => {
    const h = harness();
    const first = h.same.run(call({ callId: 'toolu_1' }), h.ask);
    const second = h.same.run(call({ callId: 'toolu_1' }), h.ask);
    h.answer('allow');
    expect(await Promise.all([first, second])).toEqual(['allow', 'allow']);
    expect(h.asked).toBe(1);
  });

  test("an answer given moments ago stands for the call's other hook, with or without an id", async () => {
    const h = harness();
    const first = h.same.run(call({ callId: 'toolu_1' }), h.ask);
    h.answer('deny');
    await first;
    h.tick(2_000);
    expect(await h.same.run(call({ callId: 'toolu_1' }), h.ask)).toBe('deny');
    // beforeShellExecution carries no id.
    expect(await h.same.run(call(), h.ask)).toBe('deny');
    expect(h.asked).toBe(1);
  });

  test('another call with the same words (another id) is asked about', async () => {
    const h = harness();
    const first = h.same.run(call({ callId: 'toolu_1' }), h.ask);
    h.answer('allow');
    await first;
    const second = h.same.run(call({ callId: 'toolu_2' }), h.ask);
    expect(h.asked).toBe(2);
    h.answer('deny');
    expect(await second).toBe('deny');
    // The id-less twin of the second call takes the second's answer, not the first's.
    expect(await h.same.run(call(), h.ask)).toBe('deny');
  });

  test('two calls with no id, one after the other, are each asked about', async () => {
    const h = harness();
    const first = h.same.run(call(), h.ask);
    h.answer('allow');
    await first;
    void h.same.run(call(), h.ask);
    expect(h.asked).toBe(2);
  });

  test('another agent, kind, subject or folder is another call', () => {
    const h = harness();
    for (const extra of [{}, { actor: 'claude-code' }, { kind: 'mcp' }, { subject: 'ls' }, { cwd: '/q' }]) void h.same.run(call({ callId: 't', ...extra }), h.ask);
    expect(h.asked).toBe(5);
  });

  test('an answer stands for a short while only', async () => {
    const h = harness();
    const first = h.same.run(call({ callId: 'toolu_1' }), h.ask);
    h.answer('allow');
    await first;
    h.tick(SAME_CALL_MS + 1);
    void h.same.run(call({ callId: 'toolu_1' }), h.ask);
    expect(h.asked).toBe(2);
  });

  test('a failed ask is not shared: the next request asks again', async () => {
    const h = harness();
    const failing = h.same.run(call({ callId: 'toolu_1' }), () => Promise.reject(new Error('dialog crashed')));
    await expect(failing).rejects.toThrow('dialog crashed');
    void h.same.run(call({ callId: 'toolu_1' }), h.ask);
    expect(h.asked).toBe(1);
  });
});
