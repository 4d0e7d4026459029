// The planted-secret tree: every kind the token rules cover, several times each, in the file shapes
// people keep them in, beside decoys. Built from a seed at test time; scored by file and line.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { configFiles } from './configFiles';
import { decoyFiles } from './decoyFiles';
import { textOf, type PlantedFile } from './lines';
import { seeded } from './random';
import { sourceFiles } from './sourceFiles';
import { values } from './values';

export const PLANTED_SEED = 20240611;

export function plantedFiles(seed = PLANTED_SEED): PlantedFile[] {
  const v = values(seeded(seed));
  return [
    // Secret files are ignored by git, as they should be; the scanner reads them anyway.
    { path: '.gitignore', lines: ['node_modules/', '.env*', '!.env.example', '*.key'] },
    ...configFiles(v),
    ...sourceFiles(v),
    ...decoyFiles(v),
  ];
}

/** Writes the files under `dir`/`prefix`. */
export function writePlanted(dir: string, files: readonly PlantedFile[], prefix = ''): void {
  for (const file of files) {
    const path = join(dir, prefix, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.lines.map(textOf).join('\n') + '\n');
  }
}

export interface Expected {
  /** `file:line` (path relative to the scanned folder) → the rule whose kind the secret is. */
  readonly secrets: ReadonlyMap<string, string>;
  /** `file:line` → what the decoy is. */
  readonly decoys: ReadonlyMap<string, string>;
}

export function expected(files: readonly PlantedFile[], prefix = ''): Expected {
  const secrets = new Map<string, string>();
  const decoys = new Map<string, string>();
  for (const file of files) {
    const path = prefix === '' ? file.path : `${prefix}/${file.path}`;
    file.lines.forEach((line, i) => {
      if (typeof line === 'string') return;
      if ('secret' in line) secrets.set(`${path}:${i + 1}`, line.secret);
      else decoys.set(`${path}:${i + 1}`, line.decoy);
    });
  }
  return { secrets, decoys };
}

export interface Score {
  readonly planted: number;
  readonly found: number;
  readonly recall: number;
  /** Planted secrets not reported: `file:line (rule)`. */
  readonly missed: readonly string[];
  /** Decoys reported: `file:line (what)`. */
  readonly decoysReported: readonly string[];
  /** Reports on lines that are neither planted nor decoys (in the planted files or elsewhere). */
  readonly otherReports: readonly string[];
}

export function score(findings: readonly { readonly file: string; readonly line: number }[], want: Expected): Score {
  const reported = new Set(findings.map((f) => `${f.file}:${f.line}`));
  const missed = [...want.secrets].filter(([key]) => !reported.has(key)).map(([key, rule]) => `${key} (${rule})`);
  const decoysReported = [...want.decoys].filter(([key]) => reported.has(key)).map(([key, what]) => `${key} (${what})`);
  const otherReports = [...reported].filter((key) => !want.secrets.has(key) && !want.decoys.has(key));
  const found = want.secrets.size - missed.length;
  return { planted: want.secrets.size, found, recall: found / want.secrets.size, missed, decoysReported, otherReports };
}
