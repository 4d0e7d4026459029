// Hostile or broken input: a verdict or a clear error each, in bounded time, never an allow for
// something the engine could not read.
import { describe, expect, test } from 'vitest';
import { Engine } from '../../src/core/engine';
import { classify } from './helpers';

describe('bad input', () => {
  test('an empty line is allowed: nothing runs', () => {
    expect(classify('')).toMatchObject({ decision: 'allow', risk: 'none' });
    expect(classify('   \n  ')).toMatchObject({ decision: 'allow' });
  });

  test('a 1 MB benign line is allowed quickly, without parsing', () => {
    const start = performance.now();
    expect(classify('echo ' + 'a '.repeat(500_000)).decision).toBe('allow');
    expect(performance.now() - start).toBeLessThan(5_000);
  });

  test('a 1 MB line hiding a destructive command is flagged', () => {
    const start = performance.now();
    const verdict = classify('echo ' + 'a '.repeat(250_000) + '; rm -rf ~; echo ' + 'b '.repeat(250_000));
    expect(verdict.decision).toBe('confirm');
    expect(verdict.findings.map((f) => f.rule)).toContain('fs.rm-root');
    expect(performance.now() - start).toBeLessThan(5_000);
  });

  test('a 1 MB line of many commands is read up to a limit and flagged as too long', () => {
    const verdict = classify('git status; '.repeat(90_000));
    expect(verdict.decision).toBe('confirm');
    expect(verdict.findings.map((f) => f.rule)).toContain('shell.too-long');
  });

  test('binary bytes are flagged and what they hide is still read', () => {
    const verdict = classify('ls \x00\x01\x02\xff\x1b[2K; rm -rf ~');
    const rules = verdict.findings.map((f) => f.rule);
    expect(rules).toContain('shell.control-characters');
    expect(rules).toContain('fs.rm-root');
    expect(verdict.decision).not.toBe('allow');
  });

  test.each([
    'rm -rf "~',
    "bash -c 'rm -rf ~",
    'git push --force "origin',
    'kubectl delete ns "prod',
  ])('unterminated quotes are read conservatively: %s', (line) => {
    expect(classify(line).decision).not.toBe('allow');
  });

  test('200 nested $(…) are flagged, not followed forever', () => {
    const line = 'echo ' + '$('.repeat(200) + 'rm -rf ~' + ')'.repeat(200);
    const start = performance.now();
    const verdict = classify(line);
    expect(verdict.decision).not.toBe('allow');
    expect(performance.now() - start).toBeLessThan(5_000);
  });

  test('deeply nested payloads stop at the depth limit and are flagged', () => {
    let line = 'rm -rf ~';
    for (let i = 0; i < 12; i++) line = `bash -c ${JSON.stringify(line)}`;
    expect(classify(line).findings.map((f) => f.rule)).toEqual(expect.arrayContaining([expect.stringMatching(/^(shell\.too-deep|fs\.rm-root)$/)]));
    expect(classify(line).decision).not.toBe('allow');
  });

  test('a dynamic program name with risky arguments is flagged', () => {
    expect(classify('$CMD -rf /').decision).not.toBe('allow');
  });
});

describe('internal errors fail closed', () => {
  test('a failing parser turns into a deny that says why', () => {
    const broken = new Engine(() => { throw new Error('boom'); });
    const verdict = broken.classify('echo $(rm -rf ~)');
    expect(verdict).toMatchObject({ decision: 'deny', risk: 'high', findings: [{ rule: 'engine.internal-error' }] });
    expect(verdict.findings[0]?.summary).toContain('boom');
  });

  test('an escape past the last code point reads as text, not an error', () => {
    expect(classify("echo $'\\U110000'").decision).toBe('allow');
    expect(classify("echo $'\\UFFFFFFFF' && rm -rf ~").findings.map((f) => f.rule)).toContain('fs.rm-root');
  });
});

describe('hostile 1 MB lines finish in bounded time', () => {
  // Each pattern once made a stage quadratic (tree-sitter's error recovery, an unbounded regex).
  const MB = 1 << 20;
  const fill = (unit: string): string => unit.repeat(Math.ceil(MB / unit.length));
  test.each([
    ['(a=', fill('(a=')], ['a=do ', fill('a=do ')], ['>', fill('>')], ['<', fill('<')], ['{a,', fill('{a,')],
    ['$(', fill('$(')], ['`', fill('`')], ["'", fill("'")], ['"x', fill('"x')], ['\\ newline', fill('\\\n')],
    ['python os.remove((', 'python3 -c "import os; os.remove(' + fill('(') + '"'], ['node rmSync', "node -e 'rmSync(a, " + fill('a') + "'"],
    ['psql DROP', 'psql -c "' + fill('DROP TABLE x; ') + '"'], ['curl body', "curl -d '" + fill('{"query":"mutation {') + "' https://x"],
    ['a-', 'curl ' + fill('a-')], [';a', 'psql ' + fill(';a')], ['a:/', 'curl ' + fill('a:/')], ['password=', 'psql ' + fill('password=')],
    ['a@b:', 'psql ' + fill('a@b:')], ['many names', 'kubectl delete ns ' + fill('a ')], ['a/', 'rm -rf ' + fill('a/')],
  ])('%s', (_name, line) => {
    const start = performance.now();
    const verdict = classify(line);
    expect(['allow', 'confirm', 'deny']).toContain(verdict.decision);
    expect(performance.now() - start).toBeLessThan(10_000);
  });
});
