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

/**
 * Commands whose output has a known shape (names of things that exist, a path, a number, an id, a
 * hash, a branch name), never a subcommand or a flag: `git push origin "$(git branch
 * --show-current)"`, `kill $(lsof -t -i:3000)`, `for b in $(git branch --merged | grep -v main)`.
 */
const LISTERS = new RegExp('^(?:' + [
  'git\\s+(?:rev-parse|branch|ls-files|ls-tree|merge-base|rev-list|describe|symbolic-ref|for-each-ref|hash-object|write-tree|tag|remote|worktree\\s+list|stash\\s+list|diff\\s.*--name-(?:only|status)|status\\s.*(?:--porcelain|--short|-s\\b))',
  'ls', 'find', 'fd', 'date', 'pwd', 'basename', 'dirname', 'mktemp', 'whoami', 'logname', 'id', 'hostname', 'uname', 'arch', 'nproc',
  'realpath', 'readlink', 'which', 'command\\s+-v', 'type\\s+-p', 'wc', 'seq', 'lsof\\s+-t', 'pgrep', 'pidof', 'uuidgen', 'getconf', 'tty',
  'sha(?:1|256|512)sum', 'md5sum', 'cksum', 'stat\\s+-c', 'du', 'cat\\s+\\S*\\.pid',
  '(?:npm|pnpm|yarn)\\s+(?:bin|prefix|root)', 'go\\s+env', 'kubectl\\s+(?:get|config\\s+current-context)',
  'docker\\s+(?:ps|images|(?:volume|network|container|image)\\s+ls)',
].join('|') + ')(?:\\s|$)');

/** Later stages that keep a listing's shape: they pick, order, count or trim lines. */
const KEEPING_FILTERS = /^(?:e?grep|fgrep|rg|head|tail|sort|uniq|cut|wc|xargs|tr\s+-d|awk\s+(?:-F\s*\S+\s+)?'\{\s*print\s+\$\d+\s*\}'|sed\s+(?:-E\s+)?'s(.)[^']*\1\1g?')(?:\s|$)/;

const CD_PWD = /^\s*cd\s[^;&|>\n]*(?:&&|;)\s*pwd(?:\s+-[PL])?\s*$/;

/**
 * True for a command (`git branch --merged | grep -v main`) or a substitution of one (`$(pwd)`)
 * whose output is a listing (see LISTERS). One pipeline whose arguments may name a variable, not
 * another substitution: the output of `basename "$(cat f)"` is what the file holds.
 */
export function isListing(text: string): boolean {
  const inner = /^\$\((.*)\)$/s.exec(text)?.[1] ?? /^`(.*)`$/s.exec(text)?.[1] ?? text;
  // `$(cd "$(dirname "$0")" && pwd)`: a folder's absolute path, wherever the folder comes from.
  if (CD_PWD.test(inner)) return true;
  if (/\$\(|`|[;&\n>]|\|\|/.test(inner)) return false;
  const stages = inner.split('|').map((stage) => stage.trim());
  const first = stages[0] ?? '';
  return LISTERS.test(first) && !PRINTS_ANY_TEXT.test(first) && stages.slice(1).every((stage) => KEEPING_FILTERS.test(stage));
}

/** True for a value that begins with a listing's substitution (`$(npm bin)/tsc`, `$(pwd)/.env`). */
export function beginsWithListing(value: string): boolean {
  if (value.startsWith('`')) {
    const end = value.indexOf('`', 1);
    return end > 0 && isListing(value.slice(0, end + 1));
  }
  if (!value.startsWith('$(') || value.startsWith('$((')) return false;
  let depth = 0;
  for (let i = 1; i < value.length; i++) {
    if (value[i] === '(') depth++;
    else if (value[i] === ')' && --depth === 0) return isListing(value.slice(0, i + 1));
  }
  return false;
}

/**
 * Listers told to print text of the caller's choosing: a format (`date +--force`, `seq -f`,
 * `find -printf`), another command's output (`find -exec cat`), or a name given after `--` or
 * as a path part (`basename /x/--force`).
 */
const PRINTS_ANY_TEXT = /^date\s.*\+(?!%)|^seq\s.*(?:-f|--format)|^find\s.*\s-(?:exec|execdir|ok|okdir|printf|fprintf|fprint|fls)\b|\s--\s|\/-/;

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
