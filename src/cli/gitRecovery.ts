// Git's view of a deletion in the workspace: the paths can be brought back when git tracks every
// file under them and none has changes, untracked or ignored files (`git checkout -- PATH`).
// Asked only for a line already flagged; two bounded git calls, and any doubt is "no way back".
import type { SpawnSyncReturns } from 'node:child_process';
import type { WorkspaceRecovery } from '../core/recovery';
import { builtin } from './builtin';

/** Each git call may take this long; a slow repository is no reason to hold an agent's hook. */
export const GIT_TIMEOUT_MS = 800;
const MAX_OUTPUT = 1024 * 1024;
const MAX_PATHS = 32;


export type GitRunner = (args: readonly string[], cwd: string) => SpawnSyncReturns<Buffer>;

/**
 * The system's git, never one found on PATH: an agent can put a `git` of its own first on PATH,
 * or export `GIT_DIR` / `GIT_INDEX_FILE`, to have a deletion reported as recoverable.
 */
const SYSTEM_GIT = ['/usr/bin/git', '/usr/local/bin/git', '/opt/homebrew/bin/git', '/bin/git'];

/**
 * Settings a repository's own config (which an agent can edit) could use to hide changes from
 * `git status`: file-system monitors, stat-less checks, the untracked cache.
 */
const OVERRIDES: readonly (readonly [string, string])[] = [['core.fsmonitor', 'false'], ['core.ignoreStat', 'false'], ['core.untrackedCache', 'false']];

const runGit: GitRunner = (args, cwd) => {
  const { existsSync } = builtin<typeof import('node:fs')>('node:fs');
  const git = SYSTEM_GIT.find((path) => existsSync(path)) ?? SYSTEM_GIT[0] ?? 'git';
  return builtin<typeof import('node:child_process')>('node:child_process').spawnSync(git, args, {
    cwd, timeout: GIT_TIMEOUT_MS, maxBuffer: MAX_OUTPUT, stdio: ['ignore', 'pipe', 'ignore'],
    // Nothing of the caller's environment (GIT_*) or of the user's and system's git config; never a
    // pager or a credential prompt.
    env: {
      PATH: '/usr/bin:/bin', LANG: 'C', GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0', GIT_PAGER: 'cat',
      GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_COUNT: String(OVERRIDES.length),
      ...Object.fromEntries(OVERRIDES.flatMap(([key, value], i) => [[`GIT_CONFIG_KEY_${i}`, key], [`GIT_CONFIG_VALUE_${i}`, value]])),
    },
  });
};

export function gitRecovery(run: GitRunner = runGit): WorkspaceRecovery {
  const toplevels = new Map<string, string | undefined>();
  const toplevel = (cwd: string): string | undefined => {
    if (!toplevels.has(cwd)) {
      const r = run(['rev-parse', '--show-toplevel'], cwd);
      toplevels.set(cwd, r.status === 0 ? r.stdout.toString('utf8').trim() || undefined : undefined);
    }
    return toplevels.get(cwd);
  };
  return {
    recovery(paths, cwd) {
      if (paths.length === 0 || paths.length > MAX_PATHS) return undefined;
      try {
        return recoveryOf(paths, cwd, toplevel(cwd), run);
      } catch {
        return undefined;
      }
    },
  };
}

function recoveryOf(paths: readonly string[], cwd: string, top: string | undefined, run: GitRunner): string | undefined {
  if (!top) return undefined;
  const { lstatSync, realpathSync } = builtin<typeof import('node:fs')>('node:fs');
  const path = builtin<typeof import('node:path')>('node:path');
  const realTop = realpathSync(top);
  // Paths inside the work tree, relative to it.
  const existing: string[] = [];
  for (const target of paths) {
    // Globs are the shell's to expand: git would read them as pathspecs, which differ.
    if (/[*?[\]{}]/.test(target) || target.startsWith('~') || target.startsWith('-')) return undefined;
    // From the cwd's real path, so a link above the project (macOS's /tmp) is no link inside it.
    const full = path.resolve(realpathSync(cwd), target);
    // A path that is not there yet may be made by the time rm runs: no way to tell what it holds.
    lstatSync(full);
    const real = realpathSync(full);
    const inside = path.relative(realTop, real);
    // The work tree itself, anything outside it, and git's own directory cannot be checked out again.
    if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside) || inside.split(path.sep).includes('.git')) return undefined;
    // Through a link git's view of the path is not what rm deletes: the link, or (with a trailing
    // slash) what it points to.
    if (real !== full) return undefined;
    existing.push(inside);
  }
  const specs = existing.map((p) => `:(literal)${p}`);
  // `-v` tags each file: `H` is an ordinary tracked file; a lower-case tag (assume-unchanged) or `S`
  // (skip-worktree) hides its changes from status, so such a file is no way back.
  const tracked = run(['ls-files', '-z', '-v', '--', ...specs], realTop);
  if (tracked.status !== 0 || tracked.error) return undefined;
  const entries = tracked.stdout.toString('utf8').split('\0').filter(Boolean);
  if (entries.some((e) => !e.startsWith('H '))) return undefined;
  const trackedFiles = entries.map((e) => e.slice(2));
  if (existing.some((p) => !trackedFiles.some((f) => f === p || f.startsWith(`${p}/`)))) return undefined;
  const status = run(['status', '--porcelain=v1', '-z', '--ignored=matching', '--untracked-files=all', '--', ...specs], realTop);
  if (status.status !== 0 || status.error || status.stdout.length > 0) return undefined;
  const shown = existing.map((p) => p.split(path.sep).join('/')).join(' ');
  return `git tracks every file there and none has changes: \`git checkout -- ${shown}\` brings ${existing.length === 1 ? 'it' : 'them'} back`;
}
