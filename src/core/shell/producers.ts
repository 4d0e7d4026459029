// Commands whose output the line itself shows: `echo …`, `printf …`, a heredoc through `cat`,
// and `base64 -d` of those. Their output feeds pipes (`echo … | base64 -d | sh`) and `$(…)`.

export interface Produced {
  readonly program: string;
  readonly args: readonly string[];
  readonly dynamic: boolean;
  readonly stdin?: string;
}

/** The text a command writes to stdout, when the line fully shows it. */
export function staticOutput(command: Produced): string | undefined {
  if (command.dynamic) return undefined;
  const args = command.args;
  switch (command.program) {
    case 'echo': {
      // Leading options as bash reads them: -n no newline, -e escapes, -E none (the last wins).
      let i = 0;
      let newline = true;
      let escapes = false;
      for (; i < args.length && /^-[neE]+$/.test(args[i] ?? ''); i++) {
        for (const flag of (args[i] ?? '').slice(1)) {
          if (flag === 'n') newline = false;
          else escapes = flag === 'e';
        }
      }
      const text = args.slice(i).join(' ');
      return (escapes ? decodeEscapes(text) : text) + (newline ? '\n' : '');
    }
    case 'printf': {
      // `printf FORMAT ARG…` with %s, %b and %% only, the format used again while arguments are left
      // (`printf '%s\n' a b` prints two lines); other conversions are left unknown.
      // `printf -v name …` stores the text instead of printing it.
      if (args[0]?.startsWith('-v')) return '';
      const rest = args[0] === '--' ? args.slice(1) : args;
      const [format, ...values] = rest;
      if (format === undefined || /%[^sb%]/.test(format)) return undefined;
      const conversions = (format.match(/%[sb]/g) ?? []).length;
      let out = '';
      let k = 0;
      do {
        out += decodeEscapes(format).replace(/%[sb%]/g, (spec) => {
          if (spec === '%%') return '%';
          const value = values[k++] ?? '';
          return spec === '%b' ? decodeEscapes(value) : value;
        });
      } while (conversions > 0 && k < values.length);
      return out;
    }
    case 'cat':
      return args.length === 0 || args[0] === '-' ? command.stdin : undefined;
    case 'base64':
    case 'openssl':
      if (!args.some((a) => a === '-d' || a === '--decode' || a === '-D')) return undefined;
      return command.stdin === undefined ? undefined : decodeBase64(command.stdin);
    default:
      return undefined;
  }
}

/** What a listing prints: ids (digits, hex) no line chooses, or names of things that exist, never a flag. */
export type Listing = 'ids' | 'names';

/** Process ids: `kill $(lsof -ti:3000)`, `kill $(pgrep -f vite)`, `kill $(jobs -p)`. */
const ID_LISTERS = /^(?:lsof\s(?:.*\s)?-[A-Za-z]*t[A-Za-z]*(?::\S*)?(?:\s|$)|pgrep\s|pidof\s|jobs\s+-p\s*$|nproc\s*$|id\s+-[ug]\s*$|docker\s+(?:ps|images)\s+-[a-z]*q[a-z]*(?:\s|$)|git\s+(?:rev-parse\s+(?:--short\s+)?HEAD\s*$|rev-list\s|merge-base\s))/;
/** Options that make an id lister print chosen text: a name list, a delimiter, a format. */
const ID_PRINTS_TEXT = /^(?:pgrep\s.*\s-[A-Za-z]*[lad]|pgrep\s.*--(?:list|delimiter)|pidof\s.*\s-d|lsof\s.*\s-F|docker\s.*--format)/;

/**
 * Names that never begin with `-` or `+`: git's refs and tracked paths, absolute paths, resources
 * `kubectl get -o name` prints, files `find` and `ls` list (`for b in $(git branch --merged)`).
 */
const NAME_LISTERS = /^(?:git\s+(?:branch(?:\s+--(?:merged|no-merged|show-current|remotes|all)\b[^-]*)*\s*$|symbolic-ref\s+--short\s+HEAD\s*$|describe(?:\s+--(?:tags|abbrev=\d+|always))*\s*$|rev-parse\s+(?:--abbrev-ref\s+HEAD|--show-toplevel|--git-dir)\s*$|ls-files\b|diff\s.*--name-only\b)|mktemp(?:\s+-[dqu]+)*\s*$|(?:npm|pnpm|yarn)\s+(?:bin|prefix|root)(?:\s+-g)?\s*$|pwd\s*$|cd\s[^;&|>]*(?:&&|;)\s*pwd\s*$|find\s+(?!-)|ls(?:\s+-[1aAdt]+)*(?:\s+[^-\s]\S*)*\s*$|kubectl\s+get\s.*-o\s*name\b|cat\s+"?[^\s"]*[pP][iI][dD][^\s"]*"?\s*$|hostname\s*$|whoami\s*$|uname(?:\s+-[a-z]+)?\s*$|command\s+-v\s|which\s|dirname\s+"?\$(?:0|\{BASH_SOURCE\[0\]\})"?\s*$)/;
/** Options that make a name lister print chosen text. */
const NAME_PRINTS_TEXT = /\s-(?:exec|execdir|ok|okdir|printf|fprintf|fprint|fls)\b|--format|--sq\b|--sq-quote|\s--\s/;

/**
 * Later stages that keep a listing's shape, reading only the pipe: they pick, order or trim lines
 * (`grep -v main`, `head -1`, `cut -d/ -f2`, `awk '{print $2}'`, `sed 's/^..//'`, `xargs`).
 */
const KEEPING_FILTERS = /^(?:e?grep(?:\s+-[A-Za-z]+)*\s+(?:'[^']*'|"[^"]*"|[^\s'"-]\S*)|head(?:\s+-(?:n\s*)?\d+)?|tail(?:\s+-(?:n\s*)?\d+)?|sort(?:\s+-[a-z]+)*|uniq|cut(?:\s+-[df]\s*(?:'[^']*'|\S))+|awk\s+(?:-F\s*\S+\s+)?'\{\s*print\s+\$\d+\s*\}'|sed\s+(?:-E\s+)?'s(.)[^']*\1\1g?'|tr\s+-d\s+(?:'[^']*'|\S+)|xargs)$/;

/**
 * What a command (`git branch --merged | grep -v main`) or a substitution of one (`$(pwd)`)
 * prints, when it is a listing; one pipeline whose arguments may name a variable, not another
 * substitution (the output of `basename "$(cat f)"` is what the file holds).
 */
export function listingOf(text: string): Listing | undefined {
  const inner = (/^\$\((.*)\)$/s.exec(text)?.[1] ?? /^`(.*)`$/s.exec(text)?.[1] ?? text).replace(/\s2>\s*\/dev\/null/g, '').trim();
  // `$(cd "$(dirname "$0")" && pwd)`: a folder's absolute path, wherever the folder comes from.
  if (/^cd\s[^;&|>\n]*(?:&&|;)\s*pwd\s*$/.test(inner)) return 'names';
  if (/\$\(|`|[;&\n<>]|\|\|/.test(inner)) return undefined;
  const stages = inner.split('|').map((stage) => stage.trim());
  const first = stages[0] ?? '';
  if (!stages.slice(1).every((stage) => KEEPING_FILTERS.test(stage))) return undefined;
  if (ID_LISTERS.test(first) && !ID_PRINTS_TEXT.test(first)) return 'ids';
  // `ps aux | grep node | awk '{print $2}'`: the user and process id columns.
  if (/^ps\s/.test(first) && stages.length > 1 && /^awk\s+'\{\s*print\s+\$[12]\s*\}'$/.test(stages[stages.length - 1] ?? '')) return 'ids';
  if (NAME_LISTERS.test(first) && !NAME_PRINTS_TEXT.test(first)) return 'names';
  return undefined;
}

/** What a value that begins with a substitution (`$(npm bin)/tsc`, `$(pwd)/.env`) begins with, when that is a listing. */
export function leadingListing(value: string): Listing | undefined {
  if (value.startsWith('`')) {
    const end = value.indexOf('`', 1);
    return end > 0 ? listingOf(value.slice(0, end + 1)) : undefined;
  }
  if (!value.startsWith('$(') || value.startsWith('$((')) return undefined;
  let depth = 0;
  for (let i = 1; i < value.length; i++) {
    if (value[i] === '(') depth++;
    else if (value[i] === ')' && --depth === 0) return listingOf(value.slice(0, i + 1));
  }
  return undefined;
}

export function isDecoder(program: string, args: readonly string[]): boolean {
  return (program === 'base64' || program === 'openssl' || program === 'xxd' || program === 'uudecode') &&
    args.some((a) => a === '-d' || a === '--decode' || a === '-D' || a === '-r');
}

/** Backslash escapes as `printf` and `echo -e` read them: `\n`, `\t`, `\\`, `\xHH`, `\0NNN` and `\NNN`. */
function decodeEscapes(text: string): string {
  if (!text.includes('\\')) return text;
  return text.replace(/\\(x[0-9A-Fa-f]{1,2}|0[0-7]{0,3}|[0-7]{1,3}|.)/gs, (whole, esc: string) => {
    if (esc[0] === 'x') return String.fromCharCode(parseInt(esc.slice(1), 16));
    if (/^[0-7]/.test(esc)) return String.fromCharCode(parseInt(esc, 8) & 0xff);
    return ESCAPES[esc] ?? whole;
  });
}

const ESCAPES: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', e: '\x1b', E: '\x1b', '\\': '\\' };

function decodeBase64(text: string): string | undefined {
  const compact = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/=_-]*$/.test(compact)) return undefined;
  try {
    return atob(compact.replace(/-/g, '+').replace(/_/g, '/'));
  } catch {
    return undefined;
  }
}
