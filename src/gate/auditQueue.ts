// Records waiting to be chained into the audit log: one file per record, written whole (a
// temporary name, then a rename), so a full disk or a killed process never leaves half a record
// that swallows the next. The hook's fast path queues its allows here (loading node:crypto for the
// chain would cost it 4 ms), and any writer that cannot chain a record (lock busy, disk full)
// queues it; the next chained write takes the queue in, oldest first. When the state directory
// itself cannot be written, a private folder under the system's temporary directory is used.
import { lstatSync, mkdirSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AuditRecord } from '../core/audit';
import { stateDirectory } from './stateDir';

type Env = Readonly<Record<string, string | undefined>>;

export const QUEUE_DIR = 'audit-queue';
/** A queued record's file name: its time first, so names sort oldest first. */
const QUEUED = /^\d{13}-[0-9a-z-]+\.json$/;

let counter = 0;

/** The fallback outside the state directory, for when that cannot be written. */
function fallbackDirectory(env: Env): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- node:os costs the hook's fast path time; needed only here
  const os = require('node:os') as typeof import('node:os');
  const uid = typeof process.getuid === 'function' ? process.getuid() : os.userInfo().username;
  return join(env.TMPDIR || os.tmpdir(), `airlock-${uid}-${QUEUE_DIR}`);
}

/** Whether a queued record's file sits in the fallback (which any process of the user's can write). */
export function isFallbackQueue(file: string, env: Env): boolean {
  return file.startsWith(fallbackDirectory(env) + '/');
}

/** The primary queue, then the fallback outside the state directory. */
function queueDirectories(env: Env): string[] {
  return [join(stateDirectory(env), QUEUE_DIR), fallbackDirectory(env)];
}

/** Whether `dir` is a real folder of this user's that nobody else can write (the fallback sits in a shared folder). */
function privateFolder(dir: string): boolean {
  const stat = lstatSync(dir, { throwIfNoEntry: false });
  if (!stat?.isDirectory()) return false;
  if (typeof process.getuid !== 'function') return true;
  return stat.uid === process.getuid() && (stat.mode & 0o077) === 0;
}

function writeInto(dir: string, line: string): string {
  // Made only when missing: a hook queues on every benign call, and each system call shows.
  if (!privateFolder(dir)) mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (!privateFolder(dir)) throw new Error(`${dir} is not a private folder of this user's`);
  // Time, process and a per-process counter (padded: names sort in the order they were queued).
  const name = `${String(Date.now()).padStart(13, '0')}-${process.pid}-${(counter++).toString(36).padStart(6, '0')}-${Math.random().toString(36).slice(2, 8)}.json`;
  const temporary = join(dir, `.${name}.tmp`);
  writeFileSync(temporary, line, { mode: 0o600, flag: 'wx' });
  const file = join(dir, name);
  renameSync(temporary, file);
  return file;
}

export type Queued = { readonly ok: true; readonly file: string } | { readonly ok: false; readonly problem: string };

/** Queues a record for the chain; tries the state directory, then the private fallback. */
export function queueRecord(record: AuditRecord, env: Env): Queued {
  const line = JSON.stringify(record);
  const problems: string[] = [];
  // The fallback's name is worked out only when it is needed.
  for (const dir of [() => join(stateDirectory(env), QUEUE_DIR), () => fallbackDirectory(env)]) {
    try {
      return { ok: true, file: writeInto(dir(), line) };
    } catch (error) {
      problems.push(error instanceof Error ? error.message : String(error));
    }
  }
  return { ok: false, problem: problems.join('; ') };
}

/** The queued records' files in both places, oldest first. */
export function queuedFiles(env: Env): string[] {
  const files: { name: string; path: string }[] = [];
  for (const dir of queueDirectories(env)) {
    let names: string[];
    try {
      if (!privateFolder(dir)) continue;
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names) if (QUEUED.test(name)) files.push({ name, path: join(dir, name) });
  }
  return files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).map((f) => f.path);
}
