// Airlock's lines in an ignore file that also holds the user's own: one block between two marker
// comments, at the top so the user's later lines can still hide more. The opening marker carries
// a checksum of the block as Airlock wrote it, so a block someone else edited is told apart from
// one that is merely out of date — the file travels with the repository, and so does the mark.
// Nothing the user wrote is lost: lines someone added inside the block are kept, above it.
import ignore from 'ignore';
import { samplePath } from './ignoreLines';

const BEGIN = '# >>> Airlock: files protected from AI agents. Generated from the airlock.protectedPaths setting; edit that, not these lines.';
const END = '# <<< Airlock <<<';
const DISABLED = '# Airlock disabled this line: it exposed files the airlock.protectedPaths setting protects (add exceptions to airlock.allowedPaths instead): ';

export type BlockStatus = 'created' | 'updated' | 'unchanged' | 'restored';

/** What a user's `!` line after the block must not re-include. */
export interface Exposure {
  /** A path per protected glob (`.env.x` for `.env.*`). */
  readonly samples: readonly string[];
  readonly isProtected: (path: string) => boolean;
}

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
  /** A byte-order mark some Windows editors write: kept, and not in the way of the marker. */
  readonly bom: boolean;
}

function splitLines(text: string): Split {
  const bom = text.startsWith('\uFEFF');
  const body = bom ? text.slice(1) : text;
  const eol = body.includes('\r\n') ? '\r\n' : '\n';
  const lines = body.split(/\r?\n/);
  const open = lines.at(-1) !== '';
  if (!open) lines.pop();
  return { lines, eol, open, bom };
}

function join(lines: readonly string[], { eol, open, bom }: Split): string {
  return (bom ? '\uFEFF' : '') + (lines.length === 0 ? '' : lines.join(eol) + (open ? '' : eol));
}

/** Further copies of the block (a merge, a paste) go; lines someone added to them stay. */
function withoutOtherBlocks(lines: readonly string[], wanted: readonly string[]): string[] {
  let out = [...lines];
  for (let found = findBlock(out); found; found = findBlock(out)) {
    out = [...out.slice(0, found.start), ...found.lines.filter((l) => l.trim() !== '' && !wanted.includes(l)), ...out.slice(found.end)];
  }
  return out;
}

/** The file's text with Airlock's block holding `wanted`; `text` undefined: no file yet. */
export function mergeBlock(text: string | undefined, wanted: readonly string[], exposure?: Exposure): BlockMerge {
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
    const rest = withoutOtherBlocks(lines.slice(found.end), wanted);
    status = edited ? 'restored' : !sameLines(found.lines, wanted) ? 'updated' : rest.length !== lines.length - found.end ? 'restored' : 'unchanged';
    out = [...lines.slice(0, found.start), ...kept, ...block, ...rest];
  }
  const after = out.indexOf(block[0] ?? '') + block.length;
  const { lines: final, disabled } = exposure ? disableExposingLines(out, after, wanted, exposure) : { lines: out, disabled: [] };
  if (disabled.length > 0 && status === 'unchanged') status = 'restored';
  return { text: join(final, split), status, kept, disabled };
}

function sameLines(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((l, i) => l === b[i]);
}

/**
 * The user's `!` lines after the block that re-include a protected path are commented out:
 * gitignore lets the last match win, so they would undo the block. A line is tried on each
 * protected glob's sample and on a path it names itself (`!.env.p*` → `.env.px`).
 */
function disableExposingLines(lines: readonly string[], after: number, wanted: readonly string[], exposure: Exposure): { lines: string[]; disabled: string[] } {
  const block = ignore().add([...wanted]);
  const hidden = (paths: readonly string[]): string[] => paths.filter((p) => p !== '' && exposure.isProtected(p) && block.ignores(p));
  const samples = hidden(exposure.samples);
  const disabled: string[] = [];
  const out = [...lines];
  for (let i = after; i < out.length; i++) {
    const line = out[i] ?? '';
    if (!line.startsWith('!')) continue;
    const candidates = [...samples, ...hidden([samplePath(line.slice(1).replace(/^\//, ''))])];
    const before = ignore().add([...wanted, ...out.slice(after, i)]);
    const withLine = ignore().add([...wanted, ...out.slice(after, i + 1)]);
    if (candidates.some((s) => before.ignores(s) && !withLine.ignores(s))) {
      out[i] = DISABLED + line;
      disabled.push(line);
    }
  }
  return { lines: out, disabled };
}

/**
 * The text without Airlock's block: what the user had before the first sync. A block whose
 * closing marker is gone loses only its opening marker: where it ended is unknown, and the
 * lines after it may be the user's.
 */
export function removeBlock(text: string): string {
  const split = splitLines(text);
  let lines = split.lines;
  for (let found = findBlock(lines); found; found = findBlock(lines)) {
    lines = found.closed ? [...lines.slice(0, found.start), ...lines.slice(found.end)] : [...lines.slice(0, found.start), ...lines.slice(found.start + 1)];
  }
  return lines === split.lines ? text : join(lines, split);
}

/** True when the text holds Airlock's block. */
export function hasBlock(text: string): boolean {
  return findBlock(splitLines(text).lines) !== undefined;
}
