// Whether Factory Droid runs the hook with someone to ask (src/cli/hook/headless.ts), read from a
// real process tree: a process whose script is named droid. `droid exec` let a call its hook
// answered "ask" run (droid 0.215.0), so there an ask is a deny.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { headlessDroid } from '../../../src/cli/hook/headless';

const dir = mkdtempSync(join(tmpdir(), 'airlock-headless-droid-'));
const script = join(dir, 'droid');
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

describe('headlessDroid', () => {
  test('`droid exec …` is headless', () => {
    expect(headlessDroid(started(['exec', '--auto', 'high', 'clean up']))).toBe(true);
  });

  test('droid with no terminal on its stdin is headless', () => {
    expect(headlessDroid(started(['--resume']))).toBe(true);
  });

  test('a process tree with no Droid in it cannot be told', () => {
    expect(headlessDroid(process.pid)).toBeUndefined();
  });
});
