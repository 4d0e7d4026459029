// The audit log's lock: one writer at a time across windows, hooks and gates, so the chain never
// forks. The lock file is made by hard-linking a file that names its holder (pid and process start
// time), which is atomic and never leaves a half-written lock. It is taken over only when its
// holder is gone: a live holder is waited for, and a writer that cannot get the lock in time
// reports it (its record is queued instead). Two writers can see the same dead holder at once, so
// taking over is itself claimed first, by creating a claim file named after the dead lock's inode;
// a claim whose holder died is taken over the same way, one level down.
import * as nodeFs from 'node:fs';
import { readPlain, type Fs } from './plainFiles';
import { join } from 'node:path';

const LOCK = 'audit.lock';
const HOLDER = /^audit\.lock-[0-9a-z.-]+$/;
const CLAIM = /^audit\.claim-[0-9a-z]+$/;
/** Claims of claims: deeper than this only happens when writers keep dying mid-takeover. */
const MAX_DEPTH = 4;

export interface Holder {
  readonly pid: number;
  /** Names this holding: claims are named after it, so a reused inode is never taken for the same lock. */
  readonly nonce?: string;
  /** The process's start time (Linux: /proc/<pid>/stat field 22), so a reused pid is not taken for the holder. */
  readonly start?: string;
}

/** The start time of a process, where the system says it (Linux); undefined elsewhere. */
export function processStart(pid: number): string | undefined {
  try {
    const stat = nodeFs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: count from after it.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

/** Whether the holder's process is still running: a signal-0 probe, and on Linux its start time. */
function holderAlive(holder: Holder): boolean {
  if (holder.pid <= 0) return false;
  // Where start times can be read, Airlock's holders always name theirs: one without it was planted.
  if (holder.start === undefined && processStart(process.pid) !== undefined) return false;
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  if (holder.start === undefined) return true;
  const start = processStart(holder.pid);
  return start === undefined || start === holder.start;
}

/** Who holds a lock or claim file; undefined when it is gone. */
function readHolder(fs: Fs, file: string): Holder | undefined {
  let text: string | undefined;
  try {
    text = readPlain(fs, file, 4096);
  } catch {
    text = ''; // a FIFO, a folder, a link: planted
  }
  if (text === undefined) return undefined;
  try {
    const parsed = JSON.parse(text) as Partial<Holder>;
    if (typeof parsed.pid === 'number' && Number.isInteger(parsed.pid) && parsed.pid > 0) {
      return { pid: parsed.pid, ...(typeof parsed.start === 'string' ? { start: parsed.start } : {}), ...(typeof parsed.nonce === 'string' && /^[0-9a-z]{1,40}$/.test(parsed.nonce) ? { nonce: parsed.nonce } : {}) };
    }
  } catch {
    // not JSON: below
  }
  // Airlock never writes a lock that does not name its holder: one that does not is planted, and
  // nobody holds it.
  return { pid: 0 };
}

function inode(fs: Fs, file: string): number | undefined {
  return fs.statSync(file, { throwIfNoEntry: false })?.ino;
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function tryUnlink(fs: Fs, file: string): void {
  try {
    fs.unlinkSync(file);
  } catch {
    // gone already
  }
}

export class LockBusy extends Error {}

export interface LockOptions {
  /** How long to wait for a live holder. */
  readonly waitMs: number;
  /** Tests hand in their own view of which holders are alive. */
  readonly alive?: (holder: Holder) => boolean;
  readonly fs?: Fs;
}

export class AuditLock {
  private readonly alive: (holder: Holder) => boolean;
  private readonly fs: Fs;

  constructor(private readonly dir: string, private readonly options: LockOptions) {
    this.alive = options.alive ?? holderAlive;
    this.fs = options.fs ?? nodeFs;
  }

  /** Runs `work` holding the lock; throws LockBusy when a live holder keeps it past the wait. */
  with<T>(work: () => T): T {
    const fs = this.fs;
    const nonce = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 12)}`;
    const mine = join(this.dir, `audit.lock-${process.pid}-${nonce}`);
    const start = processStart(process.pid);
    fs.writeFileSync(mine, JSON.stringify({ pid: process.pid, nonce, ...(start !== undefined ? { start } : {}) }), { mode: 0o600, flag: 'wx' });
    const myInode = inode(fs, mine);
    const lock = join(this.dir, LOCK);
    try {
      const deadline = Date.now() + this.options.waitMs;
      let pause = 1;
      let tookOver = false;
      for (;;) {
        const taken = this.take(LOCK, mine, 0);
        if (taken) {
          tookOver = taken === 'took-over';
          break;
        }
        if (Date.now() > deadline) throw new LockBusy(`another Airlock process (pid ${readHolder(fs, lock)?.pid ?? '?'}) has held the audit log's lock for over ${this.options.waitMs} ms`);
        sleepSync(pause);
        pause = Math.min(pause * 2, 20);
      }
      try {
        if (tookOver) this.tidy();
        return work();
      } finally {
        if (inode(fs, lock) === myInode) tryUnlink(fs, lock);
      }
    } finally {
      tryUnlink(fs, mine);
    }
  }

  /** Makes `name` a link to `mine`: at once when it is free, or by taking over a dead holder's. */
  private take(name: string, mine: string, depth: number): 'free' | 'took-over' | false {
    const fs = this.fs;
    const file = join(this.dir, name);
    try {
      fs.linkSync(mine, file);
      return 'free';
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const held = inode(fs, file);
    const holder = readHolder(fs, file);
    if (held === undefined || holder === undefined || this.alive(holder) || depth >= MAX_DEPTH) return false;
    // This holding, by its nonce (a planted file without one: by its inode).
    const instance = holder.nonce ?? `i${held}`;
    const same = (): boolean => inode(fs, file) === held && (readHolder(fs, file)?.nonce ?? `i${held}`) === instance;
    const claim = `audit.claim-${instance}`;
    if (!this.take(claim, mine, depth + 1)) return false;
    try {
      // Only the claim's holder replaces this holding; it may have been released (or replaced) meanwhile.
      if (!same()) return false;
      const fresh = `${mine}.${depth}`;
      fs.linkSync(mine, fresh);
      try {
        fs.renameSync(fresh, file);
      } catch (error) {
        if (!['EISDIR', 'ENOTEMPTY', 'EEXIST', 'ENOTDIR'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
        // A folder planted as the lock: moved aside (kept), then replaced.
        fs.renameSync(file, `${file}.planted-${Date.now()}`);
        fs.renameSync(fresh, file);
      }
      return 'took-over';
    } finally {
      if (inode(fs, join(this.dir, claim)) === inode(fs, mine)) tryUnlink(fs, join(this.dir, claim));
    }
  }

  /** Removes the holder and claim files that processes which died waiting or taking over left. */
  private tidy(): void {
    const fs = this.fs;
    for (const name of fs.readdirSync(this.dir)) {
      if (!HOLDER.test(name) && !CLAIM.test(name)) continue;
      const holder = readHolder(fs, join(this.dir, name));
      if (holder && !this.alive(holder)) tryUnlink(fs, join(this.dir, name));
    }
  }
}
