// `airlock doctor`: per agent and scope, whether Airlock's hook is installed, current (it runs
// the launcher this CLI would write, and the launcher's target exists), and answering (it denies
// a probe call). Also whether an editor window answers for the folder, and what the terminal gate
// covers in this terminal and shell.
import { auditStore, printable } from '../audit';
import { leftovers } from '../../gate/auditStore';
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import { ping } from '../../gate/client';
import { locateWindow } from '../../gate/discovery';
import { UNGUARDED_SHELLS, shellGate } from '../../gate/shells';
import { PROBE_VARIABLE } from '../hook/probe';
import { targetFile, type Scope } from '../../agents/hookFiles';
import { AGENTS, AGENT_LABELS, TARGETS, isDeny } from '../../agents/index';
import { hookCommand, type InstallIo } from '../../agents/install/install';
import { ConfigError, readText } from '../../agents/install/jsonFile';
import { launcherPath, readLauncher } from '../../agents/install/launcher';
import { shQuote } from '../../gate/shellQuote';
import { readTargetConfig } from '../../agents/install/targetConfig';
import type { AgentId } from '../../agents/types';

function probe(command: string, agent: AgentId, dir: string, env: InstallIo['env']): string {
  const started = process.hrtime.bigint();
  const run = spawnSync('/bin/sh', ['-c', command], {
    cwd: dir, input: JSON.stringify(AGENTS[agent].probe(dir)), encoding: 'utf8', timeout: 20_000,
    env: { ...env, [PROBE_VARIABLE]: '1' },
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  // A hook that answers before reading its input (a launcher whose CLI is gone exits at once) closes
  // the pipe while the probe is still written: its exit status is still its answer.
  const unread = run.error !== undefined && 'code' in run.error && run.error.code === 'EPIPE' && run.status !== null;
  if (run.error && !unread) return `not answering (${run.error.message})`;
  if (run.status === 2) return `answering: blocked the probe with exit 2 in ${ms.toFixed(0)} ms (${run.stderr.trim().split('\n')[0] ?? ''})`;
  if (run.status === 0 && isDeny(agent, run.stdout)) return `answering: denied the probe in ${ms.toFixed(0)} ms`;
  return `NOT answering as expected (exit ${String(run.status)}, output ${JSON.stringify(run.stdout.slice(0, 120))})`;
}

export async function doctor(dir: string, agents: readonly AgentId[], scopes: readonly Scope[], io: InstallIo): Promise<number> {
  let healthy = true;
  const launcher = launcherPath(io.env);
  const target = readLauncher(launcher);
  if (!target) io.out(`launcher   ${launcher}: missing — run \`airlock install --agent all\``);
  else {
    const ok = existsSync(target.node) && existsSync(target.cli);
    io.out(`launcher   ${launcher} → ${target.cli}${ok ? '' : ' (MISSING: reinstall Airlock or run `airlock install` again)'}`);
    healthy &&= ok;
  }
  const window = locateWindow({ cwd: dir, env: io.env });
  if (window && await ping(window.entry)) io.out(`editor     an Airlock window answers for ${window.entry.root}: questions go to its dialog`);
  else io.out(`editor     no Airlock window for ${dir}: hooks answer by policy (deny critical/production, the agent's own prompt otherwise)`);
  // The terminal gate reaches the editor's terminals through their environment.
  const gated = io.env.AIRLOCK_NODE !== undefined && io.env.AIRLOCK_CLI !== undefined;
  io.out(`terminal   ${gated ? 'this terminal carries Airlock\'s terminal gate' : 'this terminal has no terminal gate (it is not an editor terminal, or the gate is off: airlock.terminalGate.enabled)'}`);
  const shell = io.env.SHELL;
  const version = shell && /(^|\/)bash$/.test(shell) ? Number.parseFloat(spawnSync(shell, ['-c', 'echo ${BASH_VERSINFO[0]}.${BASH_VERSINFO[1]}'], { encoding: 'utf8', timeout: 5000 }).stdout) : undefined;
  io.out(`shell      ${shellGate(shell, Number.isNaN(version) ? undefined : version)}`);
  io.out(`           shells without a guard: ${UNGUARDED_SHELLS.join(', ')}`);
  const audit = auditHealth(io.env);
  io.out(`audit log  ${audit.text}`);
  healthy &&= audit.ok;

  const checks = hookChecks(dir, agents, scopes, io.env, launcher);
  for (const c of checks) {
    io.out(`${AGENT_LABELS[c.agent]} (${c.scope}): ${c.text}`);
    if (c.willNotRun) io.out(`  WILL NOT RUN: ${c.willNotRun}`);
  }
  const installed = checks.filter((c) => c.state !== 'missing').length;
  healthy &&= checks.every((c) => c.state === 'missing' || c.state === 'healthy');
  if (installed === 0) io.out('No agent has Airlock\'s hook yet: run `airlock install --agent all` in your project.');
  return healthy && installed > 0 ? 0 : 1;
}

/**
 * `airlock doctor --json`: the hooks' part of the report as data (the editor's Airlock view reads
 * it). Exit status as for the text report.
 */
export function doctorJson(dir: string, agents: readonly AgentId[], scopes: readonly Scope[], io: InstallIo): number {
  const checks = hookChecks(dir, agents, scopes, io.env, launcherPath(io.env));
  io.out(JSON.stringify({ dir, hooks: checks }));
  return checks.some((c) => c.state !== 'missing') && checks.every((c) => c.state === 'missing' || c.state === 'healthy') ? 0 : 1;
}

/** One agent's hook in one scope, as the doctor found it. */
export interface HookCheck {
  readonly agent: AgentId;
  readonly scope: Scope;
  readonly file: string;
  /**
   * missing: no hook of Airlock's there; healthy: installed, current and answering; broken: there
   * but out of date, edited, not answering, unreadable, or one the agent will not run.
   */
  readonly state: 'missing' | 'healthy' | 'broken';
  /** What the doctor says about it, in its words. */
  readonly text: string;
  readonly willNotRun?: string;
}

function hookChecks(dir: string, agents: readonly AgentId[], scopes: readonly Scope[], env: InstallIo['env'], launcher: string): HookCheck[] {
  const checks: HookCheck[] = [];
  for (const agent of agents) {
    for (const scope of scopes) {
      const file = targetFile(TARGETS[agent], scope, dir, env);
      if (file === undefined) continue;
      let commands: string[];
      let config: Record<string, unknown>;
      try {
        const text = readText(file);
        if (text === undefined) {
          // Managed settings are the exception on a machine: named only when there are some.
          if (scope !== 'managed') checks.push({ agent, scope, file, state: 'missing', text: 'not installed' });
          continue;
        }
        config = readTargetConfig(TARGETS[agent], file, text);
        commands = TARGETS[agent].commands(config);
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        checks.push({ agent, scope, file, state: 'broken', text: error.message });
        continue;
      }
      if (commands.length === 0) {
        checks.push({ agent, scope, file, state: 'missing', text: `not installed in ${file}` });
        continue;
      }
      const expected = hookCommand(launcher, agent, scope);
      const ours = commands.every((c) => c === expected);
      // An entry missing for an event this release guards (Cursor's preToolUse) leaves its tools unguarded.
      const current = ours && TARGETS[agent].install(config, expected, { denyRules: [] }).changes.length === 0;
      // Only the exact command Airlock writes is ever run: an entry that merely looks like ours
      // came from someone else and could run anything. A script Airlock owns (Cline's) is what
      // the agent runs, and is run itself once it is exactly the one Airlock writes.
      const run = TARGETS[agent].script?.runs === true && current ? shQuote(file) : expected;
      const answer = ours ? probe(run, agent, dir, env) : `not probed: ${commands.find((c) => c !== expected) ?? ''} is not the command Airlock writes`;
      const willNotRun = AGENTS[agent].willNotRun?.(file, scope, dir, env);
      const healthy = current && answer.startsWith('answering') && willNotRun === undefined;
      checks.push({
        agent, scope, file, state: healthy ? 'healthy' : 'broken', ...(willNotRun ? { willNotRun } : {}),
        text: `installed in ${file}; ${current ? 'current' : 'OUT OF DATE or edited — run `airlock install` again'}; ${answer}`,
      });
    }
  }
  return checks;
}

/** Whether decisions can be recorded, and whether the log holds what was written. */
function auditHealth(env: InstallIo['env']): { ok: boolean; text: string } {
  const store = auditStore(env);
  try {
    if (existsSync(store.dir)) accessSync(store.dir, constants.W_OK);
  } catch {
    return { ok: false, text: `${store.dir} cannot be written: decisions are queued elsewhere and flagged calls are denied until it can be` };
  }
  store.absorb();
  if (store.failing) return { ok: false, text: `${store.failing}. Flagged calls are denied until it can be written; queued records go in once it can.` };
  const result = store.verify();
  if (!result.ok) return { ok: false, text: `BROKEN in ${store.dir}${result.file ? ` at line ${result.line} of ${result.file}` : ''}: ${result.reason} (\`airlock audit verify\`)` };
  // File names in the state folder could be anyone's: shown without control characters.
  const cut = leftovers(store.dir).map((f) => printable(f, '?'));
  return {
    ok: true,
    text: `${store.dir}: intact, ${result.records} record${result.records === 1 ? '' : 's'}${result.queued > 0 ? `, ${result.queued} queued` : ''}${result.note ? `; ${result.note}` : ''}${cut.length > 0 ? `; kept aside after a failed write: ${cut.join(', ')}` : ''}`,
  };
}
