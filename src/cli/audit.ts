// The hooks' and the gate's side of the audit log (chained into the one log the editor writes too),
// and `airlock audit verify | show`.
import type { AuditRecord } from '../core/audit';
import { AuditStore, type AppendResult } from '../gate/auditStore';
import { queueRecord } from '../gate/auditQueue';
import { stateDirectory } from '../gate/stateDir';
import { UsageError } from './options';

type Env = Readonly<Record<string, string | undefined>>;

/** Hooks are short-lived and answer an agent that waits: a lock busy for longer is queued. */
const HOOK_LOCK_WAIT_MS = 1500;

export function auditStore(env: Env, lockWaitMs = HOOK_LOCK_WAIT_MS): AuditStore {
  return new AuditStore(stateDirectory(env), { env, lockWaitMs });
}

/** Chains the record; on failure says why (the caller decides what the failure means for its answer). */
export function recordDecision(record: AuditRecord, env: Env, warn: (message: string) => void): AppendResult {
  const result = auditStore(env).append(record);
  if (!result.ok) warn(result.problem);
  return result;
}

/** Queues a record the chain could not take; says so when even that fails. */
export function queueDecision(record: AuditRecord, env: Env, warn: (message: string) => void): void {
  const queued = queueRecord(record, env);
  if (queued.ok) warn(`the record is queued in ${queued.file} and goes into the log with the next decision it can write`);
  else warn(`the audit record of this ${record.decision} could not be kept anywhere (${queued.problem})`);
}

export const AUDIT_USAGE = `airlock audit verify [--json]
  Checks the audit log: each record's keyed hash and its link to the one before, and the anchor
  that notices records cut off the end or a deleted log. Exit status: 0 intact, 1 broken.
airlock audit show [--last N] [--json]
  Prints the last N decisions (default 20), newest first, with records still queued.`;

export interface AuditIo {
  readonly env: Env;
  readonly out: (text: string) => void;
}

function lastCount(args: readonly string[]): number {
  const at = args.findIndex((a) => a === '--last' || a.startsWith('--last='));
  if (at === -1) return 20;
  const text = args[at]?.includes('=') ? args[at]?.slice('--last='.length) : args[at + 1];
  const value = Number(text);
  if (!text || !Number.isInteger(value) || value < 1) throw new UsageError(`--last needs a whole number of 1 or more, not "${text ?? ''}"`);
  return value;
}

/** What a terminal acts on or shows out of order: C0 and C1 controls, zero-width and bidi marks. */
const UNSAFE = '\\x00-\\x1f\\x7f-\\x9f\\u200b-\\u200f\\u202a-\\u202e\\u2066-\\u2069\\ufeff';

/** Untrusted text (command lines, paths, file names) as a terminal may print it: each unsafe run made `stand`. */
export function printable(text: string, stand = ' '): string {
  return text.replace(new RegExp(`[${UNSAFE}]+`, 'g'), stand);
}

function describe(r: AuditRecord, queued: boolean): string {
  const env = r.verdict.environment ? ` (${r.verdict.environment})` : '';
  return [
    `${r.time}  ${r.decision.toUpperCase()} by ${r.decidedBy}  ${r.verdict.tier.toUpperCase()}${env}  risk ${r.verdict.risk}${queued ? '  [queued, not yet chained]' : ''}`,
    `  ${r.actor} via ${r.source}${r.tool ? ` (${r.tool})` : ''}${r.cwd ? ` in ${r.cwd}` : ''}`,
    `  ${r.kind}: ${r.subject}`,
    ...(r.verdict.rules.length > 0 ? [`  rules: ${r.verdict.rules.join(', ')}`] : []),
    ...(r.reason ? [`  ${r.reason}`] : []),
  ].map((line) => printable(line)).join('\n');
}

export function auditCommand(args: readonly string[], io: AuditIo): number {
  const [action, ...rest] = args;
  const json = rest.includes('--json');
  const unknown = rest.filter((a, i) => a !== '--json' && a !== '--last' && !a.startsWith('--last=') && rest[i - 1] !== '--last');
  if (unknown.length > 0) throw new UsageError(`airlock audit ${action ?? ''}: unknown argument "${unknown[0]}"`);
  const store = auditStore(io.env);
  switch (action) {
    case 'verify': {
      if (rest.some((a) => a.startsWith('--last'))) throw new UsageError('--last goes with `airlock audit show`');
      const result = store.verify();
      if (json) io.out(JSON.stringify({ log: store.dir, ...result }) + '\n');
      else if (result.ok) io.out(`The audit log in ${store.dir} is intact: ${result.records} record${result.records === 1 ? '' : 's'} in ${result.files} file${result.files === 1 ? '' : 's'}${result.queued > 0 ? `, and ${result.queued} queued to go in` : ''}.${result.note ? ` Note: ${result.note}.` : ''}\n`);
      else io.out(`The audit log in ${store.dir} is broken${result.file ? ` at line ${result.line} of ${result.file}` : ''}: ${result.reason}.\n`);
      return result.ok ? 0 : 1;
    }
    case 'show': {
      const last = lastCount(rest);
      const all = [...store.records().map((r): { r: AuditRecord; queued: boolean } => ({ r, queued: false })), ...store.queued().map((r) => ({ r, queued: true }))]
        .sort((a, b) => (a.r.time < b.r.time ? -1 : a.r.time > b.r.time ? 1 : 0));
      const shown = all.slice(-last).reverse();
      // JSON escapes what a terminal would act on (C1 controls, bidi overrides) as \\u escapes.
      if (json) io.out(shown.map(({ r, queued }) => JSON.stringify(queued ? { ...r, queued } : r).replace(new RegExp(`[${UNSAFE}]`, 'g'), (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)).join('\n') + (shown.length > 0 ? '\n' : ''));
      else io.out(shown.length === 0 ? `No decisions recorded yet in ${store.dir}.\n` : `${shown.length} of ${all.length} decision${all.length === 1 ? '' : 's'} in ${store.dir}, newest first:\n\n${shown.map(({ r, queued }) => describe(r, queued)).join('\n\n')}\n`);
      return 0;
    }
    default:
      throw new UsageError(action === undefined ? 'airlock audit needs verify or show' : `unknown audit command "${action}" (verify or show)`);
  }
}
