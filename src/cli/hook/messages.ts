// What the human and the agent are told. The human's text names the environment in capitals and
// who decided; the agent's text says it was stopped, why, and not to work around it. Text that
// came from the command (names, evidence) is already redacted; control characters are removed so
// it cannot rewrite a terminal.
import { OPEN_EDITOR } from '../../core/noWindow';
import { CONTROL_CHARACTERS } from '../../core/prefilter';
import { TIER_MARK, type Verdict } from '../../core/verdict';
import type { HookAnswer } from '../../agents/types';
import { PROBE_VARIABLE } from './probe';

const CONTROL = new RegExp(CONTROL_CHARACTERS.source + '|[\\r\\n]', 'g');

function clean(text: string): string {
  return text.replace(CONTROL, ' ');
}

export function tierLabel(verdict: Verdict): string {
  const env = verdict.environment;
  const detail = env.evidence ?? env.name;
  // A target known by what it is but not by its tier ("Railway database …") is named before its evidence.
  const named = env.tier === 'unknown' && env.name ? `: ${clean(env.name)}` : '';
  return `${TIER_MARK[env.tier]} ${env.tier.toUpperCase()}${named}${detail ? ` (${clean(detail)})` : ''}`;
}

function what(verdict: Verdict): string {
  const first = verdict.findings[0];
  if (!first) return 'this call';
  const more = verdict.findings.length > 1 ? ` (+${verdict.findings.length - 1} more)` : '';
  // Reached through the project (`npm run db:reset` runs …): the reviewer and the agent see where.
  return clean(first.summary) + (first.through ? ` — ${clean(first.through)}` : '') + more;
}

function hint(verdict: Verdict): string {
  const h = verdict.findings[0]?.hint;
  return h ? ` Safer way: ${clean(h)}.` : '';
}

const AGENT_STOP = 'Do not retry it or work around it with another command; tell the user what you wanted to do and let them decide.';

export type Outcome =
  | { readonly by: 'engine' } // the verdict alone decides: allow, or a deny by policy
  // `answered`: the editor's window decided, and its audit record is the window's to write.
  | { readonly by: 'human'; readonly decision: 'allow' | 'deny'; readonly reason?: string; readonly answered?: true }
  | { readonly by: 'editor-policy'; readonly reason?: string; readonly answered?: true } // the editor denied without a dialog (its policy, a full queue)
  | { readonly by: 'timeout'; readonly reason?: string; readonly answered?: true }
  | { readonly by: 'offline' } // no editor window to ask
  | { readonly by: 'probe' } // `airlock doctor`'s probe variable is set: no one is asked, and what needs a person is denied
  | { readonly by: 'failure'; readonly reason: string };

/**
 * With no editor window, the agent's own prompt is the only human left. It may decide what it can
 * see: a target Airlock names (a tier, or "Railway database …" from the project's `.env`). A
 * production target needs Airlock's typed confirmation, and a critical action on a target nobody
 * can name (`rm -rf ~`, a raw API call) gives the person nothing to judge by: both are refused.
 */
export function refusedOffline(verdict: Verdict): boolean {
  const env = verdict.environment;
  if (env.tier === 'production') return true;
  return verdict.risk === 'critical' && env.tier === 'unknown' && !env.name;
}

/** `canAsk`: whether the agent can put the question to its user (Cursor's file reads and Copilot CLI cannot). */
export function answerFor(verdict: Verdict, outcome: Outcome, canAsk = true): HookAnswer {
  const target = tierLabel(verdict);
  const subject = `${what(verdict)} — ${target}`;
  switch (outcome.by) {
    case 'engine':
      if (verdict.decision === 'allow') return { decision: 'allow', quiet: true, userMessage: '', agentMessage: '' };
      return {
        decision: 'deny', quiet: false,
        userMessage: `Airlock denied: ${subject}. Airlock's policy refuses this outright.`,
        agentMessage: `Blocked by Airlock: ${subject}. The user's policy refuses this outright.${hint(verdict)} ${AGENT_STOP}`,
      };
    case 'editor-policy':
      return {
        decision: 'deny', quiet: false,
        userMessage: `Airlock denied: ${subject}. ${clean(outcome.reason ?? 'The editor\'s Airlock refused it by policy.')}`,
        agentMessage: `Blocked by Airlock: ${subject}. ${clean(outcome.reason ?? 'Refused by policy.')}${hint(verdict)} ${AGENT_STOP}`,
      };
    case 'human': {
      const why = outcome.reason ? ` ${clean(outcome.reason)}` : '';
      if (outcome.decision === 'allow') {
        return { decision: 'allow', quiet: false, userMessage: `Airlock: approved in the editor — ${subject}.${why}`, agentMessage: `Approved by the user in Airlock: ${subject}.` };
      }
      return {
        decision: 'deny', quiet: false,
        userMessage: `Airlock: denied in the editor — ${subject}.${why}`,
        agentMessage: `Blocked by Airlock: the user denied this in the editor — ${subject}.${hint(verdict)} ${AGENT_STOP}`,
      };
    }
    case 'timeout': {
      // The editor says whether a dialog was ever shown (a busy window may time a request out in its queue).
      const why = outcome.reason ? clean(outcome.reason) : 'Nobody answered the approval dialog in time.';
      return {
        decision: 'deny', quiet: false,
        userMessage: `Airlock denied: ${subject}. ${why}`,
        agentMessage: `Blocked by Airlock: the user did not approve this in time — ${subject}. ${why} ${AGENT_STOP}`,
      };
    }
    case 'offline': {
      if (refusedOffline(verdict)) {
        return {
          decision: 'deny', quiet: false,
          userMessage: `Airlock denied: ${subject}. No Airlock editor window is open for this folder, so policy decided: production actions, and critical ones whose target Airlock cannot name, are denied. ${OPEN_EDITOR}`,
          agentMessage: `Blocked by Airlock: ${subject}. Production actions, and critical ones whose target Airlock cannot name, need a human in Airlock's editor dialog, and none is open.${hint(verdict)} ${AGENT_STOP}`,
        };
      }
      if (!canAsk) {
        return {
          decision: 'deny', quiet: false,
          userMessage: `Airlock denied: ${subject}. It needs your approval, but no Airlock editor window is open for this folder and this agent cannot ask you here. ${OPEN_EDITOR}`,
          agentMessage: `Blocked by Airlock: ${subject}. It needs the user's approval in Airlock's editor dialog, and none is open.${hint(verdict)} ${AGENT_STOP}`,
        };
      }
      return {
        decision: 'ask', quiet: false,
        userMessage: `Airlock: this needs your approval — ${subject}. No Airlock editor window is open for this folder, so the agent's own prompt decides; where it shows none (some agents decline such calls silently), the call does not run. ${OPEN_EDITOR}`,
        agentMessage: `Airlock asked the user to approve this: ${subject}.${hint(verdict)}`,
      };
    }
    case 'probe':
      return {
        decision: 'deny', quiet: false,
        userMessage: `Airlock denied: ${subject}. It was asked with ${PROBE_VARIABLE} set (the variable airlock doctor's probe uses), so no one was asked and what needs a person is denied.`,
        agentMessage: `Blocked by Airlock: ${subject}. ${PROBE_VARIABLE} is set in this environment, so Airlock asks no one and denies what needs the user's approval; run it without that variable.${hint(verdict)} ${AGENT_STOP}`,
      };
    case 'failure':
      return {
        decision: 'deny', quiet: false,
        userMessage: `Airlock denied: ${subject}. ${clean(outcome.reason)}, so the action is denied rather than allowed unchecked.`,
        agentMessage: `Blocked by Airlock: ${subject}. Airlock could not get a decision (${clean(outcome.reason)}). ${AGENT_STOP}`,
      };
  }
}

/** A flagged call whose audit record could not be written: denied until the log can be written. */
export function unrecordedAnswer(verdict: Verdict, problem: string): HookAnswer {
  const subject = `${what(verdict)} — ${tierLabel(verdict)}`;
  const why = `${clean(problem)}. While its audit log cannot be written, Airlock denies what it flags; the record is queued and written when it can be (run \`airlock doctor\`).`;
  return {
    decision: 'deny', quiet: false,
    userMessage: `Airlock denied: ${subject}. ${why}`,
    agentMessage: `Blocked by Airlock: ${subject}. ${why} ${AGENT_STOP}`,
  };
}

/** For a payload the hook could not read. */
export function unreadableAnswer(problem: string, deny: boolean): HookAnswer {
  if (!deny) return { decision: 'allow', quiet: true, userMessage: '', agentMessage: '' };
  const text = `Airlock denied this call: the hook payload could not be read (${clean(problem)}). Airlock denies what it cannot read rather than letting it through; update Airlock or the agent, or run \`airlock doctor\`.`;
  return { decision: 'deny', quiet: false, userMessage: text, agentMessage: text };
}
