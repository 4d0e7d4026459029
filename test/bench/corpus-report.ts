// `npm run corpus`: the acceptance figures on the labelled corpora. `-- --misses` lists every
// line the engine got wrong.
import { Engine } from '../../src/core/engine';
import { loadParser } from '../../src/cli/parser';
import { PROJECT_CORPUS_PATH, PROJECT_HOLDOUT_PATH, caseContext, readProjectCorpus, scoreProjects } from '../corpus/projectScore';
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

// The project-fixture corpora: a workspace, a line, and what a reviewer wants.
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
for (const [title, path] of [['project-fixture corpus (test/fixtures/project-corpus.json)', PROJECT_CORPUS_PATH], ['held-out project corpus (test/fixtures/project-corpus-holdout.json)', PROJECT_HOLDOUT_PATH]] as const) {
const projects = readProjectCorpus(path);
const projectResult = scoreProjects(projects, (e) => engine.classify(e.line, caseContext(e)));
console.log(`== ${title}
corpus: ${projectResult.total} cases (${projectResult.positives} destructive, ${projectResult.benign} benign)
recall:                     ${pct(projectResult.recall)}   (target ≥ 95%)
false positives:            ${pct(projectResult.falsePositiveRate)}   (target ≤ 2%)
environment tier right:     ${pct(projectResult.tierAccuracy)}   (target ≥ 95%)
the file behind it named:   ${pct(projectResult.fileNamed)}\n`);
if (showMisses) {
  for (const m of projectResult.misses) console.log(`  ${m.why.padEnd(14)} [${m.entry.family}] ${m.entry.id}: expected ${m.entry.tier ?? '-'}, got ${m.verdict.environment.tier}: ${m.entry.line.replace(/\s+/g, ' ').slice(0, 120)}`);
}
}
