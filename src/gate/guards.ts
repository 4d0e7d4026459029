// The terminal gate's shell guards, generated from the rule data: a bash script (a readline Enter
// binding that sees the whole line, and a DEBUG trap with `extdebug` as the second net for each
// simple command, non-interactive shells included through BASH_ENV) and a zsh script (an
// `accept-line` widget). Both judge a line first with a keyword filter in the shell itself — no
// process for `git status` — and ask `airlock gate --line` for anything else. A denied line is
// replaced by one that prints why and exits 126, so nothing runs and the shell reports a failure. See DESIGN.md section 1 for what was verified in VS Code's terminals.
import { DESTRUCTIVE_STEMS, fewestItems, isShortFlag, type ArgFilter, type Item } from '../core/argFilter';

export interface GuardData {
  /** The rules' programs and their argument filters. */
  readonly filters: Readonly<Record<string, ArgFilter>>;
  /** Literal parts of the protected-path globs. */
  readonly pathItems: readonly Item[];
  /** Programs that hide what they run (base64 -d | sh): always judged. */
  readonly runners: readonly string[];
  /** npm packages whose binary has another name (`@railway/cli` → railway). */
  readonly packages: ReadonlyMap<string, string>;
  /** The gate client, written in: a variable in the shell's environment is the agent's to change. */
  readonly client: GateClient;
  /** Words of the folders that hold guard files (`.claude`, `share/airlock`): a redirect made standing in one is judged. */
  readonly guardWords: readonly string[];
  /** Programs that run a program named in their operands (`sudo`, `timeout`): bash's filter reads a word after one as a program word. */
  readonly wrappers: readonly string[];
  /** The shims' folder: bash's guard knows when a program is reached past it (guard.bash, __airlock_past_shim). */
  readonly shims: string;
}

/** The node binary and CLI script the guards and shims ask. */
export interface GateClient {
  readonly node: string;
  readonly cli: string;
}

/** Single-quoted for bash and zsh. */
function q(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/**
 * A function that returns 0 when $1 holds one of the patterns, defined once, read-only, when the
 * guard loads: a `case`, read the same way by bash and zsh. Never a regex: bash and zsh compile
 * one each time they match it, and a compiled regex touches enough memory to cost every command
 * that follows a fork milliseconds. No command at all, only its status (a script can define a
 * function named after any builtin, `return` among them): the bash guard's quick way through
 * (__airlock_fast) calls it before it has freed `builtin`.
 */
function caseFunction(name: string, patterns: readonly string[]): string {
  const test = patterns.length > 0 ? `case $1 in ${patterns.join('|')}) ;; *) [[ -z x ]] ;; esac` : '[[ -z x ]]';
  return `${name}() { ${test}; }\n`;
}

/**
 * words/<program>: sets the caller's `hit` when $1 (the line's words) holds a pattern, or a word of
 * the caller's `words` starts with one dash and holds one of the short flags' letters (`-rf`).
 * Keywords and assignments only: a `return` in a file sourced from bash's DEBUG trap runs the trap
 * again, and any command name could be a script's alias.
 */
function wordsCode(patterns: readonly string[], letters: readonly string[]): string {
  const test = patterns.length > 0 ? `case $1 in ${patterns.join('|')}) hit=1 ;; esac\n` : '';
  const flags = letters.length > 0 ? `for x in "\${words[@]}"; do case $x in -[${letters.join('')}]*|-[!-]*[${letters.join('')}]*) hit=1 ;; esac; done\n` : '';
  return `${test}${flags}`;
}

/** A pattern matching text that holds `text` (quoted: literal in both shells). */
const holding = (text: string): string => `*${q(text)}*`;

const SAFE_KEY = /^[@a-z0-9][a-z0-9._+@/-]*$/;
/** Program names that are also safe as file names (no `/`). */
const SAFE_FILE = /^[a-z0-9][a-z0-9._+@-]*$/;

export interface GuardTables {
  /** guard-data.bash: the program table and the shared `case` functions (watched words, guard folders), loaded with the guard. */
  readonly bash: string;
  /** guard-data.zsh: the same for zsh. */
  readonly zsh: string;
  /**
   * words/<program>: what that program's rules need in its arguments, read only when a line names
   * it — the whole table would cost every bash started through BASH_ENV milliseconds to parse.
   * Code the guard sources with the line as $1 (see wordsCode), not a function: a function kept
   * from an earlier read could have been defined first by the script it judges.
   */
  readonly words: ReadonlyMap<string, string>;
}

export function guardTables(data: GuardData): GuardTables {
  const progs: [string, string][] = [];
  const words = new Map<string, string>();
  // What every guarded program is watched for (__airlock_watched): a protected path's words, and
  // the words destructive calls are spelled with, whatever the rules' examples show.
  const watched = fewestItems([...data.pathItems, ...DESTRUCTIVE_STEMS]);
  for (const [program, filter] of Object.entries(data.filters).sort()) {
    if (!SAFE_FILE.test(program) || data.runners.includes(program)) continue;
    if (filter.always) {
      progs.push([program, 'always']);
      continue;
    }
    // What every program watches for is in one shared `case` (__airlock_watched): an item it
    // holds, or that holds one of its words, is left out here.
    const own = [...new Set(filter.clauses.flat(2))];
    const kept = new Set(fewestItems([...own, ...watched]));
    const items = own.filter((i) => kept.has(i) && !watched.includes(i));
    const letters = [...new Set(items.filter(isShortFlag).map((i) => i[1] ?? '').filter((c) => /[A-Za-z0-9]/.test(c)))];
    // $1 is the line's words, lower-cased and space-padded: a long flag counts from the start of a
    // word (`--force` in `--force-with-lease`), `--` alone as a word. A short flag's letter keeps
    // its case and is looked for in each word that starts with one dash (`-rf`), from the
    // caller's `words`.
    const patterns = items.filter((i) => !isShortFlag(i)).map((i) => (i === '--' ? holding(' -- ') : i.startsWith('--') ? holding(` ${i}`) : holding(i)));
    words.set(program, wordsCode(patterns, letters));
    // The guards read a program's name with its arguments (`usermod` holds `rm`): a name that holds
    // one of its words is judged at every call, and so never left to its shim, which reads only
    // the arguments. 0: the program needs no words of its own, only the watched ones (bash reads
    // no table for it).
    const named = [...own, ...watched].some((i) => !isShortFlag(i) && !i.startsWith('--') && program.includes(i));
    progs.push([program, named ? 'always' : filter.bare === 'flags' ? 'bare-flags' : filter.bare === 'empty' ? 'bare' : patterns.length + letters.length === 0 ? '0' : '1']);
  }
  for (const runner of data.runners) if (SAFE_KEY.test(runner)) progs.push([runner, 'always']);
  for (const [name, program] of data.packages) if (SAFE_KEY.test(name)) progs.push([name, `=${program}`]);
  const functions = [
    caseFunction('__airlock_watched', watched.map(holding)),
    caseFunction('__airlock_guard_dir', data.guardWords.map(holding)),
  ].join('');
  // Words after which the next word is a program: separators and keywords (k), and program
  // wrappers (w), after which any later word of the command may be (`sudo -u pg "$x"`).
  const starts: [string, string][] = [...[';', 'if', 'elif', 'while', 'until', 'then', 'do', 'else'].map((k): [string, string] => [k, 'k']),
    ...data.wrappers.filter((w) => SAFE_FILE.test(w)).map((w): [string, string] => [w, 'w'])];
  const header = "# Airlock's terminal gate: tables generated from Airlock's rules. Airlock rewrites this file.";
  // Read-only from here on: neither an assignment nor `unset` can point the guard at another client.
  const client = (declare: string): string => `${declare} __airlock_node=${q(data.client.node)} __airlock_cli=${q(data.client.cli)} __airlock_shims=${q(data.shims)}\n`;
  return {
    // `builtin`: a function named `declare` can come in through the environment. It reads its
    // words as any command's, so the table is assigned apart.
    bash: `${header}\n${client('builtin declare -gr')}builtin declare -gA __airlock_starts __airlock_progs\n__airlock_starts=(${starts.map(([k, v]) => `[${q(k)}]=${q(v)}`).join(' ')})\n__airlock_progs=(${progs.map(([k, v]) => `[${q(k)}]=${q(v)}`).join(' ')})\n${functions}`,
    // zsh's associative arrays are assigned key value pairs.
    zsh: `${header}\n${client('typeset -gr')}__airlock_progs=(${progs.map(([k, v]) => `${q(k)} ${q(v)}`).join(' ')})\n${functions}`,
    words,
  };
}
