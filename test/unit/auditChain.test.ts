import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { auditRecord } from '../../src/core/audit';
import { GENESIS, chainLine, verifyChain } from '../../src/core/auditChain';
import { ALLOW_VERDICT } from '../../src/core/verdict';

const sha = (t: string): string => createHash('sha256').update(t).digest('hex');

function log(n: number): string[] {
  const lines: string[] = [];
  let prev = GENESIS;
  for (let i = 0; i < n; i++) {
    const r = auditRecord({ time: new Date(i * 1000), source: 'hook', actor: 'cursor', kind: 'command', subject: `echo ${i}`, verdict: ALLOW_VERDICT, decision: 'allow', decidedBy: 'policy' });
    const { line, hash } = chainLine(r, prev, sha);
    lines.push(line);
    prev = hash;
  }
  return lines;
}

describe('audit hash chain', () => {
  test('an untouched log verifies, and continues across files from the last hash', () => {
    const lines = log(6);
    const first = verifyChain(lines.slice(0, 3), sha);
    expect(first.ok).toBe(true);
    expect(verifyChain(lines.slice(3), sha, first.ok ? first.last : '')).toMatchObject({ ok: true, count: 3 });
  });

  test('an edited line is named by its own index', () => {
    const lines = log(5);
    lines[2] = lines[2].replace('echo 2', 'echo 9');
    expect(verifyChain(lines, sha)).toMatchObject({ ok: false, index: 2, reason: expect.stringContaining('edited') as string });
  });

  test('a removed line breaks the next one', () => {
    const lines = log(5);
    lines.splice(1, 1);
    expect(verifyChain(lines, sha)).toMatchObject({ ok: false, index: 1, reason: expect.stringContaining('removed') as string });
  });

  test('garbage is named', () => {
    const lines = log(3);
    lines[1] = '{"trunc';
    expect(verifyChain(lines, sha)).toMatchObject({ ok: false, index: 1 });
  });
});
