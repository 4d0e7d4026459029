// Task runners of other ecosystems, where a task is a shell line or code Airlock can read:
// `deno task`, composer scripts, rake tasks, invoke tasks and poe (poethepoet) tasks.
import { parse as parseJsonc } from 'jsonc-parser';
import { parse as parseToml } from 'smol-toml';
import type { SimpleCommand } from '../shell/command';
import { dirName, joinPath } from './files';
import { jsonKeyLine, lineAt, onceEach, readConfig, type Followed, type LineFiles } from './followed';
import { isRecord } from './packageScripts';

/** `deno task NAME` from deno.json(c): a string or `{ command, dependencies }`. */
export function followDenoTask(command: SimpleCommand, dir: string | undefined, files: LineFiles): Followed[] {
  const words = command.argv.map((w) => w.value);
  if (words[1] !== 'task') return [];
  const operands = words.slice(2).filter((w, i, all) => !w.startsWith('-') && !['--config', '-c', '--cwd'].includes(all[i - 1] ?? ''));
  const name = operands[0];
  if (name === undefined) return [];
  const out: Followed[] = [];
  const where = files.path(dir, '.');
  const path = files.findUp(where, ['deno.json', 'deno.jsonc']);
  if (!path) return out;
  const text = files.text(path, out);
  if (text === undefined) return out;
  const doc: unknown = parseJsonc(text);
  const tasks = isRecord(doc) && isRecord(doc.tasks) ? doc.tasks : {};
  const runner = words.join(' ');
  const run = onceEach((task, next) => {
    const spec = tasks[task];
    const s = isRecord(spec) ? spec : { command: spec };
    for (const dep of Array.isArray(s.dependencies) ? s.dependencies : []) if (typeof dep === 'string') next(dep);
    if (typeof s.command === 'string') out.push({ kind: 'script', text: task === name ? [s.command, ...operands.slice(1)].join(' ') : s.command, dir: where, source: { runner, file: files.shown(path), line: jsonKeyLine(text, task) } });
  });
  run(name);
  return out;
}

const COMPOSER_BUILTINS: ReadonlySet<string> = new Set(['about', 'archive', 'audit', 'browse', 'home', 'bump', 'check-platform-reqs', 'clear-cache', 'clearcache', 'config', 'create-project', 'depends', 'why', 'diagnose', 'dump-autoload', 'dumpautoload', 'exec', 'fund', 'global', 'help', 'init', 'licenses', 'list', 'outdated', 'prohibits', 'why-not', 'reinstall', 'remove', 'rm', 'search', 'self-update', 'selfupdate', 'show', 'info', 'status', 'suggests', 'validate', 'require', 'r']);
const COMPOSER_INSTALL: Readonly<Record<string, readonly string[]>> = {
  install: ['pre-install-cmd', 'post-install-cmd', 'post-autoload-dump'], i: ['pre-install-cmd', 'post-install-cmd', 'post-autoload-dump'],
  update: ['pre-update-cmd', 'post-update-cmd', 'post-autoload-dump'], u: ['pre-update-cmd', 'post-update-cmd', 'post-autoload-dump'], upgrade: ['pre-update-cmd', 'post-update-cmd', 'post-autoload-dump'],
};

/** `composer run-script NAME`, `composer NAME`, `composer install` (its event scripts); `@other`, `@php`, `@composer`. */
export function followComposer(command: SimpleCommand, dir: string | undefined, files: LineFiles): Followed[] {
  const words = command.argv.map((w) => w.value);
  let at = 1;
  let where = files.path(dir, '.');
  for (; at < words.length && (words[at] ?? '').startsWith('-'); at++) {
    if (words[at] === '-d' || words[at] === '--working-dir') where = joinPath(where, words[++at] ?? '.');
    else if ((words[at] ?? '').startsWith('--working-dir=')) where = joinPath(where, (words[at] ?? '').slice('--working-dir='.length));
  }
  const verb = words[at];
  if (verb === undefined || COMPOSER_BUILTINS.has(verb)) return [];
  const names = verb === 'run-script' || verb === 'run' ? words.slice(at + 1).filter((w) => !w.startsWith('-')).slice(0, 1) : COMPOSER_INSTALL[verb] ?? [verb];
  const out: Followed[] = [];
  const path = files.findUp(where, ['composer.json']);
  const config = path === undefined ? undefined : readConfig(path, files, out, JSON.parse, 'JSON');
  if (!config || path === undefined) return out;
  const { text, doc } = config;
  const scripts = isRecord(doc) && isRecord(doc.scripts) ? doc.scripts : {};
  const runner = words.join(' ');
  const run = onceEach((name, next) => {
    const body = scripts[name];
    for (const step of Array.isArray(body) ? body : [body]) {
      if (typeof step !== 'string') continue;
      const ref = /^@(\S+)(?:\s+(.*))?$/.exec(step);
      if (ref && ref[1] !== 'php' && ref[1] !== 'composer' && ref[1] !== 'putenv') { next(ref[1] ?? ''); continue; }
      // `Vendor\\Class::method`: a PHP callback in a package, not a shell line.
      if (/^[\w\\]+::\w+$/.test(step) || ref?.[1] === 'putenv') continue;
      out.push({ kind: 'script', text: step.replace(/^@(php|composer)\b/, '$1'), dir: where, source: { runner, file: files.shown(path), line: jsonKeyLine(text, name) } });
    }
  });
  for (const name of names) run(name);
  return out;
}

/** `rake db:reset`: the task's block, with rake's `sh` read as `system`; `Rake::Task[…].invoke` and prerequisites followed. */
export function followRake(command: SimpleCommand, dir: string | undefined, files: LineFiles): Followed[] {
  const words = command.argv.map((w) => w.value);
  if (words.some((w) => /^(?:-T|-D|-P|-W|--tasks|--describe|--prereqs|--where|-n|--dry-run|-h|--help|-V|--version)$/.test(w))) return [];
  let file: string | undefined;
  const names: string[] = [];
  for (let i = 1; i < words.length; i++) {
    const word = words[i] ?? '';
    if (word === '-f' || word === '--rakefile') { file = words[++i]; continue; }
    if (word.startsWith('-') || /^\w+=/.test(word)) { if (['-I', '-r', '-R', '-C', '--directory', '-j', '-g'].includes(word)) i++; continue; }
    names.push(word.replace(/\[.*\]$/, ''));
  }
  const out: Followed[] = [];
  const where = files.path(dir, '.');
  const path = file !== undefined ? joinPath(where, file) : files.findUp(where, ['Rakefile', 'rakefile', 'Rakefile.rb', 'rakefile.rb']);
  if (!path) return out;
  const text = files.text(path, out);
  if (text === undefined) return out;
  const tasks = rakeTasks(text);
  const prelude = text.split('\n').filter((l) => /^[A-Z][A-Z0-9_]*\s*=/.test(l)).join('\n');
  const runner = words.join(' ');
  const run = onceEach((name, next, depth) => {
    const task = tasks.get(name);
    if (!task) {
      // A task the Rakefile does not define is a library's (`db:drop` from Rails): run as `rake NAME`, which the rules read.
      if (depth > 0) out.push({ kind: 'script', text: `rake ${name}`, dir: where, source: { runner, file: files.shown(path) } });
      return;
    }
    for (const dep of task.deps) next(dep.includes(':') ? dep : qualify(name, dep, tasks));
    for (const m of task.body.matchAll(/Rake::Task\[\s*['":]([\w:-]+)['"]?\s*\]\.(?:invoke|execute)/g)) next(m[1] ?? '');
    // The file's top-level constants (`DB_NAME = "acme_production"`) are in scope in every task.
    const code = `${prelude}\n${task.body}`.replace(/(^|[\s;{(])sh(\s*\(|\s+)/g, '$1system$2');
    out.push({ kind: 'code', language: 'ruby', code, source: { runner, file: files.shown(path), line: task.line } });
  });
  for (const name of names.length > 0 ? names : ['default']) run(name);
  return out;
}

function qualify(from: string, dep: string, tasks: ReadonlyMap<string, unknown>): string {
  const ns = from.includes(':') ? from.slice(0, from.lastIndexOf(':') + 1) : '';
  return tasks.has(ns + dep) ? ns + dep : dep;
}

/** Tasks by full name (`db:reset` inside `namespace :db`), each with its block and prerequisites; read by indentation. */
function rakeTasks(text: string): Map<string, { body: string; deps: string[]; line: number }> {
  const tasks = new Map<string, { body: string; deps: string[]; line: number }>();
  const lines = text.split('\n');
  const namespaces: { name: string; indent: number }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const indent = /^\s*/.exec(line)?.[0].length ?? 0;
    while (namespaces.length > 0 && indent <= (namespaces[namespaces.length - 1]?.indent ?? 0) && /^\s*end\b/.test(line)) namespaces.pop();
    const ns = /^\s*namespace\s+[:'"]?([\w-]+)/.exec(line);
    if (ns) { namespaces.push({ name: ns[1] ?? '', indent }); continue; }
    const task = /^\s*(?:task|multitask)\s*\(?\s*(?::([\w-]+)|['"]([\w:-]+)['"]|([\w-]+):)(.*)$/.exec(line);
    if (!task) continue;
    const name = [...namespaces.map((n) => n.name), task[1] ?? task[2] ?? task[3] ?? ''].join(':');
    const rest = task[4] ?? '';
    // `task reset: [:drop, :seed]`, `task :reset => :drop do`: every name before the block.
    const deps = [...(rest.split(/\bdo\b|\{/)[0] ?? '').matchAll(/[:'"]([\w:-]+)/g)].map((m) => m[1] ?? '');
    let body = rest;
    if (/\bdo\b(\s*\|[^|]*\|)?\s*$/.test(rest)) {
      const end = lines.findIndex((l, k) => k > i && (/^\s*/.exec(l)?.[0].length ?? 0) <= indent && /^\s*end\b/.test(l));
      body = lines.slice(i + 1, end < 0 ? lines.length : end).join('\n');
    }
    tasks.set(name, { body, deps, line: i + 1 });
  }
  return tasks;
}

/** `invoke NAME`/`inv NAME` from tasks.py: the function's `c.run(…)`/`c.sudo(…)` read as `os.system`, `pre=[…]` followed. */
export function followInvoke(command: SimpleCommand, dir: string | undefined, files: LineFiles): Followed[] {
  const words = command.argv.map((w) => w.value);
  if (words.some((w) => /^(?:-l|--list|-h|--help|-V|--version|-d|--debug|--complete)$/.test(w))) return [];
  const names = words.slice(1).filter((w, i, all) => !w.startsWith('-') && !['-c', '--collection', '-r', '--search-root', '-f', '--config'].includes(all[i - 1] ?? ''));
  const out: Followed[] = [];
  const where = files.path(dir, '.');
  const path = files.findUp(where, ['tasks.py']);
  if (path === undefined) return out;
  const text = files.text(path, out);
  if (text === undefined) return out;
  const lines = text.split('\n');
  const runner = words.join(' ');
  /** A top-level function's body, its context parameter's `run`/`sudo` read as `os.system`. */
  const fnBody = (fn: string): { at: number; body: string } | undefined => {
    const header = new RegExp(`^def\\s+${fn}\\s*\\(\\s*(\\w+)`);
    const at = lines.findIndex((l) => header.test(l));
    if (at < 0) return undefined;
    const ctx = header.exec(lines[at] ?? '')?.[1] ?? 'c';
    let end = at + 1;
    while (end < lines.length && (/^\s/.test(lines[end] ?? '') || (lines[end] ?? '').trim() === '')) end++;
    return { at, body: lines.slice(at + 1, end).join('\n').replace(new RegExp(`\\b${ctx}\\.(?:run|sudo)\\s*\\(`, 'g'), 'os.system(') };
  };
  const run = onceEach((fn, next) => {
    const task = fnBody(fn);
    if (!task) return;
    const decorator = lines.slice(Math.max(0, task.at - 3), task.at).join('\n');
    for (const m of (/pre\s*=\s*\[([^\]]*)\]/.exec(decorator)?.[1] ?? '').matchAll(/(\w+)/g)) next(m[1] ?? '');
    // Helpers the task calls (`_psql(c, "DROP …")`) run their own `c.run(…)`: their bodies are read with it.
    const helpers = [...new Set([...task.body.matchAll(/(?:^|[^\w.])([A-Za-z_]\w*)\s*\(/g)].map((m) => m[1] ?? ''))]
      .filter((h) => h !== fn).slice(0, 16).map(fnBody).filter((h): h is { at: number; body: string } => h !== undefined);
    // The module's top-level constants are in scope in every task.
    const prelude = lines.filter((l) => /^[A-Za-z_]\w*\s*=\s*\S/.test(l)).join('\n');
    const code = [`import os`, prelude, ...helpers.map((h) => h.body), task.body].join('\n');
    out.push({ kind: 'code', language: 'python', code, source: { runner, file: files.shown(path), line: task.at + 1 } });
  });
  // invoke names tasks with dashes for the functions' underscores.
  for (const name of names) run(name.replace(/-/g, '_'));
  return out;
}

/** A Python entry point (`pkg.mod:func`, a poe `script` task, a `[project.scripts]` command): the module's source, read as Python. */
function poeScript(target: string, where: string, runner: string, files: LineFiles): Followed[] {
  const module = /^([\w.]+):/.exec(target)?.[1];
  if (!module) return [];
  for (const root of [where, joinPath(where, 'src')]) {
    const base = joinPath(root, module.replace(/\./g, '/'));
    for (const path of [`${base}.py`, `${base}/__init__.py`]) {
      const out: Followed[] = [];
      const text = files.text(path, out);
      if (text !== undefined) return [{ kind: 'code', language: 'python', code: text, source: { runner, file: files.shown(path), line: lineAt(text, Math.max(0, text.indexOf(`def ${target.slice(target.indexOf(':') + 1).replace(/\(.*$/, '')}`))) } }];
      if (out.length > 0) return out;
    }
  }
  return [];
}

/** Runners that run a Python project's own commands: `uv run NAME`, `poetry run NAME`, `pdm run NAME`… */
export const PYTHON_PROJECT_RUNNERS: ReadonlySet<string> = new Set(['uv', 'poetry', 'pipenv', 'pdm', 'hatch', 'rye']);

/**
 * What `NAME` is in pyproject.toml: an entry point (`[project.scripts]`, `[tool.poetry.scripts]`)
 * whose module is read, or a pdm, rye or hatch script whose command is read.
 */
export function pythonProjectCommand(name: string, dir: string | undefined, files: LineFiles): Followed[] {
  const path = files.findUp(files.path(dir, '.'), ['pyproject.toml']);
  const out: Followed[] = [];
  const config = path === undefined ? undefined : readConfig(path, files, out, parseToml, 'TOML');
  if (!config || path === undefined) return out;
  // The project's modules stand beside its pyproject.toml.
  const where = dirName(path);
  const { text, doc } = config;
  const table = (...keys: string[]): Record<string, unknown> => {
    let at: unknown = doc;
    for (const key of keys) at = isRecord(at) ? at[key] : undefined;
    return isRecord(at) ? at : {};
  };
  const runner = name;
  const line = lineAt(text, Math.max(0, text.indexOf(name)));
  const entry = table('project', 'scripts')[name] ?? table('tool', 'poetry', 'scripts')[name];
  const reference = typeof entry === 'string' ? entry : isRecord(entry) && typeof entry.reference === 'string' ? entry.reference : undefined;
  if (reference) return poeScript(reference, where, runner, files);
  const hatch = Object.values(table('tool', 'hatch', 'envs')).map((env) => (isRecord(env) && isRecord(env.scripts) ? env.scripts[name] : undefined)).find((v) => v !== undefined);
  const script = table('tool', 'pdm', 'scripts')[name] ?? table('tool', 'rye', 'scripts')[name] ?? hatch;
  const commands = typeof script === 'string' ? [script] : Array.isArray(script) ? script.filter((s): s is string => typeof s === 'string')
    : isRecord(script) ? [script.cmd, script.shell].flatMap((c) => (typeof c === 'string' ? [c] : Array.isArray(c) ? [c.filter((w): w is string => typeof w === 'string').join(' ')] : [])) : [];
  if (isRecord(script) && typeof script.call === 'string') out.push(...poeScript(script.call, where, runner, files));
  for (const command of commands) out.push({ kind: 'script', text: command, dir: where, source: { runner, file: files.shown(path), line } });
  return out;
}

/** `poe NAME` from pyproject.toml's `[tool.poe.tasks]`: cmd and shell tasks, sequences and refs. */
export function followPoe(command: SimpleCommand, dir: string | undefined, files: LineFiles): Followed[] {
  const words = command.argv.map((w) => w.value);
  const name = words.slice(1).find((w) => !w.startsWith('-'));
  if (name === undefined) return [];
  const out: Followed[] = [];
  const path = files.findUp(files.path(dir, '.'), ['pyproject.toml']);
  const config = path === undefined ? undefined : readConfig(path, files, out, parseToml, 'TOML');
  if (!config || path === undefined) return out;
  const where = dirName(path);
  const { text, doc } = config;
  const tool = isRecord(doc) && isRecord(doc.tool) && isRecord(doc.tool.poe) ? doc.tool.poe : {};
  const tasks = isRecord(tool.tasks) ? tool.tasks : {};
  const runner = words.join(' ');
  const done = new Set<string>();
  const run = (spec: unknown, label: string, depth: number): void => {
    if (depth > 16) return;
    const line = lineAt(text, Math.max(0, text.indexOf(label)));
    if (typeof spec === 'string') { out.push({ kind: 'script', text: spec, dir: where, source: { runner, file: files.shown(path), line } }); return; }
    if (Array.isArray(spec)) { for (const s of spec) run(typeof s === 'string' && s in tasks ? tasks[s] : s, label, depth + 1); return; }
    if (!isRecord(spec)) return;
    const body = spec.cmd ?? spec.shell;
    if (typeof body === 'string') out.push({ kind: 'script', text: body, dir: where, source: { runner, file: files.shown(path), line } });
    if (typeof spec.script === 'string') out.push(...poeScript(spec.script, where, runner, files));
    if (typeof spec.ref === 'string') { const ref = spec.ref.split(/\s+/)[0] ?? ''; if (!done.has(ref)) { done.add(ref); run(tasks[ref], ref, depth + 1); } }
    if (Array.isArray(spec.sequence)) run(spec.sequence, label, depth + 1);
    for (const dep of Array.isArray(spec.deps) ? spec.deps : []) if (typeof dep === 'string' && !done.has(dep)) { done.add(dep); run(tasks[dep], dep, depth + 1); }
  };
  done.add(name);
  run(tasks[name], name, 0);
  return out;
}
