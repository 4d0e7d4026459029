// The project files a line leads into (package.json, a Makefile, the script it runs), as the
// caller hands them to the engine: core reads nothing itself. Paths are absolute, `/`-separated.

export type FileRead =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'missing' }
  /** There but not read: too large, not a regular file, no permission. Judged as unknown, never as empty. */
  | { readonly kind: 'unreadable'; readonly reason: string };

export interface ProjectFiles {
  read(path: string): FileRead;
  /** The names in a folder, for workspace globs (`packages/*`); undefined when it cannot be listed. */
  list(dir: string): readonly string[] | undefined;
  /** Every answer holds for the whole run (a batch): what is worked out from them may be kept too. */
  readonly stable?: boolean;
}

/** The most a definition or script file may hold before it is reported unreadable instead of read. */
export const MAX_PROJECT_FILE = 512 * 1024;

/** Names a folder listing gives at most; a listing of one more than this was cut there. */
export const MAX_LISTED = 20_000;

export const NO_FILES: ProjectFiles = { read: () => ({ kind: 'missing' }), list: () => undefined };

/** Files in memory, for tests and examples: `{ '/w/package.json': '…' }`; null stands for a file that cannot be read. */
export function memoryFiles(files: Readonly<Record<string, string | null>>): ProjectFiles {
  return {
    read: (path) => {
      const text = files[normalisePath(path)];
      if (text === null) return { kind: 'unreadable', reason: 'permission denied' };
      return text === undefined ? { kind: 'missing' } : { kind: 'text', text };
    },
    list: (dir) => {
      const prefix = normalisePath(dir).replace(/\/?$/, '/');
      const names = new Set<string>();
      for (const path of Object.keys(files)) if (path.startsWith(prefix)) names.add(path.slice(prefix.length).split('/')[0] ?? '');
      return names.size > 0 ? [...names] : undefined;
    },
  };
}

/** `.` and `x/..` segments resolved, separators unified; keeps a leading `/` or `~`. */
export function normalisePath(path: string): string {
  // Most paths are clean already: no `.` or `..` segments, no doubled or trailing separators.
  if (!/\/\/|\/\.|^\.|\/$|\\/.test(path) || path === '/') return path;
  const absolute = path.startsWith('/');
  const out: string[] = [];
  for (const segment of path.replace(/\\/g, '/').split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else if (segment !== '..' || !absolute) out.push(segment);
  }
  return (absolute ? '/' : '') + out.join('/');
}

/** `path` as seen from `dir`: absolute and home paths as written, relative ones joined. */
export function joinPath(dir: string, path: string, home?: string): string {
  if (/^~(?:\/|$)/.test(path) && home) return normalisePath(home + path.slice(1));
  if (path.startsWith('/') || path.startsWith('~')) return normalisePath(path);
  return normalisePath(`${dir}/${path}`);
}

export function dirName(path: string): string {
  const at = path.lastIndexOf('/');
  return at <= 0 ? '/' : path.slice(0, at);
}

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** A path as a person reads it in a finding: relative to `root` when inside it. */
export function shownPath(path: string, root: string): string {
  const prefix = root.replace(/\/?$/, '/');
  return path.startsWith(prefix) ? path.slice(prefix.length) : path;
}
