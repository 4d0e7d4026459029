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
      const words = args[0] === '-n' || args[0] === '-e' || args[0] === '-ne' ? args.slice(1) : args;
      return words.join(' ') + (args[0] === '-n' || args[0] === '-ne' ? '' : '\n');
    }
    case 'printf': {
      // Enough for `printf '%s' x`, `printf 'x\n'`: formats with conversions other than %s are left unknown.
      const [format, ...rest] = args;
      if (format === undefined || /%[^s%]/.test(format)) return undefined;
      let k = 0;
      return format.replace(/%[s%]/g, (spec) => (spec === '%%' ? '%' : rest[k++] ?? '')).replace(/\\n/g, '\n');
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

export function isDecoder(program: string, args: readonly string[]): boolean {
  return (program === 'base64' || program === 'openssl' || program === 'xxd' || program === 'uudecode') &&
    args.some((a) => a === '-d' || a === '--decode' || a === '-D' || a === '-r');
}

function decodeBase64(text: string): string | undefined {
  const compact = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/=_-]*$/.test(compact)) return undefined;
  try {
    return atob(compact.replace(/-/g, '+').replace(/_/g, '/'));
  } catch {
    return undefined;
  }
}
