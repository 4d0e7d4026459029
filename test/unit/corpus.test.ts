// The labelled corpus (test/fixtures/corpus.jsonl) against the acceptance figures. The same
// scoring prints the full report with `npm run corpus`.
import { expect, test } from 'vitest';
import { readCorpus, score } from '../corpus/score';
import { classify } from './helpers';

const entries = readCorpus();
const result = score(entries, (e) => classify(e.command, { env: e.env ?? {}, cwd: '/work/app' }));

test('the corpus is large and covers every family both ways', () => {
  expect(entries.length).toBeGreaterThanOrEqual(400);
  for (const [family, f] of result.byFamily) {
    expect(f.positives, family).toBeGreaterThan(0);
    expect(f.benign, family).toBeGreaterThan(0);
  }
});

test('≥ 97% of destructive and secret lines are flagged', () => {
  expect(result.misses.filter((m) => m.why === 'not flagged').map((m) => m.entry.command)).toEqual(
    result.recall >= 0.97 ? expect.any(Array) : [],
  );
  expect(result.recall).toBeGreaterThanOrEqual(0.97);
});

test('≤ 2% of benign lines are flagged', () => {
  expect(result.falsePositiveRate).toBeLessThanOrEqual(0.02);
});

test('the environment tier is right on ≥ 95% of labelled lines', () => {
  expect(result.tierAccuracy).toBeGreaterThanOrEqual(0.95);
});
