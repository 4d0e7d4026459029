// Calls the hooks decided while no Airlock window was open for their folder: by policy, or left to
// the agent's own prompt. The person was not there to see them, so a window that opens later says
// what happened meanwhile (the audit log holds them all).
import { DOCTOR_ACTOR, type AuditRecord } from './audit';
import { CONTROL_CHARACTERS } from './prefilter';

/** The end of every no-window answer's reason (src/cli/hook/messages.ts): how such a record is known. */
export const OPEN_EDITOR = 'Open this folder in VS Code or Cursor with the Airlock extension to approve it in Airlock\'s dialog.';

function inside(path: string, folder: string): boolean {
  const f = folder.replace(/[\\/]+$/, '');
  return path === f || path.startsWith(`${f}/`) || path.startsWith(`${f}\\`);
}

/** Those made after `since` (ms) in one of `folders` (a record without a cwd counts), oldest first. */
export function decidedWithoutWindow(records: readonly AuditRecord[], since: number, folders: readonly string[]): AuditRecord[] {
  return records.filter((r) => r.reason?.includes(OPEN_EDITOR) === true && r.actor !== DOCTOR_ACTOR && Date.parse(r.time) > since
    && (r.cwd === undefined || folders.some((f) => inside(r.cwd as string, f))));
}

const SHOWN = 2;

/**
 * A command line as a notification may show it: notifications turn `[text](target)` into a link (a
 * `command:` one runs a command when clicked), so brackets become look-alikes; no control characters.
 */
function inert(text: string): string {
  return text.replace(UNPRINTABLE, ' ').replace(/\[/g, '［').replace(/\]/g, '］');
}

const UNPRINTABLE = new RegExp(`${CONTROL_CHARACTERS.source}|[\\t\\n\\r]`, 'g');

/** One plain sentence for a notification: how many, what became of them, the first few. */
export function withoutWindowNotice(records: readonly AuditRecord[], agentName: (actor: string) => string): string {
  const denied = records.filter((r) => r.decision === 'deny').length;
  const asked = records.length - denied;
  const parts = [denied > 0 ? `denied ${denied} agent call${denied === 1 ? '' : 's'}` : '', asked > 0 ? `left ${asked} to the agent's own prompt` : ''].filter((p) => p !== '');
  const first = records.slice(-SHOWN).reverse().map((r) => inert(`${agentName(r.actor)}: ${r.subject.length > 80 ? `${r.subject.slice(0, 77)}…` : r.subject}`));
  const more = records.length > SHOWN ? ` and ${records.length - SHOWN} more` : '';
  return `While no Airlock window was open for this folder, Airlock ${parts.join(' and ')} (${first.join('; ')}${more}).`;
}
