// The project-fixture corpus (test/fixtures/project-corpus.json, written apart from this code):
// a workspace, a line an agent types in it, and what a reviewer wants flagged, its tier and the
// file the evidence names. `npm run corpus` prints the misses.
import { describe, expect, test } from 'vitest';
import { caseContext, readProjectCorpus, scoreProjects } from '../../corpus/projectScore';
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
