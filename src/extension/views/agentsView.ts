// The Airlock view's Agents section: each agent, whether Airlock's hook is installed, current and
// answering (the doctor's probe), with Install / Repair / Remove on the row. The check runs the
// CLI (it spawns each hook once), so it runs when the section is first shown and on Refresh, never
// during activation.
import * as vscode from 'vscode';
import { AGENT_IDS, type AgentId } from '../../agents/types';
import { AGENT_LABELS } from '../../agents/index';
import { projectFolder, type AgentHooks } from '../agentHooks';
import { agentRows, scopeWords, type AgentRow } from './agentRows';
import { Rerun } from './rerun';

type Node =
  | { readonly kind: 'agent'; readonly row: AgentRow }
  | { readonly kind: 'detail'; readonly text: string; readonly broken: boolean; readonly scope: string }
  | { readonly kind: 'absent'; readonly rows: readonly AgentRow[] }
  | { readonly kind: 'note'; readonly text: string; readonly icon: string };

const ICONS: Readonly<Record<AgentRow['state'], vscode.ThemeIcon>> = {
  broken: new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground')),
  unguarded: new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')),
  guarded: new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')),
  absent: new vscode.ThemeIcon('circle-outline'),
};

export class AgentsView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private rows: AgentRow[] | undefined;
  private problem: string | undefined;
  private readonly checks = new Rerun(() => this.check());
  private readonly subscription: vscode.Disposable;

  constructor(private readonly hooks: AgentHooks, private readonly found: (folder: string | undefined) => AgentId[]) {
    this.subscription = hooks.onDidChange(() => void this.refresh());
  }

  /** Runs the doctor again (once more if asked while it runs); the rows show "checking" meanwhile. */
  refresh(): Promise<void> {
    return this.checks.request();
  }

  private async check(): Promise<void> {
    const folder = projectFolder();
    this.rows = undefined;
    this.changed.fire(undefined);
    try {
      this.rows = agentRows(AGENT_IDS, AGENT_LABELS, this.found(folder), await this.hooks.check(folder));
      this.problem = undefined;
    } catch (error) {
      // Never shown as guarded: the rows say the check failed and why.
      this.rows = [];
      this.problem = error instanceof Error ? error.message : String(error);
    }
    this.changed.fire(undefined);
  }

  getChildren(node?: Node): Node[] {
    if (!node) {
      if (this.rows === undefined) {
        // The first look starts the first check; drawing "checking" again must not ask for another.
        if (!this.checks.busy) void this.refresh();
        return [{ kind: 'note', text: 'Checking each agent\'s hook…', icon: 'loading~spin' }];
      }
      if (this.problem) return [{ kind: 'note', text: `Could not check the hooks: ${this.problem}`, icon: 'error' }];
      const absent = this.rows.filter((r) => r.state === 'absent');
      return [
        ...this.rows.filter((r) => r.state !== 'absent').map((row) => ({ kind: 'agent' as const, row })),
        ...(absent.length > 0 ? [{ kind: 'absent' as const, rows: absent }] : []),
      ];
    }
    if (node.kind === 'absent') return node.rows.map((row) => ({ kind: 'agent' as const, row }));
    if (node.kind === 'agent') return node.row.details.map((d) => ({ kind: 'detail' as const, text: d.text, broken: d.broken, scope: scopeWords(d.scope) }));
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    switch (node.kind) {
      case 'agent': {
        const item = new vscode.TreeItem(node.row.label, node.row.details.length > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
        item.description = node.row.description;
        item.iconPath = ICONS[node.row.state];
        // The row's actions (package.json view/item/context): Install, Repair, Remove.
        item.contextValue = `agent-${node.row.state}`;
        item.tooltip = `${node.row.label}: ${node.row.description}`;
        item.id = `agent:${node.row.agent}`;
        return item;
      }
      case 'detail': {
        const item = new vscode.TreeItem(node.scope);
        item.description = node.text;
        item.tooltip = `${node.scope}: ${node.text}`;
        item.iconPath = new vscode.ThemeIcon(node.broken ? 'error' : 'check');
        return item;
      }
      case 'absent': {
        const item = new vscode.TreeItem(`Not found here (${node.rows.length})`, vscode.TreeItemCollapsibleState.Collapsed);
        item.tooltip = 'Agents with no trace in this folder or your home directory. You can still install their hook.';
        item.id = 'agent:absent';
        return item;
      }
      case 'note': {
        const item = new vscode.TreeItem(node.text);
        item.iconPath = new vscode.ThemeIcon(node.icon);
        item.tooltip = node.text;
        return item;
      }
    }
  }

  /** The row's agent and scopes, for the Install / Repair / Remove commands. */
  static rowOf(node: unknown): AgentRow | undefined {
    const n = node as Node | undefined;
    return n?.kind === 'agent' ? n.row : undefined;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
