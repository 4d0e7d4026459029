// Search and multi-file read tools take globs (`read_many_files {include: ["**/*"]}`, Grep's
// `glob`, `include_pattern`) and return the contents of every file they match. A glob made only of
// wildcards names no secret by itself, so the files it reaches are listed on disk and each is
// judged as a read of its own. Bounded: a tree too big to list in time is reported as unchecked
// and asked about, never waved through.
import { readdirSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { Minimatch } from 'minimatch';

export interface ContentGlobs {
  /** The folder the globs are relative to (the tool's dir_path / path), else the call's cwd. */
  readonly base?: string;
  readonly globs: readonly string[];
}

export interface Reached {
  /** Files the globs match that `keep` picked (the protected ones). */
  readonly files: string[];
  /** Globs whose files could not all be listed within the bound. */
  readonly unchecked: string[];
}

export interface Bound {
  readonly entries: number;
  readonly ms: number;
}

export const DEFAULT_BOUND: Bound = { entries: 50_000, ms: 250 };

/** Folders no search tool reads by default; listing them would spend the bound on nothing. */
const SKIPPED = new Set(['.git', 'node_modules']);

const MAGIC = /[*?[{]/;

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function matcher(glob: string): Minimatch {
  // A slash-less glob matches at any depth, as ripgrep's and gitignore's do: the wider reading.
  return new Minimatch(glob, { dot: true, nocase: true, matchBase: !glob.includes('/') });
}

export function filesReached(spec: ContentGlobs, cwd: string | undefined, keep: (path: string) => boolean, bound: Bound = DEFAULT_BOUND, now: () => number = Date.now): Reached {
  const base = resolve(cwd ?? '.', spec.base ?? '.');
  // A folder given where globs go (`include: ["config"]`) reads every file in it.
  const globs = spec.globs.flatMap((g) => (MAGIC.test(g) ? [g] : isDirectory(resolve(base, g)) ? [`${g.replace(/\/+$/, '')}/**`] : []));
  if (globs.length === 0) return { files: [], unchecked: [] };
  const relativeGlobs = globs.map((g) => (isAbsolute(g) ? relative(base, g) : g.replace(/^\.\//, '')));
  const matchers = relativeGlobs.map(matcher);
  const files: string[] = [];
  const deadline = now() + bound.ms;
  let seen = 0;
  const stack = [base];
  while (stack.length > 0) {
    const dir = stack.pop() as string;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue; // unreadable to us is unreadable to the tool
    }
    for (const entry of entries) {
      if (++seen > bound.entries || (seen % 256 === 0 && now() > deadline)) return { files, unchecked: globs };
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED.has(entry.name)) stack.push(full);
        continue;
      }
      const rel = relative(base, full);
      if (matchers.some((m) => m.match(rel)) && keep(full)) files.push(full);
    }
  }
  return { files, unchecked: [] };
}
