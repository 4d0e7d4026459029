// Activation stays thin: read the settings, build the adapters (audit log, status bar, decision
// service, audit view, commands) and hand their disposables to VS Code.
import { createHash } from 'node:crypto';
import * as nodeFs from 'node:fs';
import { readdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { AgentHooks, detectAgents } from './agentHooks';
import { firstUse } from './firstUse';
import { auditRecord, type AuditRecord } from '../core/audit';
import { GENESIS, verifyChain } from '../core/auditChain';
import { coverageGap, coverageLines, machineCoverage, type GuardPart } from '../core/coverage';
import { decidedWithoutWindow, withoutWindowNotice } from '../core/noWindow';
import { actorName } from './approvalText';
import { AuditStore, queueFromFiles } from '../gate/auditStore';
import { queueRecord } from '../gate/auditQueue';
import { stateDirectory } from '../gate/stateDir';
import { readPlain } from '../gate/plainFiles';
import { AUDIT_SCHEME, AuditView } from './auditView';
import { CommandId } from './commands';
import { ContextGuard } from './contextGuard';
import { DecisionService } from './decisionService';
import { IgnoreSync } from './ignoreSync';
import { Observer } from './observer';
import { ProtectedFileDecorations, protectFromAgents, stopProtecting } from './protectedFiles';
import { SecretScan } from './secretScan';
import { ConfirmedSettings } from './settingsConfirm';
import { StatusBar } from './statusBar';
import { TerminalGate } from './terminalGate';
import { TerminalDirectory } from './terminals';
import { showSampleApproval } from './sampleApproval';
import { AgentsView } from './views/agentsView';
import { DecisionsView } from './views/decisionsView';
import { ProtectedFilesView } from './views/protectedView';

/** When the bundle began to evaluate (its banner) and when its modules were ready. */
const BUNDLE_START = (globalThis as { __airlockBundleStart?: number }).__airlockBundleStart ?? performance.now();
const BUNDLE_READY = performance.now();

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const started = performance.now();
  const log = vscode.window.createOutputChannel('Airlock', { log: true });
  context.subscriptions.push(log);
  // One log for the editor, the hooks and the gate (the editor runs on one thread: a short lock wait).
  const audit = new AuditStore(stateDirectory(process.env), { env: process.env, lockWaitMs: 1000 });
  const userSettings = new ConfirmedSettings(context.globalState, audit, () => settingsChanged());
  let settings = userSettings.read();
  const status = new StatusBar();
  audit.onProblem = (problem) => status.auditProblem(problem);
  importEarlierLog(context.globalStorageUri.fsPath, audit, log);
  const terminals = new TerminalDirectory();
  const service = new DecisionService(context.extensionUri, () => settings, audit, status, terminals);
  const gate = new TerminalGate(context, log);
  // The engine loads on the first command the observer sees, never during activation.
  const classify = (line: string, cwd: string | undefined) => firstUse().classifyLine(context.extensionUri, settings, line, cwd);
  const decorations = new ProtectedFileDecorations(() => settings);
  const secretScan = new SecretScan(() => settings);
  const observer = new Observer({ settings: () => settings, audit, wasGated: (line) => service.wasGated(line), classify, log });
  const view = new AuditView(audit);
  const hooks = new AgentHooks(context, log);
  const agentsView = new AgentsView(hooks, (folder) => detectAgents(folder));
  const agentsTree = vscode.window.createTreeView('airlock.agents', { treeDataProvider: agentsView });
  const protectedView = new ProtectedFilesView();
  const decisionsView = new DecisionsView(audit, context.extensionUri);
  const decisionsTree = vscode.window.createTreeView('airlock.decisions', { treeDataProvider: decisionsView });
  decisionsView.onFilter = (words) => {
    decisionsTree.description = words ? `only ${words}` : undefined;
  };
  // Both follow the log as decisions are made (the document only while it is open).
  audit.onAppend = () => {
    view.refresh();
    decisionsView.refresh();
  };
  hooks.refreshLauncher();
  const guard = new ContextGuard(new IgnoreSync(context.workspaceState, () => settings), hooks, audit, log, () => settings, context.workspaceState);
  context.subscriptions.push(
    status, service, view, terminals, observer, decorations, guard, hooks, agentsView, protectedView, decisionsView, decisionsTree,
    { dispose: () => { audit.onAppend = undefined; } },
    agentsTree,
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
    vscode.commands.registerCommand(CommandId.RefreshAgents, () => agentsView.refresh()),
    vscode.commands.registerCommand(CommandId.InstallAgentHook, (node: unknown) => {
      const row = AgentsView.rowOf(node);
      return row ? hooks.installOne(row.agent) : hooks.installInteractively();
    }),
    vscode.commands.registerCommand(CommandId.RepairAgentHook, (node: unknown) => {
      const row = AgentsView.rowOf(node);
      return row ? hooks.repair(row.agent, row.repair) : undefined;
    }),
    vscode.commands.registerCommand(CommandId.RemoveAgentHook, (node: unknown) => {
      const row = AgentsView.rowOf(node);
      return row ? hooks.removeOne(row.agent) : hooks.removeInteractively();
    }),
    vscode.commands.registerCommand(CommandId.RefreshProtectedFiles, () => protectedView.refresh()),
    vscode.commands.registerCommand(CommandId.EditProtectedPaths, () => vscode.commands.executeCommand('workbench.action.openSettings', 'airlock.protectedPaths')),
    vscode.commands.registerCommand(CommandId.FilterDecisions, () => decisionsView.pickFilter()),
    // Its rows pass their record; anything else (a keybinding, another extension) opens nothing.
    vscode.commands.registerCommand(CommandId.OpenDecision, (record: unknown) => {
      if (typeof record === 'object' && record !== null && 'subject' in record && 'verdict' in record) decisionsView.open(record as AuditRecord);
    }),
    vscode.commands.registerCommand(CommandId.ShowSampleApproval, () => showSampleApproval(context.extensionUri, settings)),
    vscode.commands.registerCommand(CommandId.SyncIgnoreFiles, () => guard.syncNow()),
    vscode.window.registerFileDecorationProvider(decorations),
    secretScan,
    vscode.languages.registerCodeActionsProvider({ scheme: 'file' }, secretScan, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }),
    vscode.commands.registerCommand(CommandId.ScanWorkspace, () => secretScan.run()),
    vscode.commands.registerCommand(CommandId.ProtectFromAgents, async (uri?: vscode.Uri) => {
      await protectFromAgents(uri);
      if (uri) secretScan.forget(uri);
    }),
    // From the Explorer a Uri; from the Protected Files section, its row.
    vscode.commands.registerCommand(CommandId.StopProtecting, (target?: unknown) => stopProtecting(target instanceof vscode.Uri ? target : ProtectedFilesView.uriOf(target))),
    vscode.workspace.registerTextDocumentContentProvider(AUDIT_SCHEME, view),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('airlock')) return;
      userSettings.check();
      settingsChanged();
      guard.settingsChanged(e);
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(() => {
      service.publish();
      guard.start();
      void protectedView.refresh();
      void agentsView.refresh();
    }),
    vscode.commands.registerCommand(CommandId.ShowAuditLog, () => view.open()),
    vscode.commands.registerCommand(CommandId.FilterAuditLog, () => view.open(true)),
    vscode.commands.registerCommand(CommandId.InstallAgentHooks, () => hooks.installInteractively()),
    vscode.commands.registerCommand(CommandId.RemoveAgentHooks, () => hooks.removeInteractively()),
    vscode.commands.registerCommand(CommandId.RunDoctor, () => hooks.runDoctor()),
    vscode.commands.registerCommand(CommandId.ShowCoverage, () => showCoverage()),
    vscode.commands.registerCommand(CommandId.VerifyAuditLog, async () => {
      audit.absorb();
      const result = audit.verify();
      if (result.ok) await vscode.window.showInformationMessage(`Airlock: the audit log is intact (${result.records} record${result.records === 1 ? '' : 's'} in ${result.files} file${result.files === 1 ? '' : 's'}${result.queued > 0 ? `, ${result.queued} queued` : ''}).${result.note ? ` ${result.note}.` : ''}`);
      else await vscode.window.showErrorMessage(`Airlock: the audit log is broken${result.file ? ` at line ${result.line} of ${result.file}` : ''}: ${result.reason}.`);
    }),
    vscode.commands.registerCommand(CommandId.CheckCommandLine, () => firstUse().checkCommandLine(context.extensionUri, settings)),
  );
  /** The settings in effect changed (a change taken, or a loosening applied or turned down). */
  function settingsChanged(): void {
    settings = userSettings.read();
    service.publish();
    updateGate();
    decorations.refresh();
    void protectedView.refresh();
    status.coverage(coverageGap(coverage()));
  }
  function coverage(): GuardPart[] {
    return machineCoverage({ platform: process.platform, terminalGate: settings.terminalGate });
  }
  /**
   * What the hooks decided for this folder while no window was open (before this one published
   * itself, or since it was last open): the person was not there to see it.
   */
  async function noticeDecidedWithoutWindow(): Promise<void> {
    audit.absorb();
    const since = context.workspaceState.get<number>(SEEN_UNTIL) ?? Date.now() - DAY_MS;
    // The newest records only: the rest of a long history is older than any gap worth telling.
    const missed = decidedWithoutWindow(audit.recent(RECENT_RECORDS), since, (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.fsPath));
    await markSeen();
    if (missed.length === 0) return;
    log.info(`${missed.length} agent call${missed.length === 1 ? ' was' : 's were'} decided for this folder while no window was open (since ${new Date(since).toISOString()})`);
    const choice = await vscode.window.showInformationMessage(withoutWindowNotice(missed, actorName), 'Show Audit Log');
    if (choice === 'Show Audit Log') await view.open();
  }
  const markSeen = (): Thenable<void> => context.workspaceState.update(SEEN_UNTIL, Date.now());
  /** Where a part cannot run here (Windows), said once, so the shield is not read as full protection. */
  async function noticeUnsupportedOnce(): Promise<void> {
    const parts = coverage();
    if (!parts.some((p) => p.state === 'unsupported') || context.globalState.get<boolean>(COVERAGE_NOTICED)) return;
    await context.globalState.update(COVERAGE_NOTICED, true);
    const choice = await vscode.window.showWarningMessage(`${coverageGap(parts) ?? ''} Agents' commands are watched here, not stopped before they run.`, 'Show Details');
    if (choice === 'Show Details') showCoverage();
  }
  function showCoverage(): void {
    log.info(`What guards this machine (${process.platform}):`);
    for (const line of coverageLines(coverage())) log.info(`  ${line}`);
    log.show(true);
  }
  const updateGate = (): void => {
    try {
      gate.update(settings, service.ipcFile);
    } catch (error) {
      log.error(`could not set up the terminal gate: ${error instanceof Error ? error.message : String(error)}`);
      void vscode.window.showErrorMessage(`Airlock could not set up its terminal gate: ${error instanceof Error ? error.message : String(error)}. Agents' commands in terminals are only watched, not stopped before they run.`);
    }
  };
  const listening = performance.now();
  try {
    await service.start();
  } catch (error) {
    // Without the service the hooks answer by policy (deny critical/production): say so once.
    void vscode.window.showErrorMessage(`Airlock could not start its decision service: ${error instanceof Error ? error.message : String(error)}. Agent hooks will answer by policy alone.`);
  }
  // Read by `npm run bench` (activation budget: 50 ms); the decision service's socket is up by now.
  // Activation = evaluating the bundle + running activate(); the wait between the two is the
  // extension host's, not ours.
  const evaluation = BUNDLE_READY - BUNDLE_START;
  const run = performance.now() - started;
  // The socket's start is mostly waiting on a thread other extensions share at start-up: said apart.
  log.info(`activated in ${(evaluation + run).toFixed(1)} ms (bundle ${evaluation.toFixed(1)} ms, activate() ${run.toFixed(1)} ms, of which starting the decision service ${(performance.now() - listening).toFixed(1)} ms)`);
  // The gate's files are generated after start-up (the environment collection VS Code keeps from
  // the last session already reaches the first terminals).
  const gateTimer = setTimeout(updateGate, 0);
  // A loosening made while the editor was closed is asked about now (held stricter meanwhile).
  userSettings.check();
  // What hooks queued (their fast path, or while the log could not be written) goes on the chain.
  // Kept current while the window is open: what the notice above counts starts when it closes.
  const absorbTimer = setInterval(() => {
    audit.absorb();
    void markSeen();
  }, ABSORB_EVERY_MS);
  context.subscriptions.push({ dispose: () => clearInterval(absorbTimer) });
  context.subscriptions.push({ dispose: () => clearTimeout(gateTimer) });
  guard.start();
  status.coverage(coverageGap(coverage()));
  // The offer reads agents' settings: after start-up, never during it.
  const offer = setTimeout(() => {
    hooks.offerOnce().catch((error: unknown) => log.error(`could not check for agents without the hook: ${error instanceof Error ? error.message : String(error)}`));
    noticeUnsupportedOnce().catch((error: unknown) => log.error(`could not say what guards this machine: ${error instanceof Error ? error.message : String(error)}`));
    // The Explorer's Protect / Stop Protecting read the list (a context key): made after start-up.
    protectedView.refresh().catch((error: unknown) => log.error(`could not list the protected files: ${error instanceof Error ? error.message : String(error)}`));
    noticeDecidedWithoutWindow().catch((error: unknown) => log.error(`could not say what was decided while no window was open: ${error instanceof Error ? error.message : String(error)}`));
  }, 3000);
  context.subscriptions.push({ dispose: () => clearTimeout(offer) });
}

export function deactivate(): void {
  // Everything is a subscription: VS Code disposes the service (removing discovery files) itself.
}

const ABSORB_EVERY_MS = 10_000;
const COVERAGE_NOTICED = 'airlock.coverageNoticed';
const SEEN_UNTIL = 'airlock.windowSeenUntil';
const DAY_MS = 24 * 60 * 60_000;
const RECENT_RECORDS = 1000;

/** The hash the editor's earlier, unkeyed log was chained with. */
const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/**
 * Before the one log, the editor kept its own in its global storage (an unkeyed SHA-256 chain): its
 * records are queued into the shared chain once, with a note saying whether that old chain was
 * intact, and the old files renamed (kept, never deleted). A failure here costs the import, never
 * the activation.
 */
function importEarlierLog(dir: string, audit: AuditStore, log: vscode.LogOutputChannel): void {
  try {
    const files = readdirSync(dir).filter((f) => /^audit(?:-\d+)?\.jsonl$/.test(f))
      .sort((a, b) => (a === 'audit.jsonl' ? 1 : b === 'audit.jsonl' ? -1 : Number(/\d+/.exec(a)?.[0]) - Number(/\d+/.exec(b)?.[0])))
      .map((f) => join(dir, f));
    if (files.length === 0) return;
    // Renamed first: a second window starting at the same moment finds nothing left to import.
    const taken = files.map((f) => `${f}.imported`);
    files.forEach((f, i) => renameSync(f, taken[i] ?? f));
    let prev = GENESIS;
    let broken: string | undefined;
    for (const file of taken) {
      // Opened only as a regular file: a FIFO planted there must not hang activation.
      const check = verifyChain((readPlain(nodeFs, file) ?? '').split('\n'), sha256, prev);
      if (!check.ok) {
        broken = `broken at line ${check.index + 1} of ${file}: ${check.reason}`;
        break;
      }
      prev = check.last;
    }
    const moved = queueFromFiles(taken, (record) => queueRecord(record, process.env).ok);
    audit.keep(auditRecord({
      time: new Date(), source: 'observer', actor: 'airlock', kind: 'write', subject: dir, decision: broken ? 'deny' : 'allow', decidedBy: 'policy',
      reason: `${moved} records moved in from the editor's earlier audit log; its own chain was ${broken ?? 'intact'}`,
      verdict: { decision: 'allow', risk: 'none', environment: { tier: 'unknown' }, confirmation: 'none', findings: [] },
    }));
    log.info(`moved ${moved} records of the editor's earlier audit log into the shared log (its chain was ${broken ?? 'intact'}); the old files end in .imported`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    log.warn(`could not move the editor's earlier audit log into the shared log: ${error instanceof Error ? error.message : String(error)}`);
  }
}
