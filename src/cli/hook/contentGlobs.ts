// Search and multi-file read tools take globs (`read_many_files {include: ["**/*"]}`, Grep's
// `glob`, `include_pattern`) or a folder, and return the contents of every file they match. A
// glob made only of wildcards names no secret by itself, so the files it reaches are listed on
// disk and each is judged as a read of its own; for a search, only the files that hold a match
// (the result would show their lines). Bounded: a tree too big to list in time is reported as
// unchecked and asked about, never waved through.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { Minimatch } from 'minimatch';
import type { ContentGlobs } from '../../agents/searchScope';
import { findsIn } from '../../core/secrets/searchPattern';

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

/**
 * Whether a file holds a match for the search's regular expression. A pattern JavaScript cannot
 * read (ripgrep's own syntax), a file too big or unreadable here: assumed to (fail closed).
 */
function holdsMatch(path: string, pattern: string, ignoreCase: boolean): boolean {
  try {
    const stat = statSync(path);
    // Not a regular file (a FIFO would block the read), or too big to read here.
    if (!stat.isFile() || stat.size > 1 << 20) return true;
    return findsIn(readFileSync(path, 'utf8'), pattern, { ignoreCase });
  } catch {
    return true;
  }
}

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
  // Each glob is listed from its literal start (`d1/*.ts` from d1, `../x/**` from ../x): a
  // narrow glob in a big tree costs only its folder. A slash-less glob matches at any depth.
  const starts = relativeGlobs.map((g) => {
    const segments = g.split('/');
    const literal = segments.slice(0, segments.findIndex((x) => MAGIC.test(x)));
    return resolve(base, ...literal);
  });
  // Breadth first: the secret files that matter most (`.env` at the root) are met first.
  const queue = [...new Set(starts)].filter((start, _i, all) => !all.some((other) => other !== start && start.startsWith(other + sep)));
  for (let next = 0; next < queue.length; next++) {
    const dir = queue[next];
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue; // unreadable to us is unreadable to the tool
    }
    for (const entry of entries) {
      if (++seen > bound.entries || (seen % 256 === 0 && now() > deadline)) return { files, unchecked: spec.whole ? [] : globs };
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED.has(entry.name)) queue.push(full);
        continue;
      }
      const rel = relative(base, full);
      if (matchers.some((m) => m.match(rel)) && keep(full) && (spec.pattern === undefined || holdsMatch(full, spec.pattern, spec.ignoreCase === true))) files.push(full);
    }
  }
  return { files, unchecked: [] };
}

