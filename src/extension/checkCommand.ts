// "Airlock: Check a Command Line": the engine's verdict for a line the user types. Loaded on first
// use (the engine and its rules are most of the bundle), so activation never pays for it.
import * as vscode from 'vscode';
import { LazyEngine } from '../core/engine';
import { createBashParser } from '../core/shell/parser';
import type { Settings } from './settings';

let engine: LazyEngine | undefined;

export async function checkCommandLine(extensionUri: vscode.Uri, settings: Settings): Promise<void> {
  const line = await vscode.window.showInputBox({ prompt: 'Command line to check (nothing runs)', ignoreFocusOut: true });
  if (line === undefined) return;
  const read = async (file: string): Promise<Uint8Array> => vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'dist', file));
  engine ??= new LazyEngine(async () => createBashParser({ runtime: await read('tree-sitter.wasm'), bash: await read('tree-sitter-bash.wasm') }));
  const verdict = await engine.classify(line, {
    cwd: vscode.workspace.workspaceFolders?.[0]?.uri.fsPath, environments: new Map(Object.entries(settings.environments)),
    paths: { protectedPaths: settings.protectedPaths, allowedPaths: settings.allowedPaths },
  });
  const worst = verdict.findings[0];
  const message = verdict.findings.length === 0
    ? 'Airlock: nothing destructive found.'
    : `Airlock: ${verdict.decision} — ${verdict.environment.tier.toUpperCase()} — ${worst?.summary ?? ''}`;
  await vscode.window.showInformationMessage(message);
}
