// "Airlock: Show Audit Log": the records newest first as a read-only document, optionally
// filtered by decision, agent or environment (picked from what the log holds).
import * as vscode from 'vscode';
import type { AuditRecord } from '../core/audit';
import { actorName } from './approvalText';
import type { AuditStore } from '../gate/auditStore';
import { localTime } from '../core/localTime';
import { filterChoices, kept, type DecisionFilter } from './views/decisionsView';

export const AUDIT_SCHEME = 'airlock-audit';

/** The view shows the newest records only: it is redrawn on every decision, on the editor's one thread. */
const VIEW_LIMIT = 2000;

function render(records: readonly AuditRecord[], filter: DecisionFilter): string {
  const shown = records.filter((r) => kept(r, filter)).reverse();
  const head = `Airlock audit log — ${shown.length} of ${records.length >= VIEW_LIMIT ? `the newest ${records.length}` : records.length} decision${records.length === 1 ? '' : 's'}, newest first, in local time${filter.field ? ` (${filter.field}: ${filter.value ?? ''})` : ''} (all of them: airlock audit show --last N)\n\n`;
  return head + shown.map((r) => [
    `${localTime(r.time)}  ${r.decision.toUpperCase()} by ${r.decidedBy}  ${r.verdict.tier.toUpperCase()}${r.verdict.environment ? ` (${r.verdict.environment})` : ''}  risk ${r.verdict.risk}`,
    `  ${actorName(r.actor)} via ${r.source}${r.tool ? ` (${r.tool})` : ''}${r.cwd ? ` in ${r.cwd}` : ''}`,
    `  ${r.kind}: ${r.subject}`,
    ...(r.verdict.rules.length > 0 ? [`  rules: ${r.verdict.rules.join(', ')}`] : []),
    ...(r.reason ? [`  ${r.reason}`] : []),
  ].join('\n')).join('\n\n') + '\n';
}

export class AuditView implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private filter: DecisionFilter = {};

  private readonly uri = vscode.Uri.from({ scheme: AUDIT_SCHEME, path: '/Airlock audit log' });

  constructor(private readonly log: AuditStore) {}

  /** An open view follows the log as decisions are made. */
  refresh(): void {
    this.changed.fire(this.uri);
  }

  /** Chained and still-queued records, oldest first by time (the queue is chained at the next write). */
  private all(): AuditRecord[] {
    return [...this.log.recent(VIEW_LIMIT), ...this.log.queued()].sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
  }

  provideTextDocumentContent(): string {
    return render(this.all(), this.filter);
  }

  /** Opens the log with every decision; `choose` first asks which ones to show (Filter Audit Log). */
  async open(choose = false): Promise<void> {
    this.log.absorb();
    const records = this.all();
    const items = filterChoices(records);
    const picked = !choose || records.length === 0 ? items[0] : await vscode.window.showQuickPick(items, { title: 'Airlock audit log', placeHolder: 'Show which decisions?' });
    if (!picked) return;
    this.filter = picked.filter;
    this.changed.fire(this.uri);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(this.uri), { preview: false });
  }

  dispose(): void {
    this.changed.dispose();
  }
}
