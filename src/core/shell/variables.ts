// The shell variables a line sets, as the expander tracks them in one map of name to value, so a
// frame's copy carries everything at once: plain values, values only known at run time
// (`c=$(cat cmd.txt)`, `read c`, a loop's variable), arrays (`cmd=(helm uninstall …)`), the values
// a branch may leave (`a=status; [ … ] && a=uninstall`) and the positional parameters (`$1`…,
// `"$@"`) of a script or function.
import type { SimpleCommand, Word } from './command';

export type Variables = Map<string, string>;

/**
 * Beside `name`, the key `name` + UNKNOWN marks a value only known at run time: `name` then holds
 * the text the line shows for it (`$(cat cmd.txt)`, or `$name` itself), and the mark says whence:
 * COMPUTED by the line (a substitution's output, `read`, a loop over unknown words), or taken from
 * OUTSIDE it (`CC=${CC:-gcc}`: the user's environment). No variable name holds a NUL.
 */
const UNKNOWN = '\0';
export type Unknown = false | 'outside' | 'computed';
/** Beside `name`, the key `name[@]` holds an array's elements (as JSON); `name` is element 0, as in bash. */
const ELEMENTS = '[@]';
/**
 * Beside an unknown `name`, the key `name{}` holds the values it may have (as JSON) when each is
 * known: `PM=npm; [ -f yarn.lock ] && PM=yarn` leaves npm or yarn.
 */
const CHOICES = '{}';
/** Most values a variable is followed with; more is unknown. */
export const MAX_CHOICES = 8;

/** Sets a variable the line assigns; `unknown` when its value is only known at run time. */
export function setVariable(vars: Variables, name: string, value: string, unknown: Unknown): void {
  touched(vars);
  vars.set(name, value);
  vars.delete(name + ELEMENTS);
  vars.delete(name + CHOICES);
  if (unknown) vars.set(name + UNKNOWN, unknown);
  else vars.delete(name + UNKNOWN);
}

/**
 * A variable the line sets from what only running it tells (`read c`, `for c in $(…)`, `unset c`),
 * shown as `shown` where the line shows whence (`$(git branch --merged)`); `a[0]` makes all of `a` unknown.
 */
export function setUnknown(vars: Variables, name: string, shown?: string): void {
  const base = baseName(name);
  if (isPositional(base)) setPositionals(vars, undefined, true);
  else setVariable(vars, base, shown ?? '$' + base, 'computed');
}

/** After what may set any variable (a file sourced from where the line does not show): every one is unknown. */
export function forgetAll(vars: Variables): void {
  for (const name of new Set([...vars.keys()].map(baseName))) setUnknown(vars, name);
}

/** `a[2]=x`: one element of an array; where the line does not show which, or leaves a gap, all of it is unknown. */
export function setElement(vars: Variables, name: string, index: string, value: string, unknown: boolean): void {
  const elements = arrayElements(vars, name) ?? (vars.has(name) ? undefined : []);
  const at = /^[0-9]+$/.test(index) ? Number(index) : NaN;
  if (unknown || !elements || !(at <= elements.length)) {
    setUnknown(vars, name);
    return;
  }
  const next = [...elements];
  next[at] = value;
  setArray(vars, name, next);
}

/** `a[0]` → `a`; a bookkeeping key → the variable it is about. */
function baseName(key: string): string {
  return key.replace(/\[.*$|\0$|\{\}$/s, '');
}

/** True when the line made `name` an array (`a=(…)`): a plain `a=x` then sets only its first element. */
export function isArray(vars: ReadonlyMap<string, string>, name: string): boolean {
  return vars.has(name + ELEMENTS);
}

/** The values a variable may have (an array's as its elements), each known. */
export interface Choices {
  readonly array: boolean;
  readonly values: readonly (readonly string[])[];
}

/** A variable the line leaves with one of several known values (each more than one is unknown). */
export function setChoices(vars: Variables, name: string, values: readonly string[]): void {
  const distinct = [...new Set(values)];
  if (distinct.length === 1) {
    setVariable(vars, name, distinct[0] ?? '', false);
    return;
  }
  keepChoices(vars, name, { array: false, values: distinct.map((v) => [v]) });
}

/** Marks `name` unknown, with the values it may have when they are few enough to follow; true when kept. */
function keepChoices(vars: Variables, name: string, choices: Choices): boolean {
  setUnknown(vars, name);
  if (choices.values.length > MAX_CHOICES) return false;
  vars.set(name + CHOICES, JSON.stringify(choices));
  return true;
}

/** The values a variable may have, each known, or undefined. A variable the line never set has none it knows. */
export function choicesOf(vars: ReadonlyMap<string, string>, name: string): Choices | undefined {
  const json = vars.get(name + CHOICES);
  if (json !== undefined) return JSON.parse(json) as Choices;
  const value = vars.get(name);
  if (value === undefined || isUnknown(vars, name)) return undefined;
  const elements = isArray(vars, name) ? arrayElements(vars, name) : undefined;
  return elements ? { array: true, values: [elements] } : { array: false, values: [[value]] };
}

/**
 * What a part of the line that may or may not run (a branch, a loop's body) leaves behind: each
 * variable it changed holds its value before or after (as `mergeBranches`).
 */
export function mergeMaybe(into: Variables, maybe: ReadonlyMap<string, string>): boolean {
  return mergeBranches(into, [into, maybe]);
}

/**
 * The variables after one of `branches` ran (each a copy of `into` the branch changed): a variable
 * all of them leave alike keeps that value, one each leaves known is one of those values, others are unknown.
 * True when a variable was left with several values.
 */
export function mergeBranches(into: Variables, branches: readonly ReadonlyMap<string, string>[]): boolean {
  const first = branches[0];
  if (!first) return false;
  let chose = false;
  const changed = new Set<string>();
  for (const branch of branches) {
    for (const [key, value] of branch) if (first.get(key) !== value) changed.add(baseName(key));
    for (const key of first.keys()) if (!branch.has(key)) changed.add(baseName(key));
  }
  if (first !== into) {
    for (const [key, value] of first) if (into.get(key) !== value && !changed.has(baseName(key))) { touched(into); into.set(key, value); }
    for (const key of [...into.keys()]) if (!first.has(key) && !changed.has(baseName(key))) { touched(into); into.delete(key); }
  }
  for (const name of changed) {
    // More ways than values are followed: no need to read each (a `case` of 300 arms, called 700 times).
    if (branches.length > MAX_CHOICES + 1) {
      setUnknown(into, name);
      continue;
    }
    const each = branches.map((b) => choicesOf(b, name));
    const array = each[0]?.array ?? false;
    const values = [...new Map(each.flatMap((c) => c?.values ?? []).map((v) => [JSON.stringify(v), v])).values()];
    if (!isPositional(name) && each.every((c) => c !== undefined && c.array === array)) chose = keepChoices(into, name, { array, values }) || chose;
    else setUnknown(into, name);
  }
  return chose;
}

/**
 * Every name a text may assign (`x=`, `a[i]+=`, `read x`, `for x`, `printf -v x`, `unset x`…), over-read:
 * a loop's body that runs again sees what its last run left.
 */
export function assignedNames(text: string): string[] {
  const names = [...text.matchAll(/(?<![\w$/.-])([A-Za-z_][A-Za-z0-9_]*)(?:\[[^\]]*\])?\+?=/g)].map((m) => m[1] ?? '');
  for (const m of text.matchAll(/\b(?:read|mapfile|readarray|getopts|unset|local|declare|typeset|export|for|select|printf|let|shift|set)\b([^;&|\n]*)/g)) {
    names.push(...(m[1] ?? '').split(/[^A-Za-z0-9_]+/).filter((w) => /^[A-Za-z_]/.test(w)));
    if (/^(?:shift|set)/.test(m[0])) names.push('@');
  }
  return names;
}

/** Splits a value as bash splits an unquoted expansion: on the line's `IFS` when it set one. */
export function splitWords(value: string, vars: ReadonlyMap<string, string>): string[] {
  const ifs = vars.get('IFS');
  if (ifs === undefined || isUnknown(vars, 'IFS')) return value.split(/[ \t\n]+/).filter(Boolean);
  if (ifs === '') return [value];
  const chars = ifs.replace(/[\\\]^-]/g, '\\$&');
  // Blanks in IFS gather into one break; any other IFS character ends a field, empty or not (`a,,b` is three).
  if (/\s/.test(ifs)) return value.split(new RegExp(`[${chars}]+`)).filter(Boolean);
  const fields = value.split(new RegExp(`[${chars}]`));
  if (fields[fields.length - 1] === '') fields.pop();
  return fields;
}

/** What joins `"${a[*]}"` and `"$*"`: the first character of the line's `IFS`, a space by default. */
export function joiner(vars: ReadonlyMap<string, string>): string {
  const ifs = vars.get('IFS');
  return ifs === undefined || isUnknown(vars, 'IFS') ? ' ' : ifs.slice(0, 1);
}

/** `name=(a b c)`, `name+=(d)`: an array, or undefined elements when they are only known at run time. */
export function setArray(vars: Variables, name: string, elements: readonly string[] | undefined): void {
  if (!elements) {
    setUnknown(vars, name);
    return;
  }
  setVariable(vars, name, elements[0] ?? '', false);
  touched(vars);
  vars.set(name + ELEMENTS, JSON.stringify(elements));
}

export function isUnknown(vars: ReadonlyMap<string, string>, name: string): boolean {
  return vars.has(name + UNKNOWN);
}

/** A variable whose value the line computes at run time (`read c`, `c=$(cat f)`), positionals included. */
export function isComputed(vars: ReadonlyMap<string, string>, name: string): boolean {
  return vars.get((isPositional(name) ? '#' : name) + UNKNOWN) === 'computed';
}

/** An array's elements (a scalar is an array of one), or undefined when the line does not show them. */
export function arrayElements(vars: ReadonlyMap<string, string>, name: string): readonly string[] | undefined {
  if (isUnknown(vars, name) || (name === '@' || name === '*') && isUnknown(vars, '#')) return undefined;
  if (name === '@' || name === '*') return positionalValues(vars);
  const json = vars.get(name + ELEMENTS);
  if (json !== undefined) return JSON.parse(json) as string[];
  const value = vars.get(name);
  return value === undefined ? undefined : [value];
}

/** The line's own variables, without the bookkeeping keys, as later commands' environment sees them. */
export function plainVariables(vars: ReadonlyMap<string, string>): Map<string, string> {
  // A value only running tells has no text of its own (`read c` leaves `$c`): it is left out.
  return new Map([...vars].filter(([key, value]) => !key.endsWith(UNKNOWN) && !key.endsWith(ELEMENTS) && !key.endsWith(CHOICES) &&
    !(value === '$' + key && isUnknown(vars, key))));
}

/** `$1`…, `$@`, `$*`, `$#` (not `$0`, the script's name). */
const POSITIONAL = /^(?:[1-9][0-9]*|[@*#])$/;

/** True for a name bash reads as a positional parameter (`1`, `@`, `#`), known only while `$#` is. */
function isPositional(name: string): boolean {
  return POSITIONAL.test(name);
}

/**
 * The variables with `$1`, `$2`…, `$@`, `$*` and `$#` set to `args`, as a function or script sees
 * them; undefined args (a call with `$x`) leave them unknown, and the line's.
 */
export function positionals(vars: ReadonlyMap<string, string>, args: readonly string[] | undefined): Variables {
  const out = new Map(vars);
  setPositionals(out, args, true);
  return out;
}

/** The variables a command's prefix assignments (`c=helm f`, `c=helm eval …`) give what it runs. */
export function withAssignments(vars: ReadonlyMap<string, string>, assignments: ReadonlyMap<string, string>): Variables {
  const out = new Map(vars);
  for (const [name, value] of assignments) setVariable(out, name, value, /[$`]/.test(value) ? 'computed' : false);
  return out;
}

/** What a script the line runs starts with: each of the line's variables as it may be, and the command's prefix assignments as they are. */
export function inherited(vars: ReadonlyMap<string, string>, assignments: ReadonlyMap<string, string>): Variables {
  // A known value is there or unset (exported or not: not told apart); unknown ones, and their choices, stay as they are.
  const out: Variables = withoutPositionals(vars);
  for (const [name, value] of plainVariables(out)) if (!isUnknown(out, name) && !isArray(out, name)) setChoices(out, name, [value, '']);
  return withAssignments(out, assignments);
}

/** `vars` with the positionals of `outer`: what a function's body changed, its own arguments aside. */
export function withPositionalsOf(vars: ReadonlyMap<string, string>, outer: ReadonlyMap<string, string>): Variables {
  const out = new Map([...vars].filter(([key]) => !isPositional(baseName(key))));
  for (const [key, value] of outer) if (isPositional(baseName(key))) out.set(key, value);
  return out;
}

function positionalValues(vars: ReadonlyMap<string, string>): string[] | undefined {
  if (isUnknown(vars, '#')) return undefined;
  const count = Number(vars.get('#'));
  return Number.isInteger(count) ? Array.from({ length: count }, (_, i) => vars.get(String(i + 1)) ?? '') : undefined;
}

/**
 * `shift [n]` and `set -- …` move the positional parameters later commands read as `"$@"`; moved
 * by what the line does not show, they are unknown.
 */
export function movePositionals(command: SimpleCommand, vars: Variables): void {
  const [program, ...args] = command.argv;
  if (program?.dynamic) return;
  if (command.program === 'shift') {
    const by = args.length === 0 ? 1 : /^[0-9]+$/.test(args[0]?.value ?? '') && !args[0]?.dynamic ? Number(args[0]?.value) : NaN;
    const values = positionalValues(vars);
    setPositionals(vars, values && Number.isInteger(by) && by <= values.length ? values.slice(by) : undefined, vars.has('#'));
  } else if (command.program === 'set') {
    // `set [options] [--] words…`: words after `--`, or from the first that is not an option, are the new positionals.
    let i = 0;
    for (; i < args.length; i++) {
      const arg = args[i]?.value ?? '';
      if (arg === '--' || arg === '-') { i++; break; }
      if (!/^[-+]/.test(arg) || args[i]?.dynamic) break;
      // `-o pipefail`, also in a cluster (`set -euo pipefail`): the option's name is no positional.
      if (/^[-+][a-zA-Z]*o[a-zA-Z]*$/.test(arg)) i++;
    }
    const rest = args.slice(i);
    const ended = args.slice(0, i).some((w) => w.value === '--' || w.value === '-');
    if (rest.length > 0 || ended) setPositionals(vars, rest.some((w) => w.dynamic) ? undefined : rest.map((w) => w.value), true);
  }
}

/**
 * Sets `$1`…, `$@`, `$*`, `$#`; undefined values leave them unknown, and `lineSet` says the line
 * set them so (`set -- $(cat f)`, a function called with `$x`): a program named by them is asked about.
 */
function setPositionals(vars: Variables, values: readonly string[] | undefined, lineSet = false): void {
  touched(vars);
  for (const key of [...vars.keys()]) if (POSITIONAL.test(key) || POSITIONAL.test(baseName(key))) vars.delete(key);
  if (!values) {
    if (lineSet) vars.set('#' + UNKNOWN, 'computed');
    if (lineSet) vars.set('#', '');
    return;
  }
  values.forEach((v, i) => vars.set(String(i + 1), v));
  vars.set('@', values.join(' '));
  vars.set('*', values.join(' '));
  vars.set('#', String(values.length));
}

/**
 * Which map and how many changes it has seen: two equal keys mean the same variables (a map
 * changed and changed back reads as changed, which only reads more). Built in constant time, since
 * every function call takes one.
 */
const identities = new WeakMap<ReadonlyMap<string, string>, number>();
const generations = new WeakMap<ReadonlyMap<string, string>, number>();
let nextIdentity = 0;

function touched(vars: ReadonlyMap<string, string>): void {
  generations.set(vars, (generations.get(vars) ?? 0) + 1);
}

/** The variables as they stand, as one string to compare (positionals included: moving them is a change, which only reads more). */
export function variablesKey(vars: ReadonlyMap<string, string>): string {
  let identity = identities.get(vars);
  if (identity === undefined) identities.set(vars, identity = nextIdentity++);
  return `${identity}:${generations.get(vars) ?? 0}`;
}

export function withoutPositionals(vars: ReadonlyMap<string, string>): Variables {
  return new Map([...vars].filter(([key]) => !POSITIONAL.test(key)));
}

/** The variables a program word still names after substitution (`${@#x}`, `${cmd[2]}`, `$c` of `read c`). */
export function namedVariables(text: string): string[] {
  return [...text.matchAll(/\$\{?[#!]?([A-Za-z_][A-Za-z0-9_]*|[1-9@*#])/g)].map((m) => m[1] ?? '');
}

/**
 * True when the line decides `name`: it set it (to a value known or computed, not one taken from
 * outside), or the positionals it stands for.
 */
export function isLineVariable(vars: ReadonlyMap<string, string>, name: string): boolean {
  return isPositional(name) ? vars.has('#') : vars.has(name) && vars.get(name + UNKNOWN) !== 'outside';
}

/** Options of `read`, `mapfile` and `printf` that take a value (`read -p 'Name: ' n`). */
const INPUT_VALUE_OPTIONS: Readonly<Record<string, string>> = { read: 'adinNptu', mapfile: 'dnOsuCc', readarray: 'dnOsuCc', printf: 'v' };

/**
 * A builtin's short options as bash's getopts reads them (`-tC cb`, `-C'cb'`, `-td ''`): each
 * option with its value where `valued` lists it, then the operands.
 */
export function builtinOptions(args: readonly Word[], valued: string): { options: [string, Word | undefined][]; operands: readonly Word[] } {
  const options: [string, Word | undefined][] = [];
  let i = 0;
  for (; i < args.length; i++) {
    const word = args[i];
    const arg = word?.value ?? '';
    if (arg === '--') { i++; break; }
    if (!arg.startsWith('-') || arg.length < 2 || !word) break;
    for (let k = 1; k < arg.length; k++) {
      const flag = arg[k] ?? '';
      if (!valued.includes(flag)) { options.push([flag, undefined]); continue; }
      options.push([flag, k + 1 < arg.length ? { ...word, value: arg.slice(k + 1) } : args[++i]]);
      break;
    }
  }
  return { options, operands: args.slice(i) };
}

/**
 * The variables a builtin sets from what only running it tells: `read a b`, `read -a arr`,
 * `mapfile arr`, `printf -v p …`, `getopts o opt`.
 */
export function inputVariables(command: SimpleCommand): string[] {
  const [program, ...args] = command.argv;
  if (!program || program.dynamic) return [];
  const name = command.program;
  if (name === 'getopts') return [...(args[1] ? [args[1].value] : []), 'OPTARG', 'OPTIND'];
  const valued = INPUT_VALUE_OPTIONS[name];
  if (valued === undefined) return [];
  const { options, operands } = builtinOptions(args, valued);
  const set = options.filter(([flag]) => flag === 'a' || flag === 'v').map(([, value]) => value?.value ?? '');
  if (name === 'printf') return set;
  const named = operands.map((w) => w.value);
  if (name === 'read') return [...set, ...(named.length > 0 || set.length > 0 ? named : ['REPLY'])];
  return [named[0] ?? 'MAPFILE'];
}
