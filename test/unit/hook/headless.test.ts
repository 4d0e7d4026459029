// Whether Gemini CLI or Factory Droid runs the hook with someone to ask (src/cli/hook/headless.ts),
// read from a real process tree: a process whose script is named like the agent, started as its
// headless mode is. `droid exec` let a call its hook answered "ask" run (droid 0.215.0).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { headlessDroid, headlessGemini } from '../../../src/cli/hook/headless';

const dir = mkdtempSync(join(tmpdir(), 'airlock-headless-'));
for (const agent of ['gemini', 'droid']) writeFileSync(join(dir, agent), 'setTimeout(() => {}, 30000);\n');
const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) c.kill();
});

function started(args: readonly string[], agent = 'gemini'): number {
  const child = spawn(process.execPath, [join(dir, agent), ...args], { stdio: ['pipe', 'ignore', 'ignore'] });
  children.push(child);
  return child.pid ?? 0;
}

describe.runIf(process.platform === 'linux')('headlessGemini', () => {
  test('`gemini -p …` is headless', () => {
    expect(headlessGemini(started(['-p', 'clean up', '--yolo']))).toBe(true);
    expect(headlessGemini(started(['--prompt=clean up']))).toBe(true);
  });

  test('gemini with no terminal on its stdin is headless', () => {
    expect(headlessGemini(started(['--yolo']))).toBe(true);
  });

  test('a process tree with no Gemini in it cannot be told', () => {
    expect(headlessGemini(process.pid)).toBeUndefined();
  });
});

describe.runIf(process.platform === 'linux')('headlessDroid', () => {
  test('`droid exec …` is headless', () => {
    expect(headlessDroid(started(['exec', '--auto', 'high', 'clean up'], 'droid'))).toBe(true);
  });

  test('droid with no terminal on its stdin is headless', () => {
    expect(headlessDroid(started(['--resume'], 'droid'))).toBe(true);
  });

  test('a process tree with no Droid in it cannot be told', () => {
    expect(headlessDroid(process.pid)).toBeUndefined();
  });
});
