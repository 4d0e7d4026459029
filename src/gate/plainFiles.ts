// Files in Airlock's state folder are opened only as what Airlock made them: regular files of this
// user's. An agent running as the user can plant a symbolic link there (`audit.jsonl` → ~/.bashrc:
// records appended to a shell's start-up file), a FIFO (a read that never returns, with the lock
// held) or a folder. Links are never followed (O_NOFOLLOW), opens never wait (O_NONBLOCK), and
// anything but a regular file is refused with a reason.
import * as nodeFs from 'node:fs';

export type Fs = typeof nodeFs;

const NO_FOLLOW = nodeFs.constants.O_NOFOLLOW ?? 0;
const NO_WAIT = nodeFs.constants.O_NONBLOCK ?? 0;

export class NotPlain extends Error {}

/** Opens `file` (flags as numbers) when it is a regular file of this user's; throws NotPlain otherwise. */
export function openPlain(fs: Fs, file: string, flags: number, mode = 0o600): number {
  const fd = fs.openSync(file, flags | NO_FOLLOW | NO_WAIT, mode);
  const stat = fs.fstatSync(fd);
  const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
  if (!stat.isFile() || (uid !== undefined && stat.uid !== uid)) {
    fs.closeSync(fd);
    throw new NotPlain(`${file} is not a regular file of this user's (something put a ${stat.isFIFO() ? 'FIFO' : stat.isDirectory() ? 'folder' : 'special file'} there)`);
  }
  return fd;
}

/** The text of a regular file, at most `max` bytes (a longer one is refused); undefined when there is none. */
export function readPlain(fs: Fs, file: string, max = 64 * 1024 * 1024): string | undefined {
  return readPlainBytes(fs, file, max)?.toString('utf8');
}

/** The bytes of a regular file, as readPlain. */
export function readPlainBytes(fs: Fs, file: string, max = 64 * 1024 * 1024): Buffer | undefined {
  let fd: number;
  try {
    fd = openPlain(fs, file, nodeFs.constants.O_RDONLY);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const size = fs.fstatSync(fd).size;
    if (size > max) throw new NotPlain(`${file} is ${size} bytes, more than the ${max} Airlock writes`);
    return fs.readFileSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Replaces `file` with `text` whole: written to a fresh temporary name (created exclusively, so a
 * link planted under that name is never written through), then renamed over it.
 */
export function replacePlain(fs: Fs, file: string, text: string | Uint8Array): void {
  const temporary = `${file}.${process.pid}-${Math.random().toString(36).slice(2, 10)}.tmp`;
  fs.writeFileSync(temporary, text, { mode: 0o600, flag: 'wx' });
  try {
    fs.renameSync(temporary, file);
  } catch (error) {
    try {
      fs.unlinkSync(temporary);
    } catch {
      // gone already
    }
    throw error;
  }
}

/** Writes a new file that must not exist yet (`wx`: never through a planted link). */
export function createPlain(fs: Fs, file: string, text: string | Uint8Array): void {
  fs.writeFileSync(file, text, { mode: 0o600, flag: 'wx' });
}
