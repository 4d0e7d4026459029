// The terminal gate's PATH shims: one POSIX sh script per program a rule names, put first on the
// PATH of every terminal the editor starts. A call whose arguments hold none of the words its
// rules need runs at once (no process started); anything else asks `airlock gate` first. Then the
// shim execs the real program found on PATH after its own directory — never itself.
import { fewestItems, isShortFlag, type ArgFilter, type Item } from '../core/argFilter';
import type { GateClient } from './guards';
import { shQuote } from './shellQuote';

/** The file that marks a directory as Airlock's shims, so no shim ever execs another. */
export const SHIM_MARKER = '.airlock-shims';

/** A program name that is safe as a file name and as a word in a script. */
const SAFE_NAME = /^[a-z0-9][a-z0-9._+-]*$/;

/** Programs that get a shim: the rules' programs that are files on PATH (not `>` or `:`). */
export function shimPrograms(filters: Readonly<Record<string, ArgFilter>>): string[] {
  return Object.keys(filters).filter((p) => SAFE_NAME.test(p)).sort();
}

/** A case pattern that matches the text literally, letters in either case. */
function literal(text: string): string {
  return [...text].map((c) => (/[a-z]/.test(c) ? `[${c}${c.toUpperCase()}]` : /[A-Za-z0-9_]/.test(c) ? c : `\\${c}`)).join('');
}

/** The `case` patterns for an item (see argFilter's Item), joined by `|`. */
export function itemPattern(item: Item): string {
  // A short flag's letter keeps its case: `-R` is not `-r` for every program. It stands alone
  // (`-r`) or in a bundle (`-fr`).
  if (isShortFlag(item)) {
    const letter = /[A-Za-z0-9]/.test(item[1] ?? '') ? item[1] : `\\${item[1]}`;
    return `-${letter}*|-[!-]*${letter}*`;
  }
  if (item === '--') return '--';
  if (item.startsWith('--')) return `${literal(item)}*`;
  return `*${literal(item)}*`;
}

/** The sh lines that set `ask` when the arguments ("$@") hold a word the program's rules need. */
export function shimCheck(filter: ArgFilter, pathItems: readonly Item[]): string {
  const items = fewestItems([...filter.clauses.flat(2), ...pathItems]);
  const patterns = items.map(itemPattern);
  // `bare`: a call without operands (or, for `flags`, with flags only) is judged too.
  return filter.always ? 'ask=1' : [
    'ask=',
    `bare=${filter.bare ? '1' : ''}`,
    'for arg do',
    ...(patterns.length > 0 ? ['  case $arg in', `    ${patterns.join('|')}) ask=1; break ;;`, '  esac'] : []),
    filter.bare === 'flags' ? '  case $arg in -*) ;; *) bare= ;; esac' : '  bare=',
    'done',
    '[ -n "$bare" ] && ask=1',
  ].join('\n');
}

/** `client` is written in: the shell's environment is the agent's to change (`export AIRLOCK_NODE=/bin/true`). */
export function shimScript(program: string, filter: ArgFilter, pathItems: readonly Item[], shimDir: string, client: GateClient): string {
  if (!SAFE_NAME.test(program)) throw new Error(`not a program name Airlock can shim: ${program}`);
  const check = shimCheck(filter, pathItems);
  return `#!/bin/sh
# Airlock's terminal gate: the shim for "${program}", generated from Airlock's rules.
# Airlock rewrites this file; remove Airlock's terminal gate in its settings instead of editing it.
${check}
if [ -n "$ask" ]; then
  ELECTRON_RUN_AS_NODE=1 NODE_OPTIONS= LD_PRELOAD= ${shQuote(client.node)} ${shQuote(client.cli)} gate --program ${program} --ppid "$PPID" -- "$@" || exit $?
fi
set -f
shims=${shQuote(shimDir)}
rest=$IFS
IFS=:
for dir in $PATH; do
  IFS=$rest
  [ -n "$dir" ] || dir=.
  # Any directory of shims (this one, or another editor's: VS Code and Cursor side by side).
  [ "$dir" = "$shims" ] || [ -e "$dir/${SHIM_MARKER}" ] && continue
  if [ -f "$dir/${program}" ] && [ -x "$dir/${program}" ] && ! [ "$dir/${program}" -ef "$0" ]; then
    exec "$dir/${program}" "$@"
  fi
done
echo "airlock: ${program}: command not found (no ${program} on PATH besides Airlock's shim)" >&2
exit 127
`;
}
