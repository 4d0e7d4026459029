// One audit record per decision, written by every gate (hooks now; the extension adds the hash
// chain and the viewer). Built here so every writer redacts the same way: a record never carries a
// credential, only what the command did with one.
import { redact } from './environment/redact';
import type { Decision, Risk, Tier, Verdict } from './verdict';

/** Who made the final call: the human in the modal, policy without one, the clock, or a failure. */
export type DecidedBy = 'human' | 'policy' | 'timeout' | 'error';
/** What the agent was told: the gate's own allow/deny, or "ask" (the agent's own prompt decides). */
export type AuditDecision = 'allow' | 'deny' | 'ask';

/**
 * The actor of the calls \`airlock doctor\` probes the hooks with: recorded like any call (the
 * variable that marks a probe could be set by anyone), kept out of what the editor tells the person.
 */
export const DOCTOR_ACTOR = 'airlock-doctor';

export interface AuditRecord {
  /** ISO 8601. */
  readonly time: string;
  readonly source: 'hook' | 'terminal' | 'task' | 'observer';
  /** `claude-code`, `cursor`, `copilot`, `gemini`, … or `human`. */
  readonly actor: string;
  readonly kind: 'command' | 'read' | 'write' | 'mcp';
  /** The command line or path, redacted and cut to a readable length. */
  readonly subject: string;
  readonly tool?: string;
  readonly cwd?: string;
  readonly verdict: {
    readonly decision: Decision;
    readonly risk: Risk;
    readonly tier: Tier;
    readonly environment?: string;
    readonly rules: readonly string[];
  };
  readonly decision: AuditDecision;
  readonly decidedBy: DecidedBy;
  readonly reason?: string;
  /** Hash of the previous record in the same log (the extension's log chains them). */
  readonly prev?: string;
}

/** Long enough for any real command, short enough that a pasted blob does not bloat the log. */
const SUBJECT_MAX = 4000;
const MAX_RULES = 50;

export function auditRecord(fields: {
  readonly time: Date;
  readonly source: AuditRecord['source'];
  readonly actor: string;
  readonly kind: AuditRecord['kind'];
  readonly subject: string;
  readonly tool?: string;
  readonly cwd?: string;
  readonly verdict: Verdict;
  readonly decision: AuditDecision;
  readonly decidedBy: DecidedBy;
  readonly reason?: string;
}): AuditRecord {
  const { verdict } = fields;
  return {
    time: fields.time.toISOString(),
    source: fields.source,
    actor: fields.actor,
    kind: fields.kind,
    subject: redact(fields.subject, SUBJECT_MAX),
    ...(fields.tool !== undefined ? { tool: fields.tool } : {}),
    ...(fields.cwd !== undefined ? { cwd: fields.cwd } : {}),
    verdict: {
      decision: verdict.decision,
      risk: verdict.risk,
      tier: verdict.environment.tier,
      ...(verdict.environment.name !== undefined ? { environment: verdict.environment.name } : {}),
      // One per rule, and a bounded list: a call with thousands of findings still makes a short record.
      rules: [...new Set(verdict.findings.map((f) => f.rule))].slice(0, MAX_RULES),
    },
    decision: fields.decision,
    decidedBy: fields.decidedBy,
    ...(fields.reason !== undefined ? { reason: redact(fields.reason, SUBJECT_MAX) } : {}),
  };
}
