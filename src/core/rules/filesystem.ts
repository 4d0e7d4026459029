// Filesystem family: recursive/forced deletion, wiping disks and filesystems, truncation, mirror
// deletes and recursive permission changes on system trees.
import type { SimpleCommand, Word } from '../shell/command';
import { isProtectedPath } from '../secrets/paths';
import { nonFlagArgs, type Args } from './args';
import type { Rule } from './types';

type Danger = 'critical' | 'high' | 'throwaway';

// Directories and files an agent deletes all day because a build or install recreates them.
const THROWAWAY_NAMES = new Set([
  'node_modules', 'bower_components', 'dist', 'build', 'out', '.output', '.next', '.nuxt', '.svelte-kit',
  '.angular', '.expo', '.vite', '.webpack', 'storybook-static', 'target', 'coverage', '.nyc_output',
  'htmlcov', '.cache', '__pycache__', '.pytest_cache', '.mypy_cache', '.ruff_cache', '.tox', '.eggs',
  '.turbo', '.parcel-cache', '.sass-cache', '.eslintcache', '.gradle', '.dart_tool', 'DerivedData', 'obj',
  'tmp', 'temp', '.tmp', '.temp', '.venv', 'venv', '.DS_Store', 'Thumbs.db', '_cacache', '.coverage',
  // Perl's and Elixir's build output (ExtUtils::MakeMaker's blib, Module::Build's and mix's _build).
  'blib', '_build',
  // Test runners' and doc builders' output (Playwright's reports and traces, Docusaurus' cache).
  'playwright-report', 'test-results', 'blob-report', '.docusaurus', '.astro',
  // `terraform init` downloads it again (providers, modules); the state itself lives elsewhere.
  '.terraform',
  // Lockfiles are committed, so `git checkout` brings them back; deleting them before a reinstall is routine.
  'package-lock.json', 'yarn.lock', 'pnpm-lock.yaml', 'bun.lockb',
]);
/**
 * Folders a project's tools make again (`dotnet build`, `go build -o bin/`, `composer install`,
 * `pod install`) or its runs leave (`logs/`), throwaway only inside the project: `~/bin` or
 * `/opt/app/bin` is someone's.
 */
const PROJECT_REBUILT_NAMES = new Set(['bin', 'vendor', 'Pods', 'logs', 'log', 'site', '_site', 'cdk.out', '.serverless', '.pnpm-store', '.jekyll-cache', '__snapshots__', 'generated']);
const THROWAWAY_SUFFIXES = ['.pyc', '.pyo', '.o', '.class', '.tsbuildinfo', '.egg-info'];
// Extra name patterns that make a `find … -delete` a cleanup of junk rather than of data.
const FIND_THROWAWAY_SUFFIXES = ['.log', '.tmp', '.bak', '.orig', '.rej', '.swp', '~'];

// Top-level directories whose loss breaks the machine or loses other people's data.
const SYSTEM_DIRS = new Set([
  'bin', 'boot', 'dev', 'etc', 'home', 'lib', 'lib32', 'lib64', 'libx32', 'media', 'mnt', 'opt', 'proc',
  'root', 'run', 'sbin', 'srv', 'sys', 'tmp', 'usr', 'var', 'snap', 'nix', 'System', 'Library',
  'Applications', 'Users', 'Volumes', 'private', 'cores',
]);
// Trees where anything at any depth belongs to the operating system.
const OS_TREES = new Set(['bin', 'boot', 'etc', 'lib', 'lib32', 'lib64', 'libx32', 'sbin', 'sys', 'proc', 'usr', 'System']);
// Home entries that hold a person's whole work or identity, not one project.
const HOME_ESSENTIALS = new Set([
  'Documents', 'Desktop', 'Downloads', 'Pictures', 'Music', 'Movies', 'Videos', 'Library', '.ssh', '.gnupg',
  '.aws', '.config', '.local', '.kube', 'src', 'code', 'projects', 'repos', 'dev', 'work', 'workspace', 'git',
  'go', 'Dropbox', 'OneDrive',
]);

/** Lexically normalised path: `~` for home, `..` folded, `./` and trailing slashes dropped. */
function normalisePath(raw: string): string {
  let p = raw.replace(/\\/g, '/');
  p = p.replace(/^\$\{HOME\}(?=\/|$)/, '~').replace(/^\$HOME(?=\/|$)/, '~');
  p = p.replace(/^\/(?:home|Users)\/[^/]+(?=\/|$)/, '~').replace(/^\/root(?=\/|$)/, '~');
  const absolute = p.startsWith('/');
  const home = p === '~' || p.startsWith('~/');
  const parts = p.split('/').filter((s) => s !== '' && s !== '.');
  const out: string[] = [];
  for (const part of parts) {
    if (home && out.length === 0) { out.push(part); continue; }
    const last = out[out.length - 1];
    if (part === '..' && last !== undefined && last !== '..' && !(home && out.length === 1)) out.pop();
    else if (part === '..' && absolute) continue;
    else if (part === '..' && home && out.length === 1) continue;
    else out.push(part);
  }
  if (absolute) return '/' + out.join('/');
  return out.length === 0 ? '.' : out.join('/');
}

function isGlobAll(segment: string): boolean {
  return segment === '*' || segment === '.*' || segment === '**' || segment === '{*,.*}';
}

function isThrowawaySegment(segment: string): boolean {
  return THROWAWAY_NAMES.has(segment) || THROWAWAY_SUFFIXES.some((s) => segment.endsWith(s) && segment.length > s.length);
}

/** How bad deleting this (normalised, literal) path is. */
function classifyPath(p: string, recursive: boolean): Danger {
  const serious: Danger = recursive ? 'critical' : 'high';
  if (p === '/' || p === '~' || p === '.' || p === '*') return serious;
  const absolute = p.startsWith('/');
  const segments = (absolute ? p.slice(1) : p).split('/');
  const first = segments[0] ?? '';
  const rest = segments.slice(1);
  // `..`, `../..`, `../*`, `/*`, `~/*`, `.*`: the whole tree above or around the project.
  if (segments.every((s) => s === '..' || isGlobAll(s))) return serious;
  if (first === '~') {
    if (rest.length === 0 || rest.every(isGlobAll)) return serious;
    if (segments.some(isThrowawaySegment)) return 'throwaway';
    if (rest.length === 1 && HOME_ESSENTIALS.has(rest[0] ?? '')) return 'critical';
    return 'high';
  }
  if (absolute) {
    if ((first === 'tmp' || (first === 'var' && rest[0] === 'tmp') || (first === 'dev' && rest[0] === 'shm'))) {
      const inside = first === 'tmp' ? rest : rest.slice(1);
      if (inside.length > 0 && !inside.every(isGlobAll)) return 'throwaway';
      return 'critical';
    }
    if (SYSTEM_DIRS.has(first)) {
      if (rest.length === 0 || rest.every(isGlobAll)) return 'critical';
      if (first === 'usr' && rest[0] === 'local' && rest.length > 2) {
        return segments.some(isThrowawaySegment) ? 'throwaway' : 'high';
      }
      if (OS_TREES.has(first)) return 'critical';
      if (first === 'var' && (rest.length === 1 || rest[0] === 'lib')) return 'critical';
      if ((first === 'Library' || first === 'private') && rest.length === 1) return 'critical';
    }
  }
  // Bundler's install directory (`bundle install --path vendor/bundle`).
  if (segments.some(isThrowawaySegment) || /(?:^|\/)vendor\/bundle(?:\/|$)/.test(p)) return 'throwaway';
  // A committed vendor/ or bin/ comes back with git; an installed one with the install.
  // (Inside one too: `bin/Debug`, `logs/*`.)
  if (!absolute && first !== '..' && segments.some((x) => PROJECT_REBUILT_NAMES.has(x))) return 'throwaway';
  return 'high';
}

/** Strips the leading `$VAR`, `${…}`, `$(…)` or backtick parts of a dynamic word. */
function stripLeadingDynamic(value: string): string {
  let i = 0;
  for (;;) {
    if (value.startsWith('${', i)) {
      const end = value.indexOf('}', i);
      if (end < 0) return '';
      i = end + 1;
    } else if (value.startsWith('$(', i)) {
      let depth = 0;
      let j = i + 1;
      for (; j < value.length; j++) {
        if (value[j] === '(') depth++;
        else if (value[j] === ')' && --depth === 0) break;
      }
      i = j + 1;
    } else if (value[i] === '`') {
      const end = value.indexOf('`', i + 1);
      if (end < 0) return '';
      i = end + 1;
    } else if (value[i] === '$' && /[A-Za-z_]/.test(value[i + 1] ?? '')) {
      i++;
      while (i < value.length && /[A-Za-z0-9_]/.test(value[i] ?? '')) i++;
    } else {
      return value.slice(i);
    }
  }
}

function classifyWord(word: Word, recursive: boolean): Danger {
  const value = word.value;
  if (word.dynamic && /^\$\{?(?:TMPDIR|TMP|TEMP)\}?\/./.test(value)) {
    const rest = normalisePath('/tmp/' + value.slice(value.indexOf('/') + 1));
    return classifyPath(rest, recursive);
  }
  const temporary = madeByMktemp(value);
  if (temporary) return temporary.path.startsWith(temporary.made) ? 'throwaway' : classifyPath(temporary.path, recursive);
  // `${DIR:?}` aborts the command when DIR is empty, so the path cannot collapse to `/`.
  if (word.dynamic && /^\$\{[A-Za-z_][A-Za-z0-9_]*:?\?[^}]*\}/.test(value)) {
    const rest = normalisePath(value.slice(value.indexOf('}') + 1));
    const danger = classifyPath(rest.startsWith('/') ? rest.slice(1) || '.' : rest, recursive);
    return danger === 'critical' ? 'high' : danger;
  }
  if (word.dynamic && /^\$\{?HOME\}?(?:\/|$)/.test(value)) return classifyPath(normalisePath(value), recursive);
  if (word.dynamic && /^[$`]/.test(value)) {
    // `rm -rf "$DIR/"` with DIR empty or unset is `rm -rf /`.
    const rest = stripLeadingDynamic(value);
    if (rest === '') return 'high';
    if (rest.startsWith('/')) {
      const path = normalisePath(rest);
      if (path === '/' || path.split('/').slice(1).every(isGlobAll)) return recursive ? 'critical' : 'high';
      return classifyPath(path, recursive);
    }
    return classifyPath(normalisePath(rest), recursive);
  }
  return classifyPath(normalisePath(value), recursive);
}

/**
 * `$(mktemp -d)/x`: a fresh folder under $TMPDIR (or `-p DIR`, or the template's folder), and what
 * the rest of the word makes of it: `/..` climbs out into the folder that holds everyone's.
 */
function madeByMktemp(value: string): { made: string; path: string } | undefined {
  const m = /^(?:\$\(\s*(mktemp\b[^()`$;&|]*)\)|`\s*(mktemp\b[^()`$;&|]*)`)(.*)$/.exec(value);
  if (!m) return undefined;
  const words = (m[1] ?? m[2] ?? '').trim().split(/\s+/).slice(1);
  let dir = '/tmp';
  for (let i = 0; i < words.length; i++) {
    const w = words[i] ?? '';
    if (w === '-p' || w === '--tmpdir') dir = words[++i] ?? dir;
    else if (w.startsWith('--tmpdir=')) dir = w.slice('--tmpdir='.length);
    else if (/^-[a-zA-Z]*p$/.test(w)) dir = words[++i] ?? dir;
    else if (!w.startsWith('-') && w.includes('/')) dir = w.slice(0, w.lastIndexOf('/')) || '/';
  }
  const made = normalisePath(`${dir.replace(/^["']|["']$/g, '')}/tmp.XXXXXXXXXX`);
  return { made, path: normalisePath(made + (m[3] ?? '')) };
}

function isFindCommand(c: SimpleCommand | undefined): boolean {
  return c !== undefined && c.program === 'find';
}

interface RmReading { readonly recursive: boolean; readonly forced: boolean; readonly interactive: boolean; readonly targets: readonly Word[]; readonly noPreserveRoot: boolean }

function readRm(command: SimpleCommand): RmReading {
  let recursive = false;
  let forced = false;
  let noPreserveRoot = false;
  let interactive = false;
  let afterDashes = false;
  const targets: Word[] = [];
  for (const word of command.argv.slice(1)) {
    const v = word.value;
    if (!afterDashes && v === '--') { afterDashes = true; continue; }
    if (!afterDashes && v.startsWith('--')) {
      if (v === '--recursive') recursive = true;
      else if (v === '--force') { forced = true; interactive = false; }
      else if (v === '--interactive' || v === '--interactive=always') interactive = true;
      else if (v === '--no-preserve-root') noPreserveRoot = true;
      continue;
    }
    if (!afterDashes && /^-[A-Za-z]+$/.test(v)) {
      if (/[rR]/.test(v)) recursive = true;
      if (v.includes('f')) forced = true;
      // `-i` asks before each file (the last of -i / -f given wins).
      if (v.includes('i')) interactive = v.lastIndexOf('i') > v.lastIndexOf('f');
      else if (v.includes('f')) interactive = false;
      continue;
    }
    targets.push(word);
  }
  return { recursive, forced, interactive, targets, noPreserveRoot };
}

const rmCache = new WeakMap<SimpleCommand, Danger | undefined>();

/** Worst danger among an `rm -r`/`rm -f` command's targets; undefined when it is not one. */
function rmDanger(command: SimpleCommand): Danger | undefined {
  if (rmCache.has(command)) return rmCache.get(command);
  const result = computeRmDanger(command);
  rmCache.set(command, result);
  return result;
}

// Files whose loss is data, not code: databases, dumps, backups and stores' own files.
const DATA_FILE = /\.(?:db|db3|sqlite|sqlite3|mdb|accdb|dump|pgdump|rdb|aof|ibd|myd|bak|backup|wal)$/i;
// A glob reaching such files or Terraform's state (`rm -f *.tfstate`, `rm -f prod.sql*`).
const DATA_GLOB = /[*?[][^/]*\.(?:db|db3|sqlite3?|dump|bak|tfstate)$|\.(?:tfstate|sql|dump|db|sqlite3?)[*?]+$/i;

/**
 * A single file deleted inside the project is everyday work that git or a rebuild undoes
 * (`rm -f file.txt`); a database file, every file (`*`) or a file outside the project may not be.
 */
function fileDeletionMatters(word: Word): boolean {
  // `rm -f "$FILE"`: one file, named at run time; only a fixed absolute or data-file tail says more.
  const p = normalisePath(word.dynamic ? stripLeadingDynamic(word.value) || '.' : word.value);
  if (word.dynamic && !p.startsWith('/')) return DATA_FILE.test(p);
  if (p.startsWith('/') || p === '~' || p.startsWith('~/') || p === '..' || p.startsWith('../')) return true;
  // `rm .env.production`, `rm .env*`: an ignored secret file is often the only copy, and git cannot bring it
  // back; nor the repository's own files (`rm -f .git/index`), nor a dump or backup (`backups/dump.sql`).
  return DATA_FILE.test(p) || p.split('/').every(isGlobAll) || (!word.dynamic && isProtectedPath(p)) ||
    /(?:^|\/)\.git\/./.test(p) || /(?:^|\/)(?:backups?|dumps?)\/|dump[^/]*\.sql$|\.sql\.(?:gz|bz2|xz|zst)$/i.test(p) || DATA_GLOB.test(p);
}

/** A last segment like `*.log` or `app-*.tmp`: a glob that only files are named by. */
const FILE_GLOB = /(?:^|\/)[\w.-]*\*[\w-]*\.[A-Za-z][A-Za-z0-9]{0,7}$/;

function namesFilesByExtension(word: Word): boolean {
  return !word.dynamic && FILE_GLOB.test(word.value);
}

/**
 * A relative target where the line's `cd` put it (`cd / && rm -rf bin` deletes /bin): judged as
 * that path, so a name that is throwaway in a project (`bin`, `logs`, `tmp`) is not taken as one.
 */
function placed(word: Word, dir: string | undefined): Word {
  if (dir === undefined || word.dynamic || /^[/~$]/.test(word.value) || word.value === '{}') return word;
  return { ...word, value: `${dir.replace(/\/+$/, '')}/${word.value}` };
}

function computeRmDanger(command: SimpleCommand): Danger | undefined {
  const read = readRm(command);
  const rm = command.dir === undefined ? read : { ...read, targets: read.targets.map((t) => placed(t, command.dir)) };
  if (rm.noPreserveRoot) return 'critical';
  // `rm -ri`: rm asks before each file, so nothing goes without an answer (an agent cannot give one).
  if (rm.interactive) return undefined;
  if (!rm.recursive) {
    // Without -r only files go; a forced delete of names read from stdin is still judged below.
    // In interpreter code the name is usually a variable (`os.remove(f)` in a loop): never a known single file.
    const inCode = command.via.some((v) => / code \(/.test(v));
    // `… | xargs rm -f`: the names arrive at run time, any number of them.
    const fed = command.via.some((v) => /xargs|parallel/.test(v));
    const danger = rm.targets.length > 0 ? worst(rm.targets.map((t) => (t.value === '{}' && t.dynamic && fed ? 'high' : inCode || fileDeletionMatters(t) ? classifyWord(t, false) : undefined)))
      : rm.forced ? undefined : 'none';
    if (danger !== undefined || rm.targets.length > 0) return danger === 'none' ? undefined : danger;
  }
  let dangers: (Danger | undefined)[];
  if (rm.targets.length > 0) {
    const fromFind = isFindCommand(command.parent) || command.via.some((v) => v.startsWith('find'));
    dangers = rm.targets.map((t) => {
      // `find … -exec rm {} +`: the find rule judges what `{}` stands for.
      if (t.value === '{}' || t.value === '{}/') return fromFind ? 'throwaway' : 'high';
      // `rm -rf logs/*.log`: the names are files, so -r changes nothing and they are judged as files.
      if (rm.recursive && namesFilesByExtension(t)) return fileDeletionMatters(t) ? classifyWord(t, false) : undefined;
      return classifyWord(t, rm.recursive);
    });
  } else if (command.stdin !== undefined) {
    // `echo dist | xargs rm -rf`: the names arrive on stdin.
    const words = command.stdin.split(/\s+/).filter((w) => w !== '');
    if (words.length === 0) return undefined;
    dangers = words.map((w) => classifyPath(normalisePath(w), rm.recursive));
  } else if (command.stdinUnknown || command.via.some((v) => /xargs|parallel/.test(v))) {
    return 'high';
  } else {
    return undefined;
  }
  return worst(dangers);
}

function worst(dangers: readonly (Danger | undefined)[]): Danger | undefined {
  if (dangers.includes('critical')) return 'critical';
  if (dangers.includes('high')) return 'high';
  return undefined;
}

/** The literal paths an `rm` deletes, for the caller's version control; undefined when any is dynamic. */
function rmRecoverable(a: Args): readonly string[] | undefined {
  const targets = readRm(a.command).targets;
  return targets.length === 0 || targets.some((t) => t.dynamic || t.value === '{}') ? undefined : targets.map((t) => t.value);
}

// find: the paths before the expression, after the -H/-L/-P/-D/-O options.
/** The paths removed: a name like `/mnt/stage-assets` or `data/prod.db` names its environment. */
function rmTargets(a: Args): string[] {
  return readRm(a.command).targets.map((t) => t.value);
}

/** System paths, home dotfiles, block devices and database files: overwriting them loses what they held. */
function isSensitiveTarget(path: string): boolean {
  if (isDevice(path)) return true;
  if (/^\/(?:etc|usr|boot|bin|sbin|lib\d*|var\/lib)(?:\/|$)/.test(path)) return true;
  if (/^(?:~|\$HOME|\$\{HOME\})\/\.[^/]/.test(path)) return true;
  return /\.(?:db|sqlite3?)$/i.test(path) && classifyWord(plainWord(path), false) !== 'throwaway';
}

const plainWord = (value: string): Word => ({ value, dynamic: false, start: 0, end: 0 });

/**
 * Files emptied on purpose: `: > f`, a bare `> f`, `true > f`, `cat /dev/null > f`,
 * `cp /dev/null f` (not devices or throwaway files).
 */
function emptiedFiles(a: Args): string[] {
  const operands = nonFlagArgs(a.list);
  const files = a.program === 'cp' ? (operands[0] === '/dev/null' ? operands.slice(1) : [])
    : a.program === ':' || a.program === 'true' || (a.program === 'cat' && a.list.length === 1 && a.list[0] === '/dev/null') ? a.command.writes
      : [];
  // Emptying a log or output file is routine housekeeping.
  return files.filter((f) => f !== '' && !f.startsWith('/dev/') && !/\.(?:log|out|tmp)$/i.test(f) &&
    classifyWord(plainWord(f), false) !== 'throwaway');
}

function findStartPaths(list: readonly string[]): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < list.length) {
    const a = list[i] ?? '';
    if (a === '-H' || a === '-L' || a === '-P' || /^-O\d*$/.test(a)) { i++; continue; }
    if (a === '-D') { i += 2; continue; }
    break;
  }
  for (; i < list.length; i++) {
    const a = list[i] ?? '';
    if (a.startsWith('-') || a === '(' || a === '!' || a === ',' || a === '\\(') break;
    out.push(a);
  }
  return out.length > 0 ? out : ['.'];
}

const DELETERS = new Set(['rm', 'rmdir', 'unlink', 'shred']);

// find tests and actions that take the next word as their value (`-name -delete` names a file).
const FIND_VALUE_PRIMARIES: ReadonlySet<string> = new Set([
  '-name', '-iname', '-path', '-ipath', '-wholename', '-iwholename', '-regex', '-iregex', '-lname', '-ilname',
  '-newer', '-anewer', '-cnewer', '-samefile', '-user', '-group', '-uid', '-gid', '-perm', '-size', '-type',
  '-xtype', '-mtime', '-atime', '-ctime', '-mmin', '-amin', '-cmin', '-used', '-links', '-inum', '-fstype',
  '-maxdepth', '-mindepth', '-printf', '-fprint', '-fprint0', '-fls', '-context', '-regextype', '-files0-from',
]);

function findDeletes(list: readonly string[]): boolean {
  for (let i = 0; i < list.length; i++) {
    const a = list[i] ?? '';
    if (FIND_VALUE_PRIMARIES.has(a) || /^-newer[amcBt]{2}$/.test(a)) { i++; continue; }
    if (a === '-fprintf') { i += 2; continue; }
    if (a === '-delete') return true;
    if (a === '-exec' || a === '-execdir' || a === '-ok' || a === '-okdir') {
      const prog = (list[i + 1] ?? '').split('/').pop() ?? '';
      if (DELETERS.has(prog)) return true;
    }
  }
  return false;
}

function findIsCleanup(list: readonly string[]): boolean {
  if (list.includes('-empty')) return true;
  for (let i = 0; i < list.length; i++) {
    const a = list[i];
    if (a === '-name' || a === '-iname' || a === '-path' || a === '-ipath' || a === '-wholename') {
      const pattern = (list[i + 1] ?? '').split('/').pop() ?? '';
      const bare = pattern.replace(/\*/g, 'x');
      if (THROWAWAY_NAMES.has(pattern) || isThrowawaySegment(bare) ||
          FIND_THROWAWAY_SUFFIXES.some((s) => bare.endsWith(s) && bare.length > s.length)) return true;
    }
  }
  return false;
}

function findDanger(a: Args): Danger | undefined {
  const list = a.list;
  if (!findDeletes(list) || findIsCleanup(list)) return undefined;
  const starts = findStartPaths(list).map((p) => {
    const word: Word = { value: p, dynamic: /[$`]/.test(p), start: 0, end: 0 };
    // Starting at `.` is the ordinary project-wide cleanup, serious but not beyond the project.
    if (p === '.' || p === './') return 'high';
    // Deleting matches under a temp root (`find /tmp -name 'jest_*' -delete`) is cleanup.
    if (/^(?:\/tmp|\/var\/tmp|\/private\/tmp|\$\{?TMPDIR\}?)\/?$/.test(p)) return undefined;
    return classifyWord(word, true);
  });
  if (starts.includes('critical')) return 'critical';
  if (starts.every((d) => d === undefined)) return undefined;
  if (starts.includes('high')) return 'high';
  return undefined;
}

const DEVICE_SINKS = /^\/dev\/(?:null|zero|stdout|stderr|tty|fd\/|shm\/|random|urandom)/;

function isDevice(path: string): boolean {
  return path.startsWith('/dev/') && !DEVICE_SINKS.test(path);
}

// Short-flag bundle check that also reads bundles longer than the shared helper allows (`-avzhn`).
function bundleHas(list: readonly string[], letter: string): boolean {
  return list.some((a) => /^-[A-Za-z]+$/.test(a) && a.includes(letter));
}

const IMAGE_FILE = /\.(img|raw|iso|qcow2|vhdx?|vmdk|dmg|bin)$/i;

const MKFS_PROGRAMS = [
  'mkfs', 'mke2fs', 'mkfs.ext2', 'mkfs.ext3', 'mkfs.ext4', 'mkfs.xfs', 'mkfs.btrfs', 'mkfs.vfat', 'mkfs.fat',
  'mkfs.msdos', 'mkfs.ntfs', 'mkfs.exfat', 'mkfs.f2fs', 'mkfs.minix', 'mkfs.jfs', 'mkfs.reiserfs', 'mkfs.bfs',
  'mkfs.cramfs', 'mkfs.hfsplus', 'mkntfs', 'mkdosfs', 'mkexfatfs', 'mkswap', 'newfs', 'newfs_apfs', 'newfs_hfs',
];

const SYSTEM_TREE_TARGET = (p: string): boolean => {
  const n = normalisePath(p);
  if (n === '/' || n === '~' || n === '/*' || n === '~/*') return true;
  const segs = n.split('/');
  return n.startsWith('/') && segs.length === 2 && SYSTEM_DIRS.has(segs[1] ?? '') ||
    n.startsWith('/') && OS_TREES.has(segs[1] ?? '') && segs.length <= 3;
};

function rsyncDeletes(a: Args): boolean {
  const deletes = a.list.some((x) => x === '--del' || x === '--delete' || x.startsWith('--delete-') || x.startsWith('--delete='));
  return deletes && !a.has('--dry-run') && !bundleHas(a.list, 'n') && !a.list.includes('--list-only');
}

function rsyncDestination(a: Args): string | undefined {
  const args = nonFlagArgs(a.list);
  return args.length >= 2 ? args[args.length - 1] : undefined;
}

function remoteHost(spec: string): string | undefined {
  const m = /^(?:rsync:\/\/)?(?:[^@/:]+@)?([^/:]+):/.exec(spec);
  return m ? m[1] : undefined;
}

/** In-place editors and the option that makes them edit (`sed -i`, `perl -pi -e`). */
function inPlaceEdit(a: Args): boolean {
  if (a.program === 'sed' || a.program === 'gsed') return a.options.some((x) => x === '--in-place' || x.startsWith('--in-place=') || /^-[a-zA-Z]*i/.test(x));
  if (a.program === 'perl' || a.program === 'ruby') return a.options.some((x) => /^-[a-zA-Z]*i/.test(x));
  return false;
}

// Options of the copiers whose value is the next word, so it is not read as a destination.
const COPY_VALUE_FLAGS = ['-t', '--target-directory', '-S', '--suffix', '-m', '--mode', '-o', '--owner', '-g', '--group', '--backup'];

/** Files a command writes over in place: a copy's or move's destination, tee's files, dd's `of=`, an in-place edit's files. */
function overwrittenFiles(a: Args): string[] {
  const operands = copyOperands(a);
  switch (a.program) {
    case 'cp': case 'mv': case 'install': case 'ln': {
      if (a.program === 'ln' && !a.has('-f', '--force')) return [];
      const dir = a.value('-t', '--target-directory');
      if (dir !== undefined) return [];
      return operands.length >= 2 ? [operands[operands.length - 1] ?? ''] : [];
    }
    case 'tee': return a.has('-a', '--append') ? [] : operands;
    case 'dd': return a.values('of').filter((f) => !isDevice(f));
    default: return inPlaceEdit(a) ? operands.slice(a.program === 'sed' || a.program === 'gsed' ? (a.has('-e', '--expression', '-f', '--file') ? 0 : 1) : 1) : [];
  }
}

function copyOperands(a: Args): string[] {
  const out: string[] = [];
  const list = a.list;
  let dashes = false;
  for (let i = 0; i < list.length; i++) {
    const x = list[i] ?? '';
    if (!dashes && x === '--') { dashes = true; continue; }
    if (!dashes && x.startsWith('-') && x !== '-') {
      if (COPY_VALUE_FLAGS.includes(x) || ((a.program === 'sed' || a.program === 'gsed') && (x === '-e' || x === '-f' || x === '--expression' || x === '--file'))) i++;
      continue;
    }
    if (a.program === 'dd' && x.includes('=')) continue;
    out.push(x);
  }
  return out;
}

/** A template copied into place (`cp .env.example .env`) is project setup, unless it replaces production or staging's file. */
function installsTemplate(a: Args, target: string): boolean {
  if (a.program !== 'cp' && a.program !== 'install') return false;
  const sources = copyOperands(a).slice(0, -1);
  return sources.length > 0 && sources.every((s) => /(?:^|[._-])(?:example|sample|template|dist|default|tmpl)(?:[._-]|$)/i.test(s.split('/').pop() ?? '')) &&
    !/(?:^|[^a-z])(?:prod|production|prd|live|staging|stage|stg)(?:[^a-z]|$)/i.test(target) && !/^\/(?:etc|usr|boot|bin|sbin|lib)/.test(target);
}

/** What overwriting loses: a system file, a home dotfile, a database file, or a secret file. */
function overwriteTargets(a: Args): string[] {
  // `cp -n` / `--no-clobber` / `--update=none` never write over an existing file.
  if ((a.program === 'cp' || a.program === 'mv') && (a.has('-n', '--no-clobber') || a.options.includes('--update=none'))) return [];
  // A backup being made (`cp ~/.zshrc ~/.zshrc.bak`) is a new copy, not what the original held.
  return overwrittenFiles(a).filter((f) => f !== '' && !f.startsWith('/dev/') && !/(?:\.(?:bak|orig|old|backup|save)|~)$/i.test(f) &&
    classifyWord(plainWord(f), false) !== 'throwaway' && (isSensitiveTarget(f) || a.isProtected(f)) && !installsTemplate(a, f));
}

export const filesystemRules: readonly Rule[] = [
  {
    id: 'fs.rm-root',
    programs: ['rm'],
    category: 'filesystem',
    severity: 'critical',
    summary: 'Recursively deletes the root, home, parent or a system directory (or a path that may expand to one)',
    hint: 'Name the exact project subdirectory to delete, and check any variable in the path is set (`${DIR:?}`)',
    match: (a) => rmDanger(a.command) === 'critical',
    targets: rmTargets,
    examples: {
      match: [
        'rm -rf /', 'sudo rm -rf --no-preserve-root /', 'rm -rf ~', 'rm -fr ~/', 'rm -rf $HOME', 'rm -r -f "${HOME}"',
        'rm -rf ..', 'rm -rf .', 'rm -rf *', 'rm -rf /*', 'rm --recursive --force /etc', 'rm -Rf /usr',
        'rm -rf "$DIR/"', 'rm -rf "$STEAMROOT/"*', 'rm -rf /tmp/../etc', 'rm -rf /tmp', 'rm -rf /home',
        'rm -rf $(mktemp -d)/..', 'rm -rf "$(mktemp -d)/../.."', 'rm -rf `mktemp -d -p /srv`/..',
        'rm -rf /var', 'rm -rf /home/alice', 'rm -rf ~/Documents', 'rm -f /etc/passwd',
      ],
      noMatch: [
        'rm -rf ./src', 'rm -rf node_modules', 'rm -rf /tmp/build-123', 'rm -rf data/', 'rm -rf ~/projects/app',
        'rm file.txt', 'rm -rf "$DIR/build"', 'rm -f *', 'rm -rf $(mktemp -d)', 'rm -rf "$(mktemp -d)/build/.."',
      ],
    },
  },
  {
    id: 'fs.rm-recursive',
    programs: ['rm'],
    category: 'filesystem',
    severity: 'high',
    summary: 'Recursively deletes directories that are not build output or temp files',
    hint: 'Move the directory aside (or to the trash) first, or delete only the generated files',
    match: (a) => rmDanger(a.command) === 'high' && readRm(a.command).recursive,
    targets: rmTargets,
    recoverable: rmRecoverable,
    examples: {
      match: [
        'rm -rf ./src', 'rm -rf data/', 'rm -r ~/projects/app', 'rm --recursive --force migrations', 'rm -r directory',
        'rm -fr src/components build', 'sudo rm -rf /opt/app', 'rm -rf "$WORKDIR"', 'rm -Rf uploads',
        'rm -rf "${DEPLOY_DIR:?}/"', 'find . -name "*.orig" | xargs rm -rf', 'rm -rf ~/backups/*.bak',
      ],
      noMatch: [
        'rm -rf node_modules', 'rm -rf dist/ build/ .next', 'rm -rf ./target', 'rm -rf coverage .cache __pycache__',
        'rm -rf /tmp/foo', 'rm -rf "$TMPDIR/x"', 'rm -rf /var/tmp/cache', 'rm -rf .venv', 'rm -f *.pyc',
        'rm notes.txt', 'rm -rf node_modules package-lock.json', 'rm -rf packages/web/node_modules', 'rm -rf /',
        'rm -rf "${OUT_DIR:?}/dist"', 'tmp=$(mktemp -d); rm -rf "$tmp"', 'rm -f file.txt', 'rm -f db.sqlite3', 'rm -ri scratch/', 'rm -rf logs/*.log', 'rm -rf bin obj', 'rm -rf logs', 'rm -rf vendor', 'rm -rf ios/Pods',
      ],
    },
  },
  {
    id: 'fs.rm-file',
    programs: ['rm'],
    category: 'filesystem',
    severity: 'high',
    summary: 'Deletes a database, backup or secret file, every file here, or files outside the project',
    hint: 'Copy the file aside first (or move it to the trash); git cannot bring back what it does not track',
    match: (a) => rmDanger(a.command) === 'high' && !readRm(a.command).recursive,
    targets: rmTargets,
    recoverable: rmRecoverable,
    examples: {
      match: ['rm -f db.sqlite3', 'rm prod.db', 'rm -f *', 'rm ~/.bashrc', 'rm .env', 'rm -f config/.env.production', 'ls /srv/backups/*.dump | xargs rm -f', 'rm -f /srv/app/config.yml', 'rm -f ../shared/data.db', 'rm -f backups/2024-06-01.dump', 'rm -f "$DATA_DIR/app.sqlite3"'],
      noMatch: ['rm -f file.txt', 'rm notes.txt', 'rm -f "$FILE"', 'rm -f src/old.ts', 'rm .env.example', 'rm -f *.pyc', 'rm /tmp/out.json', 'rm -f build/app.db', 'rm -rf ./src'],
    },
  },
  {
    id: 'fs.find-delete-broad',
    programs: ['find'],
    category: 'filesystem',
    severity: 'critical',
    summary: 'Deletes every matching file under the root, home or a system directory',
    hint: 'Start find at the project directory and run it with -print first to see what would be deleted',
    match: (a) => findDanger(a) === 'critical',
    examples: {
      match: ['find / -type f -delete', 'find ~ -name "*.json" -delete', 'sudo find /etc -type f -exec rm -f {} +', 'find $HOME -mtime +30 -delete'],
      noMatch: ['find / -name "*.conf"', 'find ~ -name .DS_Store -delete', 'find . -name "*.ts" -delete', 'find / -name "*.pyc" -delete', "find /tmp -name 'jest_*' -delete"],
    },
  },
  {
    id: 'fs.find-delete',
    programs: ['find'],
    category: 'filesystem',
    severity: 'high',
    summary: 'Deletes every file the find expression matches',
    hint: 'Run the same find with -print first, or narrow it with -name and -maxdepth',
    match: (a) => findDanger(a) === 'high',
    examples: {
      match: ['find . -type f -delete', 'find src -name "*.ts" -delete', 'find ./data -mtime +7 -exec rm -rf {} \\;', 'find uploads -execdir rm {} +'],
      noMatch: [
        'find . -name "*.pyc" -delete', 'find . -name __pycache__ -exec rm -rf {} +', 'find . -type d -empty -delete',
        'find /tmp/build -type f -delete', 'find . -name "*.ts"', 'find /var/log/app -name "*.log" -mtime +14 -delete',
      ],
    },
  },
  {
    id: 'fs.shred',
    programs: ['shred'],
    category: 'filesystem',
    severity: 'high',
    summary: 'Overwrites files so they cannot be recovered',
    hint: 'Delete normally (or move to the trash) unless the file really must be unrecoverable',
    match: (a) => nonFlagArgs(a.list).some((p) => !isDevice(p) && !/^\d+$/.test(p)),
    examples: {
      match: ['shred -u secrets.txt', 'shred -n 3 -z -u backup.sql', 'shred --remove notes.db'],
      noMatch: ['shred /dev/sdb', 'shred --version', 'rm secrets.txt'],
    },
  },
  {
    id: 'fs.disk-overwrite',
    programs: ['shred', 'dd', 'blkdiscard'],
    category: 'filesystem',
    severity: 'critical',
    summary: 'Overwrites a whole disk or partition device',
    hint: 'Double-check the device with lsblk; write an image to a file instead of a device',
    match: (a) => {
      if (a.program === 'dd') return a.values('of').some(isDevice);
      return nonFlagArgs(a.list).some(isDevice);
    },
    examples: {
      match: ['dd if=/dev/zero of=/dev/sda bs=1M', 'sudo dd if=ubuntu.iso of=/dev/disk2 bs=4m', 'shred -n 1 /dev/nvme0n1', 'blkdiscard /dev/sdb'],
      noMatch: ['dd if=/dev/zero of=/dev/null bs=1M count=100', 'dd if=/dev/sda of=disk.img', 'dd if=/dev/urandom of=test.bin count=1'],
    },
  },
  {
    id: 'fs.mkfs',
    programs: MKFS_PROGRAMS,
    category: 'filesystem',
    severity: 'critical',
    summary: 'Formats a device with a new filesystem, erasing everything on it',
    hint: 'Check the device with lsblk first; format an image file if this is a test',
    // Formatting an image file (`mkfs.ext4 disk.img`) only rewrites that file.
    match: (a) => !a.has('-V', '--version') && nonFlagArgs(a.list).some((target) => !IMAGE_FILE.test(target)),
    examples: {
      match: ['mkfs.ext4 /dev/sdb1', 'sudo mkfs -t xfs /dev/nvme1n1', 'mke2fs -F /dev/sdc', 'mkswap /dev/sda2'],
      noMatch: ['mkfs.ext4 -V', 'mkfs --version', 'lsblk', 'mkfs.ext4 -F /tmp/disk.img'],
    },
  },
  {
    id: 'fs.wipefs',
    programs: ['wipefs'],
    category: 'filesystem',
    severity: 'critical',
    summary: 'Erases filesystem and partition-table signatures from a device',
    hint: 'Run wipefs without -a first to list the signatures, and back the device up',
    match: (a) => (a.has('-a', '--all', '-o', '--offset') || bundleHas(a.list, 'a')) && !a.has('-n', '--no-act'),
    examples: {
      match: ['wipefs -a /dev/sdb', 'sudo wipefs --all --force /dev/sdc1', 'wipefs -af /dev/sdb', 'wipefs -o 0x438 /dev/sdb1'],
      noMatch: ['wipefs /dev/sdb', 'wipefs -n -a /dev/sdb', 'wipefs --no-act --all /dev/sdb'],
    },
  },
  {
    id: 'fs.partition-write',
    programs: ['fdisk', 'sfdisk', 'parted', 'sgdisk', 'gdisk', 'diskutil'],
    category: 'filesystem',
    severity: 'critical',
    summary: 'Rewrites or erases the partition table of a disk',
    hint: 'Print the current table first (fdisk -l, parted print) and back it up (sfdisk -d > table.txt)',
    match: (a) => {
      const args = nonFlagArgs(a.list);
      switch (a.program) {
        case 'fdisk':
          return !a.has('-l', '--list', '-s', '--getsz', '-V', '--version') && args.some(isDevice);
        case 'sfdisk':
          return !a.has('-l', '--list', '-d', '--dump', '-J', '--json', '-s', '--show-size', '-V', '--verify', '-g', '--show-geometry', '-r', '--reorder', '--backup-pt-sectors') &&
            !a.list.includes('--version') && args.some(isDevice) && (a.command.stdin !== undefined || a.command.stdinUnknown === true || a.has('--delete', '--wipe', '--part-type', '--part-label', '--relocate', '-N'));
        case 'parted':
          return args.some((x) => ['mklabel', 'mktable', 'mkpart', 'rm', 'resizepart', 'mkpartfs'].includes(x.toLowerCase()));
        case 'sgdisk':
        case 'gdisk':
          return a.has('-Z', '--zap-all', '-z', '--zap', '-o', '--clear', '-d', '--delete', '-n', '--new', '-g', '--mbrtogpt', '-l', '--load-backup');
        default:
          return args.some((x) => /^(?:erasedisk|erasevolume|zerodisk|randomdisk|secureerase|partitiondisk|reformat|deletevolume)$/i.test(x)) ||
            (a.sub('apfs', ['deletecontainer', 'deletevolume', 'erasevolume']));
      }
    },
    examples: {
      match: [
        'parted -s /dev/sdb mklabel gpt', 'sudo parted /dev/sda rm 2', 'sgdisk --zap-all /dev/sdb', 'diskutil eraseDisk APFS Empty disk2',
        'echo "label: gpt" | sfdisk /dev/sdb', 'sfdisk --delete /dev/sdb 1',
      ],
      noMatch: ['fdisk -l', 'fdisk -l /dev/sda', 'parted /dev/sda print', 'sfdisk -d /dev/sda', 'diskutil list', 'sgdisk -p /dev/sdb'],
    },
  },
  {
    id: 'fs.empty-file',
    programs: [':', 'true', 'cat', 'cp'],
    category: 'filesystem',
    severity: 'high',
    summary: 'Empties a file, discarding its contents',
    hint: 'Copy the file first, or rotate it (mv file file.1) instead of emptying it',
    match: (a) => emptiedFiles(a).length > 0,
    targets: emptiedFiles,
    examples: {
      match: [': > db/production.sqlite3', 'true > app.db', 'cat /dev/null > data/users.csv', '> ~/.ssh/authorized_keys', 'cp /dev/null ~/.bashrc'],
      noMatch: [': > /tmp/out.log', 'cat /dev/null > /dev/null', 'cat notes.txt > copy.txt', 'true', 'cp a.txt b.txt', 'echo hi > out.txt', '> debug.log', ': > build.out'],
    },
  },
  {
    id: 'fs.redirect-overwrite',
    programs: ['>'],
    category: 'filesystem',
    severity: 'high',
    summary: 'Overwrites a system file, a dotfile, a device, a database or a secret file through a redirect',
    hint: 'Back the file up first, or append with >> if that is what you meant',
    match: (a) => a.list.some((f) => isSensitiveTarget(f) || a.isProtected(f)),
    targets: (a) => a.list.filter((f) => isSensitiveTarget(f) || a.isProtected(f)),
    examples: {
      match: ['echo hi > /etc/passwd', 'date >| ~/.ssh/authorized_keys', 'echo > prod.db', 'cat dump > /dev/sda', 'echo "export X=1" > ~/.bashrc', 'openssl rand -base64 32 > config/master.key', 'echo "API_KEY=x" > .env.production',
        // A compound command's or a pipeline's redirect, whatever runs inside.
        '{ echo "API_KEY=x"; } > .env', 'echo hi | cat > .env', 'while read -r l; do echo "$l"; done < a.txt > ~/.bashrc', '(echo x) > prod.db'],
      noMatch: ['echo hi > out.txt', 'echo hi >> ~/.bashrc', 'make 2> /dev/null', 'ls > /tmp/list.txt', 'echo x > dist/app.db',
        '{ echo a; echo b; } > build/log.txt', 'echo a | sort > sorted.txt', '{ echo a; } >> .env'],
    },
  },
  {
    id: 'fs.unlink',
    programs: ['unlink'],
    category: 'filesystem',
    severity: 'high',
    summary: 'Deletes a file without a trash or a prompt',
    hint: 'Move the file aside first (mv file file.bak) and delete it once you are sure',
    match: (a) => nonFlagArgs(a.list).some((p) => classifyWord(plainWord(p), false) !== 'throwaway'),
    targets: (a) => nonFlagArgs(a.list),
    examples: {
      match: ['unlink data/prod.db', 'sudo unlink /etc/nginx/nginx.conf'],
      noMatch: ['unlink /tmp/app.sock', 'unlink --help', 'unlink dist/bundle.js'],
    },
  },
  {
    id: 'fs.truncate',
    programs: ['truncate'],
    category: 'filesystem',
    severity: 'high',
    summary: 'Truncates files, discarding their contents',
    hint: 'Copy the file first, or rotate it (mv file file.1) instead of emptying it',
    match: (a) => {
      const size = a.value('-s', '--size');
      const shrinks = size !== undefined && !size.startsWith('+') && !size.startsWith('>');
      if (!shrinks && !a.has('-r', '--reference')) return false;
      // Sizing a disk image (`truncate -s 100M disk.img`) makes scratch space, not data loss.
      return nonFlagArgs(a.list).filter((x) => x !== size).some((p) => !IMAGE_FILE.test(p) && classifyWord({ value: p, dynamic: false, start: 0, end: 0 }, false) !== 'throwaway');
    },
    // The file emptied names the data set (`db/production.sqlite3`).
    targets: (a) => nonFlagArgs(a.list).filter((x) => x !== a.value('-s', '--size')),
    examples: {
      match: ['truncate -s 0 app.db', 'truncate --size=0 /var/log/syslog', 'truncate -s0 data.csv', 'sudo truncate -s 10K users.json'],
      noMatch: ['truncate -s +1G disk.img', 'truncate -s 0 /tmp/out.txt', 'truncate --help', 'truncate -s 100M disk.img'],
    },
  },
  {
    id: 'fs.rsync-delete-root',
    programs: ['rsync'],
    category: 'filesystem',
    severity: 'critical',
    summary: 'Mirrors into the root, home or a system directory, deleting everything not in the source',
    hint: 'Sync into a dedicated subdirectory and preview with --dry-run first',
    match: (a) => {
      const dest = rsyncDestination(a);
      return rsyncDeletes(a) && dest !== undefined && SYSTEM_TREE_TARGET(dest.replace(/^[^/:]*:/, '') || '~');
    },
    targets: (a) => {
      const host = remoteHost(rsyncDestination(a) ?? '');
      return host ? [host] : [];
    },
    examples: {
      match: ['rsync -a --delete empty/ ~/', 'rsync -av --delete ./ /', 'sudo rsync -a --delete-before conf/ /etc'],
      noMatch: ['rsync -a --delete build/ /var/www/site/', 'rsync -avn --delete empty/ ~/', 'rsync -a src/ ~/'],
    },
  },
  {
    id: 'fs.rsync-delete',
    programs: ['rsync'],
    category: 'filesystem',
    severity: 'high',
    summary: 'Mirrors a directory, deleting destination files that are not in the source',
    hint: 'Preview with rsync -n (--dry-run) to see what would be deleted',
    match: (a) => {
      const dest = rsyncDestination(a);
      return rsyncDeletes(a) && !(dest !== undefined && SYSTEM_TREE_TARGET(dest.replace(/^[^/:]*:/, '') || '~'));
    },
    targets: (a) => {
      const host = remoteHost(rsyncDestination(a) ?? '');
      return host ? [host] : [];
    },
    examples: {
      match: ['rsync -av --delete build/ deploy@prod-web:/var/www/app/', 'rsync -a --delete-after src/ backup/', 'rsync -avz --del ./site/ /srv/site/'],
      noMatch: ['rsync -av build/ /var/www/app/', 'rsync -avn --delete build/ /var/www/app/', 'rsync -av --delete --dry-run a/ b/', 'rsync -avzhn --delete a/ b/'],
    },
  },
  {
    id: 'fs.chmod-system',
    programs: ['chmod', 'chown', 'chgrp'],
    category: 'filesystem',
    severity: 'critical',
    summary: 'Recursively changes permissions or ownership of the root, home or a system directory',
    hint: 'Change only the project files that need it; a recursive change on a system tree cannot be undone',
    match: (a) => (a.has('--recursive') || bundleHas(a.list, 'R')) && nonFlagArgs(a.list).slice(1).some((p) => {
      const v = p.replace(/^\$\{?HOME\}?/, '~');
      return SYSTEM_TREE_TARGET(v);
    }),
    examples: {
      match: ['chmod -R 777 /', 'sudo chown -R user:user /usr', 'chmod -R 000 ~', 'chgrp --recursive staff /etc', 'chmod -Rv 755 $HOME'],
      noMatch: ['chmod -R 755 ./scripts', 'chown -R node:node /app/data', 'chmod 644 /etc/hosts', 'chmod +x deploy.sh'],
    },
  },
  {
    id: 'fs.mv-dev-null',
    programs: ['mv'],
    category: 'filesystem',
    severity: 'high',
    summary: 'Moves files onto /dev/null, destroying them (and as root, replacing the null device)',
    hint: 'Delete the file explicitly (or move it to the trash) if that is the goal',
    match: (a) => {
      const args = nonFlagArgs(a.list);
      const target = a.value('-t', '--target-directory');
      return (args.length >= 2 && args[args.length - 1] === '/dev/null') || target === '/dev/null';
    },
    examples: {
      match: ['mv data.db /dev/null', 'sudo mv -f backup.tar /dev/null'],
      noMatch: ['mv data.db data.db.bak', 'mv /dev/null.txt out/'],
    },
  },
  {
    id: 'fs.overwrite-file',
    programs: ['cp', 'mv', 'install', 'ln', 'tee', 'dd', 'sed', 'gsed', 'perl', 'ruby'],
    category: 'filesystem',
    severity: 'high',
    summary: 'Writes over a database, a secret, a system file or a dotfile (a copy, move, tee, dd or in-place edit onto it)',
    hint: 'Back the file up first (cp file file.bak), or write to a new file and review the change',
    match: (a) => overwriteTargets(a).length > 0,
    targets: overwriteTargets,
    examples: {
      match: [
        'cp seed.sqlite3 db/production.sqlite3', 'mv data/empty.db data/prod.db', "echo '10.0.0.5 api' | sudo tee /etc/hosts",
        "sudo sed -i '/^deploy:/d' /etc/passwd", "sed -i '/ssh-ed25519/d' ~/.ssh/authorized_keys", 'dd if=backup/old.db of=prod.db',
        'cp .env.example .env.production', 'sudo install -m 644 hosts /etc/hosts', "perl -pi -e 's/a/b/' ~/.bashrc", 'ln -sf /dev/null ~/.bash_history',
      ],
      noMatch: [
        'cp src/a.ts src/b.ts', 'mv old.txt new.txt', 'echo hi | tee build.log', 'echo x | sudo tee -a /etc/hosts', "sed -i 's/a/b/' src/app.ts",
        "sed -n '1,5p' /etc/passwd", 'dd if=/dev/zero of=test.img bs=1M count=10', 'cp .env.production /tmp/backup.env', 'cp -t /srv/app dist/app.js', 'ln -s ../shared/.env .env.link',
        'cp .env.example .env', 'cp -n .env.example .env', 'cp config.example.toml ~/.config/acme/config.toml',
      ],
    },
  },
  {
    id: 'fs.chmod-lockout',
    programs: ['chmod'],
    category: 'filesystem',
    severity: 'high',
    summary: 'Recursively removes every permission from a directory outside the project, so nothing can read it',
    hint: 'Change only the permissions that need changing, on the project files',
    match: (a) => (a.has('--recursive') || bundleHas(a.list, 'R')) && lockoutMode(nonFlagArgs(a.list)[0] ?? '') &&
      nonFlagArgs(a.list).slice(1).some((p) => { const n = normalisePath(p); return n.startsWith('/') || n.startsWith('~'); }),
    examples: {
      match: ['sudo chmod -R 000 /var/lib/mysql', 'chmod -R a-rwx ~/projects', 'chmod --recursive 0000 /srv/data'],
      noMatch: ['chmod -R 755 /srv/app', 'chmod 000 secret.txt', 'chmod -R 000 ./tmp-fixtures', 'chmod -R go-rwx ~/.ssh'],
    },
  },
];

/** A mode that leaves nobody any access: `000`, `0000`, `a-rwx`, `-rwx`, `a=`. */
function lockoutMode(mode: string): boolean {
  return /^0{3,4}$/.test(mode) || /^(?:a|ugo)?-rwx$/.test(mode) || /^(?:a|ugo)=$/.test(mode);
}
