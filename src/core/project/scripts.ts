// Scripts run by path: `bash cleanup.sh`, `./bin/wipe` (by its shebang), `source env.sh`,
// `node delete-volume.mjs`, `python reset.py`, `ruby`/`perl`/`php` files. Shell scripts are read
// command by command; other languages with the scanners used for `-e`/`-c` code.
import type { SimpleCommand } from '../shell/command';
import type { Language } from '../shell/interpreters';
import { powershellRun } from '../shell/powershell';
import { baseName } from './files';
import type { Followed, LineFiles } from './followed';

export type ScriptLanguage = Language | 'shell';

const SHELLS: ReadonlySet<string> = new Set(['sh', 'bash', 'zsh', 'dash', 'ksh', 'mksh', 'ash', 'yash']);
const SHELL_VALUE_OPTIONS: ReadonlySet<string> = new Set(['-o', '+o', '-O', '+O', '--rcfile', '--init-file']);

/** Per interpreter: its language and the options whose value is the next word (`node -r dotenv/config x.js`). */
const INTERPRETERS: Readonly<Record<string, { language: Language; values: readonly string[]; sub?: readonly string[] }>> = {
  node: { language: 'javascript', values: ['-r', '--require', '--import', '--loader', '--experimental-loader', '-C', '--conditions', '--env-file', '--env-file-if-exists', '--inspect-port', '--title', '--stack-size'] },
  nodejs: { language: 'javascript', values: ['-r', '--require', '--import', '--loader'] },
  bun: { language: 'javascript', values: ['-r', '--preload', '--env-file', '--cwd', '--config', '-c'], sub: ['run'] },
  deno: { language: 'javascript', values: ['--config', '-c', '--import-map', '--env-file', '--location', '--seed', '--v8-flags', '--lock', '--cert'], sub: ['run'] },
  tsx: { language: 'javascript', values: ['--tsconfig', '--env-file', '-r', '--require', '--import'] },
  'ts-node': { language: 'javascript', values: ['-r', '--require', '-P', '--project', '-C', '--compiler', '-O', '--compiler-options'] },
  'ts-node-esm': { language: 'javascript', values: ['-P', '--project'] },
  'vite-node': { language: 'javascript', values: ['--config', '-r', '--root'] },
  esno: { language: 'javascript', values: [] },
  zx: { language: 'javascript', values: [] },
  python: { language: 'python', values: ['-W', '-X', '--check-hash-based-pycs'] },
  python3: { language: 'python', values: ['-W', '-X', '--check-hash-based-pycs'] },
  python2: { language: 'python', values: ['-W', '-X'] },
  pypy3: { language: 'python', values: ['-W', '-X'] },
  ruby: { language: 'ruby', values: ['-I', '-r', '-C', '-E', '--encoding'] },
  perl: { language: 'perl', values: ['-I', '-M', '-m'] },
  php: { language: 'php', values: ['-c', '-d', '-z'] },
};

/** Folders whose programs are the system's, not scripts an agent wrote: never read. */
const SYSTEM_DIRS = /^\/(?:bin|sbin|usr|lib|lib32|lib64|libx32|opt|etc|nix|snap|proc|sys|dev|System|Library|Applications)\//;

export function scriptPrograms(): readonly string[] {
  return [...SHELLS, 'pwsh', 'powershell', 'source', '.', ...Object.keys(INTERPRETERS)];
}

/** The language a `#!` line names: `#!/usr/bin/env -S deno run`, `#!/bin/bash -e`, `#!/usr/bin/python3`. */
export function shebangLanguage(line: string): ScriptLanguage | undefined {
  const m = /^#!\s*(\S+)(?:\s+(.*))?$/.exec(line.trim());
  if (!m) return undefined;
  let program = baseName(m[1] ?? '');
  if (program === 'env') program = (m[2] ?? '').split(/\s+/).find((w) => !w.startsWith('-') && !w.includes('=')) ?? '';
  program = program.replace(/\d[\d.]*$/, '');
  if (SHELLS.has(program)) return 'shell';
  if (['node', 'nodejs', 'bun', 'deno', 'tsx', 'ts-node', 'zx', 'esno', 'vite-node'].includes(program)) return 'javascript';
  if (program === 'python' || program === 'pypy') return 'python';
  if (program === 'ruby') return 'ruby';
  if (program === 'perl') return 'perl';
  if (program === 'php') return 'php';
  return undefined;
}

/** The language of a file by its name, when no shebang says: `.mjs` → JavaScript, `.sh` → shell. */
function extensionLanguage(path: string): ScriptLanguage | undefined {
  const ext = /\.([a-z]+)$/i.exec(path)?.[1]?.toLowerCase();
  if (!ext) return undefined;
  if (['js', 'mjs', 'cjs', 'ts', 'mts', 'cts', 'jsx', 'tsx'].includes(ext)) return 'javascript';
  if (ext === 'py') return 'python';
  if (ext === 'rb' || ext === 'rake') return 'ruby';
  if (ext === 'pl' || ext === 'pm') return 'perl';
  if (ext === 'php') return 'php';
  if (['sh', 'bash', 'zsh', 'ksh'].includes(ext)) return 'shell';
  return undefined;
}

/**
 * The scripts a command runs by path, if any: `bash x.sh`, `./x`, `. ./env.sh`, `node x.mjs`,
 * `python -m pkg.mod`, and the project files Node loads before it (`node -r ./wipe.js app.js`,
 * `NODE_OPTIONS='--require ./wipe.js' npm test`).
 */
export function followScript(command: SimpleCommand, dir: string | undefined, files: LineFiles): Followed[] {
  const runner = command.argv.map((w) => w.value).join(' ');
  const preloads = [
    ...nodePreloads(command).flatMap((file) => fileScript(nodeResolve(files.path(dir, file), files), 'javascript', runner, files, false)),
    ...rubyPreloads(command).flatMap((file) => fileScript(files.path(dir, /\.rb$/.test(file) ? file : `${file}.rb`), 'ruby', runner, files, false)),
  ];
  const main = followRun(command, dir, files);
  return preloads.length > 0 ? [...preloads, ...main] : main;
}

/** `ruby -r ./wipe.rb -e 1`, `RUBYOPT=-r./wipe.rb ruby …`: project files Ruby requires before the script. */
function rubyPreloads(command: SimpleCommand): string[] {
  const words = [...(command.assignments.get('RUBYOPT')?.split(/\s+/) ?? []), ...(command.program === 'ruby' ? command.argv.slice(1).map((w) => w.value) : [])];
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    const value = word === '-r' ? words[++i] ?? '' : word.startsWith('-r') ? word.slice(2) : undefined;
    if (value !== undefined && /^(?:\.{1,2}\/|\/)/.test(value) && !out.includes(value)) out.push(value);
  }
  return out;
}

const PRELOAD_OPTIONS = ['-r', '--require', '--import', '--loader', '--experimental-loader'];

/**
 * Project files named as Node preloads: on node's own line, or in NODE_OPTIONS, which every Node
 * program the command starts reads (npm, jest, next…). Packages (`-r dotenv/config`) are not project files.
 */
function nodePreloads(command: SimpleCommand): string[] {
  const out: string[] = [];
  const scan = (words: readonly string[], optionsOnly: boolean): void => {
    for (let i = 0; i < words.length; i++) {
      const word = words[i] ?? '';
      // On node's line the options end at the script's name.
      if (optionsOnly && !word.startsWith('-')) return;
      const eq = word.indexOf('=');
      if (!PRELOAD_OPTIONS.includes(eq > 0 ? word.slice(0, eq) : word)) continue;
      const value = eq > 0 ? word.slice(eq + 1) : words[++i] ?? '';
      if (/^(?:\.{1,2}\/|\/)/.test(value) && !out.includes(value)) out.push(value);
    }
  };
  const options = command.assignments.get('NODE_OPTIONS');
  if (options !== undefined) scan(options.split(/\s+/), false);
  if (INTERPRETERS[command.program]?.language === 'javascript') scan(command.argv.slice(1).map((w) => w.value), true);
  return out;
}

function followRun(command: SimpleCommand, dir: string | undefined, files: LineFiles): Followed[] {
  const words = command.argv.map((w) => w.value);
  const program = command.program;
  const runner = words.join(' ');
  if (program === 'pwsh' || program === 'powershell') {
    // Its cmdlets that delete or send are read as the Unix commands they amount to (powershell.ts).
    const run = powershellRun(command.argv);
    return run && typeof run === 'object' && 'file' in run ? fileScript(files.path(dir, run.file.value), 'shell', runner, files, run.file.dynamic, files.path(dir, '.')) : [];
  }
  if (SHELLS.has(program)) {
    // `bash --rcfile x.sh -i`: an interactive shell runs its start-up file first.
    const rc = words.findIndex((w) => w === '--rcfile' || w === '--init-file');
    const startup = rc > 0 && words[rc + 1] !== undefined ? fileScript(files.path(dir, words[rc + 1] ?? ''), 'shell', runner, files, command.argv[rc + 1]?.dynamic === true, files.path(dir, '.')) : [];
    for (let i = 1; i < words.length; i++) {
      const word = words[i] ?? '';
      // `-c` is a script on the line (payloads); `-s` reads stdin; `-n` runs nothing.
      if (/^-[A-Za-z]*[cns][A-Za-z]*$/.test(word) || word === '--command') return startup;
      if (SHELL_VALUE_OPTIONS.has(word)) { i++; continue; }
      if (word === '--') continue;
      if ((word.startsWith('-') || word.startsWith('+')) && word.length > 1) continue;
      return [...startup, ...fileScript(files.path(dir, word), 'shell', runner, files, command.argv[i]?.dynamic === true, files.path(dir, '.'), words.slice(i + 1))];
    }
    return startup;
  }
  if (program === 'source' || program === '.') {
    const file = words[1];
    if (file === undefined || file.startsWith('<(') || file === '/dev/stdin' || file === '-') return [];
    return fileScript(files.path(dir, file), 'shell', runner, files, command.argv[1]?.dynamic === true, files.path(dir, '.'), words.slice(2));
  }
  const spec = INTERPRETERS[program];
  if (spec) {
    let i = 1;
    if (spec.sub?.includes(words[1] ?? '')) i = 2;
    for (; i < words.length; i++) {
      const word = words[i] ?? '';
      if (word === '--') { i++; break; }
      if (!word.startsWith('-')) break;
      // Node's own test runner and watch mode take folders and globs of test files, not a script.
      if (spec.language === 'javascript' && (word === '--test' || word.startsWith('--test='))) return [];
      // Inline code or a module: read elsewhere (payloads) or below; the project modules the code loads, here.
      if (/^(?:-e|--eval|-p|--print|-c|-r|-E)$/.test(word) && (spec.language !== 'php' || word === '-r') && !(spec.language === 'ruby' && word === '-r') && !(spec.language === 'javascript' && word === '-r')) {
        return command.argv[i + 1]?.dynamic ? [] : loadedModules(spec.language, words[i + 1] ?? '', dir, runner, files);
      }
      if (word === '-m' && spec.language === 'python') return pythonModule(words[i + 1] ?? '', dir, runner, files);
      if (spec.values.includes(word)) i++;
    }
    const file = words[i];
    if (file === undefined || file === '-' || (program === 'deno' && /^(?:eval|repl|task|test|fmt|lint|check|compile|install|bench|doc|info|cache|upgrade|serve|jupyter|publish|add|remove|outdated|init|coverage|types|completions|vendor|clean)$/.test(file))) return [];
    if ((program === 'bun') && !/[/\\]|\.[cm]?[jt]sx?$/.test(file)) return [];
    const path = spec.language === 'javascript' ? nodeResolve(files.path(dir, file), files) : files.path(dir, file);
    return fileScript(path, spec.language, runner, files, command.argv[i]?.dynamic === true);
  }
  // A program given by path (`./scripts/wipe`, `/tmp/x.sh`): the system's own programs are not read.
  const first = command.argv[0];
  if (first && !first.dynamic && /[/]/.test(first.value) && !SYSTEM_DIRS.test(first.value)) {
    return fileScript(files.path(dir, first.value), undefined, runner, files, false, files.path(dir, '.'), words.slice(1));
  }
  return [];
}

/**
 * The project's own modules that inline code loads (`python -c 'from scripts.reset import main; main()'`,
 * `node -e "require('./scripts/reset')"`): installed packages are not project files, and are not read.
 */
function loadedModules(language: ScriptLanguage, code: string, dir: string | undefined, runner: string, files: LineFiles): Followed[] {
  const out: Followed[] = [];
  if (language === 'python') {
    // `import a.b, c` loads each module; `from a import b, c` loads a, and b and c where they are modules.
    for (const m of code.matchAll(/(?:^|[;\n])\s*(?:from\s+([\w.]+)\s+import\s+\(?\s*([\w\s,*]+)|import\s+([\w.]+(?:\s*,\s*[\w.]+)*))/g)) {
      const modules = m[1] !== undefined ? [m[1], ...(m[2] ?? '').split(',').map((name) => name.trim()).filter((name) => name !== '*').map((name) => `${m[1]}.${name}`)] : (m[3] ?? '').split(',');
      for (const module of modules.slice(0, 8)) out.push(...pythonImport(module.trim(), dir, runner, files));
    }
    // `__import__("scripts.reset")`, `importlib.import_module(…)`, `runpy.run_module(…)`; `runpy.run_path('x.py')`, `exec(open('x.py').read())`.
    for (const m of code.matchAll(/\b(?:__import__|import_module|run_module)\s*\(\s*['"]([\w.]+)['"]/g)) out.push(...pythonImport(m[1] ?? '', dir, runner, files));
    for (const m of code.matchAll(/\b(?:run_path\s*\(|exec\s*\(\s*open\s*\()\s*['"]([^'"]+\.py)['"]/g)) out.push(...fileScript(files.path(dir, m[1] ?? ''), 'python', runner, files, false));
  } else if (language === 'javascript') {
    for (const m of code.matchAll(/(?:\brequire\s*\(|\bimport\s*\(|\bfrom\s|\bimport\s)\s*(['"`])(\.{1,2}\/[^'"`]+)\1/g)) {
      out.push(...fileScript(nodeResolve(files.path(dir, m[2] ?? ''), files), 'javascript', runner, files, false));
    }
  }
  return out.slice(0, 16);
}

/** The file `import a.b` runs: `a/b.py`, or the package's `a/b/__init__.py`. */
function pythonImport(module: string, dir: string | undefined, runner: string, files: LineFiles): Followed[] {
  if (!/^\w[\w.]*$/.test(module)) return [];
  const base = files.path(dir, module.replace(/\./g, '/'));
  const found = fileScript(`${base}.py`, 'python', runner, files, false);
  return found.length > 0 ? found : fileScript(`${base}/__init__.py`, 'python', runner, files, false);
}

function pythonModule(module: string, dir: string | undefined, runner: string, files: LineFiles): Followed[] {
  if (!/^[\w.]+$/.test(module)) return [];
  const base = files.path(dir, module.replace(/\./g, '/'));
  for (const path of [`${base}.py`, `${base}/__main__.py`]) {
    const found = fileScript(path, 'python', runner, files, false);
    if (found.length > 0) return found;
  }
  return [];
}

/** The file's content as what it runs; a missing file runs nothing Airlock can read, a binary is not read. */
/**
 * The file `node x` runs: `x` itself, `x.js`/`.mjs`/`.cjs`, or for a folder (`node .`) its
 * package.json `main` or `index.js`.
 */
function nodeResolve(path: string, files: LineFiles): string {
  const got = files.read(path);
  if (got.kind === 'text') return path;
  const withExtension = got.kind === 'missing' ? ['.js', '.mjs', '.cjs', '.ts'].map((ext) => path + ext).find((p) => files.read(p).kind !== 'missing') : undefined;
  if (withExtension) return withExtension;
  const pkg = files.read(`${path}/package.json`);
  let main: unknown;
  try {
    main = pkg.kind === 'text' ? (JSON.parse(pkg.text) as { main?: unknown }).main : undefined;
  } catch {
    main = undefined;
  }
  if (typeof main === 'string') return `${path}/${main.replace(/^\.\//, '')}`;
  return files.read(`${path}/index.js`).kind === 'missing' ? path : `${path}/index.js`;
}

/** `args`: what a shell script gets as `$1`, `$2`…, when the line shows them. */
export function fileScript(path: string, language: ScriptLanguage | undefined, runner: string, files: LineFiles, dynamic: boolean, runDir?: string, args?: readonly string[]): Followed[] {
  if (dynamic) return [];
  const out: Followed[] = [];
  const text = files.text(path, out);
  if (text === undefined) return out;
  if (isBinary(text)) return out;
  const firstLine = text.slice(0, text.indexOf('\n') >>> 0);
  const lang = language ?? shebangLanguage(firstLine) ?? extensionLanguage(path) ?? 'shell';
  const source = { runner, file: files.shown(path), text, offset: 0 };
  // A script runs from its caller's folder, not its own.
  if (lang === 'shell') out.push({ kind: 'script', text, dir: runDir ?? files.context.cwd, source, path, ...(args && args.length > 0 ? { args } : {}) });
  else out.push({ kind: 'code', language: lang, code: text, source });
  return out;
}

function isBinary(text: string): boolean {
  return text.startsWith('\x7fELF') || text.slice(0, 4096).includes('\0');
}
