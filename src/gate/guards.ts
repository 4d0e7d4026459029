// The terminal gate's shell guards, generated from the rule data: a bash script (a readline Enter
// binding that sees the whole line, and a DEBUG trap with `extdebug` as the second net for each
// simple command, non-interactive shells included through BASH_ENV) and a zsh script (an
// `accept-line` widget). Both judge a line first with a keyword filter in the shell itself — no
// process for `git status` — and ask `airlock gate --line` for anything else. A denied line is
// replaced by one that prints why and exits 126, so nothing runs and the shell reports a failure. See DESIGN.md section 1 for what was verified in VS Code's terminals.
import { DESTRUCTIVE_STEMS, type ArgFilter, type Item } from '../core/argFilter';

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
}

/** The node binary and CLI script the guards and shims ask. */
export interface GateClient {
  readonly node: string;
  readonly cli: string;
}

const STEMS: ReadonlySet<string> = new Set(DESTRUCTIVE_STEMS);

/** A case pattern matching any word that holds one of the stems (already lower-cased by the caller). */
function stemFunction(): string {
  const patterns = DESTRUCTIVE_STEMS.map((stem) => `*${stem.replace(/[^a-z0-9_-]/g, (c) => `\\${c}`)}*`);
  return `__airlock_stem() { case $1 in ${patterns.join('|')}) return 0 ;; esac; return 1; }\n`;
}

function ere(text: string): string {
  return text.replace(/[\\.[\](){}*+?|^$]/g, (c) => `\\${c}`);
}

/** Single-quoted for bash and zsh. */
function q(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

const SAFE_KEY = /^[@a-z0-9][a-z0-9._+@/-]*$/;
/** Program names that are also safe as file names (no `/`). */
const SAFE_FILE = /^[a-z0-9][a-z0-9._+@-]*$/;

export interface GuardTables {
  /** guard-data.bash: the program table and the protected-path pattern, loaded with the guard. */
  readonly bash: string;
  /** guard-data.zsh: the same for zsh. */
  readonly zsh: string;
  /**
   * words/<program>: what that program's rules need in its arguments, read only when a line names
   * it — the whole table would cost every bash started through BASH_ENV milliseconds to parse.
   */
  readonly words: ReadonlyMap<string, string>;
}

export function guardTables(data: GuardData): GuardTables {
  const progs: [string, string][] = [];
  const words = new Map<string, string>();
  for (const [program, filter] of Object.entries(data.filters).sort()) {
    if (!SAFE_FILE.test(program) || data.runners.includes(program)) continue;
    progs.push([program, filter.always ? 'always' : filter.bare === 'flags' ? 'bare-flags' : filter.bare === 'empty' ? 'bare' : '1']);
    if (filter.always) continue;
    // The stems every program watches for are one shared `case` (__airlock_stem): no regex to compile per command.
    const items = [...new Set(filter.clauses.flat(2))].filter((i) => !STEMS.has(i));
    const isFlag = (i: string): boolean => i.length === 2 && i[0] === '-' && i[1] !== '-';
    const letters = [...new Set(items.filter(isFlag).map((i) => i[1] ?? '').filter((c) => /[A-Za-z0-9]/.test(c)))];
    // A long flag counts from the start of a word (`--force` in `--force-with-lease`), `--` alone as a word.
    const alternatives = items.filter((i) => !isFlag(i)).map((i) => (i === '--' ? '(^| )--( |$)' : i.startsWith('--') ? `(^| )${ere(i)}` : ere(i)));
    words.set(program, `__airlock_re=${q(alternatives.join('|'))}\n__airlock_fl=${q(letters.length > 0 ? `(^| )-[[:alnum:]]*[${letters.join('')}]` : '')}\n`);
  }
  for (const runner of data.runners) if (SAFE_KEY.test(runner)) progs.push([runner, 'always']);
  for (const [name, program] of data.packages) if (SAFE_KEY.test(name)) progs.push([name, `=${program}`]);
  const paths = q(data.pathItems.map(ere).join('|'));
  const guardDirs = `__airlock_guard_dirs=${q(data.guardWords.map(ere).join('|'))}\n`;
  const header = "# Airlock's terminal gate: tables generated from Airlock's rules. Airlock rewrites this file.";
  // Read-only from here on: neither an assignment nor `unset` can point the guard at another client.
  const client = (declare: string): string => `${declare} __airlock_node=${q(data.client.node)} __airlock_cli=${q(data.client.cli)}\n`;
  return {
    bash: `${header}\n${client('declare -gr')}declare -gA __airlock_progs=(${progs.map(([k, v]) => `[${q(k)}]=${q(v)}`).join(' ')})\n__airlock_paths=${paths}\n${guardDirs}${stemFunction()}`,
    // zsh's associative arrays are assigned key value pairs.
    zsh: `${header}\n${client('typeset -gr')}__airlock_progs=(${progs.map(([k, v]) => `${q(k)} ${q(v)}`).join(' ')})\n__airlock_paths=${paths}\n${guardDirs}${stemFunction()}`,
    words,
  };
}
