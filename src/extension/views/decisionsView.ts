// The Airlock view's Decisions section: the audit log newest first, in local time — what the
// dialogs, the hooks and the terminal gate decided, windows closed included — with a filter in
// the section's toolbar. A row opens the decision's page (read-only).
import * as vscode from 'vscode';
import { DOCTOR_ACTOR, type AuditRecord } from '../../core/audit';
import { localTime, shortLocalTime } from '../../core/localTime';
import type { AuditStore } from '../../gate/auditStore';
import { actorName, shorten, shownSubject } from '../approvalText';
import { recordHtml } from '../detailsHtml';

/** The newest records only: the section is redrawn on each decision, on the editor's one thread. */
const SHOWN = 500;

export interface DecisionFilter {
  readonly field?: 'decision' | 'actor' | 'tier';
  readonly value?: string;
}

const ICONS: Readonly<Record<AuditRecord['decision'], vscode.ThemeIcon>> = {
  deny: new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('errorForeground')),
  allow: new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')),
  ask: new vscode.ThemeIcon('question'),
};

/** Which records a filter keeps. */
export function kept(record: AuditRecord, filter: DecisionFilter): boolean {
  return !filter.field || (filter.field === 'tier' ? record.verdict.tier : record[filter.field]) === filter.value;
}

/** The filters the log's own records offer, "All decisions" first. */
export function filterChoices(records: readonly AuditRecord[]): (vscode.QuickPickItem & { readonly filter: DecisionFilter })[] {
  const values = (field: 'decision' | 'actor' | 'tier'): string[] => [...new Set(records.map((r) => (field === 'tier' ? r.verdict.tier : r[field])))];
  return [
    { label: 'All decisions', filter: {} },
    ...values('decision').map((v) => ({ label: `Decision: ${v}`, filter: { field: 'decision' as const, value: v } })),
    ...values('actor').map((v) => ({ label: `Agent: ${actorName(v)}`, filter: { field: 'actor' as const, value: v } })),
    ...values('tier').map((v) => ({ label: `Environment: ${v.toUpperCase()}`, filter: { field: 'tier' as const, value: v } })),
  ];
}

export function filterWords(filter: DecisionFilter): string | undefined {
  if (!filter.field || filter.value === undefined) return undefined;
  return filter.field === 'actor' ? actorName(filter.value) : filter.field === 'tier' ? filter.value.toUpperCase() : filter.value;
}

export class DecisionsView implements vscode.TreeDataProvider<AuditRecord>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private filter: DecisionFilter = {};
  private panel: vscode.WebviewPanel | undefined;
  /** Set by the view's owner: says the filter in the section's title. */
  onFilter: ((words: string | undefined) => void) | undefined;

  constructor(private readonly log: AuditStore, private readonly extensionUri: vscode.Uri) {}

  refresh(): void {
    this.changed.fire(undefined);
  }

  /** Chained and queued records, oldest first by time (the queue is chained at the next write). */
  private records(): AuditRecord[] {
    return [...this.log.recent(SHOWN), ...this.log.queued()].sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
  }

  getChildren(record?: AuditRecord): AuditRecord[] {
    if (record) return [];
    // The doctor's probes (each Agents check makes some) stay in the log, not in the person's list.
    return this.records().filter((r) => r.actor !== DOCTOR_ACTOR && kept(r, this.filter)).reverse();
  }

  getTreeItem(record: AuditRecord): vscode.TreeItem {
    const item = new vscode.TreeItem(shorten(shownSubject(record.subject), 80));
    // What was decided leads: a narrow side bar cuts the end, where the time is.
    item.description = `${record.decision.toUpperCase()} · ${record.verdict.tier.toUpperCase()} · ${actorName(record.actor)} · ${shortLocalTime(record.time, new Date())}`;
    item.iconPath = ICONS[record.decision];
    item.tooltip = `${record.decision.toUpperCase()} by ${record.decidedBy}, ${localTime(record.time)}\n${actorName(record.actor)} via ${record.source}${record.cwd ? ` in ${record.cwd}` : ''}\n${shorten(shownSubject(record.subject), 400)}${record.reason ? `\n${record.reason}` : ''}`;
    item.command = { command: 'airlock.openDecision', title: 'Open Decision', arguments: [record] };
    return item;
  }

  /** The section's filter button: the same choices as Filter Audit Log. */
  async pickFilter(): Promise<void> {
    this.log.absorb();
    const picked = await vscode.window.showQuickPick(filterChoices(this.records()), { title: 'Airlock decisions', placeHolder: 'Show which decisions?' });
    if (!picked) return;
    this.filter = picked.filter;
    this.onFilter?.(filterWords(this.filter));
    this.refresh();
  }

  /** A row's page: the decision and the other decisions on the same subject. */
  open(record: AuditRecord): void {
    const media = vscode.Uri.joinPath(this.extensionUri, 'media');
    this.panel ??= (() => {
      const panel = vscode.window.createWebviewPanel('airlock.decision', 'Airlock decision', vscode.ViewColumn.Active, { enableScripts: false, localResourceRoots: [media] });
      panel.onDidDispose(() => {
        this.panel = undefined;
      });
      return panel;
    })();
    const earlier = this.records().filter((r) => r.subject === record.subject && !(r.time === record.time && r.decision === record.decision && r.actor === record.actor)).slice(-10).reverse();
    this.panel.title = `Airlock: ${record.decision.toUpperCase()} ${localTime(record.time)}`;
    this.panel.webview.html = recordHtml(record, earlier, this.panel.webview, this.panel.webview.asWebviewUri(vscode.Uri.joinPath(media, 'details.css')).toString());
    this.panel.reveal();
  }

  dispose(): void {
    this.panel?.dispose();
    this.changed.dispose();
  }
}
