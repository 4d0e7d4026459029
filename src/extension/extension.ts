// Activation stays thin: the settings, the audit log, the status bar and the decision service,
// which must be up before anything else; every command is registered at once. The rest (the views,
// the Explorer's commands, the scan, the agents' hooks and ignore files: dist/workbench.js) loads
// just after activation, or sooner if one of its commands is run.
import { createHash } from 'node:crypto';
import * as nodeFs from 'node:fs';
import { readdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { firstUse, loadWorkbench } from './firstUse';
import { auditRecord } from '../core/audit';
import { GENESIS, verifyChain } from '../core/auditChain';
import { coverageGap, coverageLines, machineCoverage, type GuardPart } from '../core/coverage';
import { AuditStore, queueFromFiles } from '../gate/auditStore';
import { queueRecord } from '../gate/auditQueue';
import { stateDirectory } from '../gate/stateDir';
import { readPlain } from '../gate/plainFiles';
import { ALL_COMMANDS, CommandId } from './commands';
import { DecisionService } from './decisionService';
import { Observer } from './observer';
import { ConfirmedSettings } from './settingsConfirm';
import { StatusBar } from './statusBar';
import { TerminalGate } from './terminalGate';
import { TerminalDirectory } from './terminals';
import { refreshLauncher } from './launcherUpdate';
import { markSeen } from './windowSeen';
import type { CommandHandler, Workbench } from './workbench';

/** When the bundle began to evaluate (its banner) and when its modules were ready. */
const BUNDLE_START = (globalThis as { __airlockBundleStart?: number }).__airlockBundleStart ?? performance.now();
const BUNDLE_READY = performance.now();

export function activate(context: vscode.ExtensionContext): void {
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
  const observer = new Observer({ settings: () => settings, audit, wasGated: (line) => service.wasGated(line), classify, log });

  let workbench: Workbench | undefined;
  let loadFailure: Error | undefined;
  /**
   * The rest of the extension, loaded on first need (a command of its own, or just after start-up).
   * Tried once: a bundle that did not load is not loaded again over what it may have half made.
   */
  const wb = (): Workbench => {
    if (workbench) return workbench;
    if (loadFailure) throw loadFailure;
    try {
      const loading = performance.now();
      workbench = loadWorkbench().startWorkbench({ context, log, audit, settings: () => settings });
      // Not part of activation, but the same thread's time: said so that it is measured too.
      log.info(`the views and commands loaded in ${(performance.now() - loading).toFixed(1)} ms`);
      return workbench;
    } catch (error) {
      loadFailure = new Error(`Airlock could not load its views and commands: ${error instanceof Error ? error.message : String(error)}`);
      log.error(loadFailure.message);
      void vscode.window.showErrorMessage(`${loadFailure.message}. Its decision service and terminal gate still answer agents.`);
      throw loadFailure;
    }
  };
  const own = new Map<CommandId, CommandHandler>([
    [CommandId.ShowCoverage, () => showCoverage()],
    [CommandId.VerifyAuditLog, async () => {
      audit.absorb();
      const result = audit.verify();
      if (result.ok) await vscode.window.showInformationMessage(`Airlock: the audit log is intact (${result.records} record${result.records === 1 ? '' : 's'} in ${result.files} file${result.files === 1 ? '' : 's'}${result.queued > 0 ? `, ${result.queued} queued` : ''}).${result.note ? ` ${result.note}.` : ''}`);
      else await vscode.window.showErrorMessage(`Airlock: the audit log is broken${result.file ? ` at line ${result.line} of ${result.file}` : ''}: ${result.reason}.`);
    }],
    [CommandId.CheckCommandLine, () => firstUse().checkCommandLine(context.extensionUri, settings)],
  ]);
  // Every command at once, so one run before the rest has loaded is never "not found".
  for (const id of ALL_COMMANDS) {
    const handler = own.get(id);
    context.subscriptions.push(vscode.commands.registerCommand(id, handler ?? ((...args: unknown[]) => {
      const run = wb().commands.get(id);
      if (!run) throw new Error(`Airlock: no handler for the command ${id}`);
      return run(...args);
    })));
  }
  // The Decisions section and the audit log document follow the log as decisions are made.
  audit.onAppend = () => workbench?.appended();
  context.subscriptions.push(
    status, service, terminals, observer,
    { dispose: () => { audit.onAppend = undefined; } },
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('airlock')) return;
      userSettings.check();
      settingsChanged();
      workbench?.configurationChanged(e);
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(() => {
      service.publish();
      workbench?.foldersChanged();
    }),
  );
  /** The settings in effect changed (a change taken, or a loosening applied or turned down). */
  function settingsChanged(): void {
    settings = userSettings.read();
    service.publish();
    updateGate();
    workbench?.settingsChanged();
    status.coverage(coverageGap(coverage()));
  }
  function coverage(): GuardPart[] {
    return machineCoverage({ platform: process.platform, terminalGate: settings.terminalGate });
  }
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
  // Not waited on: the socket's listening and the discovery file come a moment after activation.
  // Until then a hook finds no window and answers by policy (a deny for what needs a person). The
  // gate's files are written once the start has ended, out of the window's start-up.
  const listening = performance.now();
  service.start().then(
    (up) => {
      if (!up) return;
      log.info(`the decision service is listening (${(performance.now() - listening).toFixed(1)} ms after it was started)`);
      updateGate();
    },
    (error: unknown) => {
      // Without the service the hooks answer by policy (deny critical/production): say so once.
      void vscode.window.showErrorMessage(`Airlock could not start its decision service: ${error instanceof Error ? error.message : String(error)}. Agent hooks will answer by policy alone.`);
      // The gate still stops agents' commands in terminals: without a window to ask, they are denied.
      updateGate();
    },
  );
  // What hooks queued (their fast path, or while the log could not be written) goes on the chain.
  // Kept current while the window is open: what the no-window notice counts starts when it closes.
  const absorbTimer = setInterval(() => {
    audit.absorb();
    void markSeen(context);
  }, ABSORB_EVERY_MS);
  status.coverage(coverageGap(coverage()));
  const afterActivation = setTimeout(() => {
    // Each step on its own: one that fails is logged and the next still runs.
    for (const [what, step] of [
      // A loosening made while the editor was closed is asked about now (held stricter meanwhile).
      ['check the settings changed while the editor was closed', () => userSettings.check()],
      ['update the launcher the agents\' hooks run', () => refreshLauncher(context.extensionUri, log)],
    ] as const) {
      try {
        step();
      } catch (error) {
        log.error(`could not ${what}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    try {
      wb();
    } catch {
      // wb() has said why, in the log and to the person.
    }
  }, 0);
  // The offer reads agents' settings: a few seconds after start-up, never during it.
  const offer = setTimeout(() => {
    noticeUnsupportedOnce().catch((error: unknown) => log.error(`could not say what guards this machine: ${error instanceof Error ? error.message : String(error)}`));
    if (workbench) workbench.afterStartUp();
  }, 3000);
  context.subscriptions.push({ dispose: () => clearInterval(absorbTimer) }, { dispose: () => clearTimeout(afterActivation) }, { dispose: () => clearTimeout(offer) });
  // Read by `npm run bench:activation` (budget: 50 ms). Activation = evaluating the bundle + running
  // activate(); the wait between the two is the extension host's, not ours.
  const evaluation = BUNDLE_READY - BUNDLE_START;
  const run = performance.now() - started;
  log.info(`activated in ${(evaluation + run).toFixed(1)} ms (bundle ${evaluation.toFixed(1)} ms, activate() ${run.toFixed(1)} ms)`);
}

export function deactivate(): void {
  // Everything is a subscription: VS Code disposes the service (removing discovery files) itself.
}

const ABSORB_EVERY_MS = 10_000;
const COVERAGE_NOTICED = 'airlock.coverageNoticed';

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
