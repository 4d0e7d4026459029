// Activation stays thin: the decision service, modal and gates arrive with later work; today the
// extension offers the engine's verdict for a command line the user types.
import * as vscode from 'vscode';
import { LazyEngine } from '../core/engine';
import { createBashParser } from '../core/shell/parser';

export function activate(context: vscode.ExtensionContext): void {
  const read = async (file: string): Promise<Uint8Array> => vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, 'dist', file));
  const engine = new LazyEngine(async () => createBashParser({ runtime: await read('tree-sitter.wasm'), bash: await read('tree-sitter-bash.wasm') }));
  context.subscriptions.push(
    vscode.commands.registerCommand('airlock.checkCommandLine', async () => {
      const line = await vscode.window.showInputBox({ prompt: 'Command line to check', ignoreFocusOut: true });
      if (line === undefined) return;
      const verdict = await engine.classify(line, { cwd: vscode.workspace.workspaceFolders?.[0]?.uri.fsPath });
      const worst = verdict.findings[0];
      const message = verdict.findings.length === 0
        ? 'Airlock: nothing destructive found.'
        : `Airlock: ${verdict.decision} — ${verdict.environment.tier.toUpperCase()} — ${worst?.summary ?? ''}`;
      await vscode.window.showInformationMessage(message, { modal: false });
    }),
  );
}

export function deactivate(): void {
  // Nothing to release: every resource is a subscription disposed by VS Code.
}
