// Scores the engine on the project-fixture corpus: a workspace tree, a line an agent types in it,
// and what a reviewer wants (flagged or not, the tier, the file the evidence names).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ClassifyContext } from '../../src/core/engine';
import { memoryFiles } from '../../src/core/project/files';
import type { Tier, Verdict } from '../../src/core/verdict';
import { FIXTURES } from './score';

export interface ProjectCase {
  readonly id: string;
  readonly family: string;
  readonly files: Readonly<Record<string, string>>;
  readonly cwd?: string;
  readonly line: string;
  readonly expect: 'flag' | 'allow';
  readonly tier?: Tier;
  readonly file?: string;
  readonly note?: string;
}

export interface ProjectMiss {
  readonly entry: ProjectCase;
  readonly verdict: Verdict;
  readonly why: 'not flagged' | 'false positive' | 'wrong tier' | 'file not named';
}

export interface ProjectScore {
  readonly total: number;
  readonly positives: number;
  readonly benign: number;
  readonly recall: number;
  readonly falsePositiveRate: number;
  readonly tierAccuracy: number;
  readonly fileNamed: number;
  readonly misses: readonly ProjectMiss[];
}

export const PROJECT_CORPUS_PATH = join(FIXTURES, 'project-corpus.json');
/** Written apart, after the engine, by another author: scored once before any tuning (see its test). */
export const PROJECT_HOLDOUT_PATH = join(FIXTURES, 'project-corpus-holdout.json');
const ROOT = '/work/project';

export function readProjectCorpus(path: string = PROJECT_CORPUS_PATH): ProjectCase[] {
  return JSON.parse(readFileSync(path, 'utf8')) as ProjectCase[];
}

/** The context an agent's hook would hand the engine for this case: the files, the folder, no outside environment. */
export function caseContext(entry: ProjectCase): ClassifyContext {
  const files = Object.fromEntries(Object.entries(entry.files).map(([path, text]) => [`${ROOT}/${path}`, text]));
  return { cwd: entry.cwd ? `${ROOT}/${entry.cwd}` : ROOT, env: {}, actor: 'agent', project: { files: memoryFiles(files), home: '/home/agent' } };
}

/** Whether the verdict names the file: in a finding's way through the project or in the environment's evidence. */
function names(verdict: Verdict, file: string): boolean {
  const texts = [verdict.environment.evidence ?? '', ...verdict.findings.flatMap((f) => [f.through ?? '', f.environment.evidence ?? ''])];
  return texts.some((t) => t.includes(file));
}

export function scoreProjects(entries: readonly ProjectCase[], verdictOf: (entry: ProjectCase) => Verdict): ProjectScore {
  const misses: ProjectMiss[] = [];
  let positives = 0, flagged = 0, benign = 0, falsePositives = 0, tierRight = 0, named = 0;
  for (const entry of entries) {
    const verdict = verdictOf(entry);
    // As in the line corpora: flagged when something destructive was found, whatever the tier's policy then decides.
    const isFlagged = verdict.risk !== 'none';
    if (entry.expect === 'allow') {
      benign++;
      if (isFlagged) { falsePositives++; misses.push({ entry, verdict, why: 'false positive' }); }
      continue;
    }
    positives++;
    if (!isFlagged) { misses.push({ entry, verdict, why: 'not flagged' }); continue; }
    flagged++;
    if (verdict.environment.tier === entry.tier) tierRight++;
    else misses.push({ entry, verdict, why: 'wrong tier' });
    if (entry.file === undefined || names(verdict, entry.file)) named++;
    else misses.push({ entry, verdict, why: 'file not named' });
  }
  return {
    total: entries.length, positives, benign,
    recall: positives === 0 ? 1 : flagged / positives,
    falsePositiveRate: benign === 0 ? 0 : falsePositives / benign,
    tierAccuracy: positives === 0 ? 1 : tierRight / positives,
    fileNamed: positives === 0 ? 1 : named / positives,
    misses,
  };
}
