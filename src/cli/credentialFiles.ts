// The workspace's env files, read for the engine only when a line is already flagged (the engine
// asks lazily), so a benign command never touches the disk for them. Bounded: the directories
// from the cwd up to the workspace root, a few small files. Values are fingerprinted here with a
// key that lives only in this process, so neither the engine nor anything it returns holds them.
import { closeSync, constants, fstatSync, openSync, readSync, readdirSync, statSync, type Dirent } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { isEnvFileName, originFile, type CredentialOrigins, type OriginFile } from '../core/secrets/origins';
import { builtin } from './builtin';

/** Directories looked at, the cwd's included: a workspace root further up than this is not found. */
export const MAX_DEPTH = 8;
export const MAX_FILES = 24;
/** Env files are a few KiB; anything larger is not one to read on a command's way. */
export const MAX_FILE_BYTES = 64 * 1024;

export interface OriginOptions {
  /** Workspace roots known to the caller (the agent's, the editor window's). */
  readonly roots?: readonly string[];
  /** The home directory: never a workspace root of itself, and its own env files are not read. */
  readonly home?: string;
}


export function diskCredentialOrigins(options: OriginOptions = {}): CredentialOrigins {
  let key: Buffer | undefined;
  const read = new Map<string, readonly OriginFile[]>();
  const fingerprint = (value: string): string => {
    const crypto = builtin<typeof import('node:crypto')>('node:crypto');
    key ??= crypto.randomBytes(32);
    return crypto.createHmac('sha256', key).update(value).digest('base64');
  };
  return {
    fingerprint,
    files: (cwd) => {
      const dir = resolve(cwd);
      let files = read.get(dir);
      if (!files) {
        files = readEnvFiles(dir, options, fingerprint);
        read.set(dir, files);
      }
      return files;
    },
  };
}

/**
 * The directories to read, nearest first: up to the innermost known root or git root. With
 * neither within reach (a scratch directory), the cwd alone: a parent's files may be anyone's.
 */
export function searchDirectories(cwd: string, options: OriginOptions): string[] {
  const roots = new Set((options.roots ?? []).map((r) => resolve(r)));
  const home = options.home ? resolve(options.home) : undefined;
  const dirs: string[] = [];
  for (let dir = cwd; dirs.length < MAX_DEPTH; dir = dirname(dir)) {
    if (dir === home && !roots.has(dir)) break;
    dirs.push(dir);
    if (roots.has(dir) || exists(join(dir, '.git'))) return dirs;
    if (dirname(dir) === dir) break;
  }
  return home !== cwd ? [cwd] : [];
}

function readEnvFiles(cwd: string, options: OriginOptions, fingerprint: (value: string) => string): OriginFile[] {
  const dirs = searchDirectories(cwd, options);
  const root = dirs[dirs.length - 1] ?? cwd;
  const out: OriginFile[] = [];
  for (const dir of dirs) {
    for (const name of envFileNames(dir)) {
      if (out.length >= MAX_FILES) return out;
      const path = join(dir, name);
      const text = smallFile(path);
      if (text === undefined) continue;
      const shown = relative(root, path) || name;
      const fromCwd = relative(cwd, path);
      out.push(originFile(shown.split(sep).join('/'), [fromCwd, path], text, fingerprint));
    }
  }
  return out;
}

function envFileNames(dir: string): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  // A symbolic link counts (`.env` → `.env.production`); whether it is a file is checked on reading.
  return entries.filter((e) => (e.isFile() || e.isSymbolicLink()) && isEnvFileName(e.name)).map((e) => e.name).sort();
}

/**
 * The text of a regular file no larger than the limit; anything else (unreadable, a device, huge)
 * is skipped. Opened without blocking and checked on the open handle: a `.env` swapped for a FIFO
 * between a check and a read would otherwise hang the hook.
 */
function smallFile(path: string): string | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const stat = fstatSync(fd);
    if (!stat.isFile() || stat.size > MAX_FILE_BYTES) return undefined;
    const buffer = Buffer.alloc(MAX_FILE_BYTES + 1);
    const read = readSync(fd, buffer, 0, buffer.length, 0);
    return read > MAX_FILE_BYTES ? undefined : buffer.toString('utf8', 0, read);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

