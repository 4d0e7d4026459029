// The extension's audit log: append-only JSONL in its global storage, hash-chained (core's
// auditChain), rotated at a size limit with the chain carried into the next file. Appends are
// synchronous and small: a decision is written before its answer leaves.
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { AuditRecord } from '../core/audit';
import { GENESIS, chainLine, verifyChain, type ChainedRecord } from '../core/auditChain';

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

const CURRENT = 'audit.jsonl';
const ROTATED = /^audit-(\d+)\.jsonl$/;

export type VerifyResult = { readonly ok: true; readonly records: number; readonly files: number } | { readonly ok: false; readonly file: string; readonly line: number; readonly reason: string };

export class AuditLog {
  private last: string | undefined;

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
    if (this.last !== undefined) return this.last;
    for (const file of this.files().reverse()) {
      const lines = readFileSync(file, 'utf8').trimEnd().split('\n').filter((l) => l.trim() !== '');
      const tail = lines[lines.length - 1];
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
    const current = join(this.dir, CURRENT);
    const prev = this.lastHash();
    if (existsSync(current) && statSync(current).size >= this.maxBytes) renameSync(current, join(this.dir, `audit-${this.nextIndex()}.jsonl`));
    const { line, hash } = chainLine(record, prev, sha256);
    appendFileSync(current, line + '\n', { mode: 0o600 });
    this.last = hash;
  }

  /** Every record, oldest first (damaged lines skipped). */
  records(): ChainedRecord[] {
    const out: ChainedRecord[] = [];
    for (const file of this.files()) {
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
