import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { auditRecord } from '../../../src/core/audit';
import { ALLOW_VERDICT } from '../../../src/core/verdict';
import { AuditLog } from '../../../src/extension/auditLog';

const record = (i: number) => auditRecord({ time: new Date(i), source: 'hook', actor: 'cursor', kind: 'command', subject: `echo ${i} token=abcdef123`, verdict: ALLOW_VERDICT, decision: 'allow', decidedBy: 'policy' });

test('rotation keeps the chain across files; a fresh instance continues it; an edit is named', () => {
  const dir = mkdtempSync(join(tmpdir(), 'airlock-audit-'));
  const log = new AuditLog(dir, 600);
  for (let i = 0; i < 10; i++) log.append(record(i));
  new AuditLog(dir, 600).append(record(10));
  expect(readdirSync(dir).filter((f) => f.startsWith('audit-')).length).toBeGreaterThan(1);
  expect(log.verify()).toMatchObject({ ok: true, records: 11 });
  expect(log.records().map((r) => r.subject)).toEqual(Array.from({ length: 11 }, (_, i) => `echo ${i} token=***`));
  const current = log.records(true);
  expect(current.length).toBeGreaterThan(0);
  expect(current.length).toBeLessThan(11);
  expect(current.at(-1)?.subject).toBe('echo 10 token=***');
  const file = log.files()[1];
  const lines = readFileSync(file, 'utf8').split('\n');
  lines[0] = lines[0].replace('"allow"', '"deny"');
  writeFileSync(file, lines.join('\n'));
  expect(log.verify()).toMatchObject({ ok: false, file, line: 1 });
});

test('two windows appending to the same log keep one chain; each append is announced', () => {
  const dir = mkdtempSync(join(tmpdir(), 'airlock-audit-'));
  const a = new AuditLog(dir);
  let announced = 0;
  a.onAppend = () => announced++;
  const b = new AuditLog(dir);
  for (let i = 0; i < 6; i++) (i % 2 === 0 ? a : b).append(record(i));
  expect(a.verify()).toMatchObject({ ok: true, records: 6 });
  expect(announced).toBe(3);
});
