// The `airlock` executable. A line the prefilter clears is answered here, without loading the
// engine; anything else runs the CLI bundle through V8's code cache, kept in a private per-user
// directory, because compiling the bundle is most of a short run's cost and a hook runs once per
// agent command. Any problem with the cache falls back to an ordinary load.
import { mkdirSync, readdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { PREFILTER_PROGRAMS } from 'airlock:prefilter-programs';
import { answerWithoutEngine } from './fastPath';

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

function run(): void {
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

function answered(): boolean {
  const [command, ...rest] = process.argv.slice(2);
  const code = command === 'check' ? answerWithoutEngine(rest, PREFILTER_PROGRAMS, { stdout: process.stdout, env: process.env }) : undefined;
  if (code === undefined) return false;
  process.stdout.write('', () => process.exit(code));
  return true;
}

try {
  if (!answered()) run();
} catch (error) {
  // Fail closed: a CLI that cannot start is a deny (exit 2), never an allow.
  process.stderr.write(`airlock: could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
}
