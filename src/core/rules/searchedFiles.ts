// What a recursive search prints: the protected files under the folders it searches that hold a
// match for its pattern. grep searches only with -r; ripgrep, ag and ack search the folder by
// default, ripgrep and ag leaving hidden files (`.env.production`) out unless told (`--hidden`,
// `-uu`); git grep reads files git does not track only with `--untracked` or `--no-index`. Options
// that print no lines (`-l`, `-c`, `-q`, `--files`) print none.
import { minimatch } from 'minimatch';
import { findsIn, type SearchSyntax } from '../secrets/searchPattern';
import type { Args } from './args';
import { protectedFilesUnder } from './archiveContents';

/** Programs whose searches are read here. */
export const SEARCHERS: readonly string[] = ['grep', 'egrep', 'fgrep', 'rg', 'ag', 'ack', 'ack-grep', 'git'];

/** Protected files a search finds its pattern in, at most this many named. */
const MAX_SEARCHED = 20;

interface Search {
  readonly patterns: readonly string[];
  /** Patterns read from a file: any file may match. */
  readonly fromFile: boolean;
  readonly folders: readonly string[];
  /** Name globs left out, and (when any) the only names searched. */
  readonly excludes: readonly string[];
  readonly includes: readonly string[];
  /** Whether files and folders whose names start with a dot are searched when walking a folder. */
  readonly hidden: boolean;
  readonly syntax: SearchSyntax;
  /** Prints every line that does not match: any file with text. */
  readonly inverted: boolean;
}

interface Options {
  readonly valued: Map<string, string[]>;
  readonly operands: string[];
}

/** Options as getopt reads them: `--name=value`, `--name value` for `long`, bundles whose last letter in `letters` takes the rest or the next word. */
function readOptions(list: readonly string[], letters: ReadonlySet<string>, long: ReadonlySet<string>): Options {
  const valued = new Map<string, string[]>();
  const operands: string[] = [];
  const take = (name: string, value: string): void => {
    valued.set(name, [...valued.get(name) ?? [], value]);
  };
  let dashes = false;
  for (let i = 0; i < list.length; i++) {
    const word = list[i] ?? '';
    if (dashes || !word.startsWith('-') || word === '-') { operands.push(word); continue; }
    if (word === '--') { dashes = true; continue; }
    if (word.startsWith('--')) {
      const eq = word.indexOf('=');
      const name = eq > 0 ? word.slice(0, eq) : word;
      if (eq > 0) take(name, word.slice(eq + 1));
      else if (long.has(name)) take(name, list[++i] ?? '');
      else take(name, '');
      continue;
    }
    const bundle = word.slice(1);
    const at = [...bundle].findIndex((l) => letters.has(l));
    for (const l of at < 0 ? bundle : bundle.slice(0, at)) take(`-${l}`, '');
    if (at >= 0) take(`-${bundle[at] ?? ''}`, at < bundle.length - 1 ? bundle.slice(at + 1) : list[++i] ?? '');
  }
  return { valued, operands };
}

const GREP_LETTERS = new Set(['e', 'f', 'm', 'A', 'B', 'C', 'd', 'D']);
const GREP_LONG = new Set(['--regexp', '--file', '--max-count', '--after-context', '--before-context', '--context',
  '--directories', '--devices', '--label', '--exclude', '--include', '--exclude-dir', '--exclude-from', '--binary-files']);
const RG_LETTERS = new Set(['A', 'B', 'C', 'e', 'f', 'g', 'j', 'm', 'M', 'r', 't', 'T', 'd', 'E']);
const RG_LONG = new Set(['--regexp', '--file', '--glob', '--iglob', '--type', '--type-not', '--type-add', '--type-clear', '--threads', '--max-count',
  '--max-columns', '--replace', '--max-depth', '--maxdepth', '--encoding', '--after-context', '--before-context', '--context', '--pre', '--pre-glob',
  '--sort', '--sortr', '--colors', '--context-separator', '--field-match-separator', '--field-context-separator', '--path-separator', '--engine',
  '--max-filesize', '--dfa-size-limit', '--regex-size-limit', '--ignore-file', '--hostname-bin', '--hyperlink-format', '--generate', '--color']);
const AG_LETTERS = new Set(['A', 'B', 'C', 'G', 'g', 'm', 'p', 'W']);
const AG_LONG = new Set(['--after', '--before', '--context', '--file-search-regex', '--max-count', '--path-to-ignore', '--ignore', '--ignore-dir',
  '--depth', '--width', '--pager', '--color-line-number', '--color-match', '--color-path']);
const ACK_LETTERS = new Set(['A', 'B', 'C', 'm', 'g', 't']);
const ACK_LONG = new Set(['--after-context', '--before-context', '--context', '--max-count', '--ignore-dir', '--ignore-file', '--type', '--type-set',
  '--type-add', '--output', '--pager', '--match', '--ignore-directory', '--noignore-dir', '--noignore-directory']);
const GIT_GREP_LETTERS = new Set(['e', 'f', 'm', 'A', 'B', 'C', 'O', 'j']);
const GIT_GREP_LONG = new Set(['--max-depth', '--after-context', '--before-context', '--context', '--max-count', '--threads', '--open-files-in-pager']);

function has(o: Options, ...names: string[]): boolean {
  return names.some((n) => o.valued.has(n));
}

function values(o: Options, ...names: string[]): string[] {
  return names.flatMap((n) => o.valued.get(n) ?? []);
}

/** The pattern: `-e`/`--regexp` values, else the first operand; the rest are what is searched. */
function split(o: Options, fallback: readonly string[] = ['.']): { patterns: string[]; folders: string[]; fromFile: boolean } {
  const patterns = values(o, '-e', '--regexp');
  const fromFile = has(o, '-f', '--file');
  const rest = [...o.operands];
  if (patterns.length === 0 && !fromFile) patterns.push(rest.shift() ?? '');
  return { patterns, folders: rest.length > 0 ? rest : [...fallback], fromFile };
}

function grep(a: Args): Search | undefined {
  const o = readOptions(a.list, GREP_LETTERS, GREP_LONG);
  const recursive = has(o, '-r', '-R', '--recursive', '--dereference-recursive') || values(o, '-d', '--directories').includes('recurse');
  if (!recursive || has(o, '-l', '-L', '-c', '-q', '--files-with-matches', '--files-without-match', '--count', '--quiet', '--silent')) return undefined;
  return {
    ...split(o), excludes: values(o, '--exclude', '--exclude-dir'), includes: values(o, '--include'), hidden: true,
    inverted: has(o, '-v', '--invert-match'),
    syntax: {
      ignoreCase: has(o, '-i', '-y', '--ignore-case'),
      fixed: a.program === 'fgrep' || has(o, '-F', '--fixed-strings'),
      basic: a.program === 'grep' && !has(o, '-E', '-P', '-F', '--extended-regexp', '--perl-regexp', '--fixed-strings'),
    },
  };
}

/** Smart case (rg -S, ag's default, ack --smart-case): case is ignored when the pattern has no capital letter. */
const smart = (patterns: readonly string[]): boolean => patterns.every((p) => p === p.toLowerCase());

function ripgrep(a: Args): Search | undefined {
  const o = readOptions(a.list, RG_LETTERS, RG_LONG);
  if (has(o, '-l', '--files-with-matches', '--files-without-match', '-c', '--count', '--count-matches', '-q', '--quiet', '--files', '--type-list', '--help', '-h', '--version', '-V')) return undefined;
  const parts = split(o);
  const globs = values(o, '-g', '--glob', '--iglob');
  const types = values(o, '-t', '--type').map((t) => `*.${t}`);
  const unrestricted = (o.valued.get('-u')?.length ?? 0) + (o.valued.get('--unrestricted')?.length ?? 0);
  return {
    ...parts, excludes: globs.filter((g) => g.startsWith('!')).map((g) => g.slice(1)), includes: [...globs.filter((g) => !g.startsWith('!')), ...types],
    hidden: has(o, '--hidden', '-.') || unrestricted >= 2, inverted: has(o, '-v', '--invert-match'),
    syntax: { ignoreCase: has(o, '-i', '--ignore-case') || (has(o, '-S', '--smart-case') && smart(parts.patterns)), fixed: has(o, '-F', '--fixed-strings') },
  };
}

function silverSearcher(a: Args): Search | undefined {
  const o = readOptions(a.list, AG_LETTERS, AG_LONG);
  if (has(o, '-l', '-L', '-c', '--count', '--files-with-matches', '--files-without-matches', '-g', '--list-file-types', '--help', '-h', '--version')) return undefined;
  const parts = split(o);
  return {
    ...parts, excludes: values(o, '--ignore', '--ignore-dir'), includes: [], hidden: has(o, '--hidden', '-u', '--unrestricted'),
    inverted: has(o, '-v', '--invert-match'),
    syntax: { ignoreCase: has(o, '-i', '--ignore-case') || (!has(o, '-s', '--case-sensitive') && smart(parts.patterns)), fixed: has(o, '-Q', '--literal') },
  };
}

function ack(a: Args): Search | undefined {
  const o = readOptions(a.list, ACK_LETTERS, ACK_LONG);
  if (has(o, '-l', '-L', '-c', '--count', '--files-with-matches', '--files-without-matches', '-f', '-g', '--help', '--version', '--help-types')) return undefined;
  const parts = split(o);
  return {
    ...parts, excludes: values(o, '--ignore-dir', '--ignore-directory'), includes: [], hidden: true,
    inverted: has(o, '-v', '--invert-match'),
    syntax: { ignoreCase: has(o, '-i', '--ignore-case') || (has(o, '-S', '--smart-case') && smart(parts.patterns)), fixed: has(o, '-Q', '--literal') },
  };
}

function gitGrep(a: Args): Search | undefined {
  const at = a.list.findIndex((w) => !w.startsWith('-'));
  if (a.list[at] !== 'grep') return undefined;
  const o = readOptions(a.list.slice(at + 1), GIT_GREP_LETTERS, GIT_GREP_LONG);
  // Tracked files only, unless told: a tracked secret file is the history rules' (`git log -p`).
  if (!has(o, '--untracked', '--no-index', '--no-exclude-standard')) return undefined;
  if (has(o, '-l', '-L', '-c', '-q', '--files-with-matches', '--name-only', '--files-without-match', '--count', '--quiet')) return undefined;
  const parts = split(o);
  return {
    ...parts, folders: parts.folders.filter((f) => f !== '--'), excludes: [], includes: [], hidden: true, inverted: has(o, '-v', '--invert-match'),
    syntax: { ignoreCase: has(o, '-i', '--ignore-case'), fixed: has(o, '-F', '--fixed-strings'), basic: !has(o, '-E', '-P', '-F', '--extended-regexp', '--perl-regexp', '--fixed-strings') },
  };
}

function searchOf(a: Args): Search | undefined {
  switch (a.program) {
    case 'grep': case 'egrep': case 'fgrep': return grep(a);
    case 'rg': return ripgrep(a);
    case 'ag': return silverSearcher(a);
    case 'ack': case 'ack-grep': return ack(a);
    case 'git': return gitGrep(a);
    default: return undefined;
  }
}

/** Read once per command: match, targets and detail all ask, and the folders are listed and read on disk. */
const SEARCHED = new WeakMap<Args, string[]>();

/** `grep -rn DATABASE_URL .`, `rg -uu TOKEN`: the protected files searched that hold a match, whose lines the search prints. */
export function searchedSecrets(a: Args): string[] {
  let found = SEARCHED.get(a);
  if (!found) SEARCHED.set(a, (found = readSearchedSecrets(a)));
  return found;
}

function readSearchedSecrets(a: Args): string[] {
  const search = searchOf(a);
  if (!search) return [];
  const named = new Set(search.folders);
  const { files } = protectedFilesUnder(a, { inputs: search.folders.map((name) => ({ name })), excludes: search.excludes, matchNames: true }, MAX_SEARCHED);
  return files.filter((file) => {
    const name = file.path.slice(file.path.lastIndexOf('/') + 1);
    // A file named on the line is searched even when hidden; one found in a folder only when the tool looks at hidden ones.
    if (!search.hidden && !named.has(file.rel) && file.rel.split('/').some((part) => part.startsWith('.') && part !== '.' && part !== '..')) return false;
    if (search.includes.length > 0 && !search.includes.some((g) => minimatch(name, g, { dot: true }))) return false;
    const read = a.project?.files.read(file.path);
    if (!read || read.kind === 'missing') return false;
    if (read.kind !== 'text' || search.fromFile || search.inverted) return true;
    return search.patterns.some((p) => findsIn(read.text, p, search.syntax));
  }).map((file) => file.rel);
}
