// The project's files as the engine reads them when a line leads into one (package.json, a
// Makefile, the script it runs): regular files only (a FIFO would block), bounded in size, each
// read once per process unless it changed.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { MAX_LISTED, MAX_PROJECT_FILE, type FileRead, type ProjectFiles } from '../core/project/files';

// Keyed by the change time too: a writer can set a file's size and modification time back, not its ctime.
const cache = new Map<string, { readonly mtimeMs: number; readonly ctimeMs: number; readonly size: number; readonly read: FileRead }>();

function read(path: string): FileRead {
  let stat;
  try {
    stat = statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? { kind: 'missing' } : { kind: 'unreadable', reason: code ?? 'cannot be read' };
  }
  if (!stat.isFile()) return { kind: 'unreadable', reason: stat.isDirectory() ? 'a folder' : 'not a regular file' };
  if (stat.size > MAX_PROJECT_FILE) return { kind: 'unreadable', reason: `larger than ${MAX_PROJECT_FILE / 1024} KB` };
  const cached = cache.get(path);
  if (cached && cached.mtimeMs === stat.mtimeMs && cached.ctimeMs === stat.ctimeMs && cached.size === stat.size) return cached.read;
  let got: FileRead;
  try {
    got = { kind: 'text', text: readFileSync(path, 'utf8') };
  } catch (error) {
    got = { kind: 'unreadable', reason: (error as NodeJS.ErrnoException).code ?? 'cannot be read' };
  }
  cache.set(path, { mtimeMs: stat.mtimeMs, ctimeMs: stat.ctimeMs, size: stat.size, read: got });
  return got;
}

function list(dir: string): readonly string[] | undefined {
  try {
    // One name past the most, so a caller can tell the listing was cut.
    return readdirSync(dir).slice(0, MAX_LISTED + 1);
  } catch {
    return undefined;
  }
}

export const DISK_PROJECT_FILES: ProjectFiles = { read, list };

/**
 * For `airlock check --batch`: every answer kept for the run, a missing file's too, so thousands
 * of lines in one folder do not ask the disk again for each. Not for long-lived processes: a file
 * an agent writes next would be read as it was.
 */
export function batchProjectFiles(): ProjectFiles {
  const reads = new Map<string, FileRead>();
  const lists = new Map<string, readonly string[] | undefined>();
  return {
    stable: true,
    read: (path) => {
      let got = reads.get(path);
      if (!got) reads.set(path, (got = read(path)));
      return got;
    },
    list: (dir) => {
      if (!lists.has(dir)) lists.set(dir, list(dir));
      return lists.get(dir);
    },
  };
}
