// Argument parsing for `airlock check`: options come first; everything after `--` (or after the
// first word that is not an option) is the command line, so `airlock check rm -rf ~` works too.

export interface CheckOptions {
  readonly json: boolean;
  readonly explain: boolean;
  readonly batch: boolean;
  /** Threads a batch may judge on (`--jobs N`); undefined: as many as the machine has, up to a few. */
  readonly jobs?: number;
  readonly cwd?: string;
  readonly env: Readonly<Record<string, string>>;
  readonly actor: 'agent' | 'human';
  readonly commandLine?: string;
}

export class UsageError extends Error {}

/** Each thread holds an engine of its own, so a batch's threads are bounded. */
const MAX_JOBS = 64;

export const CHECK_USAGE = `Usage:
  airlock check [--json | --explain] [--cwd DIR] [--env NAME=VALUE]... [--actor agent|human] [--] <command line>
  airlock check --batch [--jobs N] [--cwd DIR] [--env NAME=VALUE]...   (JSON lines on stdin: {"command", "cwd", "env"})

Exit status: 0 allow, 1 confirm, 2 deny, 3 usage error.`;

export function parseCheckOptions(argv: readonly string[]): CheckOptions {
  let json = false;
  let explain = false;
  let batch = false;
  let jobs: number | undefined;
  let cwd: string | undefined;
  let actor: 'agent' | 'human' = 'agent';
  const env: Record<string, string> = {};
  let i = 0;
  const valueOf = (name: string): string => {
    const value = argv[++i];
    if (value === undefined) throw new UsageError(`${name} needs a value`);
    return value;
  };
  for (; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') { i++; break; }
    if (!arg.startsWith('--')) break;
    const [name, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => inline ?? valueOf(name);
    switch (name) {
      case '--json': json = true; break;
      case '--explain': explain = true; break;
      case '--batch': batch = true; break;
      case '--jobs': {
        const v = value();
        if (!/^[1-9][0-9]{0,2}$/.test(v) || Number(v) > MAX_JOBS) throw new UsageError(`--jobs must be a whole number from 1 to ${MAX_JOBS}, not "${v}"`);
        jobs = Number(v);
        break;
      }
      case '--cwd': cwd = value(); break;
      case '--actor': {
        const v = value();
        if (v !== 'agent' && v !== 'human') throw new UsageError(`--actor must be agent or human, not "${v}"`);
        actor = v;
        break;
      }
      case '--env': {
        const pair = value();
        const eq = pair.indexOf('=');
        if (eq <= 0) throw new UsageError(`--env expects NAME=VALUE, got "${pair}"`);
        env[pair.slice(0, eq)] = pair.slice(eq + 1);
        break;
      }
      default:
        throw new UsageError(`unknown option ${name}`);
    }
  }
  if (json && explain) throw new UsageError('--json and --explain cannot be combined');
  const rest = argv.slice(i);
  if (jobs !== undefined && !batch) throw new UsageError('--jobs applies to --batch only');
  if (batch && rest.length > 0) throw new UsageError('--batch reads command lines from stdin; do not pass one as an argument');
  if (!batch && rest.length === 0) throw new UsageError('no command line given');
  return { json, explain, batch, jobs, cwd, env, actor, commandLine: batch ? undefined : rest.join(' ') };
}
