// Argument helpers the rules read a command through: flags (bundled short flags included), flag
// values in every spelling, positionals and subcommand paths.
import { isProtectedPath } from '../secrets/paths';
import type { SimpleCommand } from '../shell/command';
import type { ProjectContext } from '../project/follow';
import { joinPath } from '../project/files';
import { remembered } from '../remembered';

/** The user's protected-path policy on top of the built-in secret globs. */
export interface PathGlobs {
  readonly protectedPaths: readonly string[];
  readonly allowedPaths: readonly string[];
}

export const NO_PATH_GLOBS: PathGlobs = { protectedPaths: [], allowedPaths: [] };

export class Args {
  /** Argument values after the program name. */
  readonly list: readonly string[];
  private positionalCache: readonly string[] | undefined;
  private optionCache: readonly string[] | undefined;
  private protectedCache: Map<string, boolean> | undefined;

  /**
   * `cwd`: where the line runs, when known; relative paths of guard files are read from there.
   * `project`: the project's files, for rules that look inside the folders a command names.
   */
  constructor(readonly command: SimpleCommand, private readonly paths: PathGlobs = NO_PATH_GLOBS, readonly cwd?: string,
    readonly project?: ProjectContext) {
    this.list = command.argv.slice(1).map((w) => w.value);
  }

  /** True for a secret file: a built-in secret glob or the user's protected paths, less their exceptions. */
  isProtected(path: string): boolean {
    // Many rules ask about the same argument of one command.
    this.protectedCache ??= new Map();
    let answer = this.protectedCache.get(path);
    if (answer === undefined) {
      const relative = !path.startsWith('/') && !path.startsWith('~') && !path.startsWith('$');
      const dir = this.command.dir;
      answer = protectedPath(path, this.paths) ||
        // `../../etc/shadow` from a known folder: what it climbs to.
        (this.cwd !== undefined && /(?:^|\/)\.\.(?:\/|$)/.test(path) && relative && protectedPath(joinPath(this.cwd, path), this.paths)) ||
        // `cd ~/.aws && cat credentials`: the name where the line's `cd` put it.
        (dir !== undefined && relative && protectedPath(`${dir.replace(/^\$\{?HOME\}?(?=\/|$)/, '~').replace(/\/+$/, '')}/${path}`, this.paths));
      this.protectedCache.set(path, answer);
    }
    return answer;
  }

  /** The protected-path policy this command is read with (a key for what is worked out from it). */
  get pathGlobs(): PathGlobs {
    return this.paths;
  }

  get program(): string {
    return this.command.program;
  }

  /** Arguments before a literal `--`: after it, `-f` is an operand (`git switch -- -f`). */
  get options(): readonly string[] {
    this.optionCache ??= this.list.includes('--') ? this.list.slice(0, this.list.indexOf('--')) : this.list;
    return this.optionCache;
  }

  /** True when any of the flags is present: `-f`, `--force`, `--force=yes`, or `-f` bundled in `-rf`. */
  has(...flags: readonly string[]): boolean {
    return this.options.some((arg) => flags.some((flag) => flagMatches(arg, flag)));
  }

  /** The value of the first of these flags present: `-n prod`, `-nprod`, `--ns=prod`, `--ns prod`. */
  value(...flags: readonly string[]): string | undefined {
    const args = this.list;
    for (let i = 0; i < args.length; i++) {
      const arg = args[i] ?? '';
      for (const flag of flags) {
        if (arg === flag) return args[i + 1];
        if (arg.startsWith(flag + '=')) return arg.slice(flag.length + 1);
        if (/^-[A-Za-z]$/.test(flag) && arg.startsWith(flag) && arg.length > 2 && !arg.startsWith('--')) {
          return arg.slice(2);
        }
      }
    }
    return undefined;
  }

  /** Every value given for these flags (`-e A -e B`). */
  values(...flags: readonly string[]): string[] {
    const out: string[] = [];
    const args = this.list;
    for (let i = 0; i < args.length; i++) {
      const arg = args[i] ?? '';
      for (const flag of flags) {
        if (arg === flag && i + 1 < args.length) out.push(args[i + 1] ?? '');
        else if (arg.startsWith(flag + '=')) out.push(arg.slice(flag.length + 1));
      }
    }
    return out;
  }

  /** Arguments that are not flags; values of flags are included, as they cannot be told apart. */
  get positionals(): readonly string[] {
    this.positionalCache ??= positionalsOf(this.list);
    return this.positionalCache;
  }

  /**
   * True when the subcommand path (each step a word or alternatives) appears in order among the
   * first positionals, allowing a couple of flag values in between (`kubectl -n prod delete ns x`).
   */
  sub(...path: readonly (string | readonly string[])[]): boolean {
    const positionals = this.positionals;
    const limit = Math.min(positionals.length, path.length + 2);
    let at = 0;
    for (const step of path) {
      const options = typeof step === 'string' ? [step] : step;
      let found = false;
      while (at < limit) {
        const word = (positionals[at++] ?? '').toLowerCase();
        if (options.includes(word)) { found = true; break; }
      }
      if (!found) return false;
    }
    return true;
  }

  /** Positionals after a subcommand path matched by `sub` (the names it acts on). */
  after(...path: readonly (string | readonly string[])[]): readonly string[] {
    const positionals = this.positionals;
    let at = 0;
    for (const step of path) {
      const options = typeof step === 'string' ? [step] : step;
      while (at < positionals.length && !options.includes((positionals[at] ?? '').toLowerCase())) at++;
      at++;
    }
    return positionals.slice(at);
  }
}

/**
 * Answers of isProtectedPath per policy: the same few names (`.env`, `src`, `~/.aws/credentials`)
 * come back in command after command, and matching them against every glob is the costly part.
 */
const PROTECTED_ANSWERS = new WeakMap<readonly string[], WeakMap<readonly string[], (path: string) => boolean>>();

/** Keyed by the glob lists themselves: a caller may wrap the same settings in a new object per line. */
function protectedPath(path: string, paths: PathGlobs): boolean {
  let byAllowed = PROTECTED_ANSWERS.get(paths.protectedPaths);
  if (!byAllowed) PROTECTED_ANSWERS.set(paths.protectedPaths, (byAllowed = new WeakMap<readonly string[], (path: string) => boolean>()));
  let answers = byAllowed.get(paths.allowedPaths);
  if (!answers) byAllowed.set(paths.allowedPaths, (answers = remembered(4096, (p) => isProtectedPath(p, paths.protectedPaths, paths.allowedPaths))));
  return answers(path);
}

function positionalsOf(args: readonly string[]): string[] {
  const out: string[] = [];
  let afterDoubleDash = false;
  for (const arg of args) {
    if (!afterDoubleDash && arg === '--') { afterDoubleDash = true; continue; }
    if (afterDoubleDash || !arg.startsWith('-') || arg === '-') out.push(arg);
  }
  return out;
}

/**
 * The long option `arg` stands for in a program that reads options with getopt_long, which takes
 * any unambiguous prefix (`iptables --fl` is `--flush`): an exact name first, then the one option
 * the prefix starts; `options` is the program's whole list. A value after `=` is kept.
 */
export function longOption(arg: string, options: readonly string[]): string {
  const m = /^(--[A-Za-z][\w-]*)(=.*)?$/s.exec(arg);
  if (!m?.[1] || options.includes(m[1])) return arg;
  const candidates = options.filter((o) => o.startsWith(m[1] ?? ''));
  return candidates.length === 1 ? `${candidates[0] ?? ''}${m[2] ?? ''}` : arg;
}

export function flagMatches(arg: string, flag: string): boolean {
  if (arg === flag || arg.startsWith(flag + '=')) return true;
  // Bundled short flags (`-rf`, `-fdx`): only for single-letter flags and short bundles, so that
  // `find -delete` is not read as `-d -e -l …`.
  return flag.length === 2 && flag[0] === '-' && flag[1] !== '-' &&
    /^-[A-Za-z]{2,4}$/.test(arg) && arg.includes(flag[1] ?? '');
}

/**
 * Every value of these flags: `-c v`, `-cv` (single-letter flags), `--command=v`, `--command v`,
 * and `-Xc v`, where the flag ends a bundle of single-letter flags and so takes the next argument.
 * `attached` false is for programs whose long options take one dash (`-cmd`): there `-cv` and
 * `-Xc` are options of their own, not a flag with its value or a bundle.
 */
export function flagValues(list: readonly string[], flags: readonly string[], attached = true): string[] {
  const out: string[] = [];
  for (let i = 0; i < list.length; i++) {
    const arg = list[i] ?? '';
    for (const flag of flags) {
      const short = flag.length === 2 && flag[0] === '-' && flag[1] !== '-';
      if (arg === flag) {
        if (i + 1 < list.length) out.push(list[i + 1] ?? '');
      } else if (!short && arg.startsWith(flag + '=')) {
        // A short option's value is everything after its letter (`-d=` is the delimiter `=`).
        out.push(arg.slice(flag.length + 1));
      } else if (attached && short && arg.startsWith(flag) && arg.length > 2 && !arg.startsWith('--')) {
        out.push(arg.slice(2));
      } else if (attached && short && isShortBundle(arg) && arg.endsWith(flag[1] ?? '')) {
        if (i + 1 < list.length) out.push(list[i + 1] ?? '');
      }
    }
  }
  return out;
}

/** `-Xc`, `-BNe`, `-qAtc`: letters only, so `-h5432` or `-fdump.sql` are not bundles. */
function isShortBundle(arg: string): boolean {
  if (arg.length < 3 || arg.length > 9 || arg[0] !== '-' || arg[1] === '-') return false;
  for (let k = 1; k < arg.length; k++) {
    const c = arg[k] ?? '';
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return false;
  }
  return true;
}

/** Arguments that are neither flags nor the values of `valueFlags` (given separately, `-h host`). */
export function operands(list: readonly string[], valueFlags: ReadonlySet<string>): string[] {
  const out: string[] = [];
  let rest = false;
  for (let i = 0; i < list.length; i++) {
    const arg = list[i] ?? '';
    if (rest) { out.push(arg); continue; }
    if (arg === '--') { rest = true; continue; }
    if (arg.startsWith('-') && arg !== '-') {
      if (valueFlags.has(arg)) i++;
      continue;
    }
    out.push(arg);
  }
  return out;
}

/** The operands of a command: arguments that are not flags, and everything after `--`. */
export function nonFlagArgs(list: readonly string[]): string[] {
  const out: string[] = [];
  let dashes = false;
  for (const a of list) {
    if (!dashes && a === '--') { dashes = true; continue; }
    if (dashes || !a.startsWith('-')) out.push(a);
  }
  return out;
}
