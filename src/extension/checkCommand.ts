// "Airlock: Check a Command Line": the engine's verdict for a line the user types.
import * as vscode from 'vscode';
import { classifyLine } from './classifier';
import type { Settings } from './settings';

export async function checkCommandLine(extensionUri: vscode.Uri, settings: Settings): Promise<void> {
  const line = await vscode.window.showInputBox({ prompt: 'Command line to check (nothing runs)', ignoreFocusOut: true });
  if (line === undefined) return;
  const verdict = await classifyLine(extensionUri, settings, line, undefined);
  const worst = verdict.findings[0];
  const message = verdict.findings.length === 0
    ? 'Airlock: nothing destructive found.'
    : `Airlock: ${verdict.decision} — ${verdict.environment.tier.toUpperCase()} — ${worst?.summary ?? ''}`;
  await vscode.window.showInformationMessage(message);
}
