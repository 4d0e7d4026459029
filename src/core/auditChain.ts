// The audit log's tamper evidence: each line carries the hash of the line before it (`prev`) and
// its own (`hash`, over `prev` and its content). An edited line fails its own hash; a removed or
// reordered line breaks the next line's `prev`; lines cut off the end, or a deleted log, are found
// by the anchor (the count and last hash, kept beside the log). The hash function is handed in
// (core does no I/O and loads no crypto): the writers hand in HMAC-SHA256 under a key kept outside
// the log, so an edit cannot be hidden by recomputing the chain.
import type { AuditRecord } from './audit';

export type HashText = (text: string) => string;

/** The `prev` of the very first record. */
export const GENESIS = '0'.repeat(64);

export interface ChainedRecord extends AuditRecord {
  readonly prev: string;
  readonly hash: string;
}

function content(record: Omit<ChainedRecord, 'hash' | 'prev'>, prev: string): string {
  return prev + JSON.stringify(record);
}

/** The line to append after a record whose hash is `prev`. */
export function chainLine(record: AuditRecord, prev: string, hash: HashText): { line: string; hash: string } {
  // A record that carries a `prev` of its own (from another log) is re-linked into this one.
  const body: AuditRecord = { ...record };
  delete (body as { prev?: string }).prev;
  const own = hash(content(body, prev));
  return { line: JSON.stringify({ ...body, prev, hash: own }), hash: own };
}

export type ChainCheck =
  | { readonly ok: true; readonly last: string; readonly count: number }
  | { readonly ok: false; readonly index: number; readonly reason: string };

/**
 * Checks lines in order, starting after `prev`. `index` is 0-based into `lines`; empty lines
 * (a trailing newline) are skipped.
 */
export function verifyChain(lines: readonly string[], hash: HashText, prev: string = GENESIS, seen?: (hash: string) => void): ChainCheck {
  let expected = prev;
  let count = 0;
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      return { ok: false, index, reason: 'the line is not JSON (edited or truncated)' };
    }
    const r = parsed as Partial<ChainedRecord>;
    if (typeof r.prev !== 'string' || typeof r.hash !== 'string') return { ok: false, index, reason: 'the line has no hash chain fields' };
    if (r.prev !== expected) return { ok: false, index, reason: 'it does not follow the line before it (a line was removed, inserted or reordered)' };
    const { hash: stored, prev: linkPrev, ...body } = r as ChainedRecord;
    if (hash(content(body, linkPrev)) !== stored) return { ok: false, index, reason: 'its content does not match its hash (the line was edited)' };
    expected = stored;
    count++;
    seen?.(stored);
  }
  return { ok: true, last: expected, count };
}

/** The log's last record as its writer left it: how many there are and the last one's hash. */
export interface Anchor {
  readonly records: number;
  readonly hash: string;
  readonly mac: string;
}

const anchorText = (records: number, hash: string): string => `airlock audit anchor\n${records}\n${hash}`;

export function anchorFor(records: number, last: string, hash: HashText): Anchor {
  return { records, hash: last, mac: hash(anchorText(records, last)) };
}

/** Whether `value` is an anchor this key wrote. */
export function anchorValid(value: unknown, hash: HashText): value is Anchor {
  const a = value as Partial<Anchor> | null;
  return typeof a === 'object' && a !== null && typeof a.records === 'number' && Number.isInteger(a.records) && a.records >= 0
    && typeof a.hash === 'string' && typeof a.mac === 'string' && hash(anchorText(a.records, a.hash)) === a.mac;
}
