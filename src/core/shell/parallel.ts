// GNU parallel as it reads its options, inputs and command: one command per input the line shows,
// or one with an input only known at run time.
import { escapeRegExp } from '../environment/tiers';
import type { Word } from './command';
import type { Derived } from './derived';
import { MAX_ITEM_COMMANDS, RUNTIME_TEXT, itemRuntime, placeholder } from './items';

export interface ParallelInput {
  readonly argv: readonly Word[];
  readonly stdin?: string;
  readonly stdinListing?: string;
}

/** Options without a value; any other option not written `--name=value` may take the next word. */
const FLAGS = new Set(['--plus', '-k', '--keep-order', '-v', '--verbose', '-q', '--quote', '--dry-run', '--dryrun', '-0', '--null', '--bar', '--eta',
  '--progress', '-u', '--ungroup', '--group', '--line-buffer', '--lb', '-X', '-m', '--xargs', '--tag', '--nonall', '--onall', '--pipe',
  '--pipepart', '--no-notice', '--citation', '--will-cite', '-r', '--no-run-if-empty', '--shuf', '--plain', '--silent', '--halt-on-error',
  '--files', '--keep', '--ctag', '--linebuffer', '--no-keep-order', '--header-line', '-g']);
/** Options that always take the next word. */
const VALUES = new Set(['-j', '--jobs', '-P', '--max-procs', '-S', '--sshlogin', '-a', '--arg-file', '--arg-sep', '--arg-file-sep', '-C', '--colsep',
  '-d', '--delimiter', '-E', '--eof', '-I', '--replace', '-N', '--max-replace-args', '-n', '--max-args', '-L', '--max-lines', '--env', '--workdir',
  '--wd', '--halt', '--retries', '--tagstring', '--joblog', '--results', '--res', '--delay', '--timeout', '--tmpdir', '--basefile', '--bf',
  '--return', '--sshloginfile', '--slf', '--memfree', '--load', '--trim', '--nice', '--header', '--block', '--block-size', '--recend', '--recstart',
  '--transferfile', '--tf', '--cleanup', '--termseq', '--limit', '--sqlmaster', '--sqlworker', '--sqlandworker', '--rpl']);

interface Read {
  /** Where the command may start: more than one place when an option may or may not take the next word. */
  readonly starts: number[];
  replace: string | undefined;
  colsep: string | undefined;
  argSep: string;
  fromFile: boolean;
  /** `-N2`, `-n2`, `-m`, `-X`: several items to one command. */
  grouped: boolean;
  /** `-q`: the command's words are passed as they are, not joined into a shell line. */
  quoted: boolean;
  /** `--plus`, `--rpl`: replacement strings beyond those read here. */
  plus: boolean;
}

function readOptions(argv: readonly Word[]): Read {
  const read: Read = { starts: [], replace: undefined, colsep: undefined, argSep: ':::', fromFile: false, grouped: false, quoted: false, plus: false };
  const valueOf = (name: string, value: string | undefined): void => {
    if (name === '-I' || name === '--replace' || name === '-i') read.replace = value ?? '{}';
    else if (name === '-C' || name === '--colsep') read.colsep = value;
    else if (name === '--arg-sep') read.argSep = value ?? ':::';
    else if (name === '-a' || name === '--arg-file' || name === '--arg-file-sep') read.fromFile = true;
    if (/^(?:-[NnmX]|--max-args|--max-replace-args|--xargs)$/.test(name)) read.grouped = true;
    if (name === '-q' || name === '--quote') read.quoted = true;
    if (name === '--plus' || name === '--rpl') read.plus = true;
  };
  let i = 1;
  while (i < argv.length) {
    const arg = argv[i]?.value ?? '';
    if (arg === read.argSep || arg === '::::' || arg === ':::+' || arg === '::::+') break;
    if (arg === '--') { read.starts.push(i + 1); return read; }
    if (!arg.startsWith('-') || arg === '-') { read.starts.push(i); return read; }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : /^-[A-Za-z]./.test(arg) && VALUES.has(arg.slice(0, 2)) ? arg.slice(0, 2) : arg;
    const attached = eq > 0 ? arg.slice(eq + 1) : name !== arg ? arg.slice(2) : undefined;
    if (attached !== undefined || FLAGS.has(name)) { valueOf(name, attached); i++; continue; }
    const next = argv[i + 1]?.value;
    valueOf(name, next);
    // An option not known to take no value: its next word is its value, or, were it a flag, the command.
    if (!VALUES.has(name) && next !== undefined && !next.startsWith('-')) read.starts.push(i + 1);
    i += 2;
  }
  if (i < argv.length) read.starts.push(i);
  return read;
}

/** The items after each `:::` (or `--arg-sep`), undefined when they come from files (`::::`, `-a`). */
function givenItems(argv: readonly Word[], from: number, read: Read): Word[] | undefined {
  const rest = argv.slice(from);
  if (read.fromFile || rest.some((w) => w.value === '::::' || w.value === '::::+')) return undefined;
  return rest.filter((w) => w.value !== read.argSep && w.value !== ':::+');
}

/** The commands parallel runs. */
export function unwrapParallel(command: ParallelInput): Derived[] {
  const argv = command.argv;
  const read = readOptions(argv);
  const out: Derived[] = [];
  // `parallel ::: 'dropdb a' 'dropdb b'`, `parallel < jobs.txt`: with no command, each input is a command line.
  const separator = (k: number): boolean => argv[k]?.value === read.argSep || argv[k]?.value.startsWith('::::') === true;
  if (argv[0] && read.starts.every(separator)) {
    const at = argv[0];
    const sep = argv.findIndex((w) => w.value === read.argSep);
    const lines = sep >= 0 ? givenItems(argv, sep, read) ?? []
      : command.stdin?.split('\n').filter((l) => l.trim() !== '').map((line) => placeholder(line.trim(), at)) ?? [];
    return lines.slice(0, MAX_ITEM_COMMANDS).map((line) => ({ kind: 'script', text: line.value, via: 'parallel', from: [line.dynamic ? at : line] }));
  }
  for (const start of read.starts) {
    const sep = argv.findIndex((w, k) => k >= start && (w.value === read.argSep || w.value.startsWith('::::') || w.value === ':::+'));
    const words = argv.slice(start, sep < 0 ? argv.length : sep);
    const last = words[words.length - 1];
    if (!last) continue;
    const slot = read.replace === undefined ? SLOT : new RegExp(`${escapeRegExp(read.replace)}|${SLOT.source}`, 'g');
    const slots = read.plus ? new RegExp(`${slot.source}|\\{[^}]*\\}`, 'g') : new RegExp(slot.source, 'g');
    const slotted = words.some((w) => new RegExp(slots.source).test(w.value));
    const items = sep >= 0 ? givenItems(argv, sep, read) ?? []
      : command.stdin?.split('\n').filter((l) => l.trim() !== '').map((line) => placeholder(line.trim(), last)) ?? [];
    const unknown = sep >= 0 ? givenItems(argv, sep, read) === undefined : command.stdin === undefined;
    // `{= $_="x" =}`, and with `--plus` or `--rpl` any `{…}`: the item may become any word.
    const perl = words.some((w) => /\{=[\s\S]*=\}/.test(w.value) || (read.plus && /\{[^}]*\}/.test(w.value)));
    const each = (item: Word | undefined, group?: readonly Word[]): Derived => {
      const runtime = perl ? 'words' : item ? item.runtime : itemRuntime(sep >= 0 ? undefined : command.stdinListing, !slotted);
      // `--colsep ,`: `{1}`, `{2}` are the item's columns; with `-N2`, the group's items.
      const columns = group?.map((w) => w.value) ?? (item && read.colsep !== undefined ? item.value.split(read.colsep) : undefined);
      // parallel quotes what it puts in a slot; an item only known at run time is what it may be.
      // Inside a larger word (`-{}`), an item only known at run time is any word, whatever it was read from.
      const itemText = (m: string, at: number, line: string): string => {
        if (item && !perl && !item.dynamic) {
          const n = /^\{(\d+)/.exec(m)?.[1];
          if (columns && n !== undefined) return quote(columns[Number(n) - 1] ?? '');
          return group ? group.map((w) => quote(w.value)).join(' ') : quote(item.value);
        }
        const whole = (at === 0 || /\s/.test(line[at - 1] ?? '')) && /^(?:\s|$)/.test(line.slice(at + m.length));
        return !whole ? RUNTIME_TEXT.word : runtime ? RUNTIME_TEXT[runtime] : '1';
      };
      // Without `-q`, parallel joins the command's words and hands the line to a shell
      // (`parallel git push 'origin --force' ::: main` runs `git push origin --force main`).
      if (!read.quoted) {
        const line = words.map((w) => w.value).join(' ');
        const appended = columns && !slotted ? columns.map(quote).join(' ') : itemText('{}', line.length + 1, `${line} {}`);
        return { kind: 'script', text: slotted ? line.replace(slots, (m, at: number) => itemText(m, at, line)) : `${line} ${appended}`, via: 'parallel', from: [last] };
      }
      const filled = slotted
        ? words.map((w) => {
          if (!new RegExp(slot.source).test(w.value)) return w;
          // Inside a larger word (`-{}`), an item only known at run time is any word, whatever it was read from.
          const whole = new RegExp(`^(?:${slot.source})$`).test(w.value);
          const unknown = perl || !item || item.dynamic;
          return placeholder(w.value.replace(new RegExp(slot.source, 'g'), () => (unknown ? '{}' : item.value)), w, !unknown ? undefined : whole ? runtime : 'word');
        })
        : [...words, ...(!item ? [placeholder('{}', last, runtime)] : columns ? columns.map((v) => ({ ...placeholder(v, item), dynamic: item.dynamic })) : [item])];
      return { kind: 'argv', words: filled, via: 'parallel' };
    };
    out.push(...items.slice(0, MAX_ITEM_COMMANDS).map((item) => each(item)));
    // Grouped, the items may share a command: read all of them in one (it asks no less than any group).
    const first = items[0];
    if (read.grouped && first && items.length > 1) out.push(each({ ...first, value: items.map((w) => w.value).join(' ') }, items));
    if (unknown || items.length === 0 || items.length > MAX_ITEM_COMMANDS) out.push(each(undefined));
  }
  return out;
}

/** parallel's replacement strings: `{}`, `{.}`, `{/}`, `{//}`, `{/.}`, `{#}`, `{%}`, `{1}`, `{2.}`, `{= perl =}`… */
const SLOT = /\{(?:\d*(?:\.|\/|\/\/|\/\.|#|%)?)\}|\{=[\s\S]*?=\}/g;

/** A value as a shell reads it back as one word. */
function quote(value: string): string {
  return `'${value.replace(/'/g, "'\\''")}'`;
}

