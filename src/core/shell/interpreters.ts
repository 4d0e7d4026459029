// Interpreter one-liners (`python -c`, `node -e`, `ruby -e`, `perl -e`, `deno eval`, `php -r`):
// the code is scanned for calls that run a shell command or delete files. A command string is
// classified like any other line; a deletion call is read as the `rm` it amounts to, so the same
// filesystem rules (and their exemptions for build and temp dirs) decide.
import type { Word } from './command';
import type { Derived } from './derived';
import { readExpression, readList, readString, type Literal, type Unterminated } from './literals';

export type Language = 'python' | 'javascript' | 'ruby' | 'perl' | 'php';

/** Per interpreter: the option before inline code, and the same as argument-filter items (src/core/argFilter). */
const CODE_OPTIONS: Readonly<Record<string, { language: Language; options: RegExp; items: readonly string[] }>> = {
  python: { language: 'python', options: /^-[A-Za-z]*c$/, items: ['-c'] },
  python3: { language: 'python', options: /^-[A-Za-z]*c$/, items: ['-c'] },
  python2: { language: 'python', options: /^-[A-Za-z]*c$/, items: ['-c'] },
  pypy: { language: 'python', options: /^-[A-Za-z]*c$/, items: ['-c'] },
  pypy3: { language: 'python', options: /^-[A-Za-z]*c$/, items: ['-c'] },
  node: { language: 'javascript', options: /^(-e|--eval|-p|--print|-pe)$/, items: ['-e', '-p', '--eval', '--print'] },
  nodejs: { language: 'javascript', options: /^(-e|--eval|-p|--print|-pe)$/, items: ['-e', '-p', '--eval', '--print'] },
  bun: { language: 'javascript', options: /^(-e|--eval|-p|--print)$/, items: ['-e', '-p', '--eval', '--print'] },
  deno: { language: 'javascript', options: /^eval$/, items: ['eval'] },
  // TypeScript runners take node's -e/-p (`npx tsx -e "…"`).
  tsx: { language: 'javascript', options: /^(-e|--eval|-p|--print)$/, items: ['-e', '-p', '--eval', '--print'] },
  'ts-node': { language: 'javascript', options: /^(-e|--eval|-p|--print)$/, items: ['-e', '-p', '--eval', '--print'] },
  ruby: { language: 'ruby', options: /^-[A-Za-z]*e$/, items: ['-e'] },
  perl: { language: 'perl', options: /^-[A-Za-z]*[eE]$/, items: ['-e', '-E'] },
  php: { language: 'php', options: /^-r$/, items: ['-r'] },
};

/** What the terminal gate's filter watches for in an interpreter's arguments: its inline-code options. */
export function inlineCodeItems(program: string): readonly string[] {
  return CODE_OPTIONS[program]?.items ?? [];
}

export function interpreterPrograms(): readonly string[] {
  return Object.keys(CODE_OPTIONS);
}

/** The code an interpreter command runs inline (or from a heredoc), if the line shows it. */
export function inlineCode(program: string, argv: readonly Word[], stdin: string | undefined):
  { language: Language; code: string; from: Word } | undefined {
  const spec = CODE_OPTIONS[program];
  if (!spec) return undefined;
  for (let i = 1; i < argv.length; i++) {
    const word = argv[i];
    const next = argv[i + 1];
    if (word && next && spec.options.test(word.value)) return { language: spec.language, code: next.value, from: next };
    if (word && /^--(eval|print)=/.test(word.value)) return { language: spec.language, code: word.value.slice(word.value.indexOf('=') + 1), from: word };
  }
  const operand = argv.slice(1).find((w) => !w.value.startsWith('-'));
  const readsStdin = operand === undefined || operand.value === '-';
  const at = argv[0];
  return stdin !== undefined && readsStdin && at ? { language: spec.language, code: stdin, from: at } : undefined;
}

type CallKind = 'shell' | 'argv' | 'shell-or-argv' | 'exec' | 'rm' | 'rm-r' | 'rm-options';

interface CallPattern {
  readonly name: RegExp;
  /** What the call amounts to: a shell command line, an argv, or an `rm`. */
  readonly kind: CallKind;
}

// Python is read by name resolution instead (`pythonCalls`): imports rename modules and functions.
const CALLS: Readonly<Record<Exclude<Language, 'python'>, readonly CallPattern[]>> = {
  javascript: [
    { name: /\b(execSync|exec)\s*\(/g, kind: 'shell' },
    { name: /\b(spawnSync|spawn|execFileSync|execFile|execa|execaSync)\s*\(/g, kind: 'shell-or-argv' },
    { name: /\bBun\.spawn(Sync)?\s*\(/g, kind: 'argv' },
    // `new Deno.Command("dropdb", { args: ["-h", "db", "app"] })`: the program, then its `args`.
    { name: /\bnew\s+Deno\.Command\s*\(/g, kind: 'shell-or-argv' },
    { name: /\b(rmSync|rmdirSync|rm|rmdir|remove|removeSync|Deno\.remove|Deno\.removeSync)\s*\(/g, kind: 'rm-options' },
    { name: /\b(rimraf(\.sync)?|rimrafSync|deleteSync|emptyDirSync)\s*\(/g, kind: 'rm-r' },
    { name: /\b(unlinkSync|unlink)\s*\(/g, kind: 'rm' },
  ],
  ruby: [
    { name: /(?:\b(system|exec|spawn)|\bIO\.popen|\bOpen3\.\w+)\s*\(?/g, kind: 'shell-or-argv' },
    { name: /%x\s*/g, kind: 'shell' },
    { name: /\bFileUtils\.(rm_rf|rm_r|remove_dir|remove_entry|remove_entry_secure|rmtree)\s*\(?/g, kind: 'rm-r' },
    { name: /\b(FileUtils\.(rm|rm_f|remove)|File\.(delete|unlink))\s*\(?/g, kind: 'rm' },
  ],
  perl: [
    { name: /\b(system|exec)\s*\(?/g, kind: 'shell-or-argv' },
    { name: /\bqx\s*/g, kind: 'shell' },
    { name: /\b(rmtree|remove_tree)\s*\(?/g, kind: 'rm-r' },
    { name: /\bunlink\s*\(?/g, kind: 'rm' },
  ],
  php: [
    { name: /\b(shell_exec|system|exec|passthru|popen|proc_open)\s*\(/g, kind: 'shell' },
    { name: /\b(unlink)\s*\(/g, kind: 'rm' },
  ],
};

/** Python functions that run a command or delete files, by the module that defines them. */
const PYTHON_CALLS: ReadonlyMap<string, CallKind> = new Map<string, CallKind>([
  ['os.system', 'shell'], ['os.popen', 'shell'],
  ['commands.getoutput', 'shell'], ['commands.getstatusoutput', 'shell'],
  ...['run', 'call', 'check_call', 'check_output', 'Popen', 'getoutput', 'getstatusoutput']
    .map((f): [string, CallKind] => [`subprocess.${f}`, 'shell-or-argv']),
  ['pty.spawn', 'shell-or-argv'],
  ...['execl', 'execle', 'execlp', 'execlpe', 'execv', 'execve', 'execvp', 'execvpe',
    'spawnl', 'spawnle', 'spawnlp', 'spawnlpe', 'spawnv', 'spawnve', 'spawnvp', 'spawnvpe', 'posix_spawn', 'posix_spawnp']
    .map((f): [string, CallKind] => [`os.${f}`, 'exec']),
  ['shutil.rmtree', 'rm-r'], ['os.remove', 'rm'], ['os.unlink', 'rm'],
]);

/** Module names as imported; `posix` and `nt` are what `os` re-exports. */
const PYTHON_MODULES: ReadonlyMap<string, string> = new Map([
  ['os', 'os'], ['posix', 'os'], ['nt', 'os'], ['subprocess', 'subprocess'], ['commands', 'commands'],
  ['pty', 'pty'], ['shutil', 'shutil'],
]);

/**
 * Names distinctive enough to read as a command whatever they are reached through (a star import,
 * `sys.modules['os'].system`, `vars(os)`): only a literal argument is taken, never reported dynamic.
 */
const PYTHON_ANY_RECEIVER: ReadonlySet<string> = new Set(['system', 'popen', 'getoutput', 'getstatusoutput', 'check_output', 'check_call', 'Popen']);

/** Backtick command strings in Ruby, Perl and PHP; in JavaScript backticks are template strings, and only zx's `$\`…\`` runs one. */
const BACKTICKS = /`([^`]*)`/g;
const ZX_BACKTICKS = /\$`([^`]*)`/g;

/** Code past this many characters is not scanned: every read below is then bounded. */
export const MAX_SCANNED_CODE = 64 * 1024;

export interface CodeScan {
  readonly derived: Derived[];
  /** Calls whose command could not be read (a variable, a computed string). */
  readonly dynamicCalls: string[];
  /**
   * True when the code was longer than `MAX_SCANNED_CODE` and only its start was scanned: calls
   * after that point were not looked for, so the caller should not treat the code as read.
   */
  readonly truncated: boolean;
}

/** One code string being scanned, with the lookups that would be costly to repeat per call. */
class Code {
  readonly unterminated: Unterminated = new Map();
  private assigned: Map<string, string> | undefined;
  private looped: LoopBinding[] | undefined;

  constructor(readonly text: string) {}

  /** What each loop variable runs through, read once per code string. */
  loops(): LoopBinding[] {
    this.looped ??= loopBindings(this.text);
    return this.looped;
  }

  /** True when the code assigns `name` once only: a value assigned again may be anything. */
  assignedOnce(name: string): boolean {
    const bare = name.replace(/^\$+/, '');
    return (this.text.match(new RegExp(`(?:^|[^\\w.$])\\$?${bare}\\s*=(?!=)`, 'g')) ?? []).length <= 1;
  }

  /** The right-hand side of the first `name = …` in the code, up to the end of that statement. */
  assignment(name: string): string | undefined {
    this.assigned ??= assignments(this.text);
    return this.assigned.get(name.replace(/^\$+/, ''));
  }
}

const ASSIGNMENT = /(?:^|[\s;(])(?:const |let |var |my )?(\$?[A-Za-z_$][\w$]*)\s*=(?!=)\s*([^;\n]{0,300})/g;

/** Every simple assignment, first one winning, in one pass over the code. */
function assignments(code: string): Map<string, string> {
  const out = new Map<string, string>();
  ASSIGNMENT.lastIndex = 0;
  for (let m = ASSIGNMENT.exec(code); m; m = ASSIGNMENT.exec(code)) {
    const name = (m[1] ?? '').replace(/^\$+/, '');
    const rhs = m[2] ?? '';
    if (!out.has(name)) out.set(name, rhs);
    // Resume at the right-hand side: `a = '/x', b = '/srv'` assigns twice.
    ASSIGNMENT.lastIndex = m.index + m[0].length - rhs.length;
  }
  return out;
}

export function scanCode(language: Language, fullCode: string, from: Word, via: string): CodeScan {
  const truncated = fullCode.length > MAX_SCANNED_CODE;
  const code = new Code(truncated ? fullCode.slice(0, MAX_SCANNED_CODE) : fullCode);
  const scan: Scan = { code, from, via, derived: [], dynamicCalls: [] };
  if (language === 'python') {
    pythonCalls(scan);
  } else {
    // A name inside the command string another call already reads (`system("bundle exec rubocop")`'s
    // `exec`) is part of that command, not a call of its own: skipping it loses nothing.
    const read: [number, number][] = [];
    for (const pattern of CALLS[language]) {
      pattern.name.lastIndex = 0;
      for (let m = pattern.name.exec(code.text); m; m = pattern.name.exec(code.text)) {
        if (importsName(code.text, m.index) || read.some(([a, b]) => m !== null && m.index >= a && m.index < b)) continue;
        const call = m[0].replace(/[\s(]+$/, '');
        const argument = readCall(scan, pattern.kind, m.index + m[0].length, call, language, false);
        if (argument) read.push(argument);
      }
    }
    const backticks = language === 'javascript' ? ZX_BACKTICKS : BACKTICKS;
    backticks.lastIndex = 0;
    for (let m = backticks.exec(code.text); m; m = backticks.exec(code.text)) {
      const text = m[1] ?? '';
      const templated = text.includes('${') || text.includes('#{') ? withRuntimeValues(text, language, code) : text;
      if (templated === undefined) scan.dynamicCalls.push('`…`');
      else scan.derived.push({ kind: 'script', text: templated, via: `${via} (\`…\`)`, from: [from] });
    }
  }
  runnableLiterals(language, scan);
  return { derived: scan.derived, dynamicCalls: scan.dynamicCalls, truncated };
}

/** Code that loads what runs commands: a call to it may go by any name (`const {execSync: e} = require('child_process')`). */
const PROCESS_MODULES: Readonly<Record<Language, RegExp>> = {
  javascript: /child_process|\bexeca\b|['"]zx['"]|shelljs|Bun\.spawn|Bun\.\$|Deno\.Command|\$`/,
  python: /\bimport\s+(?:os|subprocess|pty|commands|sh)\b|\bfrom\s+(?:os|subprocess|pty|sh)\s+import\b|__import__\s*\(\s*['"](?:os|subprocess)/,
  ruby: /\b(?:system|exec|spawn|Open3|IO\.popen)\b|%x|`/,
  perl: /\b(?:system|exec|qx)\b|`/,
  php: /\b(?:shell_exec|system|exec|passthru|popen|proc_open)\b/,
};

/**
 * In code that loads a command runner, every string that reads like a command line (and two
 * literals joined with `+`, `"drop" + "db prod"`) is judged as one, whatever name runs it.
 */
function runnableLiterals(language: Language, scan: Scan): void {
  const text = scan.code.text;
  if (!PROCESS_MODULES[language].test(text)) return;
  const seen = new Set(scan.derived.map((d) => (d.kind === 'script' ? d.text : d.words.map((w) => w.value).join(' '))));
  const joined = text.replace(/(['"])((?:(?!\1)[^\\\n]|\\.)*)\1\s*\+\s*(['"])((?:(?!\3)[^\\\n]|\\.)*)\3/g, (_m, q: string, a: string, _q2: string, b: string) => `${q}${a}${b}${q}`);
  for (const literal of stringLiterals(joined, 200)) {
    if (!/\S\s+\S/.test(literal) || literal.length > 2000 || seen.has(literal) || /\n/.test(literal)) continue;
    seen.add(literal);
    scan.derived.push({ kind: 'script', text: literal, via: `${scan.via} (a string it may run)`, from: [scan.from] });
  }
}

interface Scan {
  readonly code: Code;
  readonly from: Word;
  readonly via: string;
  readonly derived: Derived[];
  readonly dynamicCalls: string[];
}

/**
 * Reads the call whose arguments start at `at`. With `literalOnly` (a name not known to be the
 * dangerous function), only a literal argument counts and nothing is reported as dynamic.
 */
/** Returns the span of the command string it read as a command, when it read one. */
function readCall(scan: Scan, kind: CallKind, at: number, call: string, language: Language, literalOnly: boolean): [number, number] | undefined {
  const { code, from } = scan;
  const text = code.text;
  const word = (value: string, dynamic = false): Word => ({ value, dynamic, start: from.start, end: from.end });
  const label = `${scan.via} (${call})`;
  const dynamic = (): void => {
    if (!literalOnly) scan.dynamicCalls.push(call);
  };
  if (kind === 'exec') {
    const argv = execArgv(code, at, call);
    if (argv && !(literalOnly && argv.some((i) => i.dynamic))) {
      scan.derived.push({ kind: 'argv', words: argv.map((i) => word(i.value, i.dynamic)), via: label });
    } else {
      dynamic();
    }
    return undefined;
  }
  if (kind === 'shell' || kind === 'shell-or-argv' || kind === 'argv') {
    const list = kind === 'shell' ? undefined : readList(text, at, code.unterminated);
    if (list && !(literalOnly && list.items.some((i) => i.dynamic))) {
      scan.derived.push({ kind: 'argv', words: list.items.map((i) => word(i.value, i.dynamic)), via: label });
      return undefined;
    }
    const literal = kind === 'argv' ? undefined : readCommandString(code, at, language);
    if (literal && !literal.dynamic) {
      // `spawn('rm', ['-rf', x])`: a program name followed by an argument list;
      // `system("rm", "-rf", x)` (Ruby, Perl): the program and its arguments as separate strings.
      const args = readList(text, skipComma(text, literal.end), code.unterminated) ?? argsOption(text, literal.end, code.unterminated);
      const rest = args ? [] : followingStrings(text, literal.end, code.unterminated);
      scan.derived.push(args
        ? { kind: 'argv', words: [word(literal.value), ...args.items.map((i) => word(i.value, i.dynamic))], via: label }
        : rest.length > 0
          ? { kind: 'argv', words: [word(literal.value), ...rest.map((i) => word(i.value, i.dynamic))], via: label }
          : { kind: 'script', text: literal.value, via: label, from: [from] });
      return args || rest.length > 0 ? undefined : [at, literal.end];
    } else {
      // `execSync(\`pg_dump ${db}\`)`: the program is written out, only values are filled in at run time.
      const templated = literal && !literalOnly ? withRuntimeValues(literal.value, language, code) : undefined;
      if (templated !== undefined) scan.derived.push({ kind: 'script', text: templated, via: label, from: [from] });
      else dynamic();
    }
    return undefined;
  }
  const target = readPath(code, at);
  if (literalOnly && target.dynamic) return undefined;
  const options = kind === 'rm-r' ? '-rf'
    : kind === 'rm' ? '-f'
      : /recursive\s*:\s*true/.test(text.slice(at, at + 200)) ? '-rf' : '-f';
  // `for (const dir of ['dist', 'coverage']) rmSync(dir, …)`: one deletion per value the loop gives it.
  const looped = target.dynamic ? loopValues(code, target.value, at) : undefined;
  // `remove_tree('blib', '/srv/data')`, `unlink 'a', 'b'`: every path listed is deleted.
  const more = !target.dynamic && kind !== 'rm-options' ? followingStrings(text, target.end, code.unterminated).filter((l) => !l.dynamic).map((l) => l.value) : [];
  for (const value of looped ?? [target.value, ...more]) {
    scan.derived.push({ kind: 'argv', words: [word('rm'), word(options), word(value, looped === undefined && target.dynamic)], via: label });
  }
  return undefined;
}

/**
 * The argv of `os.exec*`, `os.spawn*` and `os.posix_spawn*`: the list argument of the `v` forms,
 * else the arguments after the program (and the `spawn` mode), less the `e` forms' environment.
 */
function execArgv(code: Code, at: number, call: string): Literal[] | undefined {
  const args = readList(code.text, at - 1, code.unterminated);
  if (!args) return undefined;
  const list = args.items.find((i) => /^[[(]/.test(i.value) && i.dynamic);
  if (list) return readList(list.value, 0)?.items;
  const name = /\w+$/.exec(call)?.[0] ?? '';
  const skip = name.startsWith('spawn') ? 2 : 1;
  const items = args.items.slice(skip, name.endsWith('e') ? -1 : undefined);
  return items.length > 0 ? items : undefined;
}

/**
 * A Python call: a qualified name (`os.system`, `o.system` after `import os as o`,
 * `__import__('os').system`, `sys.modules['os'].system`), an attribute of something else, or a
 * bare name (`s` after `from os import system as s`, `system` after `from os import *`).
 */
const PYTHON_CALL = /((?:\b__import__|\bimportlib\s*\.\s*import_module)\s*\(\s*['"][\w.]+['"]\s*\)|\bsys\s*\.\s*modules\s*\[\s*['"][\w.]+['"]\s*\]|\b[A-Za-z_]\w*)\s*\.\s*([A-Za-z_]\w*)\s*\(|(\.\s*)?\b([A-Za-z_]\w*)\s*\(/g;

/** Python names that run code given as a string: a call inside a string literal may then run. */
const PYTHON_EVAL = /\b(exec|eval|compile|execfile|getattr|globals|locals|vars|__builtins__|builtins|timeit|Timer|cProfile|profile|pdb|runctx|runsource|runcode|InteractiveInterpreter|InteractiveConsole|pickle|marshal|ctypes|importlib|runpy|doctest)\b/;

function pythonCalls(scan: Scan): void {
  const text = scan.code.text;
  const names = pythonNames(scan.code);
  const inert = PYTHON_EVAL.test(text) ? [] : pythonInertSpans(text);
  PYTHON_CALL.lastIndex = 0;
  for (let m = PYTHON_CALL.exec(text); m; m = PYTHON_CALL.exec(text)) {
    if (within(inert, m.index)) continue;
    const at = m.index + m[0].length;
    const written = m[0].replace(/[\s(]+$/, '').replace(/\s+/g, '');
    const receiver = m[1];
    const name = m[2] ?? m[4] ?? '';
    if (receiver === undefined && m[3] === undefined && name === 'getattr') {
      pythonGetattr(scan, names, at, written);
      continue;
    }
    const module = receiver !== undefined ? names.module(receiver) : m[3] === undefined ? undefined : '';
    const qualified = module ? `${module}.${name}` : module === undefined && receiver === undefined ? names.function(name) : undefined;
    const kind = qualified === undefined ? undefined : PYTHON_CALLS.get(qualified);
    if (kind && qualified) readCall(scan, kind, at, qualified === written ? written : `${written} = ${qualified}`, 'python', false);
    else if (PYTHON_ANY_RECEIVER.has(name)) readCall(scan, 'shell-or-argv', at, written, 'python', true);
  }
}

/**
 * `getattr(os, 'system')(…)`, read as `os.system(…)`. A dangerous function fetched to be called
 * later, or a computed name on one of our modules, is reported as a dynamic call.
 */
function pythonGetattr(scan: Scan, names: PythonNames, at: number, written: string): void {
  const text = scan.code.text;
  const object = readExpression(text, at, ',)');
  if (text[object.end] !== ',') return;
  const module = names.module(object.value);
  const attribute = readString(text, object.end + 1, scan.code.unterminated);
  // `getattr(os, 'sys' + 'tem')`: a name computed from literals is as opaque as a variable.
  if (!attribute || attribute.dynamic || !/^\s*\)/.test(text.slice(attribute.end, attribute.end + 64))) {
    if (module) scan.dynamicCalls.push(`${written}(${object.value}, …)`);
    return;
  }
  const qualified = module ? `${module}.${attribute.value}` : undefined;
  const kind = qualified === undefined ? undefined : PYTHON_CALLS.get(qualified);
  const call = `${written}(${object.value}, '${attribute.value}')${qualified ? ` = ${qualified}` : ''}`;
  const close = /^\s*\)\s*\(/.exec(text.slice(attribute.end, attribute.end + 64));
  if (!close) {
    if (kind) scan.dynamicCalls.push(call);
    return;
  }
  const args = attribute.end + close[0].length;
  if (kind) readCall(scan, kind, args, call, 'python', false);
  else if (PYTHON_ANY_RECEIVER.has(attribute.value)) readCall(scan, 'shell-or-argv', args, call, 'python', true);
}

interface PythonNames {
  /** The module an expression names (`os`, an alias, `__import__('os')`), if it is one of ours. */
  module(expression: string): string | undefined;
  /** The qualified function a bare name was imported or assigned as. */
  function(name: string): string | undefined;
}

const IMPORT = /\b(?:from\s+([\w.]+)\s+)?import\s+([^;\n#]*)/g;
const MODULE_EXPRESSION = /^(?:__import__|importlib\s*\.\s*import_module)\s*\(\s*['"]([\w.]+)['"]\s*\)$|^sys\s*\.\s*modules\s*\[\s*['"]([\w.]+)['"]\s*\]$/;

function pythonNames(code: Code): PythonNames {
  const modules = new Map<string, string>();
  const functions = new Map<string, string>();
  const stars: string[] = [];
  IMPORT.lastIndex = 0;
  for (let m = IMPORT.exec(code.text); m; m = IMPORT.exec(code.text)) {
    const source = m[1];
    for (const item of (m[2] ?? '').replace(/[()]/g, '').split(',')) {
      const parts = /^\s*([\w.*]+)(?:\s+as\s+(\w+))?/.exec(item);
      const imported = parts?.[1];
      if (!imported) continue;
      if (source === undefined) {
        const module = PYTHON_MODULES.get(imported);
        if (module && parts[2]) modules.set(parts[2], module);
        continue;
      }
      const module = PYTHON_MODULES.get(source);
      if (!module) continue;
      if (imported === '*') stars.push(module);
      else functions.set(parts[2] ?? imported, `${module}.${imported}`);
    }
  }
  const module = (expression: string, depth = 0): string | undefined => {
    const e = expression.trim();
    const named = MODULE_EXPRESSION.exec(e);
    if (named) return PYTHON_MODULES.get(named[1] ?? named[2] ?? '');
    if (!/^[A-Za-z_]\w*$/.test(e)) return undefined;
    const known = modules.get(e) ?? PYTHON_MODULES.get(e);
    if (known) return known;
    const rhs = depth < 4 ? code.assignment(e) : undefined;
    return rhs === undefined ? undefined : module(rhs.replace(/\s*(#.*)?$/, ''), depth + 1);
  };
  const fn = (name: string, depth = 0): string | undefined => {
    const known = functions.get(name) ?? stars.map((s) => `${s}.${name}`).find((q) => PYTHON_CALLS.has(q));
    if (known) return known;
    // `s = os.system`
    const rhs = depth < 4 ? code.assignment(name) : undefined;
    const attribute = rhs === undefined ? undefined : /^(.*?)\s*\.\s*(\w+)\s*(?:#.*)?$/.exec(rhs);
    if (attribute) {
      const owner = module(attribute[1] ?? '', depth + 1);
      return owner ? `${owner}.${attribute[2] ?? ''}` : undefined;
    }
    return rhs !== undefined && /^[A-Za-z_]\w*\s*$/.test(rhs) ? fn(rhs.trim(), depth + 1) : undefined;
  };
  return { module: (e) => module(e), function: (n) => fn(n) };
}

/**
 * Spans of Python code that never run: comments and plain string literals. Reading stops (the
 * rest counts as code) at an f-string, whose fields run and may nest quotes, and at anything
 * that does not tokenize, so a mistake here can only keep a call, never hide one.
 */
function pythonInertSpans(code: string): [number, number][] {
  const spans: [number, number][] = [];
  let i = 0;
  while (i < code.length) {
    const ch = code[i] ?? '';
    if (ch === '#') {
      const end = code.indexOf('\n', i);
      spans.push([i, end < 0 ? code.length : end]);
      if (end < 0) break;
      i = end;
      continue;
    }
    if (ch !== '"' && ch !== "'") {
      i++;
      continue;
    }
    const prefix = /(?:^|[^\w])([A-Za-z]{0,2})$/.exec(code.slice(Math.max(0, i - 3), i))?.[1] ?? '';
    if (/[fFtT]/.test(prefix)) break;
    const triple = code.startsWith(ch.repeat(3), i);
    const close = triple ? ch.repeat(3) : ch;
    let j = i + close.length;
    while (j < code.length && !code.startsWith(close, j) && (triple || code[j] !== '\n')) j += code[j] === '\\' ? 2 : 1;
    if (j >= code.length || !code.startsWith(close, j)) break;
    spans.push([i - prefix.length, j + close.length]);
    i = j + close.length;
  }
  return spans;
}

/** Whether `index` falls inside one of the sorted, disjoint `spans`. */
function within(spans: readonly (readonly [number, number])[], index: number): boolean {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const span = spans[mid];
    if (!span) return false;
    if (index < span[0]) hi = mid - 1;
    else if (index >= span[1]) lo = mid + 1;
    else return true;
  }
  return false;
}

function readCommandString(code: Code, at: number, language: Language): Literal | undefined {
  const text = code.text;
  const percent = language === 'ruby' ? /^\s*%[qQ]?([({[<|!\/])/.exec(text.slice(at, at + 8)) : null;
  if (percent) {
    // Ruby's %q(…), %Q(…), %(…): the bracket is the quote.
    const open = percent[1] ?? '(';
    const close = ({ '(': ')', '{': '}', '[': ']', '<': '>' } as Record<string, string>)[open] ?? open;
    const start = at + percent[0].length;
    const end = text.indexOf(close, start);
    return end < 0 ? undefined : { value: text.slice(start, end), dynamic: /#\{/.test(text.slice(start, end)), end: end + 1 };
  }
  if ((language === 'ruby' || language === 'perl') && /^\s*[({[]/.test(text.slice(at, at + 64)) && text.slice(at - 2, at).includes('x')) {
    // %x(…) and qx(…): the bracket is the quote.
    const open = text.slice(at, at + 64).trimStart()[0] ?? '(';
    const close = ({ '(': ')', '{': '}', '[': ']' } as Record<string, string>)[open] ?? ')';
    const start = text.indexOf(open, at) + 1;
    const end = text.indexOf(close, start);
    return end < 0 ? undefined : { value: text.slice(start, end), dynamic: /#\{|\$/.test(text.slice(start, end)), end: end + 1 };
  }
  return readString(text, at, code.unterminated);
}

/** True inside Perl's `use File::Path qw(remove_tree);`: a name imported, not called. */
function importsName(text: string, at: number): boolean {
  // The statement's start (after the last `;` or newline), looked for a bounded distance back so
  // hostile one-line code stays linear; a `qw(` counts only while it is still open.
  const window = text.slice(Math.max(0, at - 200), at);
  const before = window.slice(Math.max(window.lastIndexOf('\n'), window.lastIndexOf(';')) + 1);
  return /\bqw\s*[(/[{][^)\]}/]*$/.test(before);
}

/** `{ args: [...] }` after a program name (Deno.Command, execa's options are not argv). */
function argsOption(text: string, at: number, unterminated: Unterminated): { items: Literal[]; end: number } | undefined {
  const m = /^\s*,\s*\{\s*args\s*:\s*(?=\[)/.exec(text.slice(at, at + 64));
  return m ? readList(text, at + m[0].length, unterminated) : undefined;
}

/** What a template's interpolations stand for in the command read from it: a value only known at run time. */
const RUNTIME_VALUE = '$__runtime_value';

/**
 * A command template (`\`rm -rf ${dir}\``, `f"pytest {args}"`, `"dropdb #{name}"`) with each
 * interpolation as a run-time value, when its program is written out; undefined when the program
 * itself is interpolated, which leaves the command unknown.
 */
function withRuntimeValues(template: string, language: Language, code: Code): string | undefined {
  const pattern = language === 'javascript' ? /\$\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}/g
    : language === 'python' ? /\{(?!\{)[^{}]*\}/g
      : language === 'ruby' ? /#\{[^{}]*\}/g
        : /\{?\$[A-Za-z_]\w*(?:->\w+|\[[^\]]*\])*\}?/g;
  // A constant the code assigns a plain string once (`DB_NAME = "acme_production"`) is that string.
  const text = template.replace(pattern, (m) => {
    const name = /^[#$]?\{?\s*\$?([A-Za-z_]\w*)\s*\}?$/.exec(m)?.[1];
    const assigned = name === undefined || !code.assignedOnce(name) ? undefined : /^(['"])([^'"\\$#{}]*)\1\s*$/.exec(code.assignment(name) ?? '')?.[2];
    return assigned ?? RUNTIME_VALUE;
  });
  // Only values may be filled in: the program, its subcommands (`kubectl ${v} ns prod`, `prisma
  // migrate ${v}`) and the code an option runs (`psql -c ${sql}`) must be written out.
  const words = text.trim().split(/\s+/).filter((w) => !/^[A-Za-z_]\w*=/.test(w));
  const subcommand = (i: number): boolean => i === 1 || (i === 2 && !(words[1] ?? '').startsWith('-'));
  const carriesCode = (i: number): boolean => /^(?:-[ce]|--command|--execute|--eval|--query|-C)$/.test(words[i - 1] ?? '');
  if (words.some((w, i) => w.includes(RUNTIME_VALUE) && (i === 0 || subcommand(i) || carriesCode(i))) || words[0]?.includes('$')) return undefined;
  return text;
}

/** The string literals that follow, each after a comma (bounded). */
function followingStrings(text: string, at: number, unterminated: Parameters<typeof readString>[2]): Literal[] {
  const out: Literal[] = [];
  let end = at;
  for (let guard = 0; guard < 64; guard++) {
    const next = skipComma(text, end);
    if (next >= text.length) break;
    const literal = readString(text, next, unterminated);
    if (!literal) break;
    out.push(literal);
    end = literal.end;
  }
  return out;
}

function skipComma(code: string, at: number): number {
  const m = /^\s*,/.exec(code.slice(at, at + 16));
  return m ? at + m[0].length : code.length;
}

/** Values the code creates as throwaway temp directories. */
const TEMP_FACTORY = /mkdtemp|mkdtempSync|gettempdir|TemporaryDirectory|tmpdir\(|Dir\.mktmpdir|tempdir\(/;

/** The path a deletion call acts on: its first string literal, home-relative when the code says so. */
function readPath(code: Code, at: number): Literal {
  const direct = readString(code.text, at, code.unterminated);
  if (direct) return direct;
  const expr = readExpression(code.text, at, ',)');
  const assigned = /^[A-Za-z_$][\w$]*$/.test(expr.value) ? code.assignment(expr.value) : undefined;
  if (assigned !== undefined) {
    const literal = readString(assigned, 0);
    if (literal) return { ...literal, end: expr.end };
    if (TEMP_FACTORY.test(assigned)) return { value: '/tmp/airlock-temp', dynamic: false, end: expr.end };
    // `UPLOADS = Path("/srv/uploads")`: a path built from one literal is that literal.
    const wrapped = /^(?:[\w.]*\.)?(?:Path|PurePath|resolve|normalize|abspath|realpath|expand_path|File\.expand_path)\(\s*(['"])([^'"]+)\1\s*\)\s*$/.exec(assigned.trim());
    if (wrapped) return { value: wrapped[2] ?? '', dynamic: false, end: expr.end };
  }
  const inner = /(['"])((?:(?!\1).)*)\1/.exec(expr.value);
  if (!inner) return expr;
  const home = /expanduser|homedir|Path\.home|\bHOME\b|ENV\[/.test(expr.value);
  const value = inner[2] ?? '';
  return { value: home && !value.startsWith('~') && !value.startsWith('/') ? `~/${value}` : value, dynamic: !home && expr.dynamic && !/^[\w.]*\(\s*['"]/.test(expr.value), end: expr.end };
}

/**
 * The values a loop variable takes when the loop lists them as literals (`for (const d of
 * ['dist', 'coverage'])`, `for d in ("build", "dist"):`, `%w[a b].each do |d|`), or the pattern
 * a glob loop walks (`for p in Path(".").rglob("__pycache__")`); undefined when any is unknown.
 */
function loopValues(code: Code, expression: string, at: number): string[] | undefined {
  const text = expression.trim();
  // Only inside the loop's own body does the name hold the listed values.
  const bound = (name: string): string[] | undefined => code.loops().find((b) => b.name === name && at >= b.start && at < b.end)?.values ?? undefined;
  const bare = /^(?:[\w.]*Path\(\s*)?([A-Za-z_$][\w$]*)\s*\)?$/.exec(text);
  if (bare) return bound(bare[1] ?? '');
  // `ROOT / d`, `path.join(root, d)`: under a base the code takes from its own place (`__file__`,
  // `__dirname`, the working folder), each value is a path in the project.
  const joined = /^([\w.]+)\s*\/\s*([A-Za-z_$][\w$]*)$|^[\w.]*(?:join|resolve)\(\s*([\w.]+)\s*,\s*([A-Za-z_$][\w$]*)\s*\)$/.exec(text);
  const base = joined?.[1] ?? joined?.[3];
  const name = joined?.[2] ?? joined?.[4];
  if (!base || !name) return undefined;
  const baseValue = base === '__dirname' ? base : code.assignment(base) ?? '';
  if (!/__file__|__dirname|import\.meta|cwd\(\)|getcwd\(\)|^\s*['"]\.\/?['"]/.test(baseValue)) return undefined;
  return bound(name)?.map((v) => `./${v}`);
}

/** Loop headers, each found from its keyword with a bounded list, so hostile code stays linear. */
const LOOP_HEADERS: readonly RegExp[] = [
  /for\s*\(\s*(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s+of\s+\[([^\]\n]{0,500})\]/g,
  /for\s+([A-Za-z_]\w*)\s+in\s+[[(]([^\])\n]{0,500})[\])]/g,
  /foreach\s+my\s+\$([A-Za-z_]\w*)\s*\(([^)\n]{0,500})\)/g,
];
const GLOB_LOOP = /for\s+([A-Za-z_]\w*)\s+in\s+[^\n:]{0,200}?\.r?glob\(\s*(['"])([^'"\n]{1,200})\2\s*\)/g;
const EACH_LOOP = /\.each\s*(?:do|\{)\s*\|\s*([A-Za-z_]\w*)\s*\|/g;

/** A loop variable, the values it takes (null: not all literal) and the body where it takes them. */
interface LoopBinding {
  readonly name: string;
  readonly values: string[] | null;
  readonly start: number;
  readonly end: number;
}

const MAX_LOOPS = 64;

function loopBindings(text: string): LoopBinding[] {
  const out: LoopBinding[] = [];
  const bind = (name: string, items: string | string[], headerStart: number, headerEnd: number): void => {
    if (out.length >= MAX_LOOPS) return;
    let values: string[] | null;
    if (Array.isArray(items)) {
      values = items;
    } else {
      const quoted = stringLiterals(items);
      const bare = !/['"]/.test(items) && /^[\w\s./-]+$/.test(items) ? items.split(/\s+/).filter(Boolean) : [];
      const found = quoted.length > 0 ? quoted : bare;
      // Every item must be a literal: `['dist', userDir]` leaves one unknown.
      const count = items.split(',').filter((part) => part.trim() !== '').length;
      values = found.length > 0 && (bare.length > 0 || found.length === count) ? found : null;
    }
    out.push({ name, values, start: headerEnd, end: bodyEnd(text, headerStart, headerEnd) });
  };
  for (const re of LOOP_HEADERS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) bind(m[1] ?? '', m[2] ?? '', m.index, m.index + m[0].length);
  }
  GLOB_LOOP.lastIndex = 0;
  for (let m = GLOB_LOOP.exec(text); m; m = GLOB_LOOP.exec(text)) bind(m[1] ?? '', [`**/${m[3] ?? ''}`], m.index, m.index + m[0].length);
  EACH_LOOP.lastIndex = 0;
  for (let m = EACH_LOOP.exec(text); m; m = EACH_LOOP.exec(text)) {
    // `%w[a b].each do |x|`, `["a", "b"].each { |x| … }`: the list just before `.each`.
    const before = text.slice(Math.max(0, m.index - 500), m.index);
    const close = before[before.length - 1];
    const open = close === ']' ? before.lastIndexOf('[') : close === ')' ? before.lastIndexOf('(') : -1;
    if (open >= 0) bind(m[1] ?? '', before.slice(open + 1, -1), m.index - before.length + open, m.index + m[0].length);
  }
  return out;
}

/**
 * Where a loop's body ends: the matching `}` of a braced body, the lines indented deeper than
 * the header (Python, Ruby `do … end`), else the header's own line.
 */
function bodyEnd(text: string, headerStart: number, headerEnd: number): number {
  let i = headerEnd;
  while (text[i] === ' ' || text[i] === '\t' || text[i] === ')' || text[i] === ':') i++;
  if (text[i] === '{') {
    let depth = 0;
    for (let j = i; j < text.length; j++) {
      if (text[j] === '{') depth++;
      else if (text[j] === '}' && --depth === 0) return j;
    }
    return text.length;
  }
  const lineEnd = text.indexOf('\n', i);
  if (lineEnd < 0) return text.length;
  if (text.slice(i, lineEnd).trim() !== '') return lineEnd;
  const lineStart = text.lastIndexOf('\n', headerStart) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart, headerStart + 1))?.[0].length ?? 0;
  let at = lineEnd + 1;
  while (at < text.length) {
    const next = text.indexOf('\n', at);
    const line = text.slice(at, next < 0 ? text.length : next);
    if (line.trim() !== '' && (/^[ \t]*/.exec(line)?.[0].length ?? 0) <= indent) return at;
    if (next < 0) return text.length;
    at = next + 1;
  }
  return text.length;
}

/** Every string literal in the code (bounded), for names and paths the code acts on. */
export function stringLiterals(code: string, limit = 64): string[] {
  const out: string[] = [];
  const unterminated: Unterminated = new Map();
  for (let i = 0; i < code.length && out.length < limit; i++) {
    const ch = code[i];
    if (ch !== '"' && ch !== "'" && ch !== '`') continue;
    const literal = readString(code, i, unterminated);
    if (!literal) continue;
    out.push(literal.value);
    i = literal.end - 1;
  }
  return out;
}
