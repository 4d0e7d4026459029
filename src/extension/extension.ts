// Activation stays thin: read the settings, build the adapters (audit log, status bar, decision
// service, audit view, commands) and hand their disposables to VS Code.
import * as vscode from 'vscode';
import { LazyEngine } from '../core/engine';
import { createBashParser } from '../core/shell/parser';
import { AgentHooks } from './agentHooks';
import { AuditLog } from './auditLog';
import { AUDIT_SCHEME, AuditView } from './auditView';
import { CommandId } from './commands';
import { DecisionService } from './decisionService';
import { readSettings, type Settings } from './settings';
import { StatusBar } from './statusBar';

function currentSettings(): Settings {
  const config = vscode.workspace.getConfiguration('airlock');
  return readSettings((key) => config.inspect(key));
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  let settings = currentSettings();
  const audit = new AuditLog(context.globalStorageUri.fsPath);
  const status = new StatusBar();
  const service = new DecisionService(context.extensionUri, () => settings, audit, status);
  const view = new AuditView(audit);
  const hooks = new AgentHooks(context);
  hooks.refreshLauncher();
  const read = async (file: string): Promise<Uint8Array> => vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, 'dist', file));
  const engine = new LazyEngine(async () => createBashParser({ runtime: await read('tree-sitter.wasm'), bash: await read('tree-sitter-bash.wasm') }));
  context.subscriptions.push(
    status, service, view,
    vscode.workspace.registerTextDocumentContentProvider(AUDIT_SCHEME, view),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('airlock')) return;
      settings = currentSettings();
      service.publish();
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(() => service.publish()),
    vscode.commands.registerCommand(CommandId.ShowAuditLog, () => view.open()),
    vscode.commands.registerCommand(CommandId.InstallAgentHooks, () => hooks.installInteractively()),
    vscode.commands.registerCommand(CommandId.VerifyAuditLog, async () => {
      const result = audit.verify();
      if (result.ok) await vscode.window.showInformationMessage(`Airlock: the audit log is intact (${result.records} records in ${result.files} file${result.files === 1 ? '' : 's'}).`);
      else await vscode.window.showErrorMessage(`Airlock: the audit log is broken at line ${result.line} of ${result.file}: ${result.reason}.`);
    }),
    vscode.commands.registerCommand(CommandId.CheckCommandLine, async () => {
      const line = await vscode.window.showInputBox({ prompt: 'Command line to check', ignoreFocusOut: true });
      if (line === undefined) return;
      const verdict = await engine.classify(line, { cwd: vscode.workspace.workspaceFolders?.[0]?.uri.fsPath, environments: new Map(Object.entries(settings.environments)) });
      const worst = verdict.findings[0];
      const message = verdict.findings.length === 0
        ? 'Airlock: nothing destructive found.'
        : `Airlock: ${verdict.decision} — ${verdict.environment.tier.toUpperCase()} — ${worst?.summary ?? ''}`;
      await vscode.window.showInformationMessage(message);
    }),
  );
  try {
    await service.start();
  } catch (error) {
    // Without the service the hooks answer by policy (deny critical/production): say so once.
    void vscode.window.showErrorMessage(`Airlock could not start its decision service: ${error instanceof Error ? error.message : String(error)}. Agent hooks will answer by policy alone.`);
  }
  void hooks.offerOnce();
}

export function deactivate(): void {
  // Everything is a subscription: VS Code disposes the service (removing discovery files) itself.
}
