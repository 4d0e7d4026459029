// The scanner on a tree of planted secrets of every kind the token rules cover, beside decoys
// (issue 6's acceptance: ≥ 95% of planted secrets found, no decoy reported). The values come
// from a seeded random source at test time; none is written into the repository.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { scanDirectory } from '../../../src/cli/scan';
import { TOKEN_RULES } from '../../../src/core/secrets/tokens';
import { expected, plantedFiles, score, writePlanted } from './planted/tree';

const dir = mkdtempSync(join(tmpdir(), 'airlock-planted-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const files = plantedFiles();
writePlanted(dir, files);
const want = expected(files);
const result = scanDirectory(dir);
const s = score(result.findings, want);

describe(`planted secrets: ${s.found}/${s.planted} found (recall ${(100 * s.recall).toFixed(1)}%), ${s.decoysReported.length}/${want.decoys.size} decoys reported`, () => {
  test('the tree plants at least three secrets of every kind the token rules cover', () => {
    const perRule = new Map<string, number>();
    for (const rule of want.secrets.values()) perRule.set(rule, (perRule.get(rule) ?? 0) + 1);
    const thin = TOKEN_RULES.filter((r) => (perRule.get(r.id) ?? 0) < 3).map((r) => `${r.id}: ${perRule.get(r.id) ?? 0}`);
    expect(thin, 'rules with fewer than three planted secrets').toEqual([]);
    expect(want.decoys.size).toBeGreaterThanOrEqual(60);
  });

  test('recall is at least 95%', () => {
    expect(s.recall, `missed:\n${s.missed.join('\n')}`).toBeGreaterThanOrEqual(0.95);
  });

  test('no decoy is reported', () => {
    expect(s.decoysReported).toEqual([]);
  });

  test('nothing else in the tree is reported either', () => {
    expect(s.otherReports).toEqual([]);
  });

  test('every file was read, git-ignored secret files too, and a finding holds no value', () => {
    expect(result.scanned).toBe(files.length);
    expect(result.protectedFiles).toContain('.env.production');
    expect(new Set(result.findings.flatMap((f) => Object.keys(f)))).toEqual(new Set(['file', 'line', 'rule', 'kind']));
  });
});
