// The shapes agents' hook settings come in, and Airlock's entry in them. Each agent's module
// builds its target from these: a target turns a parsed configuration into the changes that add
// or remove Airlock's entry, keeping every entry that is not Airlock's.
import { join } from 'node:path';
import { home } from '../gate/stateDir';

/** Where a hook is installed: a project's files, the user's, or the machine's managed (system) settings. */
export type Scope = 'project' | 'user' | 'managed';

/** A JSON path and its new value (undefined removes it). */
export interface Change {
  readonly path: readonly (string | number)[];
  readonly value: unknown;
}

/** What install added that removal must take back (deny rules the user did not already have). */
export interface Added {
  readonly denyRules?: readonly string[];
}

/**
 * A hook file that is a whole script Airlock writes (Cline's `PreToolUse`), not JSON it edits in
 * place: read as `{script: its text}` (nothing when the file is empty or absent).
 */
export interface ScriptFile {
  /** A line only Airlock's script has: a file without it is the user's own, and is never written. */
  readonly marker: string;
  /** What the user can do when the file is their own. */
  readonly whenTheirs: string;
  /** True when the agent runs the file itself as the hook (Cline's `PreToolUse`); false for a file the agent loads (opencode's plugin). */
  readonly runs: boolean;
}

export interface AgentTarget {
  file(scope: 'project' | 'user', projectDir: string, env: Readonly<Record<string, string | undefined>>): string;
  /**
   * The system-wide settings the agent reads above the user's, which device management deploys
   * (and where a setting can switch user hooks off); absent where Airlock knows of none.
   */
  managed?(env: Readonly<Record<string, string | undefined>>): string;
  /** Where there is no such file Airlock writes: why, and what an administrator can do instead. */
  readonly managedNone?: string;
  /** Set when the file is a script Airlock owns whole; unset, it is JSON. */
  readonly script?: ScriptFile;
  /** The changes that make `config` hold exactly one current Airlock entry, and what they add. */
  install(config: Record<string, unknown>, command: string, extra: { readonly denyRules: readonly string[] }): { changes: Change[]; added: Added };
  uninstall(config: Record<string, unknown>, added: Added): Change[];
  /** The hook commands of Airlock's entries in the file. */
  commands(config: Record<string, unknown>): string[];
}

/** The target with the agent's managed file, or the reason Airlock writes none (pure: kept out of the hook's bundle). */
export function withManaged(target: AgentTarget, managed: NonNullable<AgentTarget['managed']> | string): AgentTarget {
  return typeof managed === 'string' ? { ...target, managedNone: managed } : { ...target, managed };
}

/** The file a target keeps its hooks in for a scope, if the agent has that place. */
export function targetFile(target: AgentTarget, scope: Scope, projectDir: string, env: Readonly<Record<string, string | undefined>>): string | undefined {
  return scope === 'managed' ? target.managed?.(env) : target.file(scope, projectDir, env);
}

/**
 * A system-wide path, on Linux (and WSL) or macOS. `AIRLOCK_SYSTEM_ROOT` moves the root, for tests:
 * nothing else writes outside the user's home.
 */
export function systemPath(env: Readonly<Record<string, string | undefined>>, linux: string, macos: string): string {
  return join(env.AIRLOCK_SYSTEM_ROOT || '/', process.platform === 'darwin' ? macos : linux);
}

/** The line `airlock doctor` sends each installed hook in its agent's payload: a working hook denies it by policy alone (the probe never opens a dialog). */
export const PROBE_COMMAND = 'railway volume delete -v pgdata -e production -y';

/** Seconds (milliseconds for Gemini) the agent waits for the hook: above Airlock's longest wait for a human. */
export const HOOK_TIMEOUT_SECONDS = 600;

/** Airlock's user command (`'…/airlock' hook --agent x`) and its project command (see hookCommand). */
const OURS = /airlock['"]? hook --agent |\/bin\/airlock"; if \[ -x "\$l" \]; then exec "\$l" hook --agent /;

export function isOurCommand(command: unknown): boolean {
  return typeof command === 'string' && OURS.test(command);
}

export function array(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function obj(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? value as Record<string, unknown> : undefined;
}

/** Claude-style `{matcher, hooks: [{type, command, …}]}` groups: Airlock's hooks removed, empty groups dropped. */
function withoutOurGroups(groups: readonly unknown[]): unknown[] {
  const out: unknown[] = [];
  for (const group of groups) {
    const g = obj(group);
    const hooks = g ? array(g.hooks) : [];
    if (!g || !hooks.some((h) => isOurCommand(obj(h)?.command))) {
      out.push(group);
      continue;
    }
    const kept = hooks.filter((h) => !isOurCommand(obj(h)?.command));
    if (kept.length > 0) out.push({ ...g, hooks: kept });
  }
  return out;
}

function groupCommands(groups: unknown): string[] {
  return array(groups).flatMap((g) => array(obj(g)?.hooks)).map((h) => obj(h)?.command).filter(isOurCommand) as string[];
}

export function nestedTarget(dir: string, userDir: string, event: string, matcher: string, hook: (command: string) => Record<string, unknown>): Omit<AgentTarget, 'install' | 'uninstall'> & {
  groupChange(config: Record<string, unknown>, command: string | undefined): Change[];
} {
  return {
    file: (scope, projectDir, env) => scope === 'project' ? join(projectDir, dir, 'settings.json') : join(home(env), userDir, 'settings.json'),
    commands: (config) => groupCommands(obj(config.hooks)?.[event]),
    groupChange(config, command) {
      const groups = array(obj(config.hooks)?.[event]);
      const kept = withoutOurGroups(groups);
      const next = command === undefined ? kept : [...kept, { matcher, hooks: [hook(command)] }];
      if (JSON.stringify(next) === JSON.stringify(groups)) return [];
      if (next.length === 0) {
        const others = Object.keys(obj(config.hooks) ?? {}).filter((k) => k !== event);
        return [{ path: others.length === 0 ? ['hooks'] : ['hooks', event], value: undefined }];
      }
      return [{ path: ['hooks', event], value: next }];
    },
  };
}


/** A Claude-shaped settings file where Airlock adds only its hook group (no permission rules). */
export function hookGroupTarget(base: ReturnType<typeof nestedTarget>, file: AgentTarget['file'] = base.file): AgentTarget {
  return {
    file,
    commands: base.commands,
    install: (config, command) => ({ changes: base.groupChange(config, command), added: {} }),
    uninstall: (config) => base.groupChange(config, undefined),
  };
}

/** Flat `{command, …}` entries per event (Cursor's hooks.json, Copilot's hook files). */
export function flatTarget(file: AgentTarget['file'], events: readonly string[], entry: (command: string) => Record<string, unknown>,
  commandOf: (e: Record<string, unknown>) => unknown, header: Record<string, unknown>): AgentTarget {
  const change = (config: Record<string, unknown>, command: string | undefined): Change[] => {
    const changes: Change[] = [];
    if (command !== undefined) for (const [k, v] of Object.entries(header)) if (config[k] === undefined) changes.push({ path: [k], value: v });
    const hooks = obj(config.hooks) ?? {};
    const emptied: string[] = [];
    for (const event of events) {
      const entries = array(hooks[event]);
      const kept = entries.filter((e) => !isOurCommand(commandOf(obj(e) ?? {})));
      const next = command === undefined ? kept : [...kept, entry(command)];
      if (JSON.stringify(next) === JSON.stringify(entries)) continue;
      if (next.length === 0) emptied.push(event);
      else changes.push({ path: ['hooks', event], value: next });
    }
    if (emptied.length > 0 && Object.keys(hooks).every((k) => emptied.includes(k))) changes.push({ path: ['hooks'], value: undefined });
    else for (const event of emptied) changes.push({ path: ['hooks', event], value: undefined });
    return changes;
  };
  return {
    file,
    commands: (config) => events.flatMap((event) => array(obj(config.hooks)?.[event]).map((e) => commandOf(obj(e) ?? {})).filter(isOurCommand) as string[]),
    install: (config, command) => ({ changes: change(config, command), added: {} }),
    uninstall: (config) => change(config, undefined),
  };
}

/**
 * A target that owns its whole file, a script that runs Airlock's command (`scriptFor` writes it,
 * `commandIn` reads the command back): installed, the file is exactly that script; uninstalled,
 * it is gone.
 */
export function scriptTarget(file: AgentTarget['file'], script: ScriptFile, scriptFor: (command: string) => string,
  commandIn: (text: string) => string | undefined): AgentTarget {
  const text = (config: Record<string, unknown>): string | undefined => (typeof config.script === 'string' ? config.script : undefined);
  return {
    file,
    script,
    commands(config) {
      const current = text(config);
      const command = current === undefined ? undefined : commandIn(current);
      return isOurCommand(command) ? [command as string] : [];
    },
    install: (config, command) => ({ changes: text(config) === scriptFor(command) ? [] : [{ path: ['script'], value: scriptFor(command) }], added: {} }),
    uninstall: (config) => (text(config) === undefined ? [] : [{ path: ['script'], value: undefined }]),
  };
}
