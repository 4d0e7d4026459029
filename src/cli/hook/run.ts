// `airlock hook --agent X`: one payload on stdin → one answer in the agent's schema. The order of
// judgement: read the payload (unreadable and shell-shaped → deny), judge the call with the
// engine or the protected-path policy, then, if a human is needed, ask the editor window that
// owns the folder; with none, policy answers. Every decision is audited.
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { auditRecord, DOCTOR_ACTOR, type AuditRecord, type DecidedBy } from '../../core/audit';
import { LazyEngine, failClosed, verdictOf, type ClassifyContext } from '../../core/engine';
import {
  destructiveToolFinding, destructiveVerbIn, isDestructiveToolName, isOpaqueEditorTool, isWritingToolName, mcpEnvironment, mcpReading, opaqueEditorToolFinding, redactedInput, unreadInputFinding,
} from '../../core/mcp';
import { credentialToolFinding, forcesProtectedRef, migratesDown, returnsCredentials, sentCredentialFinding, sentCredentialKinds } from '../../core/mcpRisks';
import { pathVerdict, protectedPaths } from '../../core/secrets/pathVerdict';
import { isGuardFile } from '../../core/selfProtection';
import { changesAirlockSettings } from '../../core/settingsChange';
import { ALLOW_VERDICT, tierRank, type Finding, type Verdict } from '../../core/verdict';
import { TimedOut, Unreachable, askDecision } from '../../gate/client';
import { locateWindow, type Located } from '../../gate/discovery';
import { PROTOCOL_VERSION, type DecisionRequest } from '../../gate/protocol';
import { queueDecision, recordDecision } from '../audit';
import { diskCredentialOrigins } from '../credentialFiles';
import { gitRecovery } from '../gitRecovery';
import { DISK_PROJECT_FILES } from '../projectFiles';
import { definedOnly } from '../env';
import { diskToolState } from '../toolState';
import { ADAPTERS } from '../../agents/hooks';
import { PROBE_COMMAND } from '../../agents/hookFiles';
import { filesReached } from './contentGlobs';
import { credentialHolders, homePath, searchedHolders, withPrintedHolders } from './credentialHolders';
import { answerFor, unreadableAnswer, unrecordedAnswer, type Outcome } from './messages';
import { headlessDroid, headlessGemini } from './headless';
import { PROBE_VARIABLE } from './probe';
import { loadHookPolicy, type HookPolicy } from '../../gate/hookPolicy';
import { PayloadError, callIdOf, type AgentId, type HookAnswer, type HookEvent, type HookOutput } from '../../agents/types';

export interface HookIo {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stderr: (text: string) => void;
  readonly now: () => Date;
  readonly engine: LazyEngine;
}


/**
 * The paths, plus where each resolves through symbolic links: `notes.txt` → `.env` is a read of
 * `.env`, and `cfg/credentials` with `cfg` → `~/.aws` a read of `~/.aws/credentials`; and a
 * relative path read from the payload's cwd where that makes it one of Airlock's guard files
 * (`settings.json` with cwd `~/.claude`).
 */
function withLinkTargets(paths: readonly string[], cwd: string | undefined): string[] {
  const out = [...paths];
  for (const path of paths) {
    const full = resolve(cwd ?? '.', path);
    if (full !== path && isGuardFile(full) && !isGuardFile(path)) out.push(full);
    try {
      const real = realpathSync(full);
      if (real !== full) out.push(real);
    } catch {
      // not there (yet), or a glob: judged by its name alone
    }
  }
  return out;
}

const UNREADABLE = Symbol('unreadable');
/** What the decision client waits beyond a request's own time-out, and the hook's start-up before it asks. */
const CLIENT_MARGIN_MS = 5000;

/** A settings file's text, to compare Airlock's keys before and after: null when there is none; UNREADABLE when it cannot be read or is over 1 MB. */
function settingsText(path: string): string | null | typeof UNREADABLE {
  try {
    return statSync(path).size <= 1 << 20 ? readFileSync(path, 'utf8') : UNREADABLE;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? null : UNREADABLE;
  }
}

async function judge(event: Exclude<HookEvent, { kind: 'unrelated' }>, policy: HookPolicy, located: Located | undefined, io: HookIo): Promise<{ verdict: Verdict; subject: string }> {
  const home = io.env.HOME || undefined;
  const credentialOrigins = diskCredentialOrigins({ roots: [...event.roots, ...(located ? [located.entry.root] : [])], home });
  const context = (cwd: string | undefined): ClassifyContext => ({
    // An agent that sends no folder runs its hook in the project: the line is followed from there.
    cwd: resolve(cwd ?? event.roots[0] ?? process.cwd()), env: definedOnly(io.env), actor: 'agent', toolState: diskToolState(home), environments: policy.environments, paths: policy, policy: policy.policy,
    credentialOrigins, recovery: gitRecovery(), project: { files: DISK_PROJECT_FILES, home },
  });
  const isProtected = (path: string): boolean => protectedPaths([path], policy).length > 0;
  switch (event.kind) {
    case 'command': {
      const verdicts: Verdict[] = [];
      for (const line of event.separately ?? [event.command]) {
        let verdict: Verdict;
        try {
          verdict = await io.engine.classify(line, context(event.cwd));
        } catch (error) {
          return { verdict: failClosed(line, error), subject: event.command };
        }
        verdicts.push(withPrintedHolders(verdict, line, event.cwd, isProtected, policy, home));
      }
      const findings = verdicts.flatMap((v) => v.findings);
      if (verdicts.length === 1 || findings.length === 0) return { verdict: verdicts[0] ?? ALLOW_VERDICT, subject: event.command };
      const credential = verdicts.find((v) => v.credential)?.credential;
      const verdict = verdictOf(findings, { actor: 'agent', policy: policy.policy });
      return { verdict: credential ? { ...verdict, credential } : verdict, subject: event.command };
    }
    case 'read':
    case 'write': {
      // One walk of what a search reaches: its protected files by name, the others by what they hold.
      const searched = event.searched ? filesReached(event.searched, event.cwd, () => true) : { files: [], unchecked: [] };
      const reached = { files: searched.files.filter(isProtected), unchecked: searched.unchecked };
      const searchedHolding = event.searched && event.kind === 'read'
        ? searchedHolders(searched.files.filter((f) => !isProtected(f)), event.searched.context ? undefined : event.searched.pattern, event.searched.ignoreCase === true) : [];
      const { change } = event;
      // `~/x` as the file tools read it, besides the text as written.
      const named = event.paths.flatMap((p) => (homePath(p, home) === p ? [p] : [p, homePath(p, home)]));
      const paths = withLinkTargets([...named, ...reached.files], event.cwd);
      const facts = {
        unchecked: reached.unchecked,
        holders: event.kind === 'read' ? [...credentialHolders(paths, event.cwd, isProtected, home), ...searchedHolding] : [],
        changesAirlockSettings: (path: string) => {
          if (change === undefined) return true;
          const before = settingsText(resolve(event.cwd ?? '.', homePath(path, home)));
          return before === UNREADABLE || changesAirlockSettings(before ?? undefined, change);
        },
        // What is put in and taken out: removing the line that loads the gate counts too.
        writtenText: () => change === undefined ? undefined : change.content ?? change.edits.map((e) => `${e.old}\n${e.new}`).join('\n'),
      };
      return { verdict: pathVerdict(paths, event.kind, policy, facts), subject: event.paths.join(' ') };
    }
    case 'mcp': {
      const call = { tool: event.tool, input: event.input, server: event.server };
      const hinted = mcpEnvironment(call, policy.environments);
      const reading = mcpReading(call);
      const findings: Finding[] = [];
      let credential: Verdict['credential'];
      for (const line of reading.lines) {
        const verdict = await io.engine.classify(line, context(event.cwd));
        credential ??= verdict.credential;
        // The call's own arguments may name the environment the text does not (`project: acme-prod`).
        for (const f of verdict.findings) findings.push(tierRank(hinted.tier) > tierRank(f.environment.tier) ? { ...f, environment: hinted } : f);
      }
      findings.push(...pathVerdict(withLinkTargets(reading.paths, event.cwd), isWritingToolName(event.tool) ? 'write' : 'read', policy).findings);
      // `delete_volume`, or `volume` told `{"action": "delete"}`.
      if (isDestructiveToolName(event.tool) || destructiveVerbIn(event.input) !== undefined || forcesProtectedRef(call) || migratesDown(call)) findings.push(destructiveToolFinding(call, hinted));
      // A live credential in the arguments goes to whoever the tool sends them (a gist, a commit, a URL).
      const sent = sentCredentialKinds(event.input);
      if (sent.length > 0) findings.push(sentCredentialFinding(event.tool, sent, hinted));
      if (returnsCredentials(event.tool, event.input, event.server)) findings.push(credentialToolFinding(event.tool, hinted));
      if (reading.unread) findings.push(unreadInputFinding(hinted));
      if (isOpaqueEditorTool(event.tool)) findings.push(opaqueEditorToolFinding(event.tool, hinted));
      const subject = `${event.tool} ${JSON.stringify(redactedInput(event.input))}`;
      if (findings.length === 0) return { verdict: { decision: 'allow', risk: 'none', environment: hinted, findings: [], confirmation: 'none' }, subject };
      const verdict = verdictOf(findings, { actor: 'agent', policy: policy.policy });
      return { verdict: credential ? { ...verdict, credential } : verdict, subject };
    }
  }
}

async function askHuman(actor: AgentId, event: Exclude<HookEvent, { kind: 'unrelated' }>, subject: string, verdict: Verdict, located: Located | undefined, policy: HookPolicy,
  callId: string | undefined, answerWithinMs = Infinity): Promise<Outcome> {
  if (policy.problem) return { by: 'failure', reason: `Airlock could not read its settings (${policy.problem})` };
  if (!located) return { by: 'offline' };
  const request: DecisionRequest = {
    version: PROTOCOL_VERSION, source: 'hook', actor, kind: event.kind,
    // The client waits its margin beyond this and the hook starts first: all within what the agent allows.
    subject, cwd: event.cwd, tool: event.tool, verdict, timeoutMs: Math.min(policy.timeoutMs, answerWithinMs - CLIENT_MARGIN_MS), ...(callId ? { callId } : {}),
  };
  try {
    const response = await askDecision(located.entry, request);
    if (response.decidedBy === 'timeout') return { by: 'timeout', reason: response.reason, answered: true };
    if (response.decidedBy === 'policy' && response.decision === 'deny') return { by: 'editor-policy', reason: response.reason, answered: true };
    return { by: 'human', decision: response.decision, reason: response.reason, answered: true };
  } catch (error) {
    if (error instanceof Unreachable) return { by: 'offline' };
    if (error instanceof TimedOut) return { by: 'timeout', reason: `The editor's Airlock gave ${error.message}.` };
    return { by: 'failure', reason: `The editor's Airlock did not answer usably: ${error instanceof Error ? error.message : String(error)}` };
  }
}

function decidedBy(outcome: Outcome): DecidedBy {
  switch (outcome.by) {
    case 'engine':
    case 'offline':
    case 'probe':
      return 'policy';
    case 'human':
      return 'human';
    case 'editor-policy':
      return 'policy';
    case 'timeout':
      return 'timeout';
    case 'failure':
      return 'error';
  }
}

export async function runHook(agent: AgentId, input: string, io: HookIo): Promise<HookOutput> {
  const adapter = ADAPTERS[agent];
  const probe = io.env[PROBE_VARIABLE] === '1';
  let payload: unknown;
  let event: HookEvent;
  try {
    try {
      payload = JSON.parse(input);
    } catch {
      throw new PayloadError(input.trim() === '' ? 'stdin was empty' : 'stdin is not JSON', true);
    }
    event = adapter.parse(payload);
  } catch (error) {
    if (!(error instanceof PayloadError)) throw error;
    io.stderr(`airlock hook --agent ${agent}: ${error.message}; ${error.shell ? 'denying the call' : 'not a call Airlock guards, allowing it'}\n`);
    return adapter.format(unreadableAnswer(error.message, error.shell), undefined, payload);
  }
  if (event.kind === 'unrelated') {
    if (!event.known) io.stderr(`airlock hook --agent ${agent}: tool "${event.tool}" is not one Airlock guards; allowing it\n`);
    return adapter.format(answerFor(ALLOW_VERDICT, { by: 'engine' }), event, payload);
  }
  const located = locateWindow({ cwd: event.cwd, roots: event.roots, env: io.env });
  // The window's policy (the user's protected paths, environment names, tier rules) applies to a
  // probe too: its variable could come from a project's agent settings, so it only makes the hook
  // stricter — no dialog, and what would need a human is denied.
  const policy = loadHookPolicy(located, event.cwd, event.roots);
  const { verdict, subject } = await judge(event, policy, located, io);
  // Claude's hooks are run by others too: the dialog and the log name the agent that asks.
  const actor = adapter.callerOf?.(payload) ?? agent;
  const outcome: Outcome = verdict.decision !== 'confirm' ? { by: 'engine' }
    : probe && !policy.problem ? { by: 'probe' }
      : await askHuman(actor, event, subject, verdict, probe ? undefined : located, policy, callIdOf(payload), adapter.answerWithinMs);
  // Headless Gemini CLI has no prompt for an ask: it stops (or waits for good) instead; `droid exec` runs the call.
  const noOneToAsk = outcome.by === 'offline' && (((actor === 'gemini' || actor === 'qwen') && headlessGemini() === true) || (actor === 'droid' && headlessDroid() === true));
  const answer: HookAnswer = answerFor(verdict, outcome, !probe && !noOneToAsk && adapter.canAsk(event, payload));
  // What the editor's window decided, the window records.
  if ('answered' in outcome) return adapter.format(answer, event, payload);
  const record = (a: HookAnswer): AuditRecord => auditRecord({
    // Only the doctor's own probe call is recorded as the doctor's; anything else run with the variable is the agent's.
    time: io.now(), source: 'hook', actor: probe && event.kind === 'command' && event.command === PROBE_COMMAND ? DOCTOR_ACTOR : actor, kind: event.kind, subject, tool: event.tool, cwd: event.cwd, verdict,
    decision: a.decision, decidedBy: decidedBy(outcome), reason: a.quiet ? undefined : a.userMessage,
  });
  const warn = (message: string): void => io.stderr(`airlock: ${message}\n`);
  const written = recordDecision(record(answer), io.env, warn);
  if (written.ok) return adapter.format(answer, event, payload);
  const kept = verdict.decision !== 'allow' && answer.decision !== 'deny' ? unrecordedAnswer(verdict, written.problem) : answer;
  queueDecision(record(kept), io.env, warn);
  return adapter.format(kept, event, payload);
}
