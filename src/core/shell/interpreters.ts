// Interpreter one-liners (`python -c`, `node -e`, `ruby -e`, `perl -e`, `deno eval`, `php -r`):
// the code is scanned for calls that run a shell command or delete files. A command string is
// classified like any other line; a deletion call is read as the `rm` it amounts to, so the same
// filesystem rules (and their exemptions for build and temp dirs) decide.
import type { Word } from './command';
import type { Derived } from './derived';
import { readExpression, readList, readString, type Literal } from './literals';

export type Language = 'python' | 'javascript' | 'ruby' | 'perl' | 'php';

const CODE_OPTIONS: Readonly<Record<string, { language: Language; options: RegExp }>> = {
  python: { language: 'python', options: /^-[A-Za-z]*c$/ },
  python3: { language: 'python', options: /^-[A-Za-z]*c$/ },
  python2: { language: 'python', options: /^-[A-Za-z]*c$/ },
  pypy: { language: 'python', options: /^-[A-Za-z]*c$/ },
  pypy3: { language: 'python', options: /^-[A-Za-z]*c$/ },
  node: { language: 'javascript', options: /^(-e|--eval|-p|--print|-pe)$/ },
  nodejs: { language: 'javascript', options: /^(-e|--eval|-p|--print|-pe)$/ },
  bun: { language: 'javascript', options: /^(-e|--eval|-p|--print)$/ },
  deno: { language: 'javascript', options: /^eval$/ },
  ruby: { language: 'ruby', options: /^-[A-Za-z]*e$/ },
  perl: { language: 'perl', options: /^-[A-Za-z]*[eE]$/ },
  php: { language: 'php', options: /^-r$/ },
};

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

interface CallPattern {
  readonly name: RegExp;
  /** What the call amounts to: a shell command line, an argv, or an `rm`. */
  readonly kind: 'shell' | 'argv' | 'shell-or-argv' | 'rm' | 'rm-r' | 'rm-options';
}

const CALLS: Readonly<Record<Language, readonly CallPattern[]>> = {
  python: [
    { name: /\bos\.(system|popen)\s*\(/g, kind: 'shell' },
    { name: /\bsubprocess\.(run|call|check_call|check_output|Popen|getoutput|getstatusoutput)\s*\(/g, kind: 'shell-or-argv' },
    { name: /\bos\.exec[lv]p?e?\s*\(/g, kind: 'argv' },
    { name: /\bshutil\.rmtree\s*\(/g, kind: 'rm-r' },
    { name: /\bos\.(remove|unlink)\s*\(/g, kind: 'rm' },
  ],
  javascript: [
    { name: /\b(execSync|exec)\s*\(/g, kind: 'shell' },
    { name: /\b(spawnSync|spawn|execFileSync|execFile|execa|execaSync)\s*\(/g, kind: 'shell-or-argv' },
    { name: /\bBun\.spawn(Sync)?\s*\(/g, kind: 'argv' },
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

/** Backtick command strings in Ruby, Perl and PHP; `$\`…\`` in zx. */
const BACKTICKS = /`([^`]*)`/g;

export interface CodeScan {
  readonly derived: Derived[];
  /** Calls whose command could not be read (a variable, a computed string). */
  readonly dynamicCalls: string[];
}

export function scanCode(language: Language, code: string, from: Word, via: string): CodeScan {
  const derived: Derived[] = [];
  const dynamicCalls: string[] = [];
  const word = (value: string, dynamic = false): Word => ({ value, dynamic, start: from.start, end: from.end });
  for (const pattern of CALLS[language]) {
    pattern.name.lastIndex = 0;
    for (let m = pattern.name.exec(code); m; m = pattern.name.exec(code)) {
      const at = m.index + m[0].length;
      const call = m[0].replace(/[\s(]+$/, '');
      const label = `${via} (${call})`;
      if (pattern.kind === 'shell' || pattern.kind === 'shell-or-argv' || pattern.kind === 'argv') {
        const list = pattern.kind === 'shell' ? undefined : readList(code, at);
        if (list) {
          derived.push({ kind: 'argv', words: list.items.map((i) => word(i.value, i.dynamic)), via: label });
          continue;
        }
        const literal = pattern.kind === 'argv' ? undefined : readCommandString(code, at, language);
        if (literal && !literal.dynamic) {
          // `spawn('rm', ['-rf', x])`: a program name followed by an argument list.
          const args = readList(code, skipComma(code, literal.end));
          derived.push(args
            ? { kind: 'argv', words: [word(literal.value), ...args.items.map((i) => word(i.value, i.dynamic))], via: label }
            : { kind: 'script', text: literal.value, via: label, from: [from] });
        } else {
          dynamicCalls.push(call);
        }
        continue;
      }
      const target = readPath(code, at);
      const options = pattern.kind === 'rm-r' ? '-rf'
        : pattern.kind === 'rm' ? '-f'
          : /recursive\s*:\s*true/.test(code.slice(at, at + 200)) ? '-rf' : '-f';
      derived.push({ kind: 'argv', words: [word('rm'), word(options), word(target.value, target.dynamic)], via: label });
    }
  }
  if (language !== 'python') {
    BACKTICKS.lastIndex = 0;
    for (let m = BACKTICKS.exec(code); m; m = BACKTICKS.exec(code)) {
      const text = m[1] ?? '';
      if (text.includes('${') || text.includes('#{')) dynamicCalls.push('`…`');
      else derived.push({ kind: 'script', text, via: `${via} (\`…\`)`, from: [from] });
    }
  }
  return { derived, dynamicCalls };
}

function readCommandString(code: string, at: number, language: Language): Literal | undefined {
  if ((language === 'ruby' || language === 'perl') && /^\s*[({[]/.test(code.slice(at)) && code.slice(at - 2, at).includes('x')) {
    // %x(…) and qx(…): the bracket is the quote.
    const open = code.slice(at).trimStart()[0] ?? '(';
    const close = ({ '(': ')', '{': '}', '[': ']' } as Record<string, string>)[open] ?? ')';
    const start = code.indexOf(open, at) + 1;
    const end = code.indexOf(close, start);
    return end < 0 ? undefined : { value: code.slice(start, end), dynamic: /#\{|\$/.test(code.slice(start, end)), end: end + 1 };
  }
  return readString(code, at);
}

function skipComma(code: string, at: number): number {
  const m = /^\s*,/.exec(code.slice(at, at + 16));
  return m ? at + m[0].length : code.length;
}

/** Values the code creates as throwaway temp directories. */
const TEMP_FACTORY = /mkdtemp|mkdtempSync|gettempdir|TemporaryDirectory|tmpdir\(|Dir\.mktmpdir|tempdir\(/;

/** The path a deletion call acts on: its first string literal, home-relative when the code says so. */
function readPath(code: string, at: number): Literal {
  const direct = readString(code, at);
  if (direct) return direct;
  const expr = readExpression(code, at, ',)');
  const assigned = /^[A-Za-z_$][\w$]*$/.test(expr.value) ? assignmentOf(code, expr.value) : undefined;
  if (assigned !== undefined) {
    const literal = readString(assigned, 0);
    if (literal) return { ...literal, end: expr.end };
    if (TEMP_FACTORY.test(assigned)) return { value: '/tmp/airlock-temp', dynamic: false, end: expr.end };
  }
  const inner = /(['"])((?:(?!\1).)*)\1/.exec(expr.value);
  if (!inner) return expr;
  const home = /expanduser|homedir|Path\.home|\bHOME\b|ENV\[/.test(expr.value);
  const value = inner[2] ?? '';
  return { value: home && !value.startsWith('~') && !value.startsWith('/') ? `~/${value}` : value, dynamic: !home && expr.dynamic && !/^[\w.]*\(\s*['"]/.test(expr.value), end: expr.end };
}

/** The right-hand side of `name = …` in the code, up to the end of that statement. */
function assignmentOf(code: string, name: string): string | undefined {
  const escaped = name.replace(/\$/g, '\\$');
  const m = new RegExp(`(?:^|[\\s;(])(?:const |let |var |my )?\\$?${escaped}\\s*=(?!=)\\s*([^;\\n]{0,300})`).exec(code);
  return m?.[1];
}

/** Every string literal in the code (bounded), for names and paths the code acts on. */
export function stringLiterals(code: string, limit = 64): string[] {
  const out: string[] = [];
  for (let i = 0; i < code.length && out.length < limit; i++) {
    const ch = code[i];
    if (ch !== '"' && ch !== "'" && ch !== '`') continue;
    const literal = readString(code, i);
    if (!literal) continue;
    out.push(literal.value);
    i = literal.end - 1;
  }
  return out;
}
