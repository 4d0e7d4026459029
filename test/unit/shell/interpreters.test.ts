import { describe, expect, test } from 'vitest';
import type { Word } from '../../../src/core/shell/command';
import type { Derived } from '../../../src/core/shell/derived';
import { MAX_SCANNED_CODE, scanCode, stringLiterals, type Language } from '../../../src/core/shell/interpreters';
import { MAX_EXPRESSION, readExpression, readList, readString } from '../../../src/core/shell/literals';

const from: Word = { value: '', dynamic: false, start: 0, end: 0 };

function scan(language: Language, code: string): ReturnType<typeof scanCode> {
  return scanCode(language, code, { ...from, value: code }, `${language} code`);
}

/** What each derived command amounts to, as one line. */
function lines(derived: readonly Derived[]): string[] {
  return derived.map((d) => (d.kind === 'script' ? d.text : d.words.map((w) => w.value).join(' ')));
}

describe('python calls that run a command', () => {
  test.each([
    ['os.system', `import os; os.system('rm -rf /srv')`, 'rm -rf /srv'],
    ['__import__', `__import__('os').system('rm -rf /srv')`, 'rm -rf /srv'],
    ['importlib', `import importlib; importlib.import_module('os').system('rm -rf /srv')`, 'rm -rf /srv'],
    ['sys.modules', `import sys; sys.modules['os'].system('rm -rf /srv')`, 'rm -rf /srv'],
    ['module alias', `import os as o; o.system('rm -rf /srv')`, 'rm -rf /srv'],
    ['module alias in a list', `import sys, subprocess as sp; sp.run('rm -rf /srv', shell=True)`, 'rm -rf /srv'],
    ['module assigned', `o = __import__('os'); o.system('rm -rf /srv')`, 'rm -rf /srv'],
    ['function alias', `from os import system as s; s('rm -rf /srv')`, 'rm -rf /srv'],
    ['function alias of run', `from subprocess import run as r; r(['rm', '-rf', '/srv'])`, 'rm -rf /srv'],
    ['parenthesised import', `from subprocess import (check_call as cc, run); cc('rm -rf /srv', shell=True)`, 'rm -rf /srv'],
    ['function assigned', `import os; s = os.system; s('rm -rf /srv')`, 'rm -rf /srv'],
    ['getattr with a literal name', `import os; getattr(os,'system')('rm -rf /srv')`, 'rm -rf /srv'],
    ['pty.spawn', `import pty; pty.spawn(['rm','-rf','/srv'])`, 'rm -rf /srv'],
    ['star import: system', `from os import *; system('rm -rf /srv')`, 'rm -rf /srv'],
    ['star import: popen', `from os import *; popen('rm -rf /srv')`, 'rm -rf /srv'],
    ['star import: check_output', `from subprocess import *; check_output('rm -rf /srv', shell=True)`, 'rm -rf /srv'],
    ['star import: check_call', `from subprocess import *; check_call(['rm', '-rf', '/srv'])`, 'rm -rf /srv'],
    ['star import: getoutput', `from subprocess import *; getoutput('rm -rf /srv')`, 'rm -rf /srv'],
    ['star import: call', `from subprocess import *; call('rm -rf /srv', shell=True)`, 'rm -rf /srv'],
    ['bare system without an import', `system('rm -rf /srv')`, 'rm -rf /srv'],
    ['execvp', `import os; os.execvp('rm', ['rm', '-rf', '/srv'])`, 'rm -rf /srv'],
    ['execl', `import os; os.execl('/bin/rm', 'rm', '-rf', '/srv')`, 'rm -rf /srv'],
    ['spawnlp', `import os; os.spawnlp(os.P_WAIT, 'rm', 'rm', '-rf', '/srv')`, 'rm -rf /srv'],
    ['shutil alias', `import shutil as sh; sh.rmtree('/srv')`, 'rm -rf /srv'],
    ['remove from an import', `from os import remove as rm; rm('/srv/a')`, 'rm -f /srv/a'],
  ])('%s', (_name, code, expected) => {
    const result = scan('python', code);
    expect(lines(result.derived)).toContain(expected);
    expect(result.truncated).toBe(false);
  });

  test.each([
    ['getattr with a computed name', `import os; getattr(os, 'sys' + 'tem')('rm -rf /srv')`],
    ['getattr kept for later', `import os; f = getattr(os, 'system'); f(cmd)`],
    ['alias with a variable', `import os as o; o.system(cmd)`],
    ['imported function with a variable', `from os import system as s; s(cmd)`],
  ])('%s is a dynamic call', (_name, code) => {
    expect(scan('python', code).dynamicCalls).not.toEqual([]);
  });

  test.each([
    ['a call inside a string', `print('system("rm -rf /srv")')`],
    ['a call inside a comment', `print(1)  # os.system('rm -rf /srv')`],
    ['a call in a triple-quoted string', `print("""os.system('rm -rf /srv')""")`],
    ['another object with a variable', `import platform; print(platform.system())`],
    ['getattr of a harmless attribute', `import os; print(getattr(os, 'sep'))`],
  ])('%s runs nothing', (_name, code) => {
    const result = scan('python', code);
    expect(lines(result.derived)).toEqual([]);
    expect(result.dynamicCalls).toEqual([]);
  });

  test.each([
    ['an f-string field', `import os; f"{os.system('rm -rf /srv')}"`],
    ['a string passed to exec', `exec("import os; os.system('rm -rf /srv')")`],
    ['a comment quote does not hide code', `# it's\nimport os; os.system('rm -rf /srv')  # '`],
  ])('%s still runs', (_name, code) => {
    expect(lines(scan('python', code).derived)).toContain('rm -rf /srv');
  });
});

describe('literals', () => {
  test('a raw string does not end at an escaped quote', () => {
    expect(readString(String.raw`r'a\'b'`, 0)?.value).toBe(String.raw`a\'b`);
  });

  test('an unterminated string and list are not read', () => {
    expect(readString(`'abc`, 0)).toBeUndefined();
    expect(readList(`['a', 'b'`, 0)).toBeUndefined();
  });

  test('an expression is read a bounded distance', () => {
    const expr = readExpression('('.repeat(10_000), 0, ',)');
    expect(expr.end).toBe(MAX_EXPRESSION);
    expect(expr.dynamic).toBe(true);
  });

  test('assignments are still read for deletion targets', () => {
    expect(lines(scan('javascript', `const a = '/x', b = '/srv'; require('fs').rmSync(b, {recursive: true})`).derived))
      .toEqual(['rm -rf /srv']);
  });
});

describe('hostile input stays fast', () => {
  const MB = 1024 * 1024;
  test.each([
    ['python nested brackets', 'python', `import os; os.remove(${'('.repeat(66 * 1024)}`],
    ['python unbalanced calls', 'python', `import os; os.remove(x ${'os.remove(x '.repeat(MB / 12)}`],
    ['python unterminated strings', 'python', `import os; ${"os.system('\\'".repeat(MB / 13)}`],
    ['python many imports and names', 'python', `${'import os as o; s = o.system; '.repeat(MB / 32)}`],
    ['python getattr', 'python', `${'getattr(os, ((('.repeat(MB / 16)}`],
    ['node rmSync', 'javascript', `rmSync(a, ${'rmSync(a, '.repeat(MB / 10)}`],
    ['node lists', 'javascript', `${"spawn('rm', [".repeat(MB / 14)}`],
    ['ruby qx', 'ruby', `${'qx( %x( '.repeat(MB / 9)}`],
  ] as const)('%s', (_name, language, code) => {
    const started = performance.now();
    const result = scan(language, code);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(result.truncated).toBe(code.length > MAX_SCANNED_CODE);
  });

  test('string literals of unterminated quotes', () => {
    const started = performance.now();
    stringLiterals(`x${"\\'".repeat(MB / 2)}`);
    stringLiterals(`${"'''\\".repeat(MB / 4)}`);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
