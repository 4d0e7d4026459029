// The one audit log every gate writes: the editor's windows, the hooks and the terminal gate. It
// lives in the per-user state directory: `audit.jsonl`, rotated into `audit-N.jsonl` at a size
// limit with the chain carried across, each line chained by HMAC-SHA256 under `audit.key` (kept
// beside it, read by Airlock only: agents' reads of it are protected, their writes guarded), and
// `audit.anchor`, the count and last hash, so a log cut short or deleted is noticed. One writer at
// a time holds the lock (auditLock.ts). A write that fails — a full disk, an unwritable folder, a
// lock that stays busy — leaves the log as it was and says so; the caller queues the record
// (auditQueue.ts), and the next write takes the queue in.
import { createHmac, randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs';
import { join } from 'node:path';
import type { AuditRecord } from '../core/audit';
import { GENESIS, anchorFor, anchorValid, chainLine, verifyChain, type ChainedRecord, type HashText } from '../core/auditChain';
import { AuditLock, type Holder } from './auditLock';
import { QUEUE_DIR, queueRecord, queuedFiles } from './auditQueue';

type Env = Readonly<Record<string, string | undefined>>;

const CURRENT = 'audit.jsonl';
const ROTATED = /^audit-(\d+)\.jsonl$/;
const KEY = 'audit.key';
const ANCHOR = 'audit.anchor';
/** Enough of a file's end to hold its last record. */
const TAIL_BYTES = 64 * 1024;
export const KEY_REPLACED = 'airlock.audit-key-replaced';
export const CUT_REPAIRED = 'airlock.audit-cut-repaired';

export type AppendResult = { readonly ok: true } | { readonly ok: false; readonly problem: string };

export type VerifyResult =
  | { readonly ok: true; readonly records: number; readonly files: number; readonly queued: number; readonly note?: string }
  | { readonly ok: false; readonly reason: string; readonly file?: string; readonly line?: number };

/** The file system the log is written through: node's, or a test's that fails on purpose. */
export type AuditFs = typeof nodeFs;

export interface AuditStoreOptions {
  /** Tests inject failures (a full disk, an unwritable folder) here. */
  readonly fs?: AuditFs;
  /** The environment the queue's folders come from (the state directory, the fallback). */
  readonly env: Env;
  readonly maxBytes?: number;
  /** How long a write waits for another writer; the editor keeps this short (it runs on its one thread). */
  readonly lockWaitMs?: number;
  readonly alive?: (holder: Holder) => boolean;
}

function errorText(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  return e?.code === 'ENOSPC' ? 'the disk is full' : e instanceof Error ? e.message : String(error);
}

/** A record the log writes about itself: a repair, a replaced key. */
function logNote(rule: string, subject: string, summary: string): AuditRecord {
  return {
    time: new Date().toISOString(), source: 'observer', actor: 'airlock', kind: 'write', subject,
    verdict: { decision: 'deny', risk: 'high', tier: 'unknown', rules: [rule] },
    decision: 'deny', decidedBy: 'error', reason: summary,
  };
}

function isRecord(value: unknown): value is AuditRecord {
  const r = value as Partial<AuditRecord> | null;
  return typeof r === 'object' && r !== null && typeof r.time === 'string' && typeof r.subject === 'string' && typeof r.decision === 'string'
    && typeof r.verdict === 'object' && r.verdict !== null && Array.isArray(r.verdict.rules);
}

function readLines(fs: AuditFs, file: string): string[] {
  return fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '');
}

export class AuditStore {
  /** Called after records are written (the audit view refreshes). */
  onAppend: (() => void) | undefined;
  /** Called when writing starts failing (with why) and when it works again (undefined). */
  onProblem: ((problem: string | undefined) => void) | undefined;
  private problem: string | undefined;
  private readonly lock: AuditLock;
  private readonly fs: AuditFs;

  constructor(readonly dir: string, private readonly options: AuditStoreOptions) {
    this.fs = options.fs ?? nodeFs;
    this.lock = new AuditLock(dir, { waitMs: options.lockWaitMs ?? 3000, fs: this.fs, ...(options.alive ? { alive: options.alive } : {}) });
  }

  /** Why the last write failed, while it keeps failing. */
  get failing(): string | undefined {
    return this.problem;
  }

  /** Files oldest first, the current one last. */
  files(): string[] {
    if (!this.fs.existsSync(this.dir)) return [];
    const rotated = this.fs.readdirSync(this.dir).filter((f) => ROTATED.test(f)).sort((a, b) => Number(ROTATED.exec(a)?.[1]) - Number(ROTATED.exec(b)?.[1]));
    return [...rotated, ...(this.fs.existsSync(join(this.dir, CURRENT)) ? [CURRENT] : [])].map((f) => join(this.dir, f));
  }

  /** Chains `record`, and whatever waits in the queue before it. */
  append(record: AuditRecord): AppendResult {
    return this.write([record]);
  }

  /** Chains the record, or queues it when the chain cannot take it now. */
  keep(record: AuditRecord): AppendResult {
    const result = this.append(record);
    if (!result.ok) queueRecord(record, this.options.env);
    return result;
  }

  /** Chains what waits in the queue; returns how many records were taken in. */
  absorb(): number {
    if (queuedFiles(this.options.env).length === 0) return 0;
    let taken = 0;
    this.write([], (n) => (taken = n));
    return taken;
  }

  private write(records: readonly AuditRecord[], taken?: (queued: number) => void): AppendResult {
    try {
      this.fs.mkdirSync(this.dir, { recursive: true, mode: 0o700 });
      this.lock.with(() => {
        const queued = this.chain(records);
        taken?.(queued);
      });
    } catch (error) {
      const problem = `Airlock could not write its audit log in ${this.dir}: ${errorText(error)}`;
      if (problem !== this.problem) {
        this.problem = problem;
        this.onProblem?.(problem);
      }
      return { ok: false, problem };
    }
    if (this.problem !== undefined) {
      this.problem = undefined;
      this.onProblem?.(undefined);
    }
    this.onAppend?.();
    return { ok: true };
  }

  private key(): Buffer | undefined {
    try {
      const text = this.fs.readFileSync(join(this.dir, KEY), 'utf8').trim();
      return /^[0-9a-f]{64}$/.test(text) ? Buffer.from(text, 'hex') : undefined;
    } catch {
      return undefined;
    }
  }

  private static mac(key: Buffer): HashText {
    return (text) => createHmac('sha256', key).update(text).digest('hex');
  }

  /** Under the lock: the queue and `records` go onto the chain. Returns how many queued records went in. */
  private chain(records: readonly AuditRecord[]): number {
    const notes: AuditRecord[] = [];
    const current = join(this.dir, CURRENT);
    let key = this.key();
    let legacy: string | undefined;
    if (!key) {
      const existing = this.files();
      const chained = existing.some((f) => readLines(this.fs, f).some((l) => l.includes('"hash":')));
      if (chained || this.fs.existsSync(join(this.dir, ANCHOR))) {
        notes.push(logNote(KEY_REPLACED, join(this.dir, KEY), 'The audit key was missing or unreadable, so Airlock made a new one: the records before this one can no longer be verified'));
      } else if (this.fs.existsSync(current)) {
        // The hooks' log from before the chain: taken in as records.
        legacy = join(this.dir, `audit.legacy-${Date.now()}.jsonl`);
        this.fs.renameSync(current, legacy);
      }
      const fresh = randomBytes(32).toString('hex');
      const keyFile = join(this.dir, KEY);
      this.fs.writeFileSync(`${keyFile}.tmp`, fresh + '\n', { mode: 0o600 });
      this.fs.renameSync(`${keyFile}.tmp`, keyFile);
      key = Buffer.from(fresh, 'hex');
    }
    const mac = AuditStore.mac(key);
    const queued = queuedFiles(this.options.env);
    const incoming: AuditRecord[] = [];
    if (legacy) for (const line of readLines(this.fs, legacy)) this.parsed(line, incoming);
    const used: string[] = [];
    for (const file of queued) {
      let text: string;
      try {
        text = this.fs.readFileSync(file, 'utf8');
      } catch {
        continue; // taken in by another writer meanwhile
      }
      if (!this.parsed(text, incoming)) this.fs.renameSync(file, `${file}.unreadable`);
      else used.push(file);
    }
    let prev: string;
    let count: number;
    let size: number;
    const fd = this.fs.openSync(current, 'a+', 0o600);
    try {
      size = this.cutTail(fd, current, notes);
      prev = this.lastHash(fd, size, mac);
      count = this.count(prev, mac);
    } finally {
      this.fs.closeSync(fd);
    }
    if (size >= (this.options.maxBytes ?? 5 * 1024 * 1024)) this.fs.renameSync(current, join(this.dir, `audit-${this.nextIndex()}.jsonl`));
    let text = '';
    for (const record of [...notes, ...incoming, ...records]) {
      const { line, hash } = chainLine(record, prev, mac);
      text += line + '\n';
      prev = hash;
      count++;
    }
    const out = this.fs.openSync(current, 'a', 0o600);
    try {
      const before = this.fs.fstatSync(out).size;
      try {
        const buffer = Buffer.from(text, 'utf8');
        for (let at = 0; at < buffer.length;) at += this.fs.writeSync(out, buffer, at, buffer.length - at);
      } catch (error) {
        this.fs.ftruncateSync(out, before); // never leave half a line for the next writer
        throw error;
      }
    } finally {
      this.fs.closeSync(out);
    }
    this.writeAnchor(anchorFor(count, prev, mac));
    for (const file of used) {
      try {
        this.fs.unlinkSync(file);
      } catch {
        // already gone
      }
    }
    if (legacy) this.fs.unlinkSync(legacy);
    return used.length;
  }

  private parsed(text: string, into: AuditRecord[]): boolean {
    try {
      const value = JSON.parse(text) as unknown;
      if (!isRecord(value)) return false;
      into.push(value);
      return true;
    } catch {
      return false;
    }
  }

  /**
   * A writer killed mid-line (or a full disk no truncate could undo) leaves a line with no end: it
   * is moved aside into a file of its own, and a note about it goes on the chain, so nothing is
   * appended onto it. Returns the file's size after.
   */
  private cutTail(fd: number, file: string, notes: AuditRecord[]): number {
    const size = this.fs.fstatSync(fd).size;
    if (size === 0) return 0;
    const length = Math.min(size, TAIL_BYTES);
    const tail = Buffer.alloc(length);
    this.fs.readSync(fd, tail, 0, length, size - length);
    if (tail[length - 1] === 0x0a) return size;
    const lastNewline = tail.lastIndexOf(0x0a);
    const keep = lastNewline === -1 ? size - length : size - length + lastNewline + 1;
    const fragment = join(this.dir, `audit.cut-${Date.now()}.txt`);
    this.fs.writeFileSync(fragment, tail.subarray(lastNewline + 1), { mode: 0o600 });
    this.fs.ftruncateSync(fd, keep);
    notes.push(logNote(CUT_REPAIRED, file, `The log ended in a line cut short (${size - keep} bytes: a writer was stopped mid-record); it was moved to ${fragment}`));
    return keep;
  }

  private lastHash(fd: number, size: number, mac: HashText): string {
    if (size > 0) return this.tailHash(fd, size, mac);
    for (const file of this.files().reverse().slice(1)) {
      const own = this.fs.openSync(file, 'r');
      try {
        const fileSize = this.fs.fstatSync(own).size;
        if (fileSize > 0) return this.tailHash(own, fileSize, mac);
      } finally {
        this.fs.closeSync(own);
      }
    }
    return GENESIS;
  }

  private tailHash(fd: number, size: number, mac: HashText): string {
    const length = Math.min(size, TAIL_BYTES);
    const buffer = Buffer.alloc(length);
    this.fs.readSync(fd, buffer, 0, length, size - length);
    const tail = buffer.toString('utf8').trimEnd().split('\n').pop()?.trim() ?? '';
    try {
      const hash = (JSON.parse(tail) as Partial<ChainedRecord>).hash;
      if (typeof hash === 'string') return hash;
    } catch {
      // damaged: below
    }
    return mac(tail); // the chain goes on; verify reports the damaged line
  }

  /** How many records the chain holds up to `last`: the anchor's count when it names `last`, else counted. */
  private count(last: string, mac: HashText): number {
    const anchor = this.anchor();
    if (anchorValid(anchor, mac) && anchor.hash === last) return anchor.records;
    return this.files().reduce((n, f) => n + readLines(this.fs, f).length, 0);
  }

  private anchor(): unknown {
    try {
      return JSON.parse(this.fs.readFileSync(join(this.dir, ANCHOR), 'utf8')) as unknown;
    } catch {
      return undefined;
    }
  }

  private writeAnchor(anchor: object): void {
    const file = join(this.dir, ANCHOR);
    try {
      this.fs.writeFileSync(`${file}.tmp`, JSON.stringify(anchor) + '\n', { mode: 0o600 });
      this.fs.renameSync(`${file}.tmp`, file);
    } catch {
      // The records are written; the next write counts them again.
    }
  }

  /** Rotated files are numbered in order; a number is never reused. */
  private nextIndex(): number {
    const taken = this.fs.readdirSync(this.dir).map((f) => Number(ROTATED.exec(f)?.[1] ?? 0));
    return Math.max(0, ...taken) + 1;
  }

  /** Chained records oldest first (damaged lines skipped); with `currentOnly`, only the current file's. */
  records(currentOnly = false): ChainedRecord[] {
    const out: ChainedRecord[] = [];
    const files = this.files();
    for (const file of currentOnly ? files.slice(-1) : files) {
      for (const line of readLines(this.fs, file)) {
        try {
          out.push(JSON.parse(line) as ChainedRecord);
        } catch {
          // reported by verify()
        }
      }
    }
    return out;
  }

  /** Records waiting in the queue, oldest first. */
  queued(): AuditRecord[] {
    const out: AuditRecord[] = [];
    for (const file of queuedFiles(this.options.env)) {
      try {
        this.parsed(this.fs.readFileSync(file, 'utf8'), out);
      } catch {
        // taken in meanwhile
      }
    }
    return out;
  }

  verify(): VerifyResult {
    const files = this.files();
    const queued = queuedFiles(this.options.env).length;
    const key = this.key();
    const anchor = this.anchor();
    if (!key) {
      if (anchor !== undefined || files.some((f) => readLines(this.fs, f).some((l) => l.includes('"hash":')))) {
        return { ok: false, reason: `the audit key ${join(this.dir, KEY)} is missing or unreadable, so no record can be verified (was it deleted?)` };
      }
      const legacy = files.reduce((n, f) => n + readLines(this.fs, f).length, 0);
      return { ok: true, records: 0, files: 0, queued: queued + legacy, ...(legacy > 0 ? { note: `${legacy} records from before the chain are taken in with the next decision` } : {}) };
    }
    const mac = AuditStore.mac(key);
    let prev = GENESIS;
    let records = 0;
    let anchored: string | undefined;
    const valid = anchorValid(anchor, mac) ? anchor : undefined;
    const wanted = valid?.records;
    for (const file of files) {
      const lines = this.fs.readFileSync(file, 'utf8').split('\n');
      const check = verifyChain(lines, mac, prev, (hash) => {
        records++;
        if (records === wanted) anchored = hash;
      });
      if (!check.ok) {
        const replaced = lines.slice(check.index).some((l) => l.includes(`"${KEY_REPLACED}"`)) || files.slice(files.indexOf(file) + 1).some((f) => this.fs.readFileSync(f, 'utf8').includes(`"${KEY_REPLACED}"`));
        return { ok: false, file, line: check.index + 1, reason: replaced ? 'the audit key was replaced after this line (its old key was deleted), so the records before the replacement cannot be verified' : check.reason };
      }
      prev = check.last;
    }
    if (anchor === undefined) {
      return records === 0 ? { ok: true, records, files: files.length, queued } : { ok: false, reason: `the anchor ${join(this.dir, ANCHOR)} is missing (deleted?), so records cut off the end would go unnoticed` };
    }
    if (wanted === undefined) return { ok: false, reason: `the anchor ${join(this.dir, ANCHOR)} was edited (it does not match the key)` };
    if (records < wanted) {
      return { ok: false, reason: files.length === 0 ? `the audit log was deleted: its anchor counts ${wanted} records` : `${wanted - records} record${wanted - records === 1 ? ' is' : 's are'} missing from the end of the log (it was cut short or a file was deleted)` };
    }
    if (wanted > 0 && anchored !== valid?.hash) return { ok: false, reason: `record ${wanted} is not the one the anchor names: the log was rewritten` };
    return { ok: true, records, files: files.length, queued, ...(records > wanted ? { note: `${records - wanted} record${records - wanted === 1 ? '' : 's'} after the anchor (a writer stopped before updating it)` } : {}) };
  }
}

/** The records in `files` (an earlier, separate log) go into the queue, to be chained in order. */
export function queueFromFiles(files: readonly string[], queue: (record: AuditRecord) => boolean): number {
  let moved = 0;
  for (const file of files) {
    for (const line of readLines(nodeFs, file)) {
      try {
        const value = JSON.parse(line) as unknown;
        if (!isRecord(value)) continue;
        // Its old links mean nothing in the new chain, which links it anew.
        const record: Record<string, unknown> = { ...value };
        delete record.hash;
        delete record.prev;
        if (queue(record as unknown as AuditRecord)) moved++;
      } catch {
        // a damaged line of the old log: it stays in the old file
      }
    }
  }
  return moved;
}

/** For doctor: whether `dir` holds files Airlock leaves when something went wrong. */
export function leftovers(dir: string): string[] {
  return [dir, join(dir, QUEUE_DIR)].flatMap((d) => (nodeFs.existsSync(d) ? nodeFs.readdirSync(d).map((f) => join(d, f)) : []))
    .filter((f) => /(?:^|\/)audit\.cut-\d+\.txt$/.test(f) || f.endsWith('.unreadable'))
    .filter((f) => nodeFs.statSync(f).isFile());
}
