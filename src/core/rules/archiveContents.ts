// What an archive command packs from the folders it is given: the protected files inside them,
// found by listing the project's folders (bounded). `tar cz . | base64` or `zip -r /tmp/site.zip .`
// in a folder holding `.env.production` carries the secret out under another name, as surely as
// naming the file would.
import { minimatch } from 'minimatch';
import { joinPath, type ProjectFiles } from '../project/files';
import type { Args } from './args';

/** Folders no project keeps its own secrets in, and too big to list on every archive. */
const SKIPPED = new Set(['.git', 'node_modules', '.venv', 'venv', '__pycache__']);
const MAX_FOLDERS = 2_000;
const MAX_NAMES = 20_000;
const MAX_DEPTH = 12;
/** Enough to name in a dialog. */
const MAX_FOUND = 3;

/**
 * A glob in the folder the command runs in (`tar cz *`) stands for the names it matches there, as
 * bash expands it: hidden names only when the glob starts with a dot. A glob deeper in a path
 * (`src/*`) is not expanded: its names go unlisted.
 */
function expanded(inputs: readonly string[], dir: string, files: ProjectFiles): string[] {
  return inputs.flatMap((input) => {
    if (!/[*?[]/.test(input)) return [input];
    if (input.includes('/')) return [];
    return (files.list(dir) ?? []).filter((name) => minimatch(name, input));
  });
}

/**
 * Protected files under the folders among `inputs` (as the command names them: `deploy/.env`),
 * less those `excludes` leaves out; a folder too big to list in full is named as such, since it
 * may hold some. Nothing when the project's files are not at hand.
 */
export function packedSecrets(a: Args, inputs: readonly string[], excludes: readonly string[]): string[] {
  const project = a.project;
  if (!project || a.cwd === undefined) return [];
  // Where the command runs: the line's folder, or where its `cd` led.
  const dir = a.command.dir === undefined ? a.cwd : joinPath(a.cwd, a.command.dir.replace(/^\$\{?HOME\}?(?=\/|$)/, '~'), project.home);
  const excluded = (rel: string, name: string): boolean =>
    excludes.some((p) => minimatch(name, p, { dot: true }) || minimatch(rel, p, { dot: true, matchBase: true }));
  const found: string[] = [];
  let folders = 0;
  let names = 0;
  for (const input of expanded(inputs, dir, project.files)) {
    // Names the line computes are read by the rules that see them as written.
    if (input === '' || /[$`]/.test(input) || a.isProtected(input)) continue;
    const queue: { dir: string; rel: string; depth: number }[] = [{ dir: joinPath(dir, input, project.home), rel: input === '.' || input === './' ? '' : input.replace(/\/+$/, ''), depth: 0 }];
    for (let next = queue.shift(); next; next = queue.shift()) {
      const listed = project.files.list(next.dir);
      if (listed === undefined) continue;
      if (++folders > MAX_FOLDERS || (names += listed.length) > MAX_NAMES) {
        return found.length > 0 ? found : [`${input} (more files than Airlock lists: it may hold protected files)`];
      }
      for (const name of listed) {
        const rel = next.rel === '' ? name : `${next.rel}/${name}`;
        if (excluded(rel, name)) continue;
        if (a.isProtected(rel)) {
          found.push(rel);
          if (found.length >= MAX_FOUND) return found;
          continue;
        }
        if (!SKIPPED.has(name) && next.depth < MAX_DEPTH) queue.push({ dir: `${next.dir}/${name}`, rel, depth: next.depth + 1 });
      }
    }
  }
  return found;
}
