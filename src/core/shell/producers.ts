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
    // `realpath "$0"`, `readlink -f "$0"`: an absolute path the line knows, as it stands (links are the file system's).
    case 'realpath':
    case 'readlink': {
      const path = args.filter((a) => !a.startsWith('-'));
      if (path.length !== 1 || !path[0]?.startsWith('/') || (command.program === 'readlink' && !args.some((a) => /^-[a-z]*[fem]/.test(a)))) return undefined;
      return path[0] + '\n';
    }
    case 'dirname': {
      // `dirname "$0"`: one path, its folder as dirname prints it.
      const path = args[0] === '--' ? args[1] : args[0];
      if (path === undefined || args.length > (args[0] === '--' ? 2 : 1) || path.startsWith('-')) return undefined;
      const trimmed = path.replace(/\/+$/, '');
      if (trimmed === '') return path === '' ? '.\n' : '/\n';
      const slash = trimmed.lastIndexOf('/');
      return (slash < 0 ? '.' : trimmed.slice(0, slash).replace(/\/+$/, '') || '/') + '\n';
    }
    case 'base64':
    case 'openssl':
      if (!args.some((a) => a === '-d' || a === '--decode' || a === '-D')) return undefined;
      return command.stdin === undefined ? undefined : decodeBase64(command.stdin);
    default:
      return undefined;
  }
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
