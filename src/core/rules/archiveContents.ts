// What an archive command packs from the folders it is given: the protected files inside them,
// found by listing the project's folders (bounded). `tar cz . | base64` or `zip -r /tmp/site.zip .`
// in a folder holding `.env.production` carries the secret out under another name, as surely as
// naming the file would.
import { Minimatch } from 'minimatch';
import { joinPath, MAX_LISTED, type ProjectFiles } from '../project/files';
import type { Args } from './args';

/** Programs whose arguments `archived` reads. */
export const ARCHIVERS: readonly string[] = ['tar', 'bsdtar', 'gtar', 'zip', '7z', '7za', '7zr', '7zz', 'jar', 'cpio', 'pax', 'rar'];

/** Folders no project keeps its own secrets in, and too big to list on every archive. */
const SKIPPED = new Set(['.git', 'node_modules', '.venv', 'venv', '__pycache__', 'vendor', 'target', '.gradle', 'Pods',
  // Home's download caches: big, and no tool keeps its login there.
  '.cache', '.npm', '.cargo', '.rustup', '.pyenv', '.nvm', '.m2', '.bun', '.yarn', '.pnpm-store']);
const MAX_FOLDERS = 5_000;
const MAX_NAMES = 50_000;
const MAX_DEPTH = 32;
/** Enough to name in a dialog. */
const MAX_FOUND = 3;

/** What an archive command packs: each input with the folder it is read from (tar's `-C`), and its exclude patterns. */
export interface Archived {
  /** `alone`: the name itself goes in, not what a folder of that name holds (zip without -r). */
  readonly inputs: readonly { readonly name: string; readonly from?: string; readonly alone?: boolean }[];
  readonly excludes: readonly string[];
  /** zip matches its patterns against the whole stored path, `*` crossing `/`; tar and 7-Zip against any name in it. */
  readonly wholePath?: boolean;
  /** 7-Zip's (and grep's) patterns match names only. */
  readonly matchNames?: boolean;
}

const NOT_ARCHIVED: Archived = { inputs: [], excludes: [] };

/** tar's short options that take a value, in bundles and old-style first words alike. */
const TAR_VALUE_LETTERS = new Set(['f', 'b', 'C', 'T', 'X', 'g', 'K', 'N', 'V', 'L', 'H', 'F', 'I']);
const TAR_VALUE_LONG = new Set(['--file', '--directory', '--files-from', '--exclude', '--exclude-from', '--blocking-factor',
  '--listed-incremental', '--starting-file', '--newer', '--after-date', '--label', '--tape-length', '--format',
  '--use-compress-program', '--transform', '--xform', '--owner', '--group', '--mode', '--mtime', '--info-script',
  '--new-volume-script', '--rsh-command', '--to-command', '--index-file', '--checkpoint-action', '--sort', '--level']);

/**
 * The inputs of an archive being written (none for one read or listed). A list of names read from
 * stdin or a file (`-T -`, `zip -@`, `cpio -o`, names from xargs) may be anything in the folder: `.`.
 */
export function archived(a: Args): Archived {
  const fed = a.command.via.some((v) => /xargs|parallel|^find\b/.test(v)) || a.list.includes('{}') || a.list.includes('{}/');
  const read = ((): Archived => {
    switch (a.program) {
      case 'tar': case 'bsdtar': case 'gtar': return tar(a.list);
      case 'zip': return zip(a.list, fed);
      case '7z': case '7za': case '7zr': case '7zz': return sevenZip(a.list);
      case 'jar': return jar(a.list);
      // `-o` packs the names on stdin; `-p` copies them to another folder (`find . | cpio -pdm /tmp/x`).
      case 'cpio': return a.has('-o', '--create', '-p', '--pass-through') ? { inputs: [{ name: '.' }], excludes: [] } : NOT_ARCHIVED;
      case 'pax': {
        if (!a.has('-w')) return NOT_ARCHIVED;
        const names = a.list.filter((w) => !w.startsWith('-'));
        return { inputs: (names.length > 0 ? names : ['.']).map((name) => ({ name })), excludes: [] };
      }
      case 'rar': return a.list[0] === 'a' || a.list[0] === 'u' ? { inputs: a.list.slice(2).filter((w) => !w.startsWith('-')).map((name) => ({ name })), excludes: [] } : NOT_ARCHIVED;
      default: return NOT_ARCHIVED;
    }
  })();
  if (!fed || read === NOT_ARCHIVED) return read;
  return { ...read, inputs: [...read.inputs.filter((i) => !i.name.startsWith('{}')), { name: '.' }] };
}

function tar(list: readonly string[]): Archived {
  let creating = false;
  let from: string | undefined;
  let fromList = false;
  const inputs: { name: string; from?: string }[] = [];
  const excludes: string[] = [];
  const letters = (bundle: string, at: number): number => {
    let used = at;
    for (const letter of bundle) {
      if (letter === 'c' || letter === 'r' || letter === 'u') creating = true;
      if (!TAR_VALUE_LETTERS.has(letter)) continue;
      const value = list[++used] ?? '';
      if (letter === 'C') from = from === undefined ? value : joinPath(from, value);
      if (letter === 'T') fromList = true;
    }
    return used;
  };
  let dashes = false;
  for (let i = 0; i < list.length; i++) {
    const word = list[i] ?? '';
    if (!dashes && i === 0 && /^[A-Za-z]+$/.test(word)) { i = letters(word, i); continue; }
    if (!dashes && word === '--') { dashes = true; continue; }
    if (!dashes && word.startsWith('--')) {
      const eq = word.indexOf('=');
      const name = eq > 0 ? word.slice(0, eq) : word;
      const value = eq > 0 ? word.slice(eq + 1) : TAR_VALUE_LONG.has(name) ? list[++i] ?? '' : undefined;
      if (name === '--create' || name === '--append' || name === '--update') creating = true;
      if (name === '--directory' && value !== undefined) from = from === undefined ? value : joinPath(from, value);
      if (name === '--files-from') fromList = true;
      // GNU tar ignores an exclude given after the names it would apply to (and says so).
      if (name === '--exclude' && value !== undefined && inputs.length === 0) excludes.push(value);
      continue;
    }
    if (!dashes && /^-[A-Za-z]/.test(word)) {
      // `-C dir`, `-Cdir`, `-czf x`: a value letter takes the rest of the bundle, else the next word.
      const bundle = word.slice(1);
      const at = [...bundle].findIndex((l) => TAR_VALUE_LETTERS.has(l));
      if (at >= 0 && at < bundle.length - 1) {
        i = letters(bundle.slice(0, at), i);
        const letter = bundle[at] ?? '';
        const value = bundle.slice(at + 1);
        if (letter === 'C') from = from === undefined ? value : joinPath(from, value);
        if (letter === 'T') fromList = true;
        continue;
      }
      i = letters(bundle, i);
      continue;
    }
    inputs.push({ name: word, from });
  }
  if (!creating) return NOT_ARCHIVED;
  return { inputs: fromList ? [...inputs, { name: '.', from }] : inputs, excludes };
}

/** zip: the archive, then its inputs (folders only with -r or -R), `-x` patterns up to the next option; `-i` limits, never widens. */
function zip(list: readonly string[], fed: boolean): Archived {
  const words: string[] = [];
  const excludes: string[] = [];
  let recursive = false;
  let fromList = false;
  let patterns: 'x' | 'i' | undefined;
  for (let i = 0; i < list.length; i++) {
    const word = list[i] ?? '';
    if (word.startsWith('-') && word !== '-') {
      patterns = word === '-x' || word === '--exclude' ? 'x' : word === '-i' || word === '--include' ? 'i' : undefined;
      if (patterns) continue;
      if (/^-[A-Za-z0-9@]*r[A-Za-z0-9@]*$/.test(word) || word === '--recurse-paths') recursive = true;
      if (/^-[A-Za-z0-9]*@/.test(word) || word === '--names-stdin') fromList = true;
      if (['-b', '-n', '-t', '-tt', '-P', '-Z', '-O', '-s', '-sp', '--password', '--temp-path', '--suffixes', '--output-file', '--split-size'].includes(word)) i++;
      continue;
    }
    if (patterns === 'x') {
      excludes.push(word);
      // Before the archive's name, where a list of patterns ends is zip's guess: take one.
      if (words.length === 0) patterns = undefined;
      continue;
    }
    if (patterns === 'i') continue;
    words.push(word);
  }
  const inputs = words.slice(1).map((name) => ({ name }));
  // `-R`: its inputs are patterns matched in the whole folder below.
  const patterned = list.some((w) => /^-[A-Za-z0-9@]*R[A-Za-z0-9@]*$/.test(w) || w === '--recurse-patterns');
  if (fromList || patterned || fed) return { inputs: [...inputs, { name: '.' }], excludes, wholePath: true };
  // Without -r a folder goes in as an empty entry: only the names themselves.
  return { inputs: recursive ? inputs : inputs.map((i) => ({ ...i, alone: true })), excludes, wholePath: true };
}

/** 7-Zip: `a` or `u`, the archive, then its inputs (the folder itself when none); `-xr!` excludes at any depth. */
function sevenZip(list: readonly string[]): Archived {
  const words = list.filter((w) => !w.startsWith('-'));
  if (words[0] !== 'a' && words[0] !== 'u') return NOT_ARCHIVED;
  const names = words.slice(2);
  // `-x!name` only excludes at the top (-r- is 7-Zip's default): not trusted for nested files.
  const excludes = list.filter((w) => /^-xr!/.test(w)).map((w) => w.slice(4));
  return { inputs: (names.length > 0 ? names : ['.']).map((name) => ({ name })), excludes, matchNames: true };
}

/** jar: `cf x.jar inputs`, `--create --file x.jar inputs`, with `-C dir` before a name as in tar. */
function jar(list: readonly string[]): Archived {
  const first = list[0] ?? '';
  const bundle = first.startsWith('--') ? '' : first.replace(/^-/, '');
  if (!(/^[A-Za-z]+$/.test(bundle) && bundle.includes('c')) && !list.includes('--create') && !list.includes('-c')) return NOT_ARCHIVED;
  let i = bundle === '' ? 0 : 1 + [...bundle].filter((l) => l === 'f' || l === 'm' || l === 'e').length;
  const inputs: { name: string; from?: string }[] = [];
  for (; i < list.length; i++) {
    const word = list[i] ?? '';
    if (word === '-C') { inputs.push({ name: list[i + 2] ?? '.', from: list[i + 1] ?? '.' }); i += 2; continue; }
    if (['--file', '-f', '--manifest', '-m', '--main-class', '-e', '--module-version', '--release'].includes(word)) { i++; continue; }
    if (word.startsWith('-')) continue;
    inputs.push({ name: word });
  }
  return { inputs, excludes: [] };
}

/**
 * Protected files under the folders the archive packs (named as the command would: `deploy/.env`),
 * less those its excludes leave out. A folder too big or deep to list in full is named as such,
 * since it may hold some. Nothing when the project's files are not at hand.
 */
export function packedSecrets(a: Args, archive: Archived): string[] {
  const { files, cut } = protectedFilesUnder(a, archive, MAX_FOUND);
  if (cut !== undefined && files.length === 0) return [`${cut} (more files than Airlock lists: it may hold protected files)`];
  return files.map((f) => f.rel);
}

/**
 * The protected files under the inputs, up to `limit`: each as the command names it and where it
 * is. `cut`: the input whose folders were too many or too deep to list in full.
 */
export function protectedFilesUnder(a: Args, archive: Archived, limit: number): Found {
  const project = a.project;
  if (!project || a.cwd === undefined || archive.inputs.length === 0) return { files: [] };
  if (!project.files.stable) return walk(a, archive, limit);
  // A batch names the same folders over and over, and its listings hold for the run: walked once.
  let byFiles = WALKS.get(project.files);
  if (!byFiles) WALKS.set(project.files, (byFiles = new WeakMap<object, Map<string, Found>>()));
  let walks = byFiles.get(a.pathGlobs);
  if (!walks) byFiles.set(a.pathGlobs, (walks = new Map<string, Found>()));
  const key = JSON.stringify([a.cwd, a.command.dir, archive, limit]);
  let found = walks.get(key);
  if (!found) {
    found = walk(a, archive, limit);
    if (walks.size >= MAX_WALKS) walks.clear();
    walks.set(key, found);
  }
  return found;
}

interface Found {
  readonly files: readonly { readonly rel: string; readonly path: string }[];
  readonly cut?: string;
}

const WALKS = new WeakMap<object, WeakMap<object, Map<string, Found>>>();
const MAX_WALKS = 256;

function walk(a: Args, archive: Archived, limit: number): Found {
  const project = a.project;
  const files: { rel: string; path: string }[] = [];
  if (!project || a.cwd === undefined || archive.inputs.length === 0) return { files };
  // Where the command runs: the line's folder, or where its `cd` led.
  const dir = a.command.dir === undefined ? a.cwd : joinPath(a.cwd, a.command.dir.replace(/^\$\{?HOME\}?(?=\/|$)/, '~'), project.home);
  const excluded = excluder(archive);
  let folders = 0;
  let names = 0;
  for (const written of expanded(archive.inputs, dir, project.files)) {
    const input = { ...written, name: hereOrHome(written.name) };
    // Other names the line computes are read by the rules that see them as written.
    if (input.name === '' || /[$`]/.test(input.name)) continue;
    const base = input.from === undefined ? dir : joinPath(dir, input.from, project.home);
    const path = joinPath(base, input.name, project.home);
    if (a.isProtected(input.name) || a.isProtected(path)) {
      files.push({ rel: input.name, path });
      continue;
    }
    if (input.alone) continue;
    const shown = input.name === '.' || input.name === './' ? '' : input.name.replace(/\/+$/, '');
    const queue: { dir: string; rel: string; depth: number }[] = [{ dir: path, rel: shown, depth: 0 }];
    for (let next = queue.shift(); next; next = queue.shift()) {
      const listed = project.files.list(next.dir);
      if (listed === undefined) continue;
      if (++folders > MAX_FOLDERS || (names += listed.length) > MAX_NAMES || listed.length > MAX_LISTED) return { files, cut: input.name };
      for (const name of listed) {
        const rel = next.rel === '' ? name : `${next.rel}/${name}`;
        const out = excluded(rel, name);
        // zip leaves out entries, not folders: what is under an excluded folder still goes in.
        if (out && !archive.wholePath) continue;
        // From the root (`/etc/shadow`, `~/.aws/credentials`), and as written for the user's own
        // globs, which may be relative.
        const full = `${next.dir}/${name}`;
        if (!out && (a.isProtected(full) || a.isProtected(rel))) {
          files.push({ rel, path: full });
          if (files.length >= limit) return { files };
          continue;
        }
        if (SKIPPED.has(name)) continue;
        if (next.depth >= MAX_DEPTH) return { files, cut: input.name };
        queue.push({ dir: full, rel, depth: next.depth + 1 });
      }
    }
  }
  return { files };
}

/**
 * Whether an archive's excludes leave a member out, read as the archiver reads them: zip's against
 * the whole stored path, tar's against the path from any folder in it down (`prod/.env*`), both
 * with `*` crossing `/`; 7-Zip's against the name.
 */
function excluder(archive: Archived): (rel: string, name: string) => boolean {
  // A pattern with many wildcards can take exponential time to fail: it excludes nothing here.
  const patterns = archive.excludes.filter((p) => p.length <= 200 && (p.match(/\*/g) ?? []).length <= 3);
  if (archive.matchNames) {
    const names = patterns.map((p) => new Minimatch(p, { dot: true, nonegate: true, nocomment: true, nobrace: true, noext: true }));
    return (_rel, name) => names.some((m) => m.match(name));
  }
  const whole = patterns.flatMap((p) => wildcard(p.replace(/^(?:\.\/)+/, '').replace(/\/+$/, '')) ?? []);
  if (archive.wholePath) return (rel) => whole.some((re) => re.test(rel));
  return (rel) => {
    const parts = rel.split('/');
    return parts.some((_, i) => whole.some((re) => re.test(parts.slice(i).join('/'))));
  };
}

/** A tar or zip wildcard as a whole-string pattern; none for one that does not compile (it excludes nothing). */
function wildcard(pattern: string): RegExp | undefined {
  try {
    return new RegExp(`^${pattern.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 's');
  } catch {
    return undefined;
  }
}

/** `$PWD`, `$(pwd)`, `~+`: the folder the command runs in; `$HOME`: home. */
function hereOrHome(name: string): string {
  return name.replace(/^(?:\$\{?PWD\}?|\$\(\s*pwd\s*\)|`\s*pwd\s*`|~\+)(?=\/|$)/, '.').replace(/^\$\{?HOME\}?(?=\/|$)/, '~');
}

/**
 * A glob (`tar cz *`, `deploy/*`, `*\/`) stands for names bash finds: the folder before its first
 * wildcard is packed whole, which holds every name the glob can match.
 */
function expanded(inputs: Archived['inputs'], dir: string, files: ProjectFiles): Archived['inputs'] {
  return inputs.flatMap((input) => {
    const name = input.name.replace(/^(?:\.\/)+/, '');
    const at = name.search(/[*?[]/);
    if (at < 0) return [input];
    const literal = name.slice(0, at);
    // A glob in the command's own folder: bash leaves hidden names out unless it starts with a dot.
    if (!name.includes('/') && input.from === undefined) {
      const pattern = new Minimatch(name, { nonegate: true, nocomment: true, nobrace: true, noext: true });
      const listed = files.list(dir) ?? [];
      // A listing cut short may leave out what the glob matches: the whole folder stands for it.
      if (listed.length > MAX_LISTED) return [{ name: '.' }];
      return listed.filter((name) => pattern.match(name)).map((name) => ({ name }));
    }
    return [{ name: literal.includes('/') ? literal.slice(0, literal.lastIndexOf('/')) || '/' : '.', from: input.from }];
  });
}
