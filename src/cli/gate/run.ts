// `airlock gate`: the terminal gate's client, run by a PATH shim (the program and its argv) or a
// shell guard (the whole line). Exit 0 lets the command run; anything else stops it, after one
// line on stderr that says what, why and how to get it approved. The order: judge with the
// engine; a benign command passes silently; a policy deny stops; otherwise the editor window
// that owns the folder asks its human. With no window: an agent's command, or any command in an
// editor terminal (which may be a hidden agent's), is denied; a person at another terminal types
// the environment's name.
import { agentFromEnv } from '../../core/actor';
import { auditRecord, type DecidedBy } from '../../core/audit';
import { failClosed, type LazyEngine } from '../../core/engine';
import { redact } from '../../core/environment/redact';
import { protectedPaths } from '../../core/secrets/pathVerdict';
import { TIER_MARK, withUnseenOperands, type Verdict } from '../../core/verdict';
import { TimedOut, Unreachable, askDecision } from '../../gate/client';
import { locateWindow } from '../../gate/discovery';
import { PROTOCOL_VERSION, type DecisionRequest, type Source } from '../../gate/protocol';
import { queueDecision, recordDecision } from '../audit';
import { diskCredentialOrigins } from '../credentialFiles';
import { gitRecovery } from '../gitRecovery';
import { DISK_PROJECT_FILES } from '../projectFiles';
import { definedOnly } from '../env';
import { withPrintedHolders } from '../hook/credentialHolders';
import { loadHookPolicy } from '../../gate/hookPolicy';
import { diskToolState } from '../toolState';

export const DENIED = 126;

export interface GateCall {
  readonly line: string;
  readonly source: Source;
  /**
   * Whether the caller is a shell guard: it reads the grant of an approved line, or the reason a
   * line was stopped, on stdout, and shows the reason as the output of the line it runs instead.
   */
  readonly printGrant?: boolean;
  /** The shell that runs the command (the shim's parent), for the extension to find its terminal. */
  readonly pid?: number;
  /** A guarded program the line runs past its shim with operands only known when it runs (the bash guard says which). */
  readonly unseen?: string;
}

export interface GateIo {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  readonly stderr: (text: string) => void;
  readonly stdout: (text: string) => void;
  readonly now: () => Date;
  readonly engine: LazyEngine;
  /** Asks the person at the terminal to type `name`; undefined when there is no terminal to ask. */
  readonly typeOnTerminal: (question: string, name: string) => boolean | undefined;
}

function oneLine(text: string, max = 160): string {
  const flat = text.replace(/[\x00-\x1f\x7f]+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** The line as the terminal is told it: one line, short, a credential written on it masked. */
function shownLine(line: string): string {
  return oneLine(redact(line, 400), 80);
}

function what(verdict: Verdict): string {
  const env = verdict.environment;
  const first = verdict.findings[0];
  const through = first?.through ? ` — ${oneLine(first.through, 200)}` : '';
  const named = env.tier === 'unknown' && env.name ? ` ${oneLine(env.name, 120)}` : '';
  return `${TIER_MARK[env.tier]} ${env.tier.toUpperCase()}${named}${env.evidence ? ` (${oneLine(env.evidence, 120)})` : ''}: ${oneLine(first?.summary ?? 'a guarded command', 120)}${through}`;
}

export async function runGate(call: GateCall, io: GateIo): Promise<number> {
  const agent = agentFromEnv(io.env);
  const located = locateWindow({ cwd: io.cwd, env: io.env });
  const policy = loadHookPolicy(located, io.cwd, []);
  let verdict: Verdict;
  try {
    verdict = await io.engine.classify(call.line, {
      cwd: io.cwd, env: definedOnly(io.env), actor: 'agent', toolState: diskToolState(io.env.HOME || undefined),
      environments: policy.environments, paths: policy, policy: policy.policy,
      credentialOrigins: diskCredentialOrigins({ roots: located ? [located.entry.root] : [], home: io.env.HOME || undefined }),
      recovery: gitRecovery(), project: { files: DISK_PROJECT_FILES, home: io.env.HOME || undefined },
    });
  } catch (error) {
    verdict = failClosed(call.line, error);
  }
  // A file the line prints that holds a credential by its content (`cat docs/deploy-notes.md`).
  verdict = withPrintedHolders(verdict, call.line, io.cwd, (path) => protectedPaths([path], policy).length > 0, policy, io.env.HOME || undefined);
  // What the program's shim would have read, the engine cannot: a person decides.
  if (call.unseen) verdict = withUnseenOperands(verdict, call.line, oneLine(call.unseen, 80));
  if (verdict.decision === 'allow') return 0;
  /** Records what the gate decided alone; false when the record could not go on the chain (it is queued). */
  const audit = (decision: 'allow' | 'deny', decidedBy: DecidedBy, reason: string): boolean => {
    const record = auditRecord({
      time: io.now(), source: call.source, actor: agent ?? 'terminal', kind: 'command', subject: call.line, cwd: io.cwd, verdict, decision, decidedBy, reason,
    });
    const warn = (m: string): void => io.stderr(`airlock: ${m}\n`);
    if (recordDecision(record, io.env, warn).ok) return true;
    queueDecision(decision === 'allow' ? { ...record, decision: 'deny', reason: `${reason}; denied because the audit log could not be written` } : record, io.env, warn);
    return false;
  };
  const tell = call.printGrant ? io.stdout : io.stderr;
  const stop = (reason: string, decidedBy: DecidedBy): number => {
    tell(`airlock: stopped ${shownLine(call.line)} — ${what(verdict)}. ${reason}\n`);
    audit('deny', decidedBy, reason);
    return DENIED;
  };
  if (verdict.decision === 'deny') return stop('Airlock\'s policy denies it outright; run it yourself outside the agent if it is really meant.', 'policy');
  if (policy.problem) return stop(`Airlock could not read its settings (${policy.problem}).`, 'error');
  if (located) {
    const request: DecisionRequest = {
      version: PROTOCOL_VERSION, source: call.source, actor: agent ?? 'terminal', kind: 'command', subject: call.line, cwd: io.cwd,
      verdict, timeoutMs: policy.timeoutMs, ...(call.pid ? { pid: call.pid } : {}),
      ...(io.env.AIRLOCK_LINE_GRANT ? { grant: io.env.AIRLOCK_LINE_GRANT } : {}),
    };
    try {
      const response = await askDecision(located.entry, request);
      if (response.decision === 'allow') {
        if (call.printGrant && response.grant) io.stdout(response.grant + '\n');
        return 0;
      }
      tell(`airlock: stopped ${shownLine(call.line)} — ${what(verdict)}. ${oneLine(response.reason ?? 'Denied in the editor.', 200)}\n`);
      return DENIED;
    } catch (error) {
      if (error instanceof TimedOut) return stop(`Nobody answered in the editor in time (${error.message}).`, 'timeout');
      if (!(error instanceof Unreachable)) return stop(`The editor's Airlock did not answer usably: ${error instanceof Error ? error.message : String(error)}.`, 'error');
    }
  }
  // No editor window answers.
  if (agent) return stop('No editor window with Airlock is open to ask, so an agent\'s command is denied; open the folder in the editor and ask again.', 'policy');
  // An editor terminal whose window does not answer may be an agent's (hidden terminals carry no
  // marker), and an agent can type into its terminal: no typed confirmation there.
  if (io.env.AIRLOCK_IPC) return stop('No editor window with Airlock answers for this terminal (closed, or its socket is gone), and a terminal of the editor may be an agent\'s, so the command is denied; reload the window, or run it from a terminal outside the editor.', 'policy');
  const name = verdict.environment.name || verdict.environment.tier;
  const typed = io.typeOnTerminal(`airlock: ${what(verdict)}\nairlock: no editor window to ask. Type "${name}" to run ${shownLine(call.line)}, anything else to stop it: `, name);
  if (typed === undefined) return stop('No editor window with Airlock is open and there is no terminal to ask on.', 'policy');
  if (!typed) return stop('The name typed did not match.', 'human');
  if (!audit('allow', 'human', `"${name}" typed at the terminal`)) {
    tell(`airlock: stopped ${shownLine(call.line)} — Airlock could not write its audit log, and while it cannot, it denies what it flags (run \`airlock doctor\`).\n`);
    return DENIED;
  }
  return 0;
}
