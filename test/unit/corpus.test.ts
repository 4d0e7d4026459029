// The labelled corpora (test/fixtures) against the acceptance figures. `npm run corpus` prints the
// same scoring in full, with `-- --misses` for every line the engine gets wrong.
import { describe, expect, test } from 'vitest';
import { CORPUS_PATH, HOLDOUT_PATH, readCorpus, score } from '../corpus/score';
import { classify } from './helpers';

describe.each([['development corpus', CORPUS_PATH, 2500, 40], ['held-out corpus', HOLDOUT_PATH, 900, 40]] as const)('%s', (_name, path, minimum, families) => {
  const entries = readCorpus(path);
  const result = score(entries, (e) => classify(e.command, { env: e.env ?? {}, cwd: '/work/app' }));
  const missed = (why: string): string[] => result.misses.filter((m) => m.why === why).map((m) => m.entry.command);

  test('is large and covers every family both ways', () => {
    expect(entries.length).toBeGreaterThanOrEqual(minimum);
    expect(result.byFamily.size).toBeGreaterThanOrEqual(families);
    for (const [family, f] of result.byFamily) {
      expect(f.positives, family).toBeGreaterThan(0);
      expect(f.benign, family).toBeGreaterThan(0);
    }
  });

  test('≥ 98% of destructive and secret lines are flagged', () => {
    expect(result.recall, missed('not flagged').join('\n')).toBeGreaterThanOrEqual(0.98);
  });

  test('≤ 1% of benign lines are flagged', () => {
    expect(result.falsePositiveRate, missed('false positive').join('\n')).toBeLessThanOrEqual(0.01);
  });

  test('the environment tier is right on ≥ 97% of labelled lines', () => {
    expect(result.tierAccuracy, missed('wrong tier').join('\n')).toBeGreaterThanOrEqual(0.97);
  });
});
