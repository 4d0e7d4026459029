// Airlock's lines in an ignore file that also holds the user's own: one block between two marker
// comments, at the top so the user's later lines can still hide more. The opening marker carries
// a checksum of the block as Airlock wrote it, so a block someone else edited is told apart from
// one that is merely out of date — the file travels with the repository, and so does the mark.
// Nothing the user wrote is lost: lines someone added inside the block are kept, above it.
import ignore from 'ignore';

const BEGIN = '# >>> Airlock: files protected from AI agents. Generated from the airlock.protectedPaths setting; edit that, not these lines.';
const END = '# <<< Airlock <<<';
const DISABLED = '# Airlock disabled this line: it exposed files the airlock.protectedPaths setting protects (add exceptions to airlock.allowedPaths instead): ';

export type BlockStatus = 'created' | 'updated' | 'unchanged' | 'restored';

export interface BlockMerge {
  readonly text: string;
  /** `restored`: the block was edited by someone else and is written again. */
  readonly status: BlockStatus;
  /** Lines someone else added inside the block, now kept above it. */
  readonly kept: readonly string[];
  /** The user's negations that exposed protected files, now commented out. */
  readonly disabled: readonly string[];
}

interface Found {
  readonly start: number;
  /** Index after the closing marker (or the file's end when it is missing). */
  readonly end: number;
  readonly checksum: string | undefined;
  readonly lines: readonly string[];
  readonly closed: boolean;
}

/** FNV-1a: enough to notice an edit; the block is no secret and needs no cryptographic hash. */
function checksum(lines: readonly string[]): string {
  let h = 0x811c9dc5;
  for (const ch of lines.join('\n')) {
    h ^= ch.codePointAt(0) ?? 0;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

function findBlock(lines: readonly string[]): Found | undefined {
  const start = lines.findIndex((l) => l.startsWith(BEGIN));
  if (start < 0) return undefined;
  const close = lines.indexOf(END, start + 1);
  const end = close < 0 ? lines.length : close + 1;
  const mark = / · ([0-9a-f]{8})$/.exec(lines[start] ?? '');
  return { start, end, checksum: mark?.[1], lines: lines.slice(start + 1, close < 0 ? lines.length : close), closed: close >= 0 };
}

interface Split {
  readonly lines: string[];
  readonly eol: string;
  /** The user's last line had no line break: it keeps having none. */
  readonly open: boolean;
}

function splitLines(text: string): Split {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(/\r?\n/);
  const open = lines.at(-1) !== '';
  if (!open) lines.pop();
  return { lines, eol, open };
}

function join(lines: readonly string[], { eol, open }: Split): string {
  return lines.length === 0 ? '' : lines.join(eol) + (open ? '' : eol);
}

/** The file's text with Airlock's block holding `wanted`; `text` undefined: no file yet. */
export function mergeBlock(text: string | undefined, wanted: readonly string[], samples: readonly string[] = []): BlockMerge {
  const split = splitLines(text ?? '');
  const { lines } = split;
  const block = [`${BEGIN} · ${checksum(wanted)}`, ...wanted, END];
  const found = findBlock(lines);
  let status: BlockStatus;
  let kept: string[] = [];
  let out: string[];
  if (!found) {
    status = 'created';
    out = [...block, ...lines];
  } else {
    const edited = !found.closed || found.checksum !== checksum(found.lines);
    kept = edited ? found.lines.filter((l) => l.trim() !== '' && !wanted.includes(l)) : [];
    status = edited ? 'restored' : sameLines(found.lines, wanted) ? 'unchanged' : 'updated';
    out = [...lines.slice(0, found.start), ...kept, ...block, ...lines.slice(found.end)];
  }
  const { lines: final, disabled } = disableExposingLines(out, block.length + out.indexOf(block[0] ?? ''), wanted, samples);
  if (disabled.length > 0 && status === 'unchanged') status = 'restored';
  return { text: join(final, split), status, kept, disabled };
}

function sameLines(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((l, i) => l === b[i]);
}

/**
 * The user's `!` lines after the block that re-include a protected sample path are commented
 * out: gitignore lets the last match win, so they would undo the block.
 */
function disableExposingLines(lines: readonly string[], after: number, wanted: readonly string[], samples: readonly string[]): { lines: string[]; disabled: string[] } {
  const hidden = samples.filter((s) => ignore().add([...wanted]).ignores(s));
  const disabled: string[] = [];
  const out = [...lines];
  if (hidden.length === 0) return { lines: out, disabled };
  for (let i = after; i < out.length; i++) {
    const line = out[i] ?? '';
    if (!line.startsWith('!')) continue;
    const before = ignore().add([...wanted, ...out.slice(after, i)]);
    const withLine = ignore().add([...wanted, ...out.slice(after, i + 1)]);
    if (hidden.some((s) => before.ignores(s) && !withLine.ignores(s))) {
      out[i] = DISABLED + line;
      disabled.push(line);
    }
  }
  return { lines: out, disabled };
}

/** The text without Airlock's block: what the user had before the first sync. */
export function removeBlock(text: string): string {
  const split = splitLines(text);
  const found = findBlock(split.lines);
  if (!found) return text;
  return join([...split.lines.slice(0, found.start), ...split.lines.slice(found.end)], split);
}

/** True when the text holds Airlock's block. */
export function hasBlock(text: string): boolean {
  return findBlock(splitLines(text).lines) !== undefined;
}
