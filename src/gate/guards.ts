// The terminal gate's shell guards, generated from the rule data: a bash script (a readline Enter
// binding that sees the whole line, and a DEBUG trap with `extdebug` as the second net for each
// simple command, non-interactive shells included through BASH_ENV) and a zsh script (an
// `accept-line` widget). Both judge a line first with a keyword filter in the shell itself — no
// process for `git status` — and ask `airlock gate --line` for anything else. A denied line is
// replaced by one that prints why and exits 126, so nothing runs and the shell reports a failure. See DESIGN.md section 1 for what was verified in VS Code's terminals.
import type { ArgFilter, Item } from '../core/argFilter';

export interface GuardData {
  /** The rules' programs and their argument filters. */
  readonly filters: Readonly<Record<string, ArgFilter>>;
  /** Literal parts of the protected-path globs. */
  readonly pathItems: readonly Item[];
  /** Programs that hide what they run (base64 -d | sh): always judged. */
  readonly runners: readonly string[];
  /** npm packages whose binary has another name (`@railway/cli` → railway). */
  readonly packages: ReadonlyMap<string, string>;
}

function ere(text: string): string {
  return text.replace(/[\\.[\](){}*+?|^$]/g, (c) => `\\${c}`);
}

/** Single-quoted for bash and zsh. */
function q(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

const SAFE_KEY = /^[@a-z0-9][a-z0-9._+@/-]*$/;

interface Tables {
  readonly progs: string;
  readonly words: string;
  readonly flags: string;
}

/** The associative arrays both shells load: program → `1`|`always`|alias target, words, flag letters. */
function tables(data: GuardData): Tables {
  const progs: string[] = [];
  const words: string[] = [];
  const flags: string[] = [];
  for (const [program, filter] of Object.entries(data.filters).sort()) {
    if (!SAFE_KEY.test(program) || data.runners.includes(program)) continue;
    progs.push(`[${q(program)}]=${filter.always ? 'always' : '1'}`);
    const items = [...new Set(filter.clauses.flat(2))];
    const substrings = items.filter((i) => !(i.length === 2 && i[0] === '-' && i[1] !== '-'));
    const letters = items.filter((i) => i.length === 2 && i[0] === '-' && i[1] !== '-').map((i) => i[1] ?? '').filter((c) => /[A-Za-z0-9]/.test(c));
    // A long flag counts from the start of a word (`--force` in `--force-with-lease`), `--` alone as a word.
    const alternatives = substrings.map((i) => (i === '--' ? '(^| )--( |$)' : i.startsWith('--') ? `(^| )${ere(i)}` : ere(i)));
    if (alternatives.length > 0) words.push(`[${q(program)}]=${q(alternatives.join('|'))}`);
    if (letters.length > 0) flags.push(`[${q(program)}]=${q(`(^| )-[[:alnum:]]*[${[...new Set(letters)].join('')}]`)}`);
  }
  for (const runner of data.runners) if (SAFE_KEY.test(runner)) progs.push(`[${q(runner)}]=always`);
  for (const [name, program] of data.packages) if (SAFE_KEY.test(name)) progs.push(`[${q(name)}]=${q(`=${program}`)}`);
  return { progs: progs.join(' '), words: words.join(' '), flags: flags.join(' ') };
}

function pathsPattern(data: GuardData): string {
  return data.pathItems.map(ere).join('|');
}

/** guard-data.bash, sourced by src/gate/shell/guard.bash. */
export function bashGuardData(data: GuardData): string {
  const t = tables(data);
  return `# Airlock's terminal gate: tables generated from Airlock's rules for guard.bash. Airlock rewrites this file.
declare -gA __airlock_progs=(${t.progs})
declare -gA __airlock_words=(${t.words})
declare -gA __airlock_flags=(${t.flags})
__airlock_paths=${q(pathsPattern(data))}
`;
}

/** guard-data.zsh, sourced by src/gate/shell/guard.zsh (zsh's associative arrays take key value pairs). */
export function zshGuardData(data: GuardData): string {
  const t = tables(data);
  const pairs = (assignments: string): string => assignments.replace(/\[('[^']*')\]=/g, '$1 ');
  return `# Airlock's terminal gate: tables generated from Airlock's rules for guard.zsh. Airlock rewrites this file.
__airlock_progs=(${pairs(t.progs)})
__airlock_words=(${pairs(t.words)})
__airlock_flags=(${pairs(t.flags)})
__airlock_paths=${q(pathsPattern(data))}
`;
}
