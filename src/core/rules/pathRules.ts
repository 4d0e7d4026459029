// Rules over a CLI's command path (`glab variable delete KEY`, `aws elbv2 delete-load-balancer`,
// `vault kv destroy`): the words after the program, with the values of its option flags skipped,
// start with one of a rule's paths; what follows names what the command acts on. Shared by the
// families whose CLIs are trees of subcommands.
import { operands, type Args } from './args';
import type { Rule } from './types';
import type { Category, Severity } from '../verdict';

/** How a CLI's command path is read: its global flags that take a value, and leading words outside the path. */
export interface CliShape {
  readonly valueFlags: ReadonlySet<string>;
  /** Words dropped when they come first (gcloud's release tracks). */
  readonly skipLeading?: readonly string[];
}

/** Flags spelled with one dash or two (Go's flag package accepts both). */
export function dashed(...names: readonly string[]): string[] {
  return names.flatMap((n) => [`-${n}`, `--${n}`]);
}

export const AWS: CliShape = {
  valueFlags: new Set([
    '--profile', '--region', '--output', '--endpoint-url', '--query', '--color', '--ca-bundle',
    '--cli-read-timeout', '--cli-connect-timeout', '--cli-binary-format',
  ]),
};
export const GCLOUD: CliShape = {
  valueFlags: new Set([
    '--project', '--account', '--configuration', '--format', '--verbosity', '--impersonate-service-account',
    '--billing-project', '--flags-file', '--trace-token', '--region', '--zone',
  ]),
  skipLeading: ['alpha', 'beta', 'preview'],
};
export const AZ: CliShape = { valueFlags: new Set(['--subscription', '--output', '-o', '--query']) };

/** The command path as written, with the values of the shape's value flags left out. */
export function commandPath(a: Args, shape: CliShape): string[] {
  const p = operands(a.list, shape.valueFlags);
  return shape.skipLeading?.includes((p[0] ?? '').toLowerCase()) ? p.slice(1) : p;
}

/** A path step: one word, or alternatives (`['rm', 'del']`). */
export type Step = string | readonly string[];

function stepMatches(step: Step, word: string | undefined): boolean {
  const w = (word ?? '').toLowerCase();
  return typeof step === 'string' ? w === step : step.includes(w);
}

/** The first of `paths` the command path starts with. */
export function matchedPath(p: readonly string[], paths: readonly (readonly Step[])[]): readonly Step[] | undefined {
  return paths.find((path) => path.every((step, i) => stepMatches(step, p[i])));
}

export interface PathSpec {
  readonly id: string;
  readonly programs: readonly string[];
  /** How the CLI's command path is read: its value flags (and leading words to skip)… */
  readonly shape?: CliShape;
  /** …or a reader of its own, when skipping value flags is not enough. */
  readonly read?: (a: Args) => string[];
  readonly category: Category;
  readonly severity: Severity;
  readonly summary: string;
  readonly hint: string;
  /** Command paths (lower-case), any of which matches. */
  readonly paths: readonly (readonly Step[])[];
  /** Further condition; `path` is the command path, lower-cased. */
  readonly when?: (a: Args, path: readonly string[]) => boolean;
  /** Flags whose values name what is acted on. */
  readonly targetFlags?: readonly string[];
  /** Names found elsewhere (a `VAULT_ADDR=` prefix). */
  readonly moreTargets?: (a: Args) => readonly string[];
  /** False when the words after the path are ids (snapshot ids), not names of what is acted on. */
  readonly operandsAreTargets?: boolean;
  readonly match: readonly string[];
  readonly noMatch: readonly string[];
}

/** A rule matched on a CLI's command path; its targets are the words after the path and the target flags' values. */
/**
 * A command's path per reader, read once: a program with a hundred path rules (`aws`) would
 * otherwise read its arguments a hundred times for one command.
 */
const PATHS = new WeakMap<Args, Map<object, string[]>>();

function readOnce(a: Args, key: object, read: (a: Args) => string[]): string[] {
  let byReader = PATHS.get(a);
  if (!byReader) {
    byReader = new Map();
    PATHS.set(a, byReader);
  }
  let path = byReader.get(key);
  if (!path) {
    path = read(a);
    byReader.set(key, path);
  }
  return path;
}

export function pathRule(s: PathSpec): Rule {
  const shape = s.shape ?? NO_SHAPE;
  const own = s.read;
  // Rules sharing a shape (or a reader) share the path read for a command.
  const read = own ? (a: Args): string[] => readOnce(a, own, own) : (a: Args): string[] => readOnce(a, shape, (x) => commandPath(x, shape));
  return {
    id: s.id,
    programs: s.programs,
    category: s.category,
    severity: s.severity,
    summary: s.summary,
    hint: s.hint,
    match: (a) => {
      const p = read(a);
      const path = matchedPath(p, s.paths);
      // `aws s3 rm help` asks for the page of the command.
      const help = path !== undefined && p.length === path.length + 1 && p[path.length]?.toLowerCase() === 'help';
      return path !== undefined && !help && (s.when?.(a, p.map((w) => w.toLowerCase())) ?? true);
    },
    targets: (a) => {
      const p = read(a);
      const path = matchedPath(p, s.paths);
      const named = path && s.operandsAreTargets !== false ? p.slice(path.length) : [];
      return [...named, ...a.values(...(s.targetFlags ?? [])), ...(s.moreTargets?.(a) ?? [])];
    },
    examples: { match: s.match, noMatch: s.noMatch },
  };
}

/** Values of `VAR=` prefixes on the command (`VAULT_ADDR=https://… vault …`). */
export function assigned(a: Args, ...names: readonly string[]): string[] {
  return names.map((n) => a.command.assignments.get(n)).filter((v): v is string => v !== undefined);
}

/** A boolean flag that is on: `--recursive`, `--recursive=true`, not `--recursive=false`. */
export function flagOn(a: Args, ...flags: readonly string[]): boolean {
  return a.list.some((w) => flags.some((f) => w === f || (w.startsWith(f + '=') && !/^(false|0|no)$/i.test(w.slice(f.length + 1)))));
}


const NO_SHAPE: CliShape = { valueFlags: new Set() };

/** Reads a command path: the CLI's words with these value flags skipped. */
export function pathReader(valueFlags: readonly string[]): (a: Args) => string[] {
  const shape: CliShape = { valueFlags: new Set(valueFlags) };
  return (a) => commandPath(a, shape);
}

/** The rule builder for one family's category. */
export function pathRuleFor(category: Category): (s: Omit<PathSpec, 'category'>) => Rule {
  return (s) => pathRule({ ...s, category });
}
