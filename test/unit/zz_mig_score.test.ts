import { test } from 'vitest';
import { readCorpus, score } from '../corpus/score';
import { classify } from './helpers';
test('mig score', () => {
  const entries = readCorpus();
  const r = score(entries, (e) => classify(e.command, { env: e.env ?? {}, cwd: '/work/app' } as never));
  for (const m of r.misses) console.log('MISS', m.why, '|', m.entry.family, '|', m.entry.label, m.entry.tier ?? '', '|', m.verdict.environment.tier, '|', m.entry.command, '|', m.verdict.findings.map((f) => f.rule).join(','));
  console.log('RECALL', r.recall, 'FPR', r.falsePositiveRate, 'TIER', r.tierAccuracy, r.total);
});
