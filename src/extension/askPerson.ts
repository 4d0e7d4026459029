// How a person is asked: the dialog, then the details page or the typed name. The decision
// service asks this way for every flagged request, and the sample approval shows the very same
// steps (with a note saying nothing runs).
import * as vscode from 'vscode';
import type { ChainedRecord } from '../core/auditChain';
import type { DecisionRequest } from '../gate/protocol';
import { askModal, typedConfirmation } from './approval';
import { showDetails } from './detailsPanel';

export interface Asking {
  readonly extensionUri: vscode.Uri;
  /** Earlier decisions on the same subject, for the details page. */
  readonly recent: () => readonly ChainedRecord[];
  /** A line said before everything else, in the dialog and on the page (the sample's "nothing runs"). */
  readonly note?: string;
}

/**
 * `signal` aborts when the request's time is up: what can be closed (the details page, the input
 * box) is closed, and an Allow given to a modal that outlived its request is not silently taken
 * as an approval.
 */
export async function askPerson(request: DecisionRequest, confirmation: 'click' | 'typed', signal: AbortSignal, asking: Asking): Promise<'allow' | 'deny'> {
  let choice = await askModal(request, asking.note);
  if (choice === 'details' && !signal.aborted) choice = await showDetails(asking.extensionUri, request, asking.recent(), signal, asking.note);
  if (choice === 'allow' && confirmation === 'typed' && !signal.aborted) choice = (await typedConfirmation(request, signal)) ? 'allow' : 'deny';
  if (signal.aborted) {
    if (choice === 'allow') void vscode.window.showWarningMessage(`Airlock: that request had already been denied — nobody answered within ${Math.round(request.timeoutMs / 1000)} s. Ask the agent to try again.`);
    return 'deny';
  }
  return choice === 'allow' ? 'allow' : 'deny';
}
