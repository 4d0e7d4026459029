// Runs the CLI bundle through V8's code cache, kept in a private per-user directory: compiling the
// bundle is most of a short run's cost, and a hook runs once per agent command. Any problem with
// the cache falls back to compiling as usual.
import { mkdirSync, readdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';

const bundle = join(__dirname, 'airlock-cli.js');

function cacheFile(): string | undefined {
  try {
    const stat = statSync(bundle);
    const dir = join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'airlock');
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    return join(dir, `cli-${process.version}-${stat.size}-${Math.trunc(stat.mtimeMs)}.v8`);
  } catch {
    return undefined;
  }
}

export function runCached(): void {
  const cache = cacheFile();
  let cached: Buffer | undefined;
  try {
    if (cache) cached = readFileSync(cache);
  } catch {
    cached = undefined;
  }
  const source = readFileSync(bundle, 'utf8');
  const script = new Script(Module.wrap(source), { filename: bundle, cachedData: cached });
  if (cache && (!cached || script.cachedDataRejected)) {
    // Written at exit, so the functions this run compiled are in the cache too.
    process.once('exit', () => {
      try {
        writeFileSync(cache, script.createCachedData(), { mode: 0o600 });
        // Caches of earlier versions of the bundle are never read again.
        const dir = dirname(cache);
        for (const old of readdirSync(dir)) if (/^cli-.*\.v8$/.test(old) && join(dir, old) !== cache) unlinkSync(join(dir, old));
      } catch {
        // A read-only or full disk only costs speed.
      }
    });
  }
  const wrapper = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: unknown, filename: string, dirname: string) => void;
  const module = { exports: {} };
  wrapper(module.exports, Module.createRequire(bundle), module, bundle, __dirname);
}
