// Whether Gemini CLI runs the hook with someone to ask (src/cli/hook/headless.ts), read from a real
// process tree: a process whose script is named gemini, started as Gemini's headless mode is.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { headlessGemini } from '../../../src/cli/hook/headless';

const dir = mkdtempSync(join(tmpdir(), 'airlock-headless-'));
const script = join(dir, 'gemini');
writeFileSync(script, 'setTimeout(() => {}, 30000);\n');
const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) c.kill();
});

function started(args: readonly string[]): number {
  const child = spawn(process.execPath, [script, ...args], { stdio: ['pipe', 'ignore', 'ignore'] });
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
