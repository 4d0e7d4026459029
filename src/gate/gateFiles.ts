// Everything the terminal gate puts on disk, as a list of files: the PATH shims, the bash guard and
// the zsh start-up files that load the zsh guard after the user's own. Written by the extension
// into its global storage; kept pure here so the tests can read exactly what a terminal gets.
import { protectedPathItems, type ArgFilter } from '../core/argFilter';
import { DECODERS } from '../core/prefilter';
import { GUARD_PATH_WORDS } from '../core/selfProtection';
import { PACKAGE_BINARIES } from '../core/shell/command';
import { execWrapperNames } from '../core/shell/wrappers';
import { guardTables, type GateClient } from './guards';
import { shQuote } from './shellQuote';
import { SHIM_MARKER, shimPrograms, shimScript } from './shims';

export interface GateFile {
  /** Relative to the gate directory. */
  readonly path: string;
  readonly text: string;
  readonly executable: boolean;
}

export interface GateLayout {
  readonly shims: string;
  readonly bashGuard: string;
  readonly zdotdir: string;
}

export function gateLayout(dir: string): GateLayout {
  return { shims: `${dir}/bin`, bashGuard: `${dir}/guard.bash`, zdotdir: `${dir}/zsh` };
}

/**
 * What PROMPT_COMMAND runs before each prompt: loads the bash guard once (later runs reset its
 * per-line state). The DEBUG trap already set is read here, at the prompt command's own level:
 * inside a sourced file `trap -p` shows none. Each command word is quoted, so no alias replaces it,
 * and the guard knows these commands by their exact text (`__airlock_reload_set`).
 */
export function promptCommand(layout: GateLayout): string {
  return `\\[ -n "\${__airlock_guard-}" ] || __airlock_trap_before=$(\\trap -p DEBUG); \\. ${shQuote(layout.bashGuard)}; `;
}

/** A zsh start-up file that runs the user's own file of that name from their ZDOTDIR. */
function zshHandover(name: string, after = ''): string {
  return `# Airlock's terminal gate: runs your own ${name}, then Airlock's part. Airlock rewrites this file.
__airlock_zdotdir=$ZDOTDIR
ZDOTDIR=\${AIRLOCK_USER_ZDOTDIR:-$HOME}
[[ -f $ZDOTDIR/${name} ]] && . "$ZDOTDIR/${name}"
# Your file may move ZDOTDIR (~/.config/zsh): the next of your files is read from there.
AIRLOCK_USER_ZDOTDIR=$ZDOTDIR
ZDOTDIR=$__airlock_zdotdir
${after}`;
}

/** The guards' own scripts (src/gate/shell, shipped in dist/). */
export interface GuardScripts {
  readonly bash: string;
  readonly zsh: string;
  /** The hidden-name patterns both guards read. */
  readonly hidden: string;
}

/**
 * Programs the guards always judge: decoders hide what they feed a shell, and `rimraf` deletes
 * recursively with no flag to watch for (it reads as `rm -rf`).
 */
export const GUARD_RUNNERS: readonly string[] = [...DECODERS, 'rimraf'];

/** The guards' scripts as shipped, by file name (src/gate/shell → dist/). */
export const GUARD_SCRIPT_FILES = { bash: 'guard.bash', zsh: 'guard.zsh', hidden: 'hidden.sh' } as const;

/** `client`: the node binary and CLI the gate asks, written into the shims and guards. */
export function gateFiles(dir: string, filters: Readonly<Record<string, ArgFilter>>, protectedPaths: readonly string[], scripts: GuardScripts, client: GateClient): GateFile[] {
  const layout = gateLayout(dir);
  const pathItems = protectedPathItems(protectedPaths);
  const tables = guardTables({ filters, pathItems, runners: GUARD_RUNNERS, packages: PACKAGE_BINARIES, client, guardWords: GUARD_PATH_WORDS, wrappers: execWrapperNames(), shims: layout.shims });
  const guardZsh = `${layout.zdotdir}/guard.zsh`;
  return [
    { path: `bin/${SHIM_MARKER}`, text: 'Airlock\'s PATH shims: shims skip every directory holding this file when they look for the real program.\n', executable: false },
    ...shimPrograms(filters).map((program) => ({ path: `bin/${program}`, text: shimScript(program, filters[program] ?? { always: true, clauses: [] }, pathItems, layout.shims, client), executable: true })),
    { path: 'guard.bash', text: scripts.bash, executable: false },
    { path: 'hidden.sh', text: scripts.hidden, executable: false },
    { path: 'guard-data.bash', text: tables.bash, executable: false },
    ...[...tables.words].map(([program, text]) => ({ path: `words/${program}`, text, executable: false })),
    { path: 'zsh/guard.zsh', text: scripts.zsh, executable: false },
    { path: 'zsh/guard-data.zsh', text: tables.zsh, executable: false },
    { path: 'zsh/.zshenv', text: zshHandover('.zshenv'), executable: false },
    { path: 'zsh/.zprofile', text: zshHandover('.zprofile'), executable: false },
    // Later shells (\`exec zsh\`) start from the user's own ZDOTDIR again, where login shells finish.
    { path: 'zsh/.zshrc', text: zshHandover('.zshrc', `. ${shQuote(guardZsh)}\n[[ -o login ]] || ZDOTDIR=\${AIRLOCK_USER_ZDOTDIR:-$HOME}\n`), executable: false },
    { path: 'zsh/.zlogin', text: zshHandover('.zlogin', 'ZDOTDIR=${AIRLOCK_USER_ZDOTDIR:-$HOME}\n'), executable: false },
  ];
}
