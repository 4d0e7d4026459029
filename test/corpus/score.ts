// Scores the engine against the labelled corpus: recall on destructive and secret lines, the
// false-positive rate on benign lines, and the accuracy of the environment tier where labelled.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Tier, Verdict } from '../../src/core/verdict';

export type Label = 'destructive' | 'secret' | 'benign';

export interface CorpusEntry {
  readonly command: string;
  readonly label: Label;
  readonly family: string;
  readonly tier?: Tier;
  readonly env?: Readonly<Record<string, string>>;
  readonly note?: string;
}

export interface Miss {
  readonly entry: CorpusEntry;
  readonly verdict: Verdict;
  readonly why: 'not flagged' | 'false positive' | 'wrong tier';
}

export interface Score {
  readonly total: number;
  readonly positives: number;
  readonly flagged: number;
  readonly benign: number;
  readonly falsePositives: number;
  readonly tierLabelled: number;
  readonly tierRight: number;
  readonly recall: number;
  readonly falsePositiveRate: number;
  readonly tierAccuracy: number;
  readonly byFamily: ReadonlyMap<string, { positives: number; flagged: number; benign: number; falsePositives: number }>;
  readonly misses: readonly Miss[];
}

/** test/fixtures, found from this file's place in the source tree or in a bundle under the root. */
export const FIXTURES = [join(__dirname, '..', 'fixtures'), join(__dirname, '..', 'test', 'fixtures')]
  .find((dir) => existsSync(join(dir, 'corpus.jsonl'))) ?? join('test', 'fixtures');

export const CORPUS_PATH = join(FIXTURES, 'corpus.jsonl');
/** Written separately after the engine was tuned on corpus.jsonl, to measure how it generalises. */
export const HOLDOUT_PATH = join(FIXTURES, 'corpus-holdout.jsonl');

export function readCorpus(path: string = CORPUS_PATH): CorpusEntry[] {
  if (path === HOLDOUT_PATH && !existsSync(path)) return [];
  return readFileSync(path, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as CorpusEntry);
}

/** Flagged means the engine found something destructive or secret-reading (risk above none). */
export function score(entries: readonly CorpusEntry[], verdictOf: (entry: CorpusEntry) => Verdict): Score {
  const misses: Miss[] = [];
  const byFamily = new Map<string, { positives: number; flagged: number; benign: number; falsePositives: number }>();
  let positives = 0, flagged = 0, benign = 0, falsePositives = 0, tierLabelled = 0, tierRight = 0;
  for (const entry of entries) {
    const verdict = verdictOf(entry);
    const isFlagged = verdict.risk !== 'none';
    const family = byFamily.get(entry.family) ?? { positives: 0, flagged: 0, benign: 0, falsePositives: 0 };
    byFamily.set(entry.family, family);
    if (entry.label === 'benign') {
      benign++; family.benign++;
      if (isFlagged) { falsePositives++; family.falsePositives++; misses.push({ entry, verdict, why: 'false positive' }); }
    } else {
      positives++; family.positives++;
      if (isFlagged) { flagged++; family.flagged++; } else misses.push({ entry, verdict, why: 'not flagged' });
    }
    if (entry.tier !== undefined) {
      tierLabelled++;
      if (verdict.environment.tier === entry.tier) tierRight++;
      else misses.push({ entry, verdict, why: 'wrong tier' });
    }
  }
  return {
    total: entries.length, positives, flagged, benign, falsePositives, tierLabelled, tierRight,
    recall: positives === 0 ? 1 : flagged / positives,
    falsePositiveRate: benign === 0 ? 0 : falsePositives / benign,
    tierAccuracy: tierLabelled === 0 ? 1 : tierRight / tierLabelled,
    byFamily, misses,
  };
}

export function formatScore(s: Score): string {
  const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
  const lines = [
    `corpus: ${s.total} lines (${s.positives} destructive/secret, ${s.benign} benign, ${s.tierLabelled} with a labelled tier)`,
    `flagged destructive/secret: ${s.flagged}/${s.positives} = ${pct(s.recall)}   (target ≥ 98%)`,
    `flagged benign:             ${s.falsePositives}/${s.benign} = ${pct(s.falsePositiveRate)}   (target ≤ 1%)`,
    `environment tier right:     ${s.tierRight}/${s.tierLabelled} = ${pct(s.tierAccuracy)}   (target ≥ 97%)`,
    '',
    'by family: flagged/positives, false positives/benign',
  ];
  for (const [family, f] of [...s.byFamily].sort()) {
    lines.push(`  ${family.padEnd(18)} ${`${f.flagged}/${f.positives}`.padStart(8)}   ${`${f.falsePositives}/${f.benign}`.padStart(7)}`);
  }
  return lines.join('\n');
}
