// What the person sees and uses around the decision service: the Airlock view's three sections,
// the audit log document, the Explorer's protect commands and decorations, the secret scan, the
// agents' hooks and ignore files, and the notices after start-up. A bundle of its own
// (dist/workbench.js), loaded just after activation or by the first command that needs it, so the
// window's start parses only the decision service.
import * as vscode from 'vscode';
import type { AuditRecord } from '../core/audit';
import { decidedWithoutWindow, withoutWindowNotice } from '../core/noWindow';
import type { AuditStore } from '../gate/auditStore';
import { AgentHooks, detectAgents } from './agentHooks';
import { actorName } from './approvalText';
import { AUDIT_SCHEME, AuditView } from './auditView';
import { CommandId } from './commands';
import { ContextGuard } from './contextGuard';
import { IgnoreSync } from './ignoreSync';
import { ProtectedFileDecorations, protectFromAgents, stopProtecting } from './protectedFiles';
import { showSampleApproval } from './sampleApproval';
import { SecretScan } from './secretScan';
import type { Settings } from './settings';
import { AgentsView } from './views/agentsView';
import { DecisionsView } from './views/decisionsView';
import { ProtectedFilesView } from './views/protectedView';
import { markSeen, seenUntil } from './windowSeen';

/** What activation hands over: the parts that must be up before anything else. */
export interface Core {
  readonly context: vscode.ExtensionContext;
  readonly log: vscode.LogOutputChannel;
  readonly audit: AuditStore;
  readonly settings: () => Settings;
}

export type CommandHandler = (...args: unknown[]) => unknown;

export interface Workbench {
  /** The handlers of the commands this part owns (activation registers every command at once). */
  readonly commands: ReadonlyMap<CommandId, CommandHandler>;
  /** The settings in effect changed. */
  settingsChanged(): void;
  /** An `airlock.*` setting changed (the ignore files follow some of them). */
  configurationChanged(e: vscode.ConfigurationChangeEvent): void;
  foldersChanged(): void;
  /** A decision was added to the log. */
  appended(): void;
  /** A few seconds after the window started: the offer and the notice that read agents' settings and the log. */
  afterStartUp(): void;
}

export function startWorkbench(core: Core): Workbench {
  const { context, log, audit, settings } = core;
  // Each part is handed to VS Code as soon as it exists: one that fails to start leaves none behind.
  const keep = <T extends vscode.Disposable>(part: T): T => {
    context.subscriptions.push(part);
    return part;
  };
  const decorations = keep(new ProtectedFileDecorations(settings));
  const secretScan = keep(new SecretScan(settings));
  const view = keep(new AuditView(audit));
  const hooks = keep(new AgentHooks(context, log));
  const agentsView = keep(new AgentsView(hooks, (folder) => detectAgents(folder)));
  const agentsTree = keep(vscode.window.createTreeView('airlock.agents', { treeDataProvider: agentsView }));
  const protectedView = keep(new ProtectedFilesView());
  const decisionsView = keep(new DecisionsView(audit, context.extensionUri));
  const decisionsTree = keep(vscode.window.createTreeView('airlock.decisions', { treeDataProvider: decisionsView }));
  decisionsView.onFilter = (words) => {
    decisionsTree.description = words ? `only ${words}` : undefined;
  };
  const guard = keep(new ContextGuard(new IgnoreSync(context.workspaceState, settings), hooks, audit, log, settings, context.workspaceState));
  // Today's rows show the time alone: drawn again when the day changes.
  let day = new Date().toDateString();
  const dayTimer = setInterval(() => {
    if (new Date().toDateString() === day) return;
    day = new Date().toDateString();
    decisionsView.refresh();
  }, 60_000);
  context.subscriptions.push(
    { dispose: () => clearInterval(dayTimer) },
    // Hooks may have been changed outside the editor (the CLI, a settings file): checked again when shown.
    agentsTree.onDidChangeVisibility((e) => {
      if (e.visible) void agentsView.refresh();
    }),
    vscode.window.registerTreeDataProvider('airlock.protectedFiles', protectedView),
    // A hook may have written to the log while the section was hidden: read it again when shown.
    decisionsTree.onDidChangeVisibility((e) => {
      if (e.visible) {
        audit.absorb();
        decisionsView.refresh();
      }
    }),
    vscode.window.registerFileDecorationProvider(decorations),
    vscode.languages.registerCodeActionsProvider({ scheme: 'file' }, secretScan, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }),
    vscode.workspace.registerTextDocumentContentProvider(AUDIT_SCHEME, view),
  );
  const commands = new Map<CommandId, CommandHandler>([
    [CommandId.RefreshAgents, () => agentsView.refresh()],
    [CommandId.InstallAgentHook, (node) => {
      const row = AgentsView.rowOf(node);
      return row ? hooks.installOne(row.agent) : hooks.installInteractively();
    }],
    [CommandId.RepairAgentHook, (node) => {
      const row = AgentsView.rowOf(node);
      return row ? hooks.repair(row.agent, row.repair) : undefined;
    }],
    [CommandId.RemoveAgentHook, (node) => {
      const row = AgentsView.rowOf(node);
      return row ? hooks.removeOne(row.agent) : hooks.removeInteractively();
    }],
    [CommandId.RefreshProtectedFiles, () => protectedView.refresh()],
    [CommandId.EditProtectedPaths, () => vscode.commands.executeCommand('workbench.action.openSettings', 'airlock.protectedPaths')],
    [CommandId.FilterDecisions, () => decisionsView.pickFilter()],
    // Its rows pass their record; anything else (a keybinding, another extension) opens nothing.
    [CommandId.OpenDecision, (record) => {
      if (typeof record === 'object' && record !== null && 'subject' in record && 'verdict' in record) decisionsView.open(record as AuditRecord);
    }],
    [CommandId.ShowSampleApproval, () => showSampleApproval(context.extensionUri, settings())],
    [CommandId.SyncIgnoreFiles, () => guard.syncNow()],
    [CommandId.ScanWorkspace, () => secretScan.run()],
    [CommandId.ProtectFromAgents, async (uri) => {
      const target = uri instanceof vscode.Uri ? uri : undefined;
      await protectFromAgents(target);
      if (target) secretScan.forget(target);
    }],
    // From the Explorer a Uri; from the Protected Files section, its row.
    [CommandId.StopProtecting, (target) => stopProtecting(target instanceof vscode.Uri ? target : ProtectedFilesView.uriOf(target))],
    [CommandId.ShowAuditLog, () => view.open()],
    [CommandId.FilterAuditLog, () => view.open(true)],
    [CommandId.InstallAgentHooks, () => hooks.installInteractively()],
    [CommandId.RemoveAgentHooks, () => hooks.removeInteractively()],
    [CommandId.RunDoctor, () => hooks.runDoctor()],
  ]);

  /**
   * What the hooks decided for this folder while no window was open (before this one published
   * itself, or since it was last open): the person was not there to see it.
   */
  async function noticeDecidedWithoutWindow(): Promise<void> {
    audit.absorb();
    const since = seenUntil(context) ?? Date.now() - DAY_MS;
    // The newest records only: the rest of a long history is older than any gap worth telling.
    const missed = decidedWithoutWindow(audit.recent(RECENT_RECORDS), since, (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.fsPath));
    await markSeen(context);
    if (missed.length === 0) return;
    log.info(`${missed.length} agent call${missed.length === 1 ? ' was' : 's were'} decided for this folder while no window was open (since ${new Date(since).toISOString()})`);
    const choice = await vscode.window.showInformationMessage(withoutWindowNotice(missed, actorName), 'Show Audit Log');
    if (choice === 'Show Audit Log') await view.open();
  }

  const failed = (what: string) => (error: unknown): void => log.error(`could not ${what}: ${error instanceof Error ? error.message : String(error)}`);
  // The ignore files are brought in line with the policy as soon as this part is up; a failure
  // there costs the sync (said in the log), never the views and commands.
  try {
    guard.start();
  } catch (error) {
    failed('bring the agents\' ignore files in line with the policy')(error);
  }
  return {
    commands,
    settingsChanged() {
      decorations.refresh();
      void protectedView.refresh();
    },
    configurationChanged(e) {
      guard.settingsChanged(e);
    },
    foldersChanged() {
      guard.start();
      void protectedView.refresh();
      void agentsView.refresh();
    },
    appended() {
      // Both follow the log as decisions are made (the document only while it is open).
      view.refresh();
      decisionsView.refresh();
    },
    afterStartUp() {
      hooks.offerOnce().catch(failed('check for agents without the hook'));
      // The Explorer's Protect / Stop Protecting read the list (a context key).
      protectedView.refresh().catch(failed('list the protected files'));
      noticeDecidedWithoutWindow().catch(failed('say what was decided while no window was open'));
    },
  };
}

const DAY_MS = 24 * 60 * 60_000;
const RECENT_RECORDS = 1000;
