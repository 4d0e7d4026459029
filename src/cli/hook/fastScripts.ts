// The launcher's answer for `npm test` and its cousins: a package script whose text (with its
// `pre`/`post` scripts) the prefilter clears runs nothing a rule could flag, so it is allowed
// without loading the engine, exactly as the engine would allow it after following the script.
// Anything less plain (workspaces, options, a missing or odd package.json) goes to the engine.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Prefilter } from '../../core/prefilter';

/** `npm test`, `npm run build`, `pnpm lint`, `yarn test`, `bun run dev`: a manager, maybe `run`, a script name. */
const SCRIPT_LINE = /^\s*(npm|pnpm|yarn|bun)\s+(?:(run|run-script)\s+)?([A-Za-z0-9][\w:.-]*)\s*$/;
/** Names that are the manager's own commands when not after `run` (`npm test` is npm's shorthand for the script). */
const OWN_COMMANDS = /^(?:install|i|ci|add|remove|rm|uninstall|un|update|up|upgrade|exec|x|dlx|link|ln|pack|publish|unpublish|create|init|audit|outdated|why|info|view|config|set|login|logout|patch|rebuild|prune|dedupe|workspaces?|version|help)$/;
/** bun's own commands besides those: `bun test` is its test runner, `bun build` its bundler. */
const BUN_COMMANDS = /^(?:test|build|pm|repl|upgrade|completions)$/;
const NPM_SHORTHANDS: Readonly<Record<string, string>> = { test: 'test', t: 'test', tst: 'test', start: 'start', stop: 'stop' };
const MAX_PACKAGE = 512 * 1024;

/** True when the line runs one package script that provably runs nothing guarded. */
export function clearedPackageScript(line: string, cwd: string | undefined, prefilter: Prefilter): boolean {
  const m = SCRIPT_LINE.exec(line);
  if (!m || cwd === undefined) return false;
  const [, manager = '', run, name = ''] = m;
  const script = run ? name : manager === 'npm' ? NPM_SHORTHANDS[name] : OWN_COMMANDS.test(name) || (manager === 'bun' && BUN_COMMANDS.test(name)) ? undefined : name;
  if (script === undefined) return false;
  const scripts = packageScripts(cwd);
  const body = scripts?.[script];
  if (typeof body !== 'string') return false;
  const texts = [body, scripts?.[`pre${script}`], scripts?.[`post${script}`]];
  return texts.every((t) => t === undefined || (typeof t === 'string' && !prefilter.mightMatch(t)));
}

/** The scripts of the package.json npm would use: in the folder or the nearest above it, not past a repository's root. */
function packageScripts(cwd: string): Record<string, unknown> | undefined {
  for (let dir = cwd, i = 0; i < 32; i++) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      let stat;
      try {
        stat = statSync(file);
      } catch {
        return undefined;
      }
      if (!stat.isFile() || stat.size > MAX_PACKAGE) return undefined;
      let json: unknown;
      try {
        // npm reads a package.json that starts with a byte-order mark.
        json = JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
      } catch {
        return undefined; // unreadable or malformed: the engine says so
      }
      const scripts = typeof json === 'object' && json !== null ? (json as { scripts?: unknown }).scripts : undefined;
      return typeof scripts === 'object' && scripts !== null && !Array.isArray(scripts) ? scripts as Record<string, unknown> : undefined;
    }
    if (existsSync(join(dir, '.git')) || dirname(dir) === dir) return undefined;
    dir = dirname(dir);
  }
  return undefined;
}
