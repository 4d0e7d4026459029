// Whether a discovery entry is a real editor window's. The directory is private to the user, but
// an agent runs as that user: a script it writes can start a server that answers "allow" and put
// its own discovery file there. On Linux an entry is trusted only when its process is an editor
// extension host — VS Code, its forks and code-server start it with
// VSCODE_ESM_ENTRYPOINT=vs/workbench/api/node/extensionHostProcess (server-main.js and the desktop
// starter; VSCODE_AMD_ENTRYPOINT before 1.94) — and that process itself listens on the entry's
// socket (/proc/net/unix and the process's open descriptors). Elsewhere (macOS, Windows) /proc is
// not there and this is not checked. The processes an in-editor agent starts inherit the marker,
// so the entry's parent must not carry it (the editor starts the host). Same-user code can still
// forge all of this deliberately: this stops a planted server that does not, and the extension
// replaces a discovery file it did not write.
import { readFileSync, readdirSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { WindowEntry } from './discovery';

const HOST_MARKER = /(?:^|\0)VSCODE_(?:ESM|AMD)_ENTRYPOINT=vs\/workbench\/api\/node\/extensionHostProcess(?:\0|$)/;

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** Inodes of the Unix sockets bound to `path` (the Path column of /proc/net/unix). */
function socketInodes(proc: string, path: string): Set<string> {
  const out = new Set<string>();
  for (const line of (read(join(proc, 'net', 'unix')) ?? '').split('\n').slice(1)) {
    const fields = line.trim().split(/\s+/);
    if (fields.length >= 8 && fields.slice(7).join(' ') === path) out.add(fields[6] ?? '');
  }
  return out;
}

function holdsSocket(proc: string, pid: number, inodes: ReadonlySet<string>): boolean {
  if (inodes.size === 0) return false;
  let fds: string[];
  try {
    fds = readdirSync(join(proc, String(pid), 'fd'));
  } catch {
    return false;
  }
  for (const fd of fds) {
    try {
      const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(join(proc, String(pid), 'fd', fd)));
      if (m && inodes.has(m[1] ?? '')) return true;
    } catch {
      // closed meanwhile
    }
  }
  return false;
}

/** Why the entry is not a real editor window's, or undefined when it is (or this cannot be checked here). */
/** The parent's process id, from /proc/<pid>/stat (the field after the state, past the name in parentheses). */
function parentOf(proc: string, pid: number): number | undefined {
  const stat = read(join(proc, String(pid), 'stat'));
  const m = stat ? /\)\s+\S+\s+(\d+)/.exec(stat) : null;
  return m ? Number(m[1]) : undefined;
}

export function ungenuineReason(entry: WindowEntry, proc = '/proc'): string | undefined {
  if (read(join(proc, 'self', 'stat')) === undefined) return undefined;
  const environ = read(join(proc, String(entry.pid), 'environ'));
  if (environ === undefined || !HOST_MARKER.test(environ)) return `process ${entry.pid} is not an editor's extension host`;
  // Every process an in-editor agent starts inherits the marker; the extension host is the one
  // whose parent (the editor) does not carry it.
  const parent = parentOf(proc, entry.pid);
  if (parent !== undefined && HOST_MARKER.test(read(join(proc, String(parent), 'environ')) ?? '')) {
    return `process ${entry.pid} was started from an extension host, not by the editor`;
  }
  if (!holdsSocket(proc, entry.pid, socketInodes(proc, entry.socket))) return `process ${entry.pid} does not listen on ${entry.socket}`;
  return undefined;
}
