// What a recursive search prints: the protected files under the folders it searches that hold a
// match for its pattern. grep searches only with -r; ripgrep, ag and ack search the folder by
// default, ripgrep and ag leaving hidden files (`.env.production`) out unless told (`--hidden`,
// `-uu`); git grep reads files git does not track only with `--untracked` or `--no-index`. Options
// that print no lines (`-l`, `-c`, `-q`, `--files`) print none.
import { minimatch } from 'minimatch';
import { findsIn, type SearchSyntax } from '../secrets/searchPattern';
import { longOption, type Args } from './args';
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
  /** Folders left out by name (grep's --exclude-dir, ag's and ack's --ignore-dir). */
  readonly excludes: readonly string[];
  /** Which files the search reads (the tool's include and exclude globs, read in its own way). */
  readonly files?: (rel: string, name: string) => boolean;
  /** Whether files and folders whose names start with a dot are searched when walking a folder. */
  readonly hidden: boolean;
  /** Whether a file the tool's own filters let in is searched though hidden (ripgrep's globs and types). */
  readonly hiddenWhenIncluded?: boolean;
  readonly syntax: SearchSyntax;
  /** Prints every line that does not match: any file with text. */
  readonly inverted: boolean;
}

interface Options {
  readonly valued: Map<string, string[]>;
  readonly operands: string[];
}

/** Options as getopt reads them: `--name=value`, `--name value` for `long`, bundles whose last letter in `letters` takes the rest or the next word. */
function readOptions(list: readonly string[], letters: ReadonlySet<string>, long: ReadonlySet<string>, known: readonly string[] = []): Options {
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
      // getopt and Getopt::Long take any unambiguous start of a long option (`--rec`, `--hid`).
      const full = longOption(word, [...known, ...long]);
      const eq = full.indexOf('=');
      const name = eq > 0 ? full.slice(0, eq) : full;
      if (eq > 0) take(name, full.slice(eq + 1));
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
  '--directories', '--devices', '--label', '--exclude', '--include', '--exclude-dir', '--exclude-from', '--binary-files', '--group-separator']);
/** grep's long options without a value, for reading their abbreviations. */
const GREP_FLAGS = ['--recursive', '--dereference-recursive', '--ignore-case', '--no-ignore-case', '--invert-match', '--files-with-matches',
  '--files-without-match', '--count', '--quiet', '--silent', '--fixed-strings', '--extended-regexp', '--basic-regexp', '--perl-regexp',
  '--line-number', '--with-filename', '--no-filename', '--only-matching', '--word-regexp', '--line-regexp', '--null', '--text', '--color', '--colour'];
const RG_FLAGS = ['--hidden', '--no-hidden', '--unrestricted', '--files', '--files-with-matches', '--files-without-match', '--count', '--count-matches',
  '--quiet', '--ignore-case', '--smart-case', '--case-sensitive', '--fixed-strings', '--invert-match', '--passthru', '--passthrough', '--no-ignore',
  '--follow', '--type-list', '--line-number', '--only-matching', '--json', '--pcre2', '--multiline'];
const AG_FLAGS = ['--hidden', '--unrestricted', '--all-types', '--files-with-matches', '--files-without-matches', '--count', '--ignore-case',
  '--case-sensitive', '--smart-case', '--literal', '--fixed-strings', '--invert-match', '--list-file-types', '--passthrough', '--passthru'];
const ACK_FLAGS = ['--files-with-matches', '--files-without-matches', '--count', '--ignore-case', '--smart-case', '--no-smart-case', '--literal',
  '--invert-match', '--passthru', '--help', '--version', '--help-types', '--noignore-dir'];
const GIT_GREP_FLAGS = ['--untracked', '--no-index', '--no-exclude-standard', '--exclude-standard', '--cached', '--files-with-matches', '--name-only',
  '--files-without-match', '--count', '--quiet', '--ignore-case', '--fixed-strings', '--extended-regexp', '--perl-regexp', '--basic-regexp',
  '--invert-match', '--not', '--all-match', '--and', '--or'];
const RG_LETTERS = new Set(['A', 'B', 'C', 'e', 'f', 'g', 'j', 'm', 'M', 'r', 't', 'T', 'd', 'E']);
const RG_LONG = new Set(['--regexp', '--file', '--glob', '--iglob', '--type', '--type-not', '--type-add', '--type-clear', '--threads', '--max-count',
  '--max-columns', '--replace', '--max-depth', '--maxdepth', '--encoding', '--after-context', '--before-context', '--context', '--pre', '--pre-glob',
  '--sort', '--sortr', '--colors', '--context-separator', '--field-match-separator', '--field-context-separator', '--path-separator', '--engine',
  '--max-filesize', '--dfa-size-limit', '--regex-size-limit', '--ignore-file', '--hostname-bin', '--hyperlink-format', '--generate', '--color']);
const AG_LONG = new Set(['--after', '--before', '--context', '--file-search-regex', '--max-count', '--path-to-ignore', '--ignore', '--ignore-dir',
  '--depth', '--width', '--pager', '--color-line-number', '--color-match', '--color-path']);
const ACK_LONG = new Set(['--after-context', '--before-context', '--context', '--max-count', '--ignore-dir', '--ignore-file', '--type', '--type-set',
  '--type-add', '--output', '--pager', '--match', '--ignore-directory', '--noignore-directory']);
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

/**
 * grep's --include and --exclude, in order: the last one matching a file's name decides; a file
 * matching none is searched unless the first of them was an --include.
 */
function grepFiles(list: readonly string[]): ((rel: string, name: string) => boolean) | undefined {
  const filters: { include: boolean; glob: string }[] = [];
  for (let i = 0; i < list.length; i++) {
    const w = longOption(list[i] ?? '', [...GREP_LONG]);
    const m = /^--(include|exclude)(?:=(.*))?$/s.exec(w);
    if (!m) continue;
    filters.push({ include: m[1] === 'include', glob: m[2] ?? list[++i] ?? '' });
  }
  if (filters.length === 0) return undefined;
  return (_rel, name) => {
    let decided: boolean | undefined;
    for (const f of filters) if (minimatch(name, f.glob, { dot: true })) decided = f.include;
    return decided ?? !filters[0]?.include;
  };
}

function grep(a: Args): Search | undefined {
  const o = readOptions(a.list, GREP_LETTERS, GREP_LONG, GREP_FLAGS);
  // Run by `find … -exec grep … {} +`, it searches what find walks: the expander puts find's folder in for `{}`.
  const byFind = a.command.via.some((v) => /^find\b/.test(v));
  // `-d recurse` may be abbreviated (`-d rec`).
  const recursive = byFind || has(o, '-r', '-R', '--recursive', '--dereference-recursive') || values(o, '-d', '--directories').some((v) => v.length >= 3 && 'recurse'.startsWith(v));
  if (!recursive || has(o, '-l', '-L', '-c', '-q', '--files-with-matches', '--files-without-match', '--count', '--quiet', '--silent')) return undefined;
  const byName = grepFiles(a.list);
  // --exclude-dir leaves out folders only: a file is out when a folder above it matches.
  const dirs = values(o, '--exclude-dir');
  const files = dirs.length === 0 ? byName : (rel: string, name: string): boolean =>
    !rel.split('/').slice(0, -1).some((part) => dirs.some((g) => minimatch(part, g, { dot: true }))) && (byName?.(rel, name) ?? true);
  return {
    ...split(o), excludes: [], ...(files ? { files } : {}), hidden: true,
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

/**
 * ripgrep's -g/--glob/--iglob, in order, the last match deciding (`!` excludes); with an include
 * glob, a file matching none is left out. Matched against the path from the searched folder, a
 * glob without `/` against any part of it. A type (`-t`) lets in names this cannot list: any.
 */
function ripgrepFiles(list: readonly string[]): ((rel: string, name: string) => boolean) | undefined {
  const globs: { glob: string; nocase: boolean }[] = [];
  const types: string[] = [];
  for (let i = 0; i < list.length; i++) {
    const w = list[i] ?? '';
    const m = /^(?:(-g|--glob|--iglob)(?:=(.*))?|-g(.+))$/s.exec(w);
    const t = /^(?:(-t|--type)(?:=(.*))?|-t(.+))$/s.exec(w);
    if (m) globs.push({ glob: m[3] ?? m[2] ?? list[++i] ?? '', nocase: m[1] === '--iglob' || list.includes('--glob-case-insensitive') });
    else if (t) types.push(t[3] ?? t[2] ?? list[++i] ?? '');
  }
  // A type this does not know, or one the line defines, may let in anything.
  if (list.some((w) => w.startsWith('--type-add')) || types.some((t) => !RG_TYPES[t])) return undefined;
  const typeGlobs = types.flatMap((t) => RG_TYPES[t] ?? []);
  if (typeGlobs.length > 0) {
    const byType = (name: string): boolean => typeGlobs.some((g) => minimatch(name, g, { dot: true }));
    const rest = globs.length > 0 ? ripgrepGlobs(globs) : undefined;
    return (rel, name) => byType(name) && (rest?.(rel) ?? true);
  }
  return globs.length > 0 ? ripgrepGlobs(globs) : undefined;
}

/** Some of ripgrep's built-in file types (`rg --type-list`): the ones that hold no credential file's name. */
const RG_TYPES: Readonly<Record<string, readonly string[]>> = {
  ts: ['*.ts', '*.tsx', '*.cts', '*.mts'], js: ['*.js', '*.jsx', '*.mjs', '*.cjs', '*.vue'], py: ['*.py', '*.pyi'], go: ['*.go'], rust: ['*.rs'],
  java: ['*.java', '*.jsp', '*.jspx', '*.properties'], md: ['*.md', '*.markdown', '*.mdx', '*.mdown', '*.mkd', '*.mkdn', '*.mdwn', '*.ron'], css: ['*.css', '*.scss'],
  html: ['*.htm', '*.html', '*.ejs'], c: ['*.c', '*.h', '*.H'], cpp: ['*.cpp', '*.cc', '*.cxx', '*.hpp', '*.hh', '*.hxx', '*.h', '*.inl'], rb: ['*.rb', '*.gemspec', 'Gemfile', 'Rakefile'],
  php: ['*.php', '*.php3', '*.php4', '*.php5', '*.phtml'], swift: ['*.swift'], kotlin: ['*.kt', '*.kts'], cs: ['*.cs'], sql: ['*.sql', '*.psql'],
};

function ripgrepGlobs(globs: readonly { glob: string; nocase: boolean }[]): (rel: string) => boolean {
  const includes = globs.some((g) => !g.glob.startsWith('!'));
  return (rel: string): boolean => {
    let decided: boolean | undefined;
    for (const g of globs) {
      const negated = g.glob.startsWith('!');
      const glob = negated ? g.glob.slice(1) : g.glob;
      if (minimatch(rel, glob, { dot: true, nocase: g.nocase, matchBase: !glob.includes('/') })) decided = !negated;
    }
    return decided ?? !includes;
  };
}

function ripgrep(a: Args): Search | undefined {
  const o = readOptions(a.list, RG_LETTERS, RG_LONG, RG_FLAGS);
  if (has(o, '-l', '--files-with-matches', '--files-without-match', '-c', '--count', '--count-matches', '-q', '--quiet', '--files', '--type-list', '--help', '-h', '--version', '-V')) return undefined;
  const parts = split(o);
  const files = ripgrepFiles(a.list);
  const unrestricted = (o.valued.get('-u')?.length ?? 0) + (o.valued.get('--unrestricted')?.length ?? 0);
  // A type, a glob or an ignore file's `!` can let hidden files in: a search narrowed at all is read as reading them.
  const narrowed = has(o, '-t', '--type', '-g', '--glob', '--iglob');
  return {
    ...parts, excludes: [], ...(files ? { files } : {}),
    hidden: has(o, '--hidden', '-.') || unrestricted >= 2 || narrowed, hiddenWhenIncluded: true,
    inverted: has(o, '-v', '--invert-match', '--passthru', '--passthrough'),
    syntax: { ignoreCase: has(o, '-i', '--ignore-case') || (has(o, '-S', '--smart-case') && smart(parts.patterns)), fixed: has(o, '-F', '--fixed-strings') },
  };
}

function silverSearcher(a: Args): Search | undefined {
  // ag's -A/-B/-C take a number only when one follows, and its long forms only after `=`: read as flags, the pattern stays the pattern.
  const o = readOptions(a.list, new Set(['G', 'g', 'm', 'p', 'W']), new Set([...AG_LONG].filter((n) => !['--after', '--before', '--context'].includes(n)).concat(['--workers', '--ackmate-dir-filter'])), AG_FLAGS);
  if (has(o, '-l', '-L', '-c', '--count', '--files-with-matches', '--files-without-matches', '-g', '--list-file-types', '--help', '-h', '--version')) return undefined;
  // `-C 3 PATTERN`: a number after a context flag is its count, not the pattern.
  const counted = has(o, '-A', '-B', '-C', '--after', '--before', '--context') && /^\d+$/.test(o.operands[0] ?? '');
  const parts = split({ ...o, operands: counted ? o.operands.slice(1) : o.operands });
  return {
    ...parts, excludes: [], hidden: has(o, '--hidden', '-u', '--unrestricted'),
    inverted: has(o, '-v', '--invert-match', '--passthrough', '--passthru'),
    syntax: { ignoreCase: has(o, '-i', '--ignore-case') || (!has(o, '-s', '--case-sensitive') && smart(parts.patterns)), fixed: has(o, '-Q', '--literal', '-F', '--fixed-strings') },
  };
}

function ack(a: Args): Search | undefined {
  // ack's -C count is optional, and `--match` names the pattern; a project's .ackrc may add options: case is not trusted.
  const o = readOptions(a.list, new Set(['A', 'B', 'm', 'g', 't']), new Set([...ACK_LONG].filter((n) => n !== '--context' && n !== '--match')), ACK_FLAGS);
  if (has(o, '-l', '-L', '-c', '--count', '--files-with-matches', '--files-without-matches', '-f', '-g', '--help', '--version', '--help-types')) return undefined;
  const parts = split({ valued: new Map([...o.valued, ...(o.valued.has('--match') ? [['-e', o.valued.get('--match') ?? []] as [string, string[]]] : [])]), operands: o.operands.filter((w, i) => !(i === 0 && /^\d+$/.test(w) && has(o, '-C', '--context'))) });
  return {
    ...parts, excludes: values(o, '--ignore-dir', '--ignore-directory').filter((d) => !d.includes('.')), hidden: true,
    inverted: has(o, '-v', '--invert-match', '--passthru'),
    syntax: { ignoreCase: true, fixed: has(o, '-Q', '--literal') },
  };
}

/** git's own options before the subcommand that take a value. */
const GIT_GLOBAL_VALUES = new Set(['-C', '-c', '--git-dir', '--work-tree', '--namespace', '--exec-path', '--super-prefix', '--config-env']);

function gitGrep(a: Args): Search | undefined {
  let at = 0;
  while (at < a.list.length && (a.list[at] ?? '').startsWith('-')) at += GIT_GLOBAL_VALUES.has(a.list[at] ?? '') ? 2 : 1;
  if (a.list[at] !== 'grep') return undefined;
  const o = readOptions(a.list.slice(at + 1), GIT_GREP_LETTERS, GIT_GREP_LONG, GIT_GREP_FLAGS);
  // Tracked files only, unless told: a tracked secret file is the history rules' (`git log -p`).
  if (!has(o, '--untracked', '--no-index', '--no-exclude-standard')) return undefined;
  if (has(o, '-l', '-L', '-c', '-q', '--files-with-matches', '--name-only', '--files-without-match', '--count', '--quiet')) return undefined;
  const parts = split(o);
  return {
    // Pathspecs are wildcards matching at any depth: read as folders to search (the walk finds what they reach).
    ...parts, folders: parts.folders.some((f) => /[*?[]/.test(f)) ? ['.'] : parts.folders, excludes: [], hidden: true,
    inverted: has(o, '-v', '--invert-match', '--not'),
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
  const { files, cut } = protectedFilesUnder(a, { inputs: search.folders.map((name) => ({ name })), excludes: search.excludes, matchNames: true }, MAX_SEARCHED);
  const found = files.filter((file) => {
    const name = file.path.slice(file.path.lastIndexOf('/') + 1);
    // Below the folder named on the line (a named folder is searched even when hidden).
    const folder = search.folders.find((f) => file.rel === f || file.rel.startsWith(`${f.replace(/\/+$/, '')}/`) || f === '.' || f === './');
    const below = folder === undefined || folder === '.' || folder === './' ? file.rel : file.rel.slice(folder.replace(/\/+$/, '').length + 1);
    const included = search.files ? search.files(below, name) : undefined;
    if (included === false) return false;
    const hiddenBelow = below !== '' && file.rel !== folder && below.split('/').some((part) => part.startsWith('.') && part !== '.' && part !== '..');
    if (hiddenBelow && !search.hidden && !(search.hiddenWhenIncluded && included === true)) return false;
    const read = a.project?.files.read(file.path);
    if (!read || read.kind === 'missing') return false;
    if (read.kind !== 'text' || search.fromFile || search.inverted) return true;
    return search.patterns.some((p) => findsIn(read.text, p, search.syntax));
  }).map((file) => file.rel);
  // A folder too big to list may hold one: asked, as an archive of it is.
  return found.length === 0 && cut !== undefined ? [`${cut} (more files than Airlock lists: it may hold protected files)`] : found;
}
