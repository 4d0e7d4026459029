// "Airlock: Show a Sample Approval": the real dialog and details page for a sample production
// request — what a person sees when an agent reaches for production — without an agent and
// without running anything. Judged by the real engine; the answer is said, not recorded.
import * as vscode from 'vscode';
import { PROTOCOL_VERSION, type DecisionRequest } from '../gate/protocol';
import { askPerson } from './askPerson';
import { firstUse } from './firstUse';
import { actionFor } from './decide';
import type { Settings } from './settings';

export const SAMPLE_COMMAND = 'railway volume delete -v pgdata -e production -y';
const NOTE = 'SAMPLE: nothing runs and nothing is recorded, whatever you answer. This is what Airlock shows when an agent asks to run this.';

export async function showSampleApproval(extensionUri: vscode.Uri, settings: Settings): Promise<void> {
  const cwd = vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === 'file')?.uri.fsPath;
  const verdict = await firstUse().classifyLine(extensionUri, settings, SAMPLE_COMMAND, cwd);
  const request: DecisionRequest = {
    version: PROTOCOL_VERSION, source: 'hook', actor: 'claude-code', kind: 'command', subject: SAMPLE_COMMAND, tool: 'Bash',
    ...(cwd ? { cwd } : {}), verdict, timeoutMs: settings.timeoutSeconds * 1000,
  };
  const action = actionFor(request, settings);
  // A policy set to answer by itself still gets the dialog here: the sample shows what asking looks like.
  const confirmation = action.kind === 'ask' ? action.confirmation : 'typed';
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), request.timeoutMs);
  const answer = await askPerson(request, confirmation, timeout.signal, { extensionUri, recent: () => [], note: NOTE }).finally(() => clearTimeout(timer));
  const policy = action.kind === 'ask' ? '' : ` With your settings Airlock would not ask: ${action.reason}, so it would ${action.kind} it by itself.`;
  void vscode.window.showInformationMessage(`Airlock sample: you ${answer === 'allow' ? 'allowed' : 'denied'} it. Nothing ran, and nothing was recorded.${policy}`);
}
