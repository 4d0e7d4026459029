// mise tasks: `[tasks.x] run = "…"` (or a list, with `depends`) in the config files mise reads
// from the folder upwards, and file tasks (`mise-tasks/db/reset` is `db:reset`).
import { parse as parseToml } from 'smol-toml';
import type { SimpleCommand } from '../shell/command';
import { dirName, joinPath } from './files';
import { lineAt, onceEach, type Followed, type LineFiles } from './followed';
import { isRecord } from './packageScripts';
import { fileScript } from './scripts';

const CONFIGS = ['mise.toml', '.mise.toml', 'mise.local.toml', '.mise.local.toml', '.config/mise.toml', '.config/mise/config.toml', 'mise/config.toml', '.mise/config.toml', '.rtx.toml'];
const TASK_DIRS = ['mise-tasks', '.mise-tasks', '.mise/tasks', 'mise/tasks', '.config/mise/tasks'];
/** mise's own commands: `mise NAME` is a task only when NAME is none of these. */
const BUILTINS: ReadonlySet<string> = new Set(['activate', 'alias', 'backends', 'bin-paths', 'cache', 'completion', 'config', 'deactivate', 'doctor', 'en', 'env', 'exec', 'x', 'fmt', 'generate', 'implode', 'install', 'i', 'latest', 'link', 'ls', 'list', 'ls-remote', 'outdated', 'plugins', 'p', 'prune', 'registry', 'reshim', 'self-update', 'set', 'settings', 'shell', 'sync', 'tasks', 't', 'tool', 'trust', 'uninstall', 'unset', 'unuse', 'upgrade', 'up', 'use', 'u', 'version', 'watch', 'w', 'where', 'which', 'search', 'mcp', 'edit', 'lock', 'tool-alias', 'test-tool']);

interface Task {
  readonly run: string[];
  readonly depends: string[];
  readonly dir?: string;
  readonly file: string;
  readonly text: string;
}

export function followMise(command: SimpleCommand, dir: string | undefined, files: LineFiles): Followed[] {
  const words = command.argv.map((w) => w.value);
  let at = 1;
  while ((words[at] ?? '').startsWith('-')) at++;
  const verb = words[at];
  let names: string[];
  if (verb === 'run' || verb === 'r') {
    names = words.slice(at + 1).filter((w) => !w.startsWith('-')).join(' ').split(':::').map((s) => s.trim().split(/\s+/)[0] ?? '').filter(Boolean);
  } else if (verb !== undefined && !BUILTINS.has(verb)) {
    names = [verb];
  } else {
    return [];
  }
  const out: Followed[] = [];
  const where = files.path(dir, '.');
  const tasks = readTasks(where, files, out);
  const runner = words.join(' ');
  const run = onceEach((name, next) => {
    const task = tasks.get(name);
    if (task) {
      for (const dep of task.depends) next(dep);
      const line = lineAt(task.text, Math.max(0, task.text.indexOf(name)));
      for (const r of task.run) out.push({ kind: 'script', text: r, dir: task.dir ?? where, source: { runner, file: files.shown(task.file), line } });
      return;
    }
    for (const base of ancestors(where)) {
      for (const taskDir of TASK_DIRS) {
        const found = fileScript(joinPath(base, `${taskDir}/${name.replace(/:/g, '/')}`), undefined, runner, files, false, where);
        if (found.length > 0) { out.push(...found); return; }
      }
    }
  });
  for (const name of names) run(name);
  return out;
}

function readTasks(where: string, files: LineFiles, out: Followed[]): Map<string, Task> {
  const tasks = new Map<string, Task>();
  // Nearer files win: read from the folder up, keeping the first definition of each task.
  for (const base of ancestors(where)) {
    for (const name of CONFIGS) {
      const path = joinPath(base, name);
      const got = files.read(path);
      if (got.kind === 'missing') continue;
      const text = files.text(path, out);
      if (text === undefined) continue;
      let doc: unknown;
      try {
        doc = parseToml(text);
      } catch {
        out.push({ kind: 'unread', detail: `${files.shown(path)} is not valid TOML` });
        continue;
      }
      const defined = isRecord(doc) && isRecord(doc.tasks) ? doc.tasks : {};
      for (const [task, spec] of Object.entries(defined)) {
        if (tasks.has(task)) continue;
        const s = isRecord(spec) ? spec : { run: spec };
        const run = (Array.isArray(s.run) ? s.run : [s.run]).filter((r): r is string => typeof r === 'string');
        const depends = (Array.isArray(s.depends) ? s.depends : typeof s.depends === 'string' ? [s.depends] : []).filter((d): d is string => typeof d === 'string');
        tasks.set(task, { run, depends, dir: typeof s.dir === 'string' ? joinPath(dirName(path), s.dir) : undefined, file: path, text });
      }
    }
  }
  return tasks;
}

/** The folder and those above it, as far as mise looks in a project: six levels. */
function ancestors(dir: string): string[] {
  const out: string[] = [];
  for (let at = dir, i = 0; i < 6; i++) {
    out.push(at);
    if (at === '/') break;
    at = dirName(at);
  }
  return out;
}
