// The extension's audit log: append-only JSONL in its global storage, hash-chained (core's
// auditChain), rotated at a size limit with the chain carried into the next file. Appends are
// synchronous and small: a decision is written before its answer leaves. Every window of the
// editor shares the file, so each append takes a lock file and reads the chain's last hash from
// the file itself, never from a cache another window has made stale.
import { createHash } from 'node:crypto';
import { appendFileSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, readdirSync, renameSync, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { AuditRecord } from '../core/audit';
import { GENESIS, chainLine, verifyChain, type ChainedRecord } from '../core/auditChain';

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

const CURRENT = 'audit.jsonl';
const LOCK = 'audit.lock';
/** A lock older than this was left by a window that died mid-append. */
const STALE_LOCK_MS = 10_000;
const LOCK_WAIT_MS = 3_000;
/** Enough of a file's end to hold its last record. */
const TAIL_BYTES = 64 * 1024;

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** The last non-empty line of a file, read from its end. */
function lastLine(file: string): string | undefined {
  const size = statSync(file).size;
  const length = Math.min(size, TAIL_BYTES);
  const buffer = Buffer.alloc(length);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, buffer, 0, length, size - length);
  } finally {
    closeSync(fd);
  }
  return buffer.toString('utf8').trimEnd().split('\n').pop()?.trim() || undefined;
}
const ROTATED = /^audit-(\d+)\.jsonl$/;

export type VerifyResult = { readonly ok: true; readonly records: number; readonly files: number } | { readonly ok: false; readonly file: string; readonly line: number; readonly reason: string };

export class AuditLog {
  /** Called after each append (the audit view refreshes). */
  onAppend: (() => void) | undefined;

  constructor(private readonly dir: string, private readonly maxBytes = 5 * 1024 * 1024) {}

  /** Files oldest first, the current one last. */
  files(): string[] {
    if (!existsSync(this.dir)) return [];
    const rotated = readdirSync(this.dir).filter((f) => ROTATED.test(f)).sort((a, b) => Number(ROTATED.exec(a)?.[1]) - Number(ROTATED.exec(b)?.[1]));
    return [...rotated, ...(existsSync(join(this.dir, CURRENT)) ? [CURRENT] : [])].map((f) => join(this.dir, f));
  }

  /** Rotated files are numbered in order; a number is never reused, so no rotation overwrites another. */
  private nextIndex(): number {
    const taken = readdirSync(this.dir).map((f) => Number(ROTATED.exec(f)?.[1] ?? 0));
    return Math.max(0, ...taken) + 1;
  }

  private lastHash(): string {
    for (const file of this.files().reverse()) {
      const tail = lastLine(file);
      if (tail === undefined) continue;
      try {
        return (JSON.parse(tail) as Partial<ChainedRecord>).hash ?? GENESIS;
      } catch {
        return sha256(tail); // a damaged tail: the chain goes on, Verify reports the damage
      }
    }
    return GENESIS;
  }

  append(record: AuditRecord): void {
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    this.locked(() => {
      const current = join(this.dir, CURRENT);
      const prev = this.lastHash();
      if (existsSync(current) && statSync(current).size >= this.maxBytes) renameSync(current, join(this.dir, `audit-${this.nextIndex()}.jsonl`));
      appendFileSync(current, chainLine(record, prev, sha256).line + '\n', { mode: 0o600 });
    });
    this.onAppend?.();
  }

  /** Runs `work` holding the log's lock file; a stale lock (its window died) is taken over. */
  private locked(work: () => void): void {
    const lock = join(this.dir, LOCK);
    const deadline = Date.now() + LOCK_WAIT_MS;
    for (;;) {
      try {
        closeSync(openSync(lock, 'wx', 0o600));
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        try {
          if (Date.now() - statSync(lock).mtimeMs > STALE_LOCK_MS || Date.now() > deadline) unlinkSync(lock);
        } catch {
          // released meanwhile
        }
        sleepSync(5);
      }
    }
    try {
      work();
    } finally {
      try {
        unlinkSync(lock);
      } catch {
        // already taken over as stale
      }
    }
  }

  /**
   * Records oldest first (damaged lines skipped): every file's, or with `currentOnly` only the
   * current file's — enough for "earlier decisions for this command" without reading the history.
   */
  records(currentOnly = false): ChainedRecord[] {
    const out: ChainedRecord[] = [];
    const files = this.files();
    for (const file of currentOnly ? files.slice(-1) : files) {
      for (const line of readFileSync(file, 'utf8').split('\n')) {
        if (line.trim() === '') continue;
        try {
          out.push(JSON.parse(line) as ChainedRecord);
        } catch {
          // reported by verify()
        }
      }
    }
    return out;
  }

  verify(): VerifyResult {
    let prev = GENESIS;
    let records = 0;
    const files = this.files();
    for (const file of files) {
      const check = verifyChain(readFileSync(file, 'utf8').split('\n'), sha256, prev);
      if (!check.ok) return { ok: false, file, line: check.index + 1, reason: check.reason };
      prev = check.last;
      records += check.count;
    }
    return { ok: true, records, files: files.length };
  }
}
