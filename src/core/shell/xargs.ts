// xargs as GNU xargs reads its options and input: the command it runs, once per group of items.
import type { Word } from './command';
import type { Derived } from './derived';
import { MAX_ITEM_COMMANDS, itemRuntime, placeholder } from './items';

export interface XargsInput {
  readonly argv: readonly Word[];
  readonly stdin?: string;
  readonly stdinListing?: string;
}

interface XargsOptions {
  /** Where the command starts in argv. */
  readonly at: number;
  readonly replace?: string;
  readonly delimiter?: string;
  readonly fromFile: boolean;
  readonly maxArgs?: number;
  readonly maxLines?: number;
}

/** Short options that take a value (attached or next), and those whose value is only ever attached (`-i`, `-e`, `-l`). */
const SHORT_VALUE = 'adEILnPs';
const SHORT_ATTACHED = 'eil';
/** Long options, for their unique prefixes (`--arg=f` is `--arg-file=f`), and which take a value. */
const LONG = ['arg-file', 'delimiter', 'max-args', 'max-procs', 'max-chars', 'process-slot-var', 'max-lines', 'eof', 'replace',
  'null', 'no-run-if-empty', 'verbose', 'interactive', 'exit', 'open-tty', 'show-limits', 'help', 'version'];
const LONG_VALUE = new Set(['arg-file', 'delimiter', 'max-args', 'max-procs', 'max-chars', 'process-slot-var']);

function parseOptions(argv: readonly Word[]): XargsOptions {
  let replace: string | undefined;
  let delimiter: string | undefined;
  let fromFile = false;
  let maxArgs: number | undefined;
  let maxLines: number | undefined;
  const set = (option: string, value: string | undefined): void => {
    if (option === 'I' || option === 'replace' || option === 'i') replace = value || '{}';
    else if (option === 'd' || option === 'delimiter') delimiter = unescapeDelimiter(value ?? '');
    else if (option === '0' || option === 'null') delimiter = '\0';
    else if (option === 'a' || option === 'arg-file') fromFile = true;
    else if (option === 'n' || option === 'max-args') maxArgs = Number(value) || 1;
    else if (option === 'L' || option === 'l' || option === 'max-lines') maxLines = Number(value) || 1;
  };
  let i = 1;
  for (; i < argv.length; i++) {
    const arg = argv[i]?.value ?? '';
    if (arg === '--') { i++; break; }
    if (arg.startsWith('--')) {
      const [name = '', value] = arg.slice(2).split(/=(.*)/s, 2);
      const full = LONG.filter((l) => l.startsWith(name));
      const option = full.length === 1 ? full[0] ?? name : name;
      if (LONG_VALUE.has(option) && value === undefined) set(option, argv[++i]?.value);
      else set(option, value);
      continue;
    }
    if (!arg.startsWith('-') || arg === '-') break;
    for (let k = 1; k < arg.length; k++) {
      const c = arg[k] ?? '';
      if (SHORT_VALUE.includes(c)) { set(c, k + 1 < arg.length ? arg.slice(k + 1) : argv[++i]?.value); break; }
      if (SHORT_ATTACHED.includes(c)) { set(c, arg.slice(k + 1)); break; }
      set(c, undefined);
    }
  }
  return { at: i, replace, delimiter, fromFile, maxArgs, maxLines };
}

/** `-d '\n'`, `-d '\t'`, `-d '\x2c'`: the escapes xargs reads in a delimiter. */
function unescapeDelimiter(value: string): string {
  const escapes: Record<string, string> = { n: '\n', t: '\t', r: '\r', 0: '\0', '\\': '\\' };
  if (value.startsWith('\\x')) return String.fromCharCode(parseInt(value.slice(2), 16));
  return value.startsWith('\\') ? escapes[value[1] ?? ''] ?? value.slice(1) : value.slice(0, 1);
}

/** Items as xargs splits its input: at the delimiter, or at blanks outside quotes (which it removes). */
function items(text: string, delimiter: string | undefined): string[] {
  if (delimiter !== undefined) return text.split(delimiter).filter((item, i, all) => item !== '' || i < all.length - 1);
  return [...text.matchAll(/(?:'[^']*'|"[^"]*"|\\.|[^\s'"\\])+/g)].map((m) => m[0].replace(/'([^']*)'|"([^"]*)"|\\(.)/g, '$1$2$3'));
}

/** The commands xargs runs: each group of the items the line shows, or one with items only known at run time. */
export function unwrapXargs(command: XargsInput): Derived[] {
  const argv = command.argv;
  const options = parseOptions(argv);
  const rest = argv.slice(options.at);
  const last = rest[rest.length - 1] ?? argv[0];
  if (!last) return [];
  // `-a FILE` reads the items from a file, not from stdin.
  const known = options.fromFile ? undefined : command.stdin;
  const listing = options.fromFile ? undefined : command.stdinListing;
  const replace = options.replace;
  const run = (words: Word[]): Derived => ({ kind: 'argv', words, via: 'xargs' });
  // `-I{}`: each input line (or delimited item) takes the place of the replace string, as one argument.
  if (replace !== undefined && rest.some((w) => w.value.includes(replace))) {
    // One item per line, blanks kept, quotes and backslashes removed as xargs removes them.
    const lines = known === undefined ? [] : options.delimiter !== undefined ? items(known, options.delimiter)
      : known.split('\n').map((l) => l.trim().replace(/'([^']*)'|"([^"]*)"|\\(.)/g, '$1$2$3')).filter(Boolean);
    const each = (item: string | undefined): Derived => run(rest.map((w) => (!w.value.includes(replace) ? w
      // Inside a larger word (`-{}`), an item is any word, whatever it was read from.
      : item === undefined ? placeholder(w.value.split(replace).join('{}'), w, w.value === replace ? itemRuntime(listing, false) : 'word')
        : { ...placeholder(w.value.split(replace).join(item), w), dynamic: w.dynamic })));
    return [...lines.slice(0, MAX_ITEM_COMMANDS).map(each), ...(lines.length === 0 || lines.length > MAX_ITEM_COMMANDS ? [each(undefined)] : [])];
  }
  if (rest.length === 0) return [];
  if (known === undefined) return [run([...rest, placeholder('{}', last, itemRuntime(listing, true))])];
  // Items in groups: `-n N` items, `-L N` lines, else all at once.
  const groups: string[][] = options.maxLines !== undefined && options.delimiter === undefined
    ? chunk(logicalLines(known), options.maxLines).map((lines) => items(lines.join('\n'), undefined))
    : chunk(items(known, options.delimiter), options.maxArgs ?? Number.MAX_SAFE_INTEGER);
  const commands = groups.slice(0, MAX_ITEM_COMMANDS).map((group) => run([...rest, ...group.map((item) => ({ ...placeholder(item, last), dynamic: false }))]));
  if (groups.length > MAX_ITEM_COMMANDS) commands.push(run([...rest, placeholder('{}', last, 'words')]));
  return commands.length > 0 ? commands : [run([...rest])];
}

/** Input lines as `-L` counts them: a line ending in a blank goes on with the next. */
function logicalLines(text: string): string[] {
  const out: string[] = [];
  let pending = '';
  for (const line of text.split('\n')) {
    pending += (pending ? '\n' : '') + line;
    if (/[ \t]$/.test(line)) continue;
    if (pending.trim() !== '') out.push(pending);
    pending = '';
  }
  if (pending.trim() !== '') out.push(pending);
  return out;
}

function chunk<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}
