// How a client finds the editor window that owns a folder: each window writes, for each of its
// workspace roots, a discovery file (socket path + token) into a private per-user directory, and
// its effective policy beside it. A hook walks up from the agent's cwd (and the agent's workspace
// roots), so the deepest root that holds the directory wins. `AIRLOCK_IPC` may name a discovery
// file directly (the terminal gate exports it; a token never goes into an environment variable
// that `env` would print to an agent).
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, lstatSync, mkdirSync, readFileSync, realpathSync, renameSync, unlinkSync, watch, writeFileSync, type FSWatcher } from 'node:fs';
import { dirname, join, parse, resolve, sep } from 'node:path';
import { ungenuineReason } from './genuine';
import { PROTOCOL_VERSION } from './protocol';
import { stateDirectory } from './stateDir';

export interface WindowEntry {
  readonly version: typeof PROTOCOL_VERSION;
  readonly root: string;
  /** The Unix socket (or Windows pipe) the decision service listens on. */
  readonly socket: string;
  readonly token: string;
  /** The extension host's process id: a file whose process is gone is stale. */
  readonly pid: number;
}

export function windowsDirectory(env?: Readonly<Record<string, string | undefined>>): string {
  return join(stateDirectory(env), 'windows');
}

/** Case-folded where the file system usually is, so one folder always has one discovery file. */
function rootKey(root: string): string {
  const normal = resolve(root);
  const folded = process.platform === 'win32' || process.platform === 'darwin' ? normal.toLowerCase() : normal;
  return createHash('sha256').update(folded).digest('hex').slice(0, 24);
}

export function discoveryFile(dir: string, root: string): string {
  return join(dir, `${rootKey(root)}.json`);
}

export function policyFile(dir: string, root: string): string {
  return join(dir, `${rootKey(root)}.policy.json`);
}

/** A fresh token for a window: 32 random bytes. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Creates the directory private to this user, or refuses one that someone else could write: a
 * planted discovery file would send the hook's questions to another user's server.
 */
export function ensurePrivateDirectory(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  // A directory of ours left readable by an older version or a loose umask is made private.
  const stat = lstatSync(dir);
  if (process.platform !== 'win32' && !stat.isSymbolicLink() && stat.uid === process.getuid?.() && (stat.mode & 0o077) !== 0) chmodSync(dir, 0o700);
  checkPrivate(dir);
}

export function checkPrivate(path: string): void {
  if (process.platform === 'win32') return;
  const stat = lstatSync(path);
  if (stat.isSymbolicLink()) throw new Error(`${path} is a symbolic link; Airlock keeps its state only in a real directory`);
  if (typeof process.getuid === 'function' && stat.uid !== process.getuid()) throw new Error(`${path} belongs to another user`);
  if ((stat.mode & 0o077) !== 0) throw new Error(`${path} is open to other users (mode ${(stat.mode & 0o777).toString(8)}); Airlock trusts only private files`);
}

/** Writes atomically (temporary file + rename) with mode 0600, so a reader never sees half a file. */
export function writePrivateFile(path: string, text: string): void {
  ensurePrivateDirectory(dirname(path));
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(temp, text, { mode: 0o600 });
  chmodSync(temp, 0o600);
  renameSync(temp, path);
}

export function publishWindow(dir: string, entry: WindowEntry): string {
  const file = discoveryFile(dir, entry.root);
  writePrivateFile(file, JSON.stringify(entry) + '\n');
  return file;
}

/** Removes a window's files, only if they are still this window's (another window may own the root now). */
export function unpublishWindow(dir: string, root: string, token: string): void {
  const file = discoveryFile(dir, root);
  try {
    if (readEntry(file)?.token !== token) return;
    unlinkSync(file);
    unlinkSync(policyFile(dir, root));
  } catch {
    // Already gone.
  }
}

/** A discovery file's entry, or undefined when it is missing, unreadable, foreign or malformed. */
export function readEntry(file: string): WindowEntry | undefined {
  let value: unknown;
  try {
    checkPrivate(dirname(file));
    checkPrivate(file);
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const e = value as Record<string, unknown>;
  if (e.version !== PROTOCOL_VERSION || typeof e.root !== 'string' || typeof e.socket !== 'string' || typeof e.token !== 'string' ||
    typeof e.pid !== 'number' || e.token.length < 16) return undefined;
  return { version: PROTOCOL_VERSION, root: e.root, socket: e.socket, token: e.token, pid: e.pid };
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    // ESRCH: gone. EPERM: another user's process, so not this user's window either.
    return false;
  }
}

export interface Located {
  readonly entry: WindowEntry;
  /** The discovery file the entry came from; its policy file sits beside it. */
  readonly file: string;
}

function real(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/** Inside the root, as written or once symbolic links are resolved (a linked home, macOS /tmp). */
function within(path: string, root: string): boolean {
  const fold = (x: string): string => (process.platform === 'win32' || process.platform === 'darwin' ? x.toLowerCase() : x);
  const inside = (p: string, r: string): boolean => fold(p) === fold(r) || fold(p).startsWith(fold(r.endsWith(sep) ? r : r + sep));
  return inside(resolve(path), resolve(root)) || inside(real(path), real(root));
}

/** The directory and each parent up to the file-system root, deepest first. */
function ancestors(path: string): string[] {
  const out: string[] = [];
  let current = resolve(path);
  const top = parse(current).root;
  for (;;) {
    out.push(current);
    if (current === top) return out;
    current = dirname(current);
  }
}

/**
 * The live window for a hook: `AIRLOCK_IPC` when set, else the deepest workspace root holding the
 * cwd, else one of the agent's workspace roots. Stale entries (their process gone) are skipped.
 */
export function locateWindow(options: {
  readonly cwd?: string;
  readonly roots?: readonly string[];
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Why an entry is not a real editor window's (default: genuine.ts); undefined when it is. */
  readonly ungenuine?: (entry: WindowEntry) => string | undefined;
}): Located | undefined {
  const ungenuine = options.ungenuine ?? ungenuineReason;
  const env = options.env ?? process.env;
  const candidates: string[] = [];
  if (env.AIRLOCK_IPC) candidates.push(resolve(env.AIRLOCK_IPC));
  const dir = windowsDirectory(env);
  const seen = new Set<string>();
  for (const start of [options.cwd ?? process.cwd(), ...(options.roots ?? [])]) {
    if (!start) continue;
    for (const folder of ancestors(start)) {
      if (seen.has(folder)) continue;
      seen.add(folder);
      candidates.push(discoveryFile(dir, folder));
    }
  }
  // Without a cwd in the payload, the hook runs where the agent does.
  const served = (entry: WindowEntry): boolean => [options.cwd ?? process.cwd(), ...(options.roots ?? [])].some((p) => within(p, entry.root));
  for (const file of candidates) {
    const entry = readEntry(file);
    // A window answers only for folders inside its root: a discovery file named by AIRLOCK_IPC (which a
    // project's agent settings can set) cannot claim a folder it does not hold.
    // A planted entry (a server an agent started) is passed over: with no genuine window, policy answers.
    if (entry && processAlive(entry.pid) && served(entry) && ungenuine(entry) === undefined) return { entry, file };
  }
  return undefined;
}

/**
 * Calls `republish` when a discovery file of one of `roots` has gone while this window still
 * serves it: another window on the same folder closed and removed the file it had written last,
 * or something deleted it. Overwrites by another window leave the file in place and change
 * nothing; an overwrite whose process is no editor window (a server an agent planted) is reported
 * through `planted` and replaced by this window's own.
 */
export function watchDiscovery(dir: string, roots: () => Iterable<string>, republish: () => void,
  planted?: { readonly token: () => string | undefined; readonly report: (root: string, reason: string) => void }): { close(): void } {
  let watcher: FSWatcher | undefined;
  /** Why the root's file is not this window's nor another editor window's; undefined when it is, or is gone. */
  const foreign = (root: string): string | undefined => {
    if (!planted) return undefined;
    const entry = readEntry(discoveryFile(dir, root));
    if (!entry || entry.token === planted.token()) return undefined;
    return processAlive(entry.pid) ? ungenuineReason(entry) : `process ${entry.pid} is not running`;
  };
  try {
    watcher = watch(dir, { persistent: false }, () => {
      // The whole directory removed (the user cleared Airlock's state): not brought back from here.
      if (!existsSync(dir)) { watcher?.close(); return; }
      let again = false;
      for (const root of roots()) {
        if (!existsSync(discoveryFile(dir, root))) again = true;
        const reason = foreign(root);
        if (reason !== undefined) {
          planted?.report(root, reason);
          again = true;
        }
      }
      if (again) republish();
    });
    watcher.on('error', () => watcher?.close());
  } catch {
    // The directory is gone or cannot be watched: the files stay as published.
  }
  return { close: () => watcher?.close() };
}
