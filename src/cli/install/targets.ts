// Where each agent keeps its hooks and what Airlock's entry looks like there. Each target turns a
// parsed configuration into the changes that add or remove Airlock's entry, keeping every entry
// that is not Airlock's. Shapes from each agent's documentation (see ../hook/<agent>.ts).
import { join } from 'node:path';
import { home } from '../../gate/stateDir';
import type { AgentId } from '../hook/types';

export type Scope = 'project' | 'user';

/** A JSON path and its new value (undefined removes it). */
export interface Change {
  readonly path: readonly (string | number)[];
  readonly value: unknown;
}

/** What install added that removal must take back (deny rules the user did not already have). */
export interface Added {
  readonly denyRules?: readonly string[];
}

export interface AgentTarget {
  readonly agent: AgentId;
  file(scope: Scope, projectDir: string, env: Readonly<Record<string, string | undefined>>): string;
  /** The changes that make `config` hold exactly one current Airlock entry, and what they add. */
  install(config: Record<string, unknown>, command: string, extra: { readonly denyRules: readonly string[] }): { changes: Change[]; added: Added };
  uninstall(config: Record<string, unknown>, added: Added): Change[];
  /** The hook commands of Airlock's entries in the file. */
  commands(config: Record<string, unknown>): string[];
}

/** Seconds (milliseconds for Gemini) the agent waits for the hook: above Airlock's longest wait for a human. */
export const HOOK_TIMEOUT_SECONDS = 600;

/** Airlock's user command (`'…/airlock' hook --agent x`) and its project command (see hookCommand). */
const OURS = /airlock['"]? hook --agent |\/bin\/airlock"; if \[ -x "\$l" \]; then exec "\$l" hook --agent /;

export function isOurCommand(command: unknown): boolean {
  return typeof command === 'string' && OURS.test(command);
}

function array(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function obj(value: unknown): Record<string, unknown> | undefined {
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

function nestedTarget(agent: AgentId, dir: string, userDir: string, event: string, matcher: string, hook: (command: string) => Record<string, unknown>): Omit<AgentTarget, 'install' | 'uninstall'> & {
  groupChange(config: Record<string, unknown>, command: string | undefined): Change[];
} {
  return {
    agent,
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

// `onFailure: "block"` (Claude Code 2.1.295+) makes a hook that cannot start or times out block;
// without it those let the call through. Older releases ignore the key.
const claudeBase = nestedTarget('claude-code', '.claude', '.claude', 'PreToolUse',
  'Bash|PowerShell|Monitor|Read|Grep|Glob|LS|Edit|Write|MultiEdit|NotebookEdit|mcp__.*',
  (command) => ({ type: 'command', command, timeout: HOOK_TIMEOUT_SECONDS, onFailure: 'block' }));

const claudeCode: AgentTarget = {
  agent: 'claude-code',
  file: claudeBase.file,
  commands: claudeBase.commands,
  install(config, command, extra) {
    const changes = claudeBase.groupChange(config, command);
    const deny = array(obj(config.permissions)?.deny);
    const missing = extra.denyRules.filter((r) => !deny.includes(r));
    if (missing.length > 0) changes.push({ path: ['permissions', 'deny'], value: [...deny, ...missing] });
    return { changes, added: { denyRules: missing } };
  },
  uninstall(config, added) {
    const changes = claudeBase.groupChange(config, undefined);
    const deny = array(obj(config.permissions)?.deny);
    const ours = new Set(added.denyRules ?? []);
    const kept = deny.filter((r) => typeof r !== 'string' || !ours.has(r));
    if (kept.length !== deny.length) {
      const permissions = obj(config.permissions) ?? {};
      if (kept.length > 0) changes.push({ path: ['permissions', 'deny'], value: kept });
      else if (Object.keys(permissions).length === 1) changes.push({ path: ['permissions'], value: undefined });
      else changes.push({ path: ['permissions', 'deny'], value: undefined });
    }
    return changes;
  },
};

const geminiBase = nestedTarget('gemini', '.gemini', '.gemini', 'BeforeTool',
  'run_shell_command|shell|read_file|read_many_files|glob|grep_search|search_file_content|grep|list_directory|write_file|replace|edit|mcp_.*|.*__.*',
  (command) => ({ type: 'command', name: 'airlock', command, timeout: HOOK_TIMEOUT_SECONDS * 1000 }));

const gemini: AgentTarget = {
  agent: 'gemini',
  file: geminiBase.file,
  commands: geminiBase.commands,
  install: (config, command) => ({ changes: geminiBase.groupChange(config, command), added: {} }),
  uninstall: (config) => geminiBase.groupChange(config, undefined),
};

/** Flat `{command, …}` entries per event (Cursor's hooks.json, Copilot's hook files). */
function flatTarget(agent: AgentId, file: AgentTarget['file'], events: readonly string[], entry: (command: string) => Record<string, unknown>,
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
    agent,
    file,
    commands: (config) => events.flatMap((event) => array(obj(config.hooks)?.[event]).map((e) => commandOf(obj(e) ?? {})).filter(isOurCommand) as string[]),
    install: (config, command) => ({ changes: change(config, command), added: {} }),
    uninstall: (config) => change(config, undefined),
  };
}

// Cursor (cursor.com/docs/hooks): fails open unless `failClosed` is set; timeout in seconds.
// preToolUse is the only event that sees Write, Delete and Grep (and a cloud agent's MCP calls).
const cursor = flatTarget('cursor',
  (scope, projectDir, env) => scope === 'project' ? join(projectDir, '.cursor', 'hooks.json') : join(home(env), '.cursor', 'hooks.json'),
  ['beforeShellExecution', 'beforeReadFile', 'beforeMCPExecution', 'preToolUse'],
  (command) => ({ command, timeout: HOOK_TIMEOUT_SECONDS, failClosed: true }),
  (e) => e.command, { version: 1 });

// Copilot: one file read by VS Code agent hooks and by Copilot CLI / the coding agent, in the
// `version: 1` + `preToolUse` + `bash` form both accept (VS Code maps it to PreToolUse). Copilot
// CLI reads `timeoutSec`; VS Code reads `timeout` first (microsoft/vscode hookSchema.ts), and
// without it kills the hook at 30 s and lets the call through while the dialog is still open.
const copilot = flatTarget('copilot',
  (scope, projectDir, env) => scope === 'project' ? join(projectDir, '.github', 'hooks', 'airlock.json') : join(env.COPILOT_HOME || join(home(env), '.copilot'), 'hooks', 'airlock.json'),
  ['preToolUse'],
  (command) => ({ type: 'command', bash: command, timeout: HOOK_TIMEOUT_SECONDS, timeoutSec: HOOK_TIMEOUT_SECONDS }),
  (e) => e.bash ?? e.command, { version: 1 });

export const TARGETS: Readonly<Record<AgentId, AgentTarget>> = { 'claude-code': claudeCode, cursor, copilot, gemini };
