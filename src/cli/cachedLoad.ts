// Runs the CLI bundle through V8's code cache, kept in a private per-user directory: compiling the
// bundle is most of a short run's cost, and a hook runs once per agent command. V8 checks a cache
// only against the source's length, so a forged cache of the right size would run as the CLI and
// answer "allow" to everything: each cache carries an HMAC under a key in Airlock's state folder
// (read by Airlock only: a protected read for agents, its folder a guarded write), and one that
// does not verify is ignored and rewritten; the key's place is never taken from $HOME or XDG_*. Files are written whole under new names and never
// through a planted link. Any problem with the cache falls back to compiling as usual. Only the
// full CLI comes here, never the hook's fast path (loading node:crypto costs it 4 ms).
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import * as fs from 'node:fs';
import Module from 'node:module';
import { homedir, userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Script } from 'node:vm';
import { readPlain, readPlainBytes, replacePlain } from '../gate/plainFiles';
import { stateDirectory } from '../gate/stateDir';

const bundle = join(__dirname, 'airlock-cli.js');
const MAC_BYTES = 32;

interface Cache {
  readonly file: string;
  /** What the cache was made for: the node version, and the bundle's path, size and time. */
  readonly identity: string;
}

function cacheFile(): Cache | undefined {
  try {
    const stat = fs.statSync(bundle);
    const dir = join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'airlock');
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    return { file: join(dir, `cli-${process.version}-${stat.size}-${Math.trunc(stat.mtimeMs)}.v8`), identity: `${process.version}\0${bundle}\0${stat.size}\0${stat.mtimeMs}` };
  } catch {
    return undefined;
  }
}

/**
 * Where the key lives. Not from $HOME or XDG_STATE_HOME: a shell an agent types into can change
 * those for the gate it runs (and then sign its own cache), while an AIRLOCK_* variable it cannot
 * (the gate stops that as tampering).
 */
function keyDirectory(): string {
  if (process.env.AIRLOCK_STATE_DIR) return resolve(process.env.AIRLOCK_STATE_DIR);
  if (process.platform === 'win32') return stateDirectory(process.env);
  return join(userInfo().homedir, '.local', 'state', 'airlock');
}

/** The key caches are signed with; made once. Undefined when the state folder cannot hold it (no cache then). */
function cacheKey(): Buffer | undefined {
  const file = join(keyDirectory(), 'cache.key');
  try {
    const text = readPlain(fs, file, 1024)?.trim();
    if (text !== undefined) return /^[0-9a-f]{64}$/.test(text) ? Buffer.from(text, 'hex') : undefined;
    fs.mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    const fresh = randomBytes(32).toString('hex');
    replacePlain(fs, file, fresh + '\n');
    return Buffer.from(fresh, 'hex');
  } catch {
    return undefined;
  }
}

const signature = (key: Buffer, cache: Cache, data: Uint8Array): Buffer => createHmac('sha256', key).update(cache.identity).update(data).digest();

/** The cached code when its signature holds under this key; undefined otherwise. */
function verified(cache: Cache, key: Buffer): Buffer | undefined {
  try {
    const stored = readPlainBytes(fs, cache.file, 256 * 1024 * 1024);
    if (!stored || stored.length <= MAC_BYTES) return undefined;
    const data = stored.subarray(MAC_BYTES);
    return timingSafeEqual(stored.subarray(0, MAC_BYTES), signature(key, cache, data)) ? data : undefined;
  } catch {
    return undefined;
  }
}

export function runCached(): void {
  const cache = cacheFile();
  const key = cache ? cacheKey() : undefined;
  const cached = cache && key ? verified(cache, key) : undefined;
  const source = fs.readFileSync(bundle, 'utf8');
  const script = new Script(Module.wrap(source), { filename: bundle, cachedData: cached });
  if (cache && key && (!cached || script.cachedDataRejected)) {
    // Written at exit, so the functions this run compiled are in the cache too.
    process.once('exit', () => {
      try {
        const data = script.createCachedData();
        replacePlain(fs, cache.file, Buffer.concat([signature(key, cache, data), data]));
        // Caches of earlier versions of the bundle are never read again.
        const dir = dirname(cache.file);
        for (const old of fs.readdirSync(dir)) if (/^cli-.*\.v8$/.test(old) && join(dir, old) !== cache.file) fs.unlinkSync(join(dir, old));
      } catch {
        // A read-only or full disk only costs speed.
      }
    });
  }
  const wrapper = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: unknown, filename: string, dirname: string) => void;
  const module = { exports: {} };
  wrapper(module.exports, Module.createRequire(bundle), module, bundle, __dirname);
}
