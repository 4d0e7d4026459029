// The project-fixture corpus (test/fixtures/project-corpus.json, written apart from this code):
// a workspace, a line an agent types in it, and what a reviewer wants flagged, its tier and the
// file the evidence names. `npm run corpus` prints the misses.
import { describe, expect, test } from 'vitest';
import { PROJECT_HOLDOUT_PATH, caseContext, readProjectCorpus, scoreProjects } from '../../corpus/projectScore';
import { classify } from '../helpers';

const entries = readProjectCorpus();
const result = scoreProjects(entries, (e) => classify(e.line, caseContext(e)));
const missed = (why: string): string[] => result.misses.filter((m) => m.why === why).map((m) => `${m.entry.id}: ${m.entry.line}`);

describe('project-fixture corpus', () => {
  test('holds at least 200 cases, half of them benign', () => {
    expect(entries.length).toBeGreaterThanOrEqual(200);
    expect(result.benign).toBeGreaterThanOrEqual(entries.length / 2);
  });

  test('≥ 95% of the destructive cases are flagged', () => {
    expect(result.recall, missed('not flagged').join('\n')).toBeGreaterThanOrEqual(0.95);
  });

  test('≤ 2% of the benign cases are flagged', () => {
    expect(result.falsePositiveRate, missed('false positive').join('\n')).toBeLessThanOrEqual(0.02);
  });

  test('the tier is right on ≥ 95% of the destructive cases', () => {
    expect(result.tierAccuracy, missed('wrong tier').join('\n')).toBeGreaterThanOrEqual(0.95);
  });

  test('the finding or its evidence names the file behind it on ≥ 90% of the destructive cases', () => {
    expect(result.fileNamed, missed('file not named').join('\n')).toBeGreaterThanOrEqual(0.9);
  });
});

// Written by a second author after the engine was built, scored once before any change prompted by
// it (recall 90%, false positives 2%, tier 76%); held to the aim for held-out sets.
describe('held-out project corpus', () => {
  const holdout = readProjectCorpus(PROJECT_HOLDOUT_PATH);
  const scored = scoreProjects(holdout, (e) => classify(e.line, caseContext(e)));
  const missedHere = (why: string): string[] => scored.misses.filter((m) => m.why === why).map((m) => `${m.entry.id}: ${m.entry.line}`);

  test('holds 100 cases, half of them benign', () => {
    expect(holdout.length).toBeGreaterThanOrEqual(100);
    expect(scored.benign).toBeGreaterThanOrEqual(holdout.length / 2);
  });

  test('≥ 90% of the destructive cases are stopped and ≤ 2% of the benign ones asked', () => {
    expect(scored.recall, missedHere('not flagged').join('\n')).toBeGreaterThanOrEqual(0.9);
    expect(scored.falsePositiveRate, missedHere('false positive').join('\n')).toBeLessThanOrEqual(0.02);
  });
});
