// The approval modal (its words: approvalText.ts). Deny is the close affordance, so Escape and
// closing the dialog deny. A typed confirmation asks for the exact environment name. A modal
// renders no Markdown: the text stays plain.
import * as vscode from 'vscode';
import type { DecisionRequest } from '../gate/protocol';
import { confirmationName, detail, title } from './approvalText';

export type Choice = 'allow' | 'deny' | 'details';

export async function askModal(request: DecisionRequest): Promise<Choice> {
  // Deny comes first, so it is the primary button that Enter presses; the dialog's own Cancel
  // (Escape, closing it) also denies. A close-affordance Deny would leave Allow once as primary.
  const deny: vscode.MessageItem = { title: 'Deny' };
  const allow: vscode.MessageItem = { title: 'Allow once' };
  const details: vscode.MessageItem = { title: 'Show details' };
  const cancel: vscode.MessageItem = { title: 'Cancel', isCloseAffordance: true };
  // Production is shown with the error severity and its icon; the rest as a warning.
  const show = request.verdict.environment.tier === 'production' ? vscode.window.showErrorMessage : vscode.window.showWarningMessage;
  const picked = await show(title(request), { modal: true, detail: detail(request) }, deny, allow, details, cancel);
  if (picked === allow) return 'allow';
  if (picked === details) return 'details';
  return 'deny';
}

export async function typedConfirmation(request: DecisionRequest, signal: AbortSignal): Promise<boolean> {
  const name = confirmationName(request.verdict);
  const cancel = new vscode.CancellationTokenSource();
  const onAbort = (): void => cancel.cancel();
  signal.addEventListener('abort', onAbort);
  const typed = await vscode.window.showInputBox({
    title: title(request),
    prompt: `Type ${name} to allow this once`,
    placeHolder: name,
    ignoreFocusOut: true,
    validateInput: (value) => (value === name ? undefined : `Type exactly "${name}" to allow, or press Escape to deny`),
  }, cancel.token);
  signal.removeEventListener('abort', onAbort);
  cancel.dispose();
  return typed === name;
}
