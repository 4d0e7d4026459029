// "Airlock: Scan Workspace for Secrets": the same scan as `airlock scan`, with progress. Secrets
// in files agents can read become problems (Problems panel) with the quick fix "Protect this file
// from agents"; protected files are only counted. Never a secret's value, in text or in a tooltip.
import { join } from 'node:path';
import * as vscode from 'vscode';
import { isProtectedPath } from '../core/secrets/paths';
import { CommandId } from './commands';
import { firstUse } from './firstUse';
import { secretProblemMessage } from '../core/secrets/secretWords';
import type { Settings } from './settings';

const SOURCE = 'Airlock';

export class SecretScan implements vscode.CodeActionProvider, vscode.Disposable {
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('airlock-secrets');

  constructor(private readonly settings: () => Settings) {}

  async run(): Promise<void> {
    const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
    if (folders.length === 0) {
      void vscode.window.showWarningMessage('Airlock: open a folder to scan it for secrets.');
      return;
    }
    const { scanDirectory } = firstUse();
    const totals = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Airlock: scanning for secrets', cancellable: false }, async (progress) => {
      this.diagnostics.clear();
      const s = this.settings();
      let scanned = 0;
      let exposed = 0;
      let found = 0;
      for (const folder of folders) {
        progress.report({ message: folder.name });
        const result = scanDirectory(folder.uri.fsPath);
        scanned += result.scanned;
        found += result.findings.length;
        const byFile = new Map<string, vscode.Diagnostic[]>();
        for (const f of result.findings) {
          if (isProtectedPath(join(folder.uri.fsPath, f.file), s.protectedPaths, s.allowedPaths)) continue;
          exposed++;
          const range = new vscode.Range(f.line - 1, 0, f.line - 1, Number.MAX_SAFE_INTEGER);
          const d = new vscode.Diagnostic(range, secretProblemMessage(f), vscode.DiagnosticSeverity.Warning);
          d.source = SOURCE;
          d.code = f.rule;
          byFile.set(f.file, [...byFile.get(f.file) ?? [], d]);
        }
        for (const [file, list] of byFile) this.diagnostics.set(vscode.Uri.file(join(folder.uri.fsPath, file)), list);
        await new Promise((r) => setImmediate(r));
      }
      return { scanned, exposed, found };
    });
    // Short enough for a notification's one line: where each secret is, the Problems panel says.
    const protectedCount = totals.found - totals.exposed;
    if (totals.exposed > 0) {
      const show = 'Show Problems';
      // The scan is done when the toast shows: the command does not wait on the person's click.
      void vscode.window.showWarningMessage(`Airlock: ${totals.exposed} secret${totals.exposed === 1 ? ' is in a file' : 's are in files'} agents can read.`, show)
        .then((choice) => (choice === show ? vscode.commands.executeCommand('workbench.actions.view.problems') : undefined));
    } else {
      void vscode.window.showInformationMessage(`Airlock: no secret in files agents can read${protectedCount > 0 ? ` (${protectedCount} in protected files)` : ''}.`);
    }
  }

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const ours = context.diagnostics.filter((d) => d.source === SOURCE);
    if (ours.length === 0) return [];
    const action = new vscode.CodeAction('Protect this file from agents', vscode.CodeActionKind.QuickFix);
    action.diagnostics = ours;
    action.command = { command: CommandId.ProtectFromAgents, title: 'Protect this file from agents', arguments: [document.uri] };
    return [action];
  }

  /** A file just protected no longer has problems of ours. */
  forget(uri: vscode.Uri): void {
    this.diagnostics.delete(uri);
  }

  dispose(): void {
    this.diagnostics.dispose();
  }
}
