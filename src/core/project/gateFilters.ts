// What the terminal gate must send to the engine so a line is followed into the project: task
// runners (whose scripts may run tools from node_modules/.bin, ahead of the PATH shims), scripts
// run by an interpreter, database clients given a file, and git subcommands that run hooks. Merged into the rules' own filters.
import type { ArgFilter, Item } from '../argFilter';
import { CARRIER_WORDS } from '../shell/commandOptions';
import { otherInterpreterOptions } from '../shell/payloads';

const ALWAYS: ArgFilter = { always: true, clauses: [] };
/** A script file in an interpreter's arguments (`node delete-volume.mjs`, `python reset.py`). */
const SCRIPT_FILES: readonly Item[] = ['.js', '.mjs', '.cjs', '.ts', '.mts', '.cts', '.jsx', '.tsx', '.py', '.rb', '.rake', '.pl', '.pm', '.php'];
const INPUT_FILES: readonly Item[] = ['-f', '--file', '-i', '-init', '.read', 'source', '\\i', '.sql', '.js'];

function anyOf(items: readonly Item[]): ArgFilter {
  return { always: false, clauses: items.map((item) => [[item]]) };
}

const FOLLOW_FILTERS: Readonly<Record<string, ArgFilter>> = {
  ...Object.fromEntries(['npm', 'pnpm', 'yarn', 'bun', 'make', 'gmake', 'just', 'task', 'go-task', 'mise', 'rtx', 'turbo', 'nx', 'lerna', 'composer',
    'rake', 'invoke', 'inv', 'poe', 'docker-compose', 'podman-compose'].map((p) => [p, ALWAYS])),
  ...Object.fromEntries(['uv', 'poetry', 'pipenv', 'pdm', 'hatch', 'rye'].map((p) => [p, anyOf(['run'])])),
  docker: anyOf(['compose']),
  go: anyOf(['run']),
  podman: anyOf(['compose']),
  deno: anyOf(['task', 'run', ...SCRIPT_FILES]),
  // Node 22's own script runner (`node --run build`).
  node: anyOf(['--run', ...SCRIPT_FILES]),
  ...Object.fromEntries(['nodejs', 'tsx', 'ts-node', 'ts-node-esm', 'vite-node', 'esno', 'zx', 'ruby', 'perl', 'php'].map((p) => [p, anyOf(SCRIPT_FILES)])),
  ...Object.fromEntries(['python', 'python3', 'python2', 'pypy3'].map((p) => [p, anyOf([...SCRIPT_FILES, '-m'])])),
  ...Object.fromEntries(['psql', 'mysql', 'mariadb', 'sqlite3', 'sqlite', 'sqlcmd', 'mongosh', 'mongo', 'cqlsh', 'usql'].map((p) => [p, anyOf(INPUT_FILES)])),
  ...Object.fromEntries(['sh', 'dash', 'bash', 'zsh', 'ksh'].map((p) => [p, anyOf(['.sh', '.bash', '.zsh'])])),
  // Runners of package scripts and remote shells the wrappers read (wrappers.ts).
  ...Object.fromEntries(['run-s', 'run-p', 'npm-run-all', 'npm-run-all2', 'mosh', 'corepack', 'crontab', 'expect'].map((p) => [p, ALWAYS])),
  kubectl: anyOf(['run', 'debug']),
  // The repository's hooks run with these (gitHooks.ts).
  git: anyOf(['commit', 'push', 'merge', 'pull', 'rebase', 'am']),
  vagrant: anyOf(['ssh']),
  devbox: anyOf(['run']),
  railway: anyOf(['ssh']),
  oc: anyOf(['rsh']),
  az: anyOf(['ssh']),
  gcloud: anyOf(['ssh']),
};

/** Options that carry a command (commandOptions.ts): the gate sends a line holding one. */
const CARRIER_FILTERS: Readonly<Record<string, ArgFilter>> = {
  ...Object.fromEntries(Object.entries(CARRIER_WORDS).map(([p, words]) => [p, anyOf(words)])),
  // Interpreters whose code is read for strings it may run; those given none read stdin or a file.
  ...Object.fromEntries(Object.entries(otherInterpreterOptions()).map(([p, options]) => [p, options.length > 0 ? anyOf(options) : ALWAYS])),
};

/** The rules' filters with what following the line into the project needs on top. */
export function withFollowFilters(filters: Readonly<Record<string, ArgFilter>>): Record<string, ArgFilter> {
  const out: Record<string, ArgFilter> = { ...filters };
  for (const [program, follow] of [...Object.entries(FOLLOW_FILTERS), ...Object.entries(CARRIER_FILTERS)]) {
    const own = out[program];
    out[program] = !own ? follow : { ...own, always: own.always || follow.always, clauses: [...own.clauses, ...follow.clauses] };
  }
  return out;
}
