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
import { QUEUE_DIR, isFallbackQueue, queueRecord, queuedFiles } from './auditQueue';
import { NotPlain, createPlain, openPlain, readPlain, replacePlain, type Fs } from './plainFiles';
import { TIERS } from '../core/verdict';

type Env = Readonly<Record<string, string | undefined>>;

const CURRENT = 'audit.jsonl';
const ROTATED = /^audit-(\d+)\.jsonl$/;
const KEY = 'audit.key';
const ANCHOR = 'audit.anchor';
/** Enough of a file's end to hold its last record (records are cut well below this). */
const TAIL_BYTES = 256 * 1024;
/** A queued record's file larger than this was not written by Airlock (its records hold a few KB; the rest is cut when chained). */
const QUEUED_MAX = 256 * 1024;
/** Queued bytes read per write, so a flood of big files never holds the editor's thread for long. */
const ABSORB_BYTES = 4 * 1024 * 1024;
/** Queued records taken in per write, so one write never holds the editor's thread for long. */
const ABSORB_BATCH = 500;
/** Rotated files are numbered 1, 2, …: a number beyond this was planted. */
const MAX_ROTATED = 1_000_000;
export const KEY_REPLACED = 'airlock.audit-key-replaced';
export const CUT_REPAIRED = 'airlock.audit-cut-repaired';
/** The writer found records missing, or the anchor gone or edited: the log was cut, deleted or rewritten. */
export const LOG_GAP = 'airlock.audit-gap';
/** Records taken in from the fallback queue under TMPDIR, which any process of the user's can write. */
export const FROM_FALLBACK = 'airlock.audit-fallback-queue';
/** Records Airlock writes about its own log: verify reports every one of them. */
const TAMPER_NOTES = [KEY_REPLACED, LOG_GAP];

export type AppendResult = { readonly ok: true } | { readonly ok: false; readonly problem: string };

export type VerifyResult =
  | { readonly ok: true; readonly records: number; readonly files: number; readonly queued: number; readonly note?: string }
  | { readonly ok: false; readonly reason: string; readonly file?: string; readonly line?: number };

/** The file system the log is written through: node's, or a test's that fails on purpose. */
export type AuditFs = Fs;

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

const SOURCES = new Set(['hook', 'terminal', 'task', 'observer']);
const KINDS = new Set(['command', 'read', 'write', 'mcp']);
const DECISIONS = new Set(['allow', 'deny', 'ask']);
const DECIDED_BY = new Set(['human', 'policy', 'timeout', 'error']);
const VERDICTS = new Set(['allow', 'confirm', 'deny']);
const RISKS = new Set(['none', 'low', 'high', 'critical']);
const TEXT_MAX = 4000;

const text = (v: unknown, max = TEXT_MAX): string | undefined => (typeof v === 'string' ? v.slice(0, max) : undefined);

/**
 * A record read back from a queue file or an earlier log, rebuilt field by field: a queue is
 * something other processes can write, so only the shape Airlock writes, with its lengths, goes on
 * the chain (and into the views that trust it). Undefined for anything else.
 */
function normalised(value: unknown): AuditRecord | undefined {
  const r = value as Record<string, unknown> | null;
  if (typeof r !== 'object' || r === null) return undefined;
  const v = r.verdict as Record<string, unknown> | null;
  if (typeof v !== 'object' || v === null) return undefined;
  const time = text(r.time, 40);
  if (time === undefined || Number.isNaN(Date.parse(time))) return undefined;
  if (!SOURCES.has(r.source as string) || !KINDS.has(r.kind as string) || !DECISIONS.has(r.decision as string) || !DECIDED_BY.has(r.decidedBy as string)) return undefined;
  if (!VERDICTS.has(v.decision as string) || !RISKS.has(v.risk as string) || !TIERS.includes(v.tier as never) || !Array.isArray(v.rules)) return undefined;
  const actor = text(r.actor, 100);
  const subject = text(r.subject);
  if (actor === undefined || subject === undefined) return undefined;
  const optional = (name: string, max = TEXT_MAX): Record<string, string> => (typeof r[name] === 'string' ? { [name]: (r[name]).slice(0, max) } : {});
  return {
    time, source: r.source as AuditRecord['source'], actor, kind: r.kind as AuditRecord['kind'], subject,
    ...optional('tool', 200), ...optional('cwd'),
    verdict: {
      decision: v.decision as AuditRecord['verdict']['decision'], risk: v.risk as AuditRecord['verdict']['risk'], tier: v.tier as AuditRecord['verdict']['tier'],
      ...(typeof v.environment === 'string' ? { environment: v.environment.slice(0, 200) } : {}),
      // The log's own notes are Airlock's to write: a queued record naming one is read without it.
      rules: v.rules.filter((x): x is string => typeof x === 'string' && !x.startsWith('airlock.audit-')).slice(0, 50).map((x) => x.slice(0, 100)),
    },
    decision: r.decision as AuditRecord['decision'], decidedBy: r.decidedBy as AuditRecord['decidedBy'], ...optional('reason'),
  };
}

/** The rules a chained line names (for the log's own notes); none for a line that is not a record. */
function rulesOf(line: string): string[] {
  try {
    const rules = (JSON.parse(line) as { verdict?: { rules?: unknown } }).verdict?.rules;
    return Array.isArray(rules) ? rules.filter((r): r is string => typeof r === 'string') : [];
  } catch {
    return [];
  }
}

function readLines(fs: AuditFs, file: string): string[] {
  return (readPlain(fs, file) ?? '').split('\n').filter((l) => l.trim() !== '');
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
    const current = join(this.dir, CURRENT);
    // A rotation stopped between its link and its unlink leaves the current file as the last rotated one, twice.
    const last = rotated.at(-1);
    const same = last !== undefined && this.fs.existsSync(current) && this.fs.statSync(current).ino === this.fs.statSync(join(this.dir, last)).ino;
    return [...rotated.map((f) => join(this.dir, f)), ...(this.fs.existsSync(current) && !same ? [current] : [])];
  }

  /** Finishes a rotation a writer was stopped in (see files()). */
  private finishRotation(): void {
    const current = join(this.dir, CURRENT);
    if (this.fs.existsSync(current) && !this.files().includes(current)) this.fs.unlinkSync(current);
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

  /** The key; undefined only when there is none. A key that cannot be read is an error, never replaced. */
  private key(): Buffer | undefined {
    const text = readPlain(this.fs, join(this.dir, KEY), 1024)?.trim();
    if (text === undefined) return undefined;
    if (!/^[0-9a-f]{64}$/.test(text)) throw new NotPlain(`the audit key ${join(this.dir, KEY)} is not one Airlock wrote (it holds something else)`);
    return Buffer.from(text, 'hex');
  }

  private static mac(key: Buffer): HashText {
    return (value) => createHmac('sha256', key).update(value).digest('hex');
  }

  /** Under the lock: the queue and `records` go onto the chain. Returns how many queued records went in. */
  private chain(records: readonly AuditRecord[]): number {
    this.finishRotation();
    const notes: AuditRecord[] = [];
    const current = join(this.dir, CURRENT);
    let key = this.key();
    let legacy: string | undefined;
    let fresh = false;
    if (!key) {
      const existing = this.files();
      const chained = existing.some((f) => readLines(this.fs, f).some((l) => l.includes('"hash":')));
      if (chained || this.fs.existsSync(join(this.dir, ANCHOR))) {
        notes.push(logNote(KEY_REPLACED, join(this.dir, KEY), 'The audit key was missing, so Airlock made a new one: the records before this one can no longer be verified'));
      } else if (this.fs.existsSync(current)) {
        // The hooks' log from before the chain: taken in as records (the file is kept until they are written).
        legacy = join(this.dir, `audit.legacy-${Date.now()}.jsonl`);
        this.fs.renameSync(current, legacy);
      }
      replacePlain(this.fs, join(this.dir, KEY), randomBytes(32).toString('hex') + '\n');
      key = this.key();
      if (!key) throw new NotPlain('the audit key could not be written');
      fresh = true;
    }
    const mac = AuditStore.mac(key);
    const incoming: AuditRecord[] = [];
    if (legacy) for (const line of readLines(this.fs, legacy)) this.parsed(line, incoming);
    const used: string[] = [];
    let fromFallback = 0;
    let bytes = 0;
    for (const file of queuedFiles(this.options.env).slice(0, ABSORB_BATCH)) {
      if (bytes > ABSORB_BYTES) break; // the rest with the next write
      let body: string | undefined;
      try {
        body = readPlain(this.fs, file, QUEUED_MAX);
      } catch {
        body = '';
      }
      if (body === undefined) continue; // taken in by another writer meanwhile
      bytes += body.length;
      if (!this.parsed(body, incoming)) {
        this.fs.renameSync(file, `${file}.unreadable`);
        continue;
      }
      used.push(file);
      if (isFallbackQueue(file, this.options.env)) {
        fromFallback++;
        // Each such record says so itself, wherever a view sorts it.
        const last = incoming.pop();
        if (last) incoming.push({ ...last, verdict: { ...last.verdict, rules: [...last.verdict.rules, FROM_FALLBACK] } });
      }
    }
    if (fromFallback > 0) notes.push(logNote(FROM_FALLBACK, `${fromFallback} record${fromFallback === 1 ? '' : 's'}`, 'These records come from the fallback queue under TMPDIR (the state folder could not be written), which any process of this user\'s can write'));
    let prev: string;
    let count: number;
    let size: number;
    const fd = openPlain(this.fs, current, nodeFs.constants.O_RDWR | nodeFs.constants.O_CREAT | nodeFs.constants.O_APPEND);
    try {
      size = this.cutTail(fd, current, notes);
      prev = this.lastHash(fd, size, mac);
      count = this.count(prev, mac, fresh, notes);
    } finally {
      this.fs.closeSync(fd);
    }
    if (size >= (this.options.maxBytes ?? 5 * 1024 * 1024)) this.rotate(current);
    // The notes first: they say what was found before these records came.
    let text = '';
    for (const record of [...notes, ...incoming, ...records]) {
      const { line, hash } = chainLine(record, prev, mac);
      text += line + '\n';
      prev = hash;
      count++;
    }
    const out = openPlain(this.fs, current, nodeFs.constants.O_WRONLY | nodeFs.constants.O_CREAT | nodeFs.constants.O_APPEND);
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

  private parsed(body: string, into: AuditRecord[]): boolean {
    try {
      const record = normalised(JSON.parse(body));
      if (!record) return false;
      into.push(record);
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
    const last = Buffer.alloc(1);
    this.fs.readSync(fd, last, 0, 1, size - 1);
    if (last[0] === 0x0a) return size;
    // Back to the end of the last whole line, however long the cut one is.
    const keep = this.lineStart(fd, size);
    const fragment = Buffer.alloc(size - keep);
    this.fs.readSync(fd, fragment, 0, fragment.length, keep);
    const aside = join(this.dir, `audit.cut-${Date.now()}-${process.pid}.txt`);
    createPlain(this.fs, aside, fragment);
    this.fs.ftruncateSync(fd, keep);
    notes.push(logNote(CUT_REPAIRED, file, `The log ended in a line cut short (${size - keep} bytes: a writer was stopped mid-record); it was moved to ${aside}`));
    return keep;
  }

  /** Where the line holding the byte before `end` starts: just after the last newline before it, or 0. */
  private lineStart(fd: number, end: number): number {
    for (let to = end; to > 0;) {
      const length = Math.min(to, TAIL_BYTES);
      const chunk = Buffer.alloc(length);
      this.fs.readSync(fd, chunk, 0, length, to - length);
      const newline = chunk.lastIndexOf(0x0a);
      if (newline !== -1) return to - length + newline + 1;
      to -= length;
    }
    return 0;
  }

  private lastHash(fd: number, size: number, mac: HashText): string {
    if (size > 0) return this.tailHash(fd, size, mac);
    for (const file of this.files().reverse().slice(1)) {
      const own = openPlain(this.fs, file, nodeFs.constants.O_RDONLY);
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
    // Back to the start of the last line, however long it is (the file ends in a newline).
    const start = this.lineStart(fd, size - 1);
    const buffer = Buffer.alloc(size - start);
    this.fs.readSync(fd, buffer, 0, buffer.length, start);
    const tail = buffer.toString('utf8').trim();
    try {
      const hash = (JSON.parse(tail) as Partial<ChainedRecord>).hash;
      if (typeof hash === 'string') return hash;
    } catch {
      // damaged: below
    }
    return mac(tail); // the chain goes on; verify reports the damaged line
  }

  /**
   * How many records the chain holds up to `last`. The anchor's count when it names `last`; else
   * counted, and when the anchor says records are gone (fewer than it counts, or its record is not
   * where it says), missing or edited, a note goes on the chain: a later write never hides a cut.
   */
  private count(last: string, mac: HashText, freshKey: boolean, notes: AuditRecord[]): number {
    const anchor = this.anchor();
    const valid = anchorValid(anchor, mac) ? anchor : undefined;
    if (valid && valid.hash === last) return valid.records;
    const hashes = this.files().flatMap((f) => readLines(this.fs, f).map((l) => {
      try {
        return (JSON.parse(l) as Partial<ChainedRecord>).hash ?? '';
      } catch {
        return '';
      }
    }));
    const log = join(this.dir, CURRENT);
    if (valid) {
      // A writer stopped between its records and the anchor leaves records after the anchored one: that is no gap.
      if (hashes.length < valid.records) notes.push(logNote(LOG_GAP, log, `${valid.records - hashes.length} record${valid.records - hashes.length === 1 ? ' was' : 's were'} missing from the end of the log (cut short or deleted) when this write came`));
      else if (hashes[valid.records - 1] !== valid.hash && valid.records > 0) notes.push(logNote(LOG_GAP, log, `record ${valid.records} was not the one the anchor named: the log was rewritten`));
    } else if (!freshKey) {
      // The key is made with the first record, and the anchor with every one: a key without it lost it.
      notes.push(logNote(LOG_GAP, join(this.dir, ANCHOR), anchor === undefined ? 'The anchor was missing (deleted?): records cut off the end before this write cannot be told' : 'The anchor was edited (it did not match the key)'));
    }
    return hashes.length;
  }

  /** The anchor as written; undefined when there is none, and an unreadable one stands for itself (an edit). */
  private anchor(): unknown {
    try {
      const text = readPlain(this.fs, join(this.dir, ANCHOR), 4096);
      return text === undefined ? undefined : JSON.parse(text) as unknown;
    } catch {
      return { edited: true };
    }
  }

  private writeAnchor(anchor: object): void {
    try {
      replacePlain(this.fs, join(this.dir, ANCHOR), JSON.stringify(anchor) + '\n');
    } catch {
      // The records are written; the next write counts them again.
    }
  }

  /** The current file becomes the next numbered one; a number is never reused, and no file is ever replaced. */
  private rotate(current: string): void {
    const taken = this.fs.readdirSync(this.dir).map((f) => Number(ROTATED.exec(f)?.[1] ?? 0)).filter((n) => n <= MAX_ROTATED);
    const next = join(this.dir, `audit-${Math.max(0, ...taken) + 1}.jsonl`);
    this.fs.linkSync(current, next);
    this.fs.unlinkSync(current);
  }

  /** Chained records oldest first (damaged lines skipped). */
  records(): ChainedRecord[] {
    const out: ChainedRecord[] = [];
    for (const file of this.files()) {
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

  /** The newest `limit` chained records, oldest first: read from the newest file back, so a long history is not read whole. */
  recent(limit: number): ChainedRecord[] {
    const out: ChainedRecord[] = [];
    for (const file of this.files().reverse()) {
      const lines = readLines(this.fs, file);
      for (let i = lines.length - 1; i >= 0 && out.length < limit; i--) {
        try {
          out.push(JSON.parse(lines[i] ?? '') as ChainedRecord);
        } catch {
          // reported by verify()
        }
      }
      if (out.length >= limit) break;
    }
    return out.reverse();
  }

  /** Records waiting in the queue, oldest first. */
  queued(): AuditRecord[] {
    const out: AuditRecord[] = [];
    for (const file of queuedFiles(this.options.env)) {
      try {
        this.parsed(readPlain(this.fs, file, QUEUED_MAX) ?? '', out);
      } catch {
        // not a record Airlock wrote: the next write sets it aside
      }
    }
    return out;
  }

  /** Checks the log; under the lock when it can be had (a rotation half done is not a break), else as it stands. */
  verify(): VerifyResult {
    try {
      try {
        return new AuditLock(this.dir, { waitMs: 500, fs: this.fs, ...(this.options.alive ? { alive: this.options.alive } : {}) }).with(() => this.check());
      } catch {
        // No lock to be had (busy, a folder that cannot be written): checked as it stands.
        return this.check();
      }
    } catch (error) {
      return { ok: false, reason: errorText(error) };
    }
  }

  private check(): VerifyResult {
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
    const all = files.flatMap((file) => (readPlain(this.fs, file) ?? '').split('\n').map((line, i) => ({ file, line, at: i + 1 }))).filter((r) => r.line.trim() !== '');
    const lines = all.map((r) => r.line);
    let from = 0;
    let replaced: { file: string; at: number } | undefined;
    const whole = verifyChain(lines, mac);
    if (!whole.ok) {
      // A key replaced after the break: the records before it cannot be checked, those from it on can.
      let note = -1;
      for (let i = lines.length - 1; i > whole.index && note === -1; i--) if (rulesOf(lines[i] ?? '').includes(KEY_REPLACED)) note = i;
      const broken = all[whole.index];
      if (note === -1) return { ok: false, file: broken?.file, line: broken?.at, reason: whole.reason };
      const prev = (JSON.parse(lines[note] ?? '{}') as { prev?: unknown }).prev;
      const rest = verifyChain(lines.slice(note), mac, typeof prev === 'string' ? prev : GENESIS);
      if (!rest.ok) return { ok: false, file: all[note + rest.index]?.file, line: all[note + rest.index]?.at, reason: rest.reason };
      from = note + 1;
      replaced = { file: all[note]?.file ?? '', at: all[note]?.at ?? 0 };
    }
    // A note the writer left about the log itself (records found missing, a key replaced) stays a finding.
    const noted = all.slice(from).find((r) => rulesOf(r.line).some((rule) => TAMPER_NOTES.includes(rule)));
    if (noted) return { ok: false, file: noted.file, line: noted.at, reason: `Airlock noted at this line: ${(JSON.parse(noted.line) as { reason?: string }).reason ?? 'a note about the log'}` };
    const records = all.length;
    const valid = anchorValid(anchor, mac) ? anchor : undefined;
    const wanted = valid?.records;
    if (anchor === undefined) {
      return { ok: false, reason: records === 0 ? `the anchor ${join(this.dir, ANCHOR)} and the log are missing while the key remains: the log was deleted` : `the anchor ${join(this.dir, ANCHOR)} is missing (deleted?), so records cut off the end would go unnoticed` };
    }
    if (wanted === undefined) return { ok: false, reason: `the anchor ${join(this.dir, ANCHOR)} was edited (it does not match the key)` };
    if (records < wanted) {
      return { ok: false, reason: files.length === 0 ? `the audit log was deleted: its anchor counts ${wanted} records` : `${wanted - records} record${wanted - records === 1 ? ' is' : 's are'} missing from the end of the log (it was cut short or a file was deleted)` };
    }
    const anchored = wanted > 0 ? (JSON.parse(lines[wanted - 1] ?? '{}') as { hash?: unknown }).hash : undefined;
    if (wanted > 0 && anchored !== valid?.hash) return { ok: false, reason: `record ${wanted} is not the one the anchor names: the log was rewritten` };
    if (replaced) return { ok: false, file: replaced.file, line: replaced.at, reason: 'the audit key was replaced here (the old one was deleted): the records before this line cannot be verified; those after it are intact' };
    const fallback = all.filter((r) => rulesOf(r.line).includes(FROM_FALLBACK) && !r.line.includes('"actor":"airlock"')).length;
    const notes = [
      ...(records > wanted ? [`${records - wanted} record${records - wanted === 1 ? '' : 's'} after the anchor (a writer stopped before updating it)`] : []),
      ...(fallback > 0 ? [`${fallback} record${fallback === 1 ? '' : 's'} came from the fallback queue under TMPDIR, which any process of yours can write (marked ${FROM_FALLBACK})`] : []),
    ];
    return { ok: true, records, files: files.length, queued, ...(notes.length > 0 ? { note: notes.join('; ') } : {}) };
  }
}

/** The records in `files` (an earlier, separate log) go into the queue, to be chained in order. */
export function queueFromFiles(files: readonly string[], queue: (record: AuditRecord) => boolean): number {
  let moved = 0;
  for (const file of files) {
    for (const line of readLines(nodeFs, file)) {
      try {
        // Its old links mean nothing in the new chain, which links it anew (normalised keeps neither).
        const record = normalised(JSON.parse(line));
        if (record && queue(record)) moved++;
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
    .filter((f) => /(?:^|\/)audit\.(?:cut-[\d-]+\.txt|legacy-\d+\.jsonl)$/.test(f) || f.endsWith('.unreadable'))
    .filter((f) => nodeFs.statSync(f).isFile());
}
