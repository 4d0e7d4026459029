// Task (taskfile.dev): a task's `deps`, then its `cmds` (shell lines, other tasks, deferred
// commands), with `{{.VAR}}` filled from the file's, the task's and the line's variables.
import { parseDocument } from 'yaml';
import type { SimpleCommand } from '../shell/command';
import { dirName, joinPath } from './files';
import { lineAt, type Followed, type LineFiles, splitOption } from './followed';
import { isRecord } from './packageScripts';

const NAMES = ['Taskfile.yml', 'Taskfile.yaml', 'taskfile.yml', 'taskfile.yaml', 'Taskfile.dist.yml', 'Taskfile.dist.yaml'];
const NOTHING_RUNS: ReadonlySet<string> = new Set(['-l', '--list', '-a', '--list-all', '--summary', '-n', '--dry', '--help', '-h', '--version', '--init', '-i', '--status', '--json']);
const VALUE_OPTIONS: ReadonlySet<string> = new Set(['-t', '--taskfile', '-d', '--dir', '-o', '--output', '-C', '--concurrency', '-I', '--interval', '--sort', '--output-group-begin', '--output-group-end']);

interface Taskfile {
  readonly path: string;
  readonly text: string;
  readonly tasks: Record<string, unknown>;
  readonly vars: Map<string, string>;
  readonly includes: Map<string, string>;
}

export function followTask(command: SimpleCommand, dir: string | undefined, files: LineFiles): Followed[] {
  const words = command.argv.map((w) => w.value);
  const names: string[] = [];
  const vars = new Map<string, string>();
  let file: string | undefined;
  let where = files.path(dir, '.');
  let cliArgs = '';
  for (let i = 1; i < words.length; i++) {
    const word = words[i] ?? '';
    if (word === '--') { cliArgs = words.slice(i + 1).join(' '); break; }
    if (NOTHING_RUNS.has(word)) return [];
    const [name, inline] = splitOption(word);
    if (name === '-t' || name === '--taskfile') { file = inline ?? words[++i]; continue; }
    if (name === '-d' || name === '--dir') { where = joinPath(where, inline ?? words[++i] ?? '.'); continue; }
    if (name.startsWith('-')) { if (inline === undefined && VALUE_OPTIONS.has(name)) i++; continue; }
    const assignment = /^([A-Za-z_]\w*)=(.*)$/s.exec(word);
    if (assignment) { vars.set(assignment[1] ?? '', assignment[2] ?? ''); continue; }
    names.push(word);
  }
  vars.set('CLI_ARGS', cliArgs);
  const out: Followed[] = [];
  const path = file !== undefined ? joinPath(where, file) : files.findUp(where, NAMES);
  if (path === undefined) return out;
  const root = readTaskfile(path, files, out);
  if (!root) return out;
  const runner = words.join(' ');
  const done = new Set<string>();
  const run = (taskfile: Taskfile, name: string, scope: ReadonlyMap<string, string>, depth: number): void => {
    const colon = name.indexOf(':');
    if (!(name in taskfile.tasks) && colon > 0 && taskfile.includes.has(name.slice(0, colon)) && depth < 8) {
      const included = readTaskfile(taskfile.includes.get(name.slice(0, colon)) ?? '', files, out);
      if (included) run(included, name.slice(colon + 1), scope, depth + 1);
      return;
    }
    const key = `${taskfile.path}#${name}`;
    if (done.has(key) || depth > 32) return;
    done.add(key);
    const task = taskfile.tasks[name];
    const taskScope = new Map([...taskfile.vars, ...scope]);
    const spec = isRecord(task) ? task : { cmds: task };
    if (isRecord(spec.vars)) for (const [k, v] of Object.entries(spec.vars)) if (typeof v === 'string' || typeof v === 'number') taskScope.set(k, String(v));
    const taskDir = typeof spec.dir === 'string' ? joinPath(dirName(taskfile.path), fill(spec.dir, taskScope)) : dirName(taskfile.path);
    for (const dep of list(spec.deps)) {
      const depName = typeof dep === 'string' ? dep : isRecord(dep) && typeof dep.task === 'string' ? dep.task : undefined;
      if (depName) run(taskfile, depName, taskScope, depth + 1);
    }
    const line = taskLine(taskfile.text, name);
    const shown = files.shown(taskfile.path);
    const commands = spec.cmds !== undefined ? list(spec.cmds) : spec.cmd !== undefined ? [spec.cmd] : [];
    for (const c of commands) {
      const cmd = typeof c === 'string' ? c : isRecord(c) ? (typeof c.cmd === 'string' ? c.cmd : typeof c.defer === 'string' ? c.defer : isRecord(c.defer) && typeof c.defer.cmd === 'string' ? c.defer.cmd : undefined) : undefined;
      if (cmd !== undefined) { out.push({ kind: 'script', text: fill(cmd, taskScope), dir: taskDir, source: { runner, file: shown, line } }); continue; }
      const sub = isRecord(c) ? (typeof c.task === 'string' ? c.task : isRecord(c.defer) && typeof c.defer.task === 'string' ? c.defer.task : undefined) : undefined;
      if (sub) run(taskfile, sub, taskScope, depth + 1);
    }
  };
  for (const name of names.length > 0 ? names : ['default']) run(root, name, vars, 0);
  return out;
}

function readTaskfile(path: string, files: LineFiles, out: Followed[]): Taskfile | undefined {
  const resolved = files.read(path).kind === 'missing' && !/\.ya?ml$/.test(path) ? NAMES.map((n) => joinPath(path, n)).find((p) => files.read(p).kind !== 'missing') ?? path : path;
  const text = files.text(resolved, out);
  if (text === undefined) return undefined;
  const doc = parseDocument(text);
  const json: unknown = doc.errors.length === 0 ? doc.toJS() : undefined;
  if (!isRecord(json)) {
    out.push({ kind: 'unread', detail: `${files.shown(resolved)} is not a Taskfile Airlock can read` });
    return undefined;
  }
  const vars = new Map<string, string>();
  if (isRecord(json.vars)) for (const [k, v] of Object.entries(json.vars)) if (typeof v === 'string' || typeof v === 'number') vars.set(k, String(v));
  const includes = new Map<string, string>();
  if (isRecord(json.includes)) {
    for (const [k, v] of Object.entries(json.includes)) {
      const target = typeof v === 'string' ? v : isRecord(v) && typeof v.taskfile === 'string' ? v.taskfile : undefined;
      if (target && !/^[a-z]+:\/\//.test(target)) includes.set(k, joinPath(dirName(resolved), target));
    }
  }
  return { path: resolved, text, tasks: isRecord(json.tasks) ? json.tasks : {}, vars, includes };
}

function taskLine(text: string, name: string): number | undefined {
  const at = new RegExp(`^\\s+['"]?${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}['"]?\\s*:`, 'm').exec(text);
  return at ? lineAt(text, at.index + at[0].length - at[0].trimStart().length) : undefined;
}

function fill(text: string, scope: ReadonlyMap<string, string>): string {
  return text.replace(/\{\{\s*\.(\w+)\s*\}\}/g, (_m, name: string) => scope.get(name) ?? `$${name}`);
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined ? [] : [value];
}
