// `npm run corpus`: the acceptance figures on the labelled corpora. `-- --misses` lists every
// line the engine got wrong.
import { Engine } from '../../src/core/engine';
import { loadParser } from '../../src/cli/parser';
import { CORPUS_PATH, HOLDOUT_PATH, formatScore, readCorpus, score } from '../corpus/score';

const parser = await loadParser();
const engine = new Engine(() => parser);
const showMisses = process.argv.includes('--misses');

for (const [title, path] of [['development corpus (test/fixtures/corpus.jsonl)', CORPUS_PATH], ['held-out corpus (test/fixtures/corpus-holdout.jsonl)', HOLDOUT_PATH]] as const) {
  const entries = readCorpus(path);
  if (entries.length === 0) continue;
  const result = score(entries, (e) => engine.classify(e.command, { env: e.env ?? {}, cwd: '/work/app' }));
  console.log(`== ${title}\n${formatScore(result)}\n`);
  if (showMisses) {
    for (const m of result.misses) {
      console.log(`  ${m.why.padEnd(14)} [${m.entry.family}] expected ${m.entry.tier ?? '-'}, got ${m.verdict.environment.tier}: ${m.entry.command.replace(/\s+/g, ' ').slice(0, 120)}`);
    }
    console.log('');
  }
}
