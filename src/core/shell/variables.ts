// The shell variables a line sets, as the expander tracks them in one map of name to value, so a
// frame's copy carries everything at once: plain values, values only known at run time
// (`c=$(cat cmd.txt)`, `read c`, a loop's variable), arrays (`cmd=(helm uninstall …)`) and the
// positional parameters (`$1`…, `"$@"`) of a script or function.
import type { SimpleCommand } from './command';

export type Variables = Map<string, string>;

/**
 * Beside `name`, the key `name` + UNKNOWN marks a value only known at run time: `name` then holds
 * the text the line shows for it (`$(cat cmd.txt)`, or `$name` itself). No variable name holds a NUL.
 */
const UNKNOWN = '\0';
/** Beside `name`, the key `name[@]` holds an array's elements (as JSON); `name` is element 0, as in bash. */
const ELEMENTS = '[@]';

/** Sets a variable the line assigns; `unknown` when its value is only known at run time. */
export function setVariable(vars: Variables, name: string, value: string, unknown: boolean): void {
  vars.set(name, value);
  vars.delete(name + ELEMENTS);
  if (unknown) vars.set(name + UNKNOWN, '');
  else vars.delete(name + UNKNOWN);
}

/** A variable the line sets from what only running it tells (`read c`, `for c in $(…)`). */
export function setUnknown(vars: Variables, name: string): void {
  setVariable(vars, name, '$' + name, true);
}

/** `name=(a b c)`, `name+=(d)`: an array, or undefined elements when they are only known at run time. */
export function setArray(vars: Variables, name: string, elements: readonly string[] | undefined): void {
  if (!elements) {
    setUnknown(vars, name);
    return;
  }
  setVariable(vars, name, elements[0] ?? '', false);
  vars.set(name + ELEMENTS, JSON.stringify(elements));
}

export function isUnknown(vars: ReadonlyMap<string, string>, name: string): boolean {
  return vars.has(name + UNKNOWN);
}

/** An array's elements (a scalar is an array of one), or undefined when the line does not show them. */
export function arrayElements(vars: ReadonlyMap<string, string>, name: string): readonly string[] | undefined {
  if (isUnknown(vars, name)) return undefined;
  if (name === '@' || name === '*') return positionalValues(vars);
  const json = vars.get(name + ELEMENTS);
  if (json !== undefined) return JSON.parse(json) as string[];
  const value = vars.get(name);
  return value === undefined ? undefined : [value];
}

/** The line's own variables, without the bookkeeping keys, as later commands' environment sees them. */
export function plainVariables(vars: ReadonlyMap<string, string>): Map<string, string> {
  return new Map([...vars].filter(([key]) => !key.endsWith(UNKNOWN) && !key.endsWith(ELEMENTS)));
}

/** `$1`…, `$@`, `$*`, `$#` (not `$0`, the script's name). */
const POSITIONAL = /^(?:[1-9][0-9]*|[@*#])$/;

/** True for a name bash reads as a positional parameter (`1`, `@`, `#`), known only while `$#` is. */
export function isPositional(name: string): boolean {
  return POSITIONAL.test(name);
}

/** The variables with `$1`, `$2`…, `$@`, `$*` and `$#` set to `args`, as a function or script sees them. */
export function positionals(vars: ReadonlyMap<string, string>, args: readonly string[]): Variables {
  const out = new Map(vars);
  setPositionals(out, args);
  return out;
}

function positionalValues(vars: ReadonlyMap<string, string>): string[] | undefined {
  const count = Number(vars.get('#'));
  return Number.isInteger(count) ? Array.from({ length: count }, (_, i) => vars.get(String(i + 1)) ?? '') : undefined;
}

/**
 * `shift [n]` and `set -- …` move the positional parameters later commands read as `"$@"`; moved
 * by what the line does not show, they are unknown.
 */
export function movePositionals(command: SimpleCommand, vars: Variables): void {
  const [program, ...args] = command.argv;
  if (command.program === 'shift' && !program?.dynamic) {
    const by = args.length === 0 ? 1 : /^[0-9]+$/.test(args[0]?.value ?? '') && !args[0]?.dynamic ? Number(args[0]?.value) : NaN;
    const values = positionalValues(vars);
    setPositionals(vars, values && Number.isInteger(by) && by <= values.length ? values.slice(by) : undefined);
  } else if (command.program === 'set' && !program?.dynamic && args[0]?.value === '--') {
    const rest = args.slice(1);
    setPositionals(vars, rest.some((w) => w.dynamic) ? undefined : rest.map((w) => w.value));
  }
}

export function setPositionals(vars: Variables, values: readonly string[] | undefined): void {
  for (const key of [...vars.keys()]) if (POSITIONAL.test(key)) vars.delete(key);
  if (!values) return;
  values.forEach((v, i) => vars.set(String(i + 1), v));
  vars.set('@', values.join(' '));
  vars.set('*', values.join(' '));
  vars.set('#', String(values.length));
}

/** The variables other than positionals, as one string to compare. */
export function variablesKey(vars: ReadonlyMap<string, string>): string {
  return JSON.stringify([...vars].filter(([key]) => !POSITIONAL.test(key)));
}

export function withoutPositionals(vars: ReadonlyMap<string, string>): Variables {
  return new Map([...vars].filter(([key]) => !POSITIONAL.test(key)));
}

/** The variables a program word still names after substitution (`${@#x}`, `${cmd[2]}`, `$c` of `read c`). */
export function namedVariables(text: string): string[] {
  return [...text.matchAll(/\$\{?[#!]?([A-Za-z_][A-Za-z0-9_]*|[1-9@*#])/g)].map((m) => m[1] ?? '');
}

/** True when the line sets `name` (to a value known or not), or knows the positionals it stands for. */
export function isLineVariable(vars: ReadonlyMap<string, string>, name: string): boolean {
  return isPositional(name) ? vars.has('#') : vars.has(name);
}

/** Options of `read`, `mapfile` and `printf` that take a value (`read -p 'Name: ' n`). */
const INPUT_VALUE_OPTIONS: Readonly<Record<string, readonly string[]>> = {
  read: ['-a', '-d', '-i', '-n', '-N', '-p', '-t', '-u'],
  mapfile: ['-d', '-n', '-O', '-s', '-u', '-C', '-c'],
  readarray: ['-d', '-n', '-O', '-s', '-u', '-C', '-c'],
  printf: ['-v'],
};

/**
 * The variables a builtin sets from what only running it tells: `read a b`, `read -a arr`,
 * `mapfile arr`, `printf -v p …`, `getopts o opt`.
 */
export function inputVariables(command: SimpleCommand): string[] {
  const [program, ...args] = command.argv;
  if (!program || program.dynamic) return [];
  const name = command.program;
  if (name === 'getopts') return args[1] ? [args[1].value] : [];
  const valued = INPUT_VALUE_OPTIONS[name];
  if (!valued) return [];
  const set: string[] = [];
  let i = 0;
  for (; i < args.length; i++) {
    const arg = args[i]?.value ?? '';
    if (arg === '--') { i++; break; }
    if (!arg.startsWith('-') || arg.length < 2) break;
    const option = valued.find((o) => arg.startsWith(o));
    if (option === undefined) continue;
    const value = arg.length > option.length ? arg.slice(option.length) : args[++i]?.value ?? '';
    if (option === '-a' || option === '-v') set.push(value);
  }
  if (name === 'printf') return set;
  const operands = args.slice(i).map((w) => w.value);
  if (name === 'read') return [...set, ...(operands.length > 0 || set.length > 0 ? operands : ['REPLY'])];
  return [operands[0] ?? 'MAPFILE'];
}
