// The approval modal (its words: approvalText.ts). Deny is the close affordance, so Escape and
// closing the dialog deny; Enter opens the details page. A typed confirmation asks for the exact
// environment name. A modal renders no Markdown: the text stays plain.
import * as vscode from 'vscode';
import type { DecisionRequest } from '../gate/protocol';
import { confirmationName, detail, title } from './approvalText';

export type Choice = 'allow' | 'deny' | 'details';

/** `note`: a line said first (the sample approval's "nothing runs"). */
export async function askModal(request: DecisionRequest, note?: string): Promise<Choice> {
  // One button per answer. Deny is the close affordance: Escape and closing the dialog deny, and no
  // separate Cancel repeats it. The modal focuses its first other button, which Enter presses: that
  // is Show details, so no key alone ever allows (VS Code offers no way to make the close
  // affordance the focused button; the details page gives Deny the focus, so Enter, Enter denies).
  const details: vscode.MessageItem = { title: 'Show details' };
  const allow: vscode.MessageItem = { title: 'Allow once' };
  const deny: vscode.MessageItem = { title: 'Deny', isCloseAffordance: true };
  // Production is shown with the error severity and its icon; the rest as a warning.
  const show = request.verdict.environment.tier === 'production' ? vscode.window.showErrorMessage : vscode.window.showWarningMessage;
  const picked = await show(title(request), { modal: true, detail: note ? `${note}\n\n${detail(request)}` : detail(request) }, details, allow, deny);
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
