// The stable launcher every agent's hook configuration points at. Extension updates move the
// extension's directory; this script's path stays, and whoever updates Airlock rewrites it. It
// also closes the agents' fail-open gap: Claude Code, Gemini CLI and VS Code let a call through
// when a hook crashes, is killed or exits with anything but 2, so for `hook` the script turns
// every such exit into 2 ("block") with a reason on stderr.
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { shQuote } from '../../gate/shellQuote';
import { home } from '../../gate/stateDir';

export function dataDirectory(env: Readonly<Record<string, string | undefined>>): string {
  if (env.AIRLOCK_DATA_DIR) return env.AIRLOCK_DATA_DIR;
  return join(env.XDG_DATA_HOME || join(home(env), '.local', 'share'), 'airlock');
}

export function launcherPath(env: Readonly<Record<string, string | undefined>>): string {
  return join(dataDirectory(env), 'bin', 'airlock');
}

const MARKER = '# airlock-launcher v1';

export function launcherScript(node: string, cli: string): string {
  return `#!/bin/sh
${MARKER}
# Written by Airlock (airlock install, or the extension when it updates). Agents' hook settings
# point here so they survive updates. Do not edit: it is rewritten.
node=${shQuote(node)}
cli=${shQuote(cli)}
if [ ! -f "$cli" ]; then
  echo "airlock: the Airlock CLI is gone ($cli); denying. Reinstall Airlock, or remove its hooks with: airlock uninstall" >&2
  exit 2
fi
if [ "$1" != hook ]; then
  ELECTRON_RUN_AS_NODE=1 NODE_OPTIONS= LD_PRELOAD= exec "$node" "$cli" "$@"
fi
ELECTRON_RUN_AS_NODE=1 NODE_OPTIONS= LD_PRELOAD= "$node" "$cli" "$@"
status=$?
if [ "$status" -ne 0 ] && [ "$status" -ne 2 ]; then
  echo "airlock: the hook failed (exit status $status); denying the call rather than letting it through" >&2
  exit 2
fi
exit "$status"
`;
}

export interface LauncherTarget {
  readonly node: string;
  readonly cli: string;
}

/** What an existing launcher runs, or undefined when there is none or it is not ours. */
export function readLauncher(path: string): LauncherTarget | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  if (!text.includes(MARKER)) return undefined;
  const value = (name: string): string | undefined => {
    const m = new RegExp(`^${name}='((?:[^']|'\\\\'')*)'$`, 'm').exec(text);
    return m ? m[1].replace(/'\\''/g, "'") : undefined;
  };
  const node = value('node');
  const cli = value('cli');
  return node && cli ? { node, cli } : undefined;
}

/** Writes the launcher unless it already runs this node and CLI. Returns true when it wrote. */
export function writeLauncher(path: string, target: LauncherTarget): boolean {
  const current = readLauncher(path);
  if (current && current.node === target.node && current.cli === target.cli) return false;
  if (existsSync(path) && !current) throw new Error(`${path} exists and was not written by Airlock; move it aside first`);
  mkdirSync(dirname(path), { recursive: true, mode: 0o755 });
  writeFileSync(path, launcherScript(target.node, target.cli), { mode: 0o755 });
  chmodSync(path, 0o755);
  return true;
}
