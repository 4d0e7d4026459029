// package.json scripts as npm, pnpm, yarn and bun run them (with their `pre`/`post` scripts and
// lifecycle scripts), in one package or across a workspace, and the monorepo runners (turbo, nx)
// that run them; plus `npx`/`npm exec` of a binary the project itself defines.
import { parse as parseYaml } from 'yaml';
import type { SimpleCommand } from '../shell/command';
import { baseName, dirName, joinPath } from './files';
import { jsonKeyLine, shellJoin, type Followed, type LineFiles, splitOption } from './followed';

interface Package {
  readonly dir: string;
  readonly file: string;
  readonly text: string;
  readonly json: Record<string, unknown>;
}

/** Subcommands of each manager that are its own, not a script's name (`yarn add`, `pnpm install`). */
const BUILTINS: Readonly<Record<string, ReadonlySet<string>>> = {
  npm: new Set(['access', 'adduser', 'audit', 'bugs', 'cache', 'ci', 'completion', 'config', 'dedupe', 'deprecate', 'diff', 'dist-tag', 'docs', 'doctor', 'edit', 'exec', 'explain', 'explore', 'find-dupes', 'fund', 'help', 'init', 'install', 'install-ci-test', 'install-test', 'link', 'login', 'logout', 'ls', 'org', 'outdated', 'owner', 'pack', 'ping', 'pkg', 'prefix', 'profile', 'prune', 'publish', 'query', 'rebuild', 'repo', 'root', 'search', 'shrinkwrap', 'star', 'stars', 'team', 'token', 'uninstall', 'unpublish', 'unstar', 'update', 'version', 'view', 'whoami', 'i', 'add', 'un', 'rm', 'r', 'ln', 'list', 'up', 'x', 'c', 'v', 'info', 'show', 'view']),
  pnpm: new Set(['add', 'install', 'i', 'update', 'up', 'remove', 'rm', 'uninstall', 'un', 'link', 'ln', 'unlink', 'import', 'rebuild', 'rb', 'prune', 'fetch', 'install-test', 'it', 'patch', 'patch-commit', 'audit', 'list', 'ls', 'outdated', 'why', 'licenses', 'exec', 'dlx', 'create', 'env', 'store', 'publish', 'pack', 'server', 'setup', 'root', 'bin', 'config', 'c', 'init', 'deploy', 'doctor', 'help', 'self-update', 'cat-file', 'cat-index', 'find-hash']),
  yarn: new Set(['add', 'bin', 'cache', 'config', 'constraints', 'dedupe', 'dlx', 'exec', 'explain', 'info', 'init', 'install', 'link', 'node', 'npm', 'pack', 'patch', 'patch-commit', 'plugin', 'rebuild', 'remove', 'set', 'stage', 'unlink', 'unplug', 'up', 'upgrade', 'why', 'version', 'workspaces', 'global', 'import', 'licenses', 'list', 'login', 'logout', 'outdated', 'owner', 'publish', 'tag', 'team', 'check', 'audit', 'autoclean', 'help', 'policies', 'generate-lock-entry', 'create']),
  bun: new Set(['add', 'install', 'i', 'remove', 'rm', 'update', 'link', 'unlink', 'pm', 'build', 'init', 'create', 'upgrade', 'x', 'exec', 'repl', 'outdated', 'publish', 'patch', 'audit', 'info', 'why', 'completions', 'discord', 'help', 'test']),
};

/** npm's shorthands for the scripts of the same name. */
const SHORTHANDS: ReadonlySet<string> = new Set(['test', 't', 'tst', 'start', 'stop', 'restart']);
const RUN: ReadonlySet<string> = new Set(['run', 'run-script', 'rum', 'urn']);
/** Scripts npm runs on `npm install` / `npm ci` in the project itself. */
const INSTALL_SCRIPTS = ['preinstall', 'install', 'postinstall', 'prepublish', 'preprepare', 'prepare', 'postprepare'];
const INSTALLS: ReadonlySet<string> = new Set(['install', 'i', 'ci', 'add', 'install-clean', 'isntall']);
/** npm commands that run the project's lifecycle scripts besides installs. */
const LIFECYCLES: Readonly<Record<string, readonly string[]>> = {
  'install-test': [...INSTALL_SCRIPTS, 'test'], it: [...INSTALL_SCRIPTS, 'test'], 'install-ci-test': [...INSTALL_SCRIPTS, 'test'], cit: [...INSTALL_SCRIPTS, 'test'],
  pack: ['prepack', 'prepare', 'postpack'], publish: ['prepublishOnly', 'prepack', 'prepare', 'postpack', 'publish', 'postpublish'],
  version: ['preversion', 'version', 'postversion'], rebuild: ['preinstall', 'install', 'postinstall', 'prepare'],
};
/** Options taking a value, per manager; the value is no script name. */
const VALUE_OPTIONS: ReadonlySet<string> = new Set(['--prefix', '-C', '--dir', '--cwd', '-w', '--workspace', '--filter', '-F', '--loglevel', '--script-shell', '--reporter', '--workspace-concurrency', '--aggregate-output', '--userconfig']);
const MAX_PACKAGES = 200;

export const PACKAGE_MANAGERS: readonly string[] = ['npm', 'pnpm', 'yarn', 'bun'];

/** `npm run X`, `pnpm --filter api X`, `yarn workspace web X`, `npm test`, `npm ci`, `bun run X`. */
export function followPackageScripts(command: SimpleCommand, dir: string | undefined, files: LineFiles): Followed[] {
  const manager = command.program;
  const words = command.argv.map((w) => w.value);
  const out: Followed[] = [];
  let at = 1;
  const selection: Selection = { selectors: [], everywhere: false, where: dir };
  // Global options before the subcommand.
  for (; at < words.length; at++) {
    const word = words[at] ?? '';
    if (!word.startsWith('-')) break;
    const [name, inline] = splitOption(word);
    if (name === '--prefix' || name === '-C' || name === '--dir' || name === '--cwd') { selection.where = joinDir(selection.where, inline ?? words[++at] ?? ''); continue; }
    // pnpm's `-w` is the workspace's root, with no value; npm's names a workspace.
    if (manager === 'pnpm' && (name === '-w' || name === '--workspace-root')) continue;
    if (name === '-w' || name === '--workspace' || name === '--filter' || name === '-F') { selection.selectors.push(inline ?? words[++at] ?? ''); continue; }
    if (name === '-r' || name === '--recursive' || name === '--workspaces' || name === '-ws') { selection.everywhere = true; continue; }
    if (inline === undefined && VALUE_OPTIONS.has(name)) at++;
  }
  let sub = words[at];
  if (manager === 'yarn' && sub === 'workspace') {
    selection.selectors.push(words[at + 1] ?? '');
    at += 2;
    sub = words[at];
  } else if (manager === 'yarn' && sub === 'workspaces' && words[at + 1] === 'foreach') {
    selection.everywhere = true;
    at += 2;
    while ((words[at] ?? '').startsWith('-')) at++;
    sub = words[at];
  }
  let names: readonly string[];
  let extra: string[] = [];
  if (sub === undefined) {
    // Bare `yarn` installs.
    if (manager !== 'yarn') return out;
    names = INSTALL_SCRIPTS;
  } else if (RUN.has(sub) || (manager === 'bun' && sub === 'run')) {
    const rest = options(words.slice(at + 1), selection, manager);
    const script = rest[0];
    if (script === undefined) return out;
    if (manager === 'bun' && isFilePath(script)) return out;
    names = [script];
    extra = rest.slice(1);
  } else if ((manager === 'npm' || manager === 'pnpm') && SHORTHANDS.has(sub)) {
    const name = sub === 't' || sub === 'tst' ? 'test' : sub;
    names = name === 'restart' ? ['restart', 'stop', 'start'] : [name];
    extra = options(words.slice(at + 1), selection, manager);
  } else if (manager === 'npm' && LIFECYCLES[sub]) {
    names = LIFECYCLES[sub] ?? [];
  } else if (INSTALLS.has(sub) || (manager === 'pnpm' && sub === 'i')) {
    // Installing named packages runs their scripts, not the project's: only a bare install counts.
    const rest = options(words.slice(at + 1), selection, manager);
    if (rest.length > 0 && sub !== 'ci') return out;
    names = INSTALL_SCRIPTS;
  } else if (manager !== 'npm' && !BUILTINS[manager]?.has(sub) && !sub.startsWith('-')) {
    // `pnpm db:reset`, `yarn db:reset`, `bun db:reset`: a script when one has that name.
    if (manager === 'bun' && isFilePath(sub)) return out;
    names = [sub];
    extra = options(words.slice(at + 1), selection, manager);
  } else {
    return out;
  }
  const rootDir = files.path(selection.where, '.');
  const chosen = selection.selectors.length > 0 || selection.everywhere ? workspacePackages(rootDir, files, out, selection.selectors) : [];
  // `pnpm -r`, `npm --workspaces`: the workspace's packages, not the root that holds them.
  const packages = selection.selectors.length === 0 && chosen.length > 1 ? chosen.slice(1) : chosen;
  const targets = packages.length > 0 ? packages : [nearestPackage(rootDir, files, out)].filter((p): p is Package => p !== undefined);
  const runner = command.argv.map((w) => w.value).join(' ');
  for (const pkg of targets) out.push(...scriptsOf(pkg, names, extra, runner, files));
  return out;
}

/** The scripts to run for each name, with their `pre` and `post` scripts, in the order they run. */
export function scriptsOf(pkg: Package, names: readonly string[], extra: readonly string[], runner: string, files: LineFiles): Followed[] {
  const scripts = pkg.json.scripts;
  if (!isRecord(scripts)) return [];
  const out: Followed[] = [];
  const scriptsAt = pkg.text.indexOf('"scripts"');
  for (const name of names) {
    // Without a start script, `npm start` runs `node server.js` when there is one.
    if (name === 'start' && scripts.start === undefined && files.read(joinPath(pkg.dir, 'server.js')).kind === 'text') {
      out.push({ kind: 'script', text: 'node server.js', dir: pkg.dir, source: { runner, file: files.shown(pkg.file), key: 'start' } });
    }
    for (const key of [`pre${name}`, name, `post${name}`]) {
      const body = scripts[key];
      if (typeof body !== 'string') continue;
      const text = key === name && extra.length > 0 ? `${body} ${shellJoin(extra)}` : body;
      out.push({ kind: 'script', text, dir: pkg.dir, source: { runner, file: files.shown(pkg.file), line: jsonKeyLine(pkg.text, key, Math.max(0, scriptsAt)), key } });
    }
  }
  return out;
}

/** The package.json at `dir` or the nearest above it, as npm finds it (a repository's root does not stop it). */
export function nearestPackage(dir: string, files: LineFiles, out: Followed[]): Package | undefined {
  const file = files.findUp(dir, ['package.json']);
  return file === undefined ? undefined : readPackage(dirName(file), files, out);
}

export function readPackage(dir: string, files: LineFiles, out: Followed[]): Package | undefined {
  const file = joinPath(dir, 'package.json');
  const text = files.text(file, out);
  if (text === undefined) return undefined;
  try {
    const json: unknown = JSON.parse(text.replace(/^\uFEFF/, ''));
    if (isRecord(json)) return { dir, file, text, json };
  } catch {
    // a package.json npm cannot read either: it would refuse to run, but say so rather than allow
  }
  out.push({ kind: 'unread', detail: `${files.shown(file)} is not valid JSON` });
  return undefined;
}

/**
 * The workspace's packages that `selectors` pick (`--filter api`, `-w packages/web`, `@acme/*`),
 * or all of them. A selector that picks none picks every package: what it means is not read, so
 * every script it could run is judged.
 */
export function workspacePackages(root: string, files: LineFiles, out: Followed[], selectors: readonly string[] = []): Package[] {
  const top = nearestPackage(root, files, out);
  const base = top?.dir ?? root;
  const patterns = workspacePatterns(top, base, files);
  const all: Package[] = top ? [top] : [];
  for (const pattern of patterns) {
    for (const dir of expandPattern(base, pattern, files)) {
      if (all.length >= MAX_PACKAGES) break;
      // A package that cannot be read (or one past the line's budget) is reported: it could hold the script.
      const pkg = readPackage(dir, files, out);
      if (pkg && !all.some((p) => p.dir === pkg.dir)) all.push(pkg);
    }
  }
  if (selectors.length === 0) return all;
  const picked = all.filter((pkg) => selectors.some((s) => selects(s, pkg, base)));
  return picked.length > 0 ? picked : all;
}

function selects(selector: string, pkg: Package, base: string): boolean {
  const s = selector.replace(/^\.\.\.|\.\.\.$|\^\.\.\.$|^!/g, '').replace(/^\{(.*)\}$/, '$1');
  const name = typeof pkg.json.name === 'string' ? pkg.json.name : '';
  const rel = pkg.dir.startsWith(base + '/') ? pkg.dir.slice(base.length + 1) : pkg.dir;
  if (s.includes('*')) {
    const re = new RegExp('^' + s.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*') + '$');
    return re.test(name) || re.test(rel);
  }
  return s === name || s.replace(/^\.\//, '') === rel || baseName(rel) === s || name.endsWith('/' + s);
}

function workspacePatterns(top: Package | undefined, base: string, files: LineFiles): string[] {
  const fromJson = top?.json.workspaces;
  const list = Array.isArray(fromJson) ? fromJson : isRecord(fromJson) && Array.isArray(fromJson.packages) ? fromJson.packages : [];
  const patterns = list.filter((p): p is string => typeof p === 'string');
  // Lerna's own list of package folders.
  const lerna = files.read(joinPath(base, 'lerna.json'));
  if (lerna.kind === 'text') {
    try {
      const doc: unknown = JSON.parse(lerna.text);
      if (isRecord(doc) && Array.isArray(doc.packages)) patterns.push(...doc.packages.filter((p): p is string => typeof p === 'string'));
    } catch {
      // an unparsable lerna.json: the usual folders are still looked in
    }
  }
  const pnpm = files.read(joinPath(base, 'pnpm-workspace.yaml'));
  if (pnpm.kind === 'text') {
    try {
      const doc: unknown = parseYaml(pnpm.text);
      if (isRecord(doc) && Array.isArray(doc.packages)) patterns.push(...doc.packages.filter((p): p is string => typeof p === 'string'));
    } catch {
      // an unparsable workspace file: the usual folders are still looked in
    }
  }
  return patterns.length > 0 ? patterns : ['packages/*', 'apps/*', 'libs/*', 'services/*'];
}

/** `packages/*`, `apps/**`, `tools/cli`: folders one or two levels down, bounded. */
function expandPattern(base: string, pattern: string, files: LineFiles): string[] {
  if (pattern.startsWith('!')) return [];
  const parts = pattern.replace(/^\.\//, '').replace(/\/+$/, '').split('/');
  let dirs = [base];
  for (const part of parts) {
    const next: string[] = [];
    for (const dir of dirs) {
      if (part === '**') {
        next.push(dir);
        for (const name of files.list(dir) ?? []) if (!name.startsWith('.') && name !== 'node_modules') next.push(joinPath(dir, name));
      } else if (part.includes('*')) {
        const re = new RegExp('^' + part.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*') + '$');
        for (const name of files.list(dir) ?? []) if (re.test(name) && name !== 'node_modules') next.push(joinPath(dir, name));
      } else {
        next.push(joinPath(dir, part));
      }
    }
    dirs = next.slice(0, MAX_PACKAGES);
  }
  return dirs;
}

interface Selection {
  readonly selectors: string[];
  everywhere: boolean;
  where: string | undefined;
}

/**
 * The words after the subcommand: the script name and its arguments. The manager's own options
 * may stand anywhere before `--` (`npm run build --prefix api`); they are taken out.
 */
function options(words: readonly string[], selection: Selection, manager: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    if (word === '--') { out.push(...words.slice(i + 1)); break; }
    const [name, inline] = splitOption(word);
    if (name === '--prefix' || name === '-C' || name === '--dir' || name === '--cwd') { selection.where = joinDir(selection.where, inline ?? words[++i] ?? ''); continue; }
    if (manager === 'pnpm' && (name === '-w' || name === '--workspace-root')) continue;
    if (name === '-w' || name === '--workspace' || name === '--filter' || name === '-F') { selection.selectors.push(inline ?? words[++i] ?? ''); continue; }
    if (name === '--workspaces' || name === '-ws' || name === '-r' || name === '--recursive') { selection.everywhere = true; continue; }
    if (out.length === 0 && name.startsWith('-')) { if (inline === undefined && VALUE_OPTIONS.has(name)) i++; continue; }
    out.push(word);
  }
  return out;
}


function joinDir(dir: string | undefined, to: string): string {
  return dir === undefined || to.startsWith('/') || to.startsWith('~') ? to : `${dir}/${to}`;
}

function isFilePath(word: string): boolean {
  return /[/\\]/.test(word) || /\.(?:[cm]?[jt]sx?)$/.test(word);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
