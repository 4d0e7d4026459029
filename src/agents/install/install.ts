// `airlock install` and `airlock uninstall`: Airlock's entry in each agent's configuration,
// merged so that nothing of the user's is lost. Each file is handled on its own: one malformed
// file is reported and left untouched while the others are still installed.
import { existsSync, rmdirSync } from 'node:fs';
import { dirname, parse as parsePath } from 'node:path';
import { claudeReadDenyRules } from '../../core/secrets/claudeRules';
import { locateWindow } from '../../gate/discovery';
import { loadHookPolicy } from '../../gate/hookPolicy';
import { targetFile, type AgentTarget, type Scope } from '../hookFiles';
import { AGENTS, AGENT_LABELS, TARGETS } from '../index';
import type { AgentId } from '../types';
import { deleteBackup, readBackup, writeBackup } from './backups';
import { ConfigError, readText, removeFile, sameJson, writeText } from './jsonFile';
import { shQuote } from '../../gate/shellQuote';
import { launcherPath, writeLauncher } from './launcher';
import { applyTargetChanges, readTargetConfig } from './targetConfig';

/** Which agents, where: `dir` is the project a project-scope install writes into. */
export interface InstallOptions {
  readonly agents: readonly AgentId[];
  readonly scope: Scope;
  readonly dir: string;
}

export interface InstallIo {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly out: (line: string) => void;
  /** The node binary and CLI script the launcher runs. */
  readonly node: string;
  readonly cli: string;
  /** The operating system (process.platform), given by tests. */
  readonly platform?: NodeJS.Platform;
}

/**
 * Why Airlock's hooks cannot guard this machine yet, if they cannot. On Windows the `sh` launcher
 * cannot start, and a fail-closed hook that cannot start blocks every call an agent makes (Cursor).
 */
export function unsupportedPlatform(platform: NodeJS.Platform): string | undefined {
  return platform === 'win32'
    ? 'Airlock\'s agent hooks do not run on Windows yet: they start through a POSIX shell launcher, and an agent whose hook cannot start either blocks every call (Cursor) or runs it unguarded. Nothing was installed. On Windows, use Airlock inside WSL, where it is supported.'
    : undefined;
}

/**
 * The hook command. A user's own settings name their launcher. A project's files are shared with
 * teammates and cloud agents, where that path means nothing and an agent that cannot start a hook
 * lets the call through: there the command finds the launcher where each user's Airlock keeps it
 * (as `launcherPath` does), and without one exits 2, which every agent reads as a block.
 */
export function hookCommand(launcher: string, agent: AgentId, scope: Scope = 'user'): string {
  if (scope === 'user') return `${shQuote(launcher)} hook --agent ${agent}`;
  return `l="\${AIRLOCK_DATA_DIR:-\${XDG_DATA_HOME:-$HOME/.local/share}/airlock}/bin/airlock"; if [ -x "$l" ]; then exec "$l" hook --agent ${agent}; fi; `
    + `echo "airlock: this project's ${AGENT_LABELS[agent]} hook needs Airlock, which is not installed for this user; denying. Install the Airlock extension, or run: airlock install" >&2; exit 2`;
}

/**
 * The policy Claude's Read rules are written from: the one an editor window publishes for the
 * folder (the user's exceptions included — a deny rule would overrule them), else the folder's
 * own settings.
 */
function pathPolicy(dir: string, env: InstallIo['env']): { protectedPaths: readonly string[]; allowedPaths: readonly string[] } {
  return loadHookPolicy(locateWindow({ cwd: dir, env }), dir, []);
}

/** The directory and its parents that do not exist yet, deepest first. */
function missingDirectories(dir: string): string[] {
  const out: string[] = [];
  for (let d = dir; !existsSync(d) && d !== parsePath(d).root; d = dirname(d)) out.push(d);
  return out;
}

function removeIfEmpty(dir: string): void {
  try {
    rmdirSync(dir);
  } catch {
    // not empty (the user put something there) or already gone
  }
}

/**
 * Runs `edit` on each chosen agent's file. A file that cannot be read or parsed is reported and
 * skipped; the exit code is 1 when any was.
 */
function eachAgentFile(options: InstallOptions, io: InstallIo, edit: (agent: AgentId, target: AgentTarget, file: string) => void): number {
  let failed = false;
  for (const agent of options.agents) {
    const target = TARGETS[agent];
    const file = targetFile(target, options.scope, options.dir, io.env);
    if (file === undefined) {
      io.out(`${AGENT_LABELS[agent]}: Airlock knows no managed (system-wide) hook settings for it; skipped${target.managedNone ? ` (${target.managedNone})` : ''}`);
      continue;
    }
    try {
      edit(agent, target, file);
    } catch (error) {
      const denied = (error as NodeJS.ErrnoException).code === 'EACCES' || (error as NodeJS.ErrnoException).code === 'EPERM';
      if (!(error instanceof ConfigError) && !denied) throw error;
      failed = true;
      io.out(`${AGENT_LABELS[agent]}: ${denied ? `cannot write ${file}: permission denied${options.scope === 'managed' ? ' (managed settings are the machine\'s: run as an administrator, or deploy the file with your device management)' : ''}` : (error as Error).message}`);
    }
  }
  return failed ? 1 : 0;
}

export function install(options: InstallOptions, io: InstallIo): number {
  const unsupported = unsupportedPlatform(io.platform ?? process.platform);
  if (unsupported) {
    io.out(unsupported);
    return 1;
  }
  const launcher = launcherPath(io.env);
  if (writeLauncher(launcher, { node: io.node, cli: io.cli })) io.out(`launcher  ${launcher} (runs ${io.cli})`);
  const paths = pathPolicy(options.dir, io.env);
  const denyRules = claudeReadDenyRules(paths.protectedPaths, paths.allowedPaths);
  return eachAgentFile(options, io, (agent, target, file) => {
    const text = readText(file);
    const config = readTargetConfig(target, file, text ?? '');
    const { changes, added } = target.install(config, hookCommand(launcher, agent, options.scope), { denyRules });
    const notice = AGENTS[agent].notice;
    if (changes.length === 0) {
      io.out(`${AGENT_LABELS[agent]}: already installed in ${file}`);
      const notRunning = AGENTS[agent].willNotRun?.(file, options.scope, options.dir, io.env);
      if (notRunning) io.out(`  but it will not run yet: ${notRunning}`);
      if (notice) io.out(`  note: ${notice}`);
      return;
    }
    const backup = readBackup(file, io.env);
    const merged = { denyRules: [...new Set([...(backup?.added.denyRules ?? []), ...(added.denyRules ?? [])])] };
    const createdDirs = backup ? backup.createdDirs : missingDirectories(dirname(file));
    const where = writeBackup({ version: 1, file, original: backup ? backup.original : text ?? null, added: merged, createdDirs }, io.env);
    writeText(file, applyTargetChanges(target, text ?? '', changes), target.script?.runs === true);
    io.out(`${AGENT_LABELS[agent]}: installed in ${file}${backup ? '' : text === undefined ? ' (new file)' : ` (original kept in ${where})`}`);
    // Read once the file is written: whether the agent can run it is a question about the file.
    const notRunning = AGENTS[agent].willNotRun?.(file, options.scope, options.dir, io.env);
    if (notRunning) io.out(`  but it will not run yet: ${notRunning}`);
    if (notice) io.out(`  note: ${notice}`);
  });
}

export function uninstall(options: InstallOptions, io: InstallIo): number {
  return eachAgentFile(options, io, (agent, target, file) => {
    const text = readText(file);
    const backup = readBackup(file, io.env);
    if (text === undefined) {
      deleteBackup(file, io.env);
      io.out(`${AGENT_LABELS[agent]}: not installed (${file} does not exist)`);
      return;
    }
    const config = readTargetConfig(target, file, text);
    const changes = target.uninstall(config, backup?.added ?? {});
    if (changes.length === 0) {
      if (backup) deleteBackup(file, io.env);
      io.out(`${AGENT_LABELS[agent]}: not installed in ${file}`);
      return;
    }
    const next = applyTargetChanges(target, text, changes);
    const nextValue = readTargetConfig(target, file, next);
    const emptied = Object.keys(nextValue).every((k) => k === 'version');
    if (backup && backup.original !== null && sameJson(nextValue, readTargetConfig(target, file, backup.original))) {
      writeText(file, backup.original);
      io.out(`${AGENT_LABELS[agent]}: removed from ${file} (your original file restored)`);
    } else if (emptied && (backup?.original === null || target.script)) {
      // A script Airlock owned whole is gone with Airlock's hook: an empty one would still be run.
      removeFile(file);
      for (const dir of backup?.createdDirs ?? []) removeIfEmpty(dir);
      io.out(`${AGENT_LABELS[agent]}: removed ${file} (Airlock had created it)`);
    } else {
      writeText(file, next);
      io.out(`${AGENT_LABELS[agent]}: removed from ${file}`);
    }
    deleteBackup(file, io.env);
  });
}
