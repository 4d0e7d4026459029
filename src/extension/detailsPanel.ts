// "Show details": a webview with the environment banner in the theme colours Airlock contributes,
// the command with the matched span highlighted, every finding, recent audit entries for the same
// command, and the same Deny / Allow once buttons. Strict CSP with a nonce; every piece of
// untrusted text is HTML-escaped (detailsHtml.ts), never Markdown, never a link.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { ChainedRecord } from '../core/auditChain';
import type { DecisionRequest } from '../gate/protocol';
import { detailsHtml } from './detailsHtml';

/** Opens the panel; resolves with the button pressed, or deny when the panel is closed. */
export function showDetails(extensionUri: vscode.Uri, request: DecisionRequest, recent: readonly ChainedRecord[], signal: AbortSignal, note?: string): Promise<'allow' | 'deny'> {
  const mediaRoot = vscode.Uri.joinPath(extensionUri, 'media');
  const panel = vscode.window.createWebviewPanel('airlock.details', `Airlock: ${request.verdict.environment.tier.toUpperCase()} request`, vscode.ViewColumn.Active,
    { enableScripts: true, localResourceRoots: [mediaRoot], retainContextWhenHidden: true });
  const nonce = randomBytes(16).toString('base64');
  panel.webview.html = detailsHtml(request, recent, panel.webview, {
    css: panel.webview.asWebviewUri(vscode.Uri.joinPath(mediaRoot, 'details.css')).toString(),
    js: panel.webview.asWebviewUri(vscode.Uri.joinPath(mediaRoot, 'details.js')).toString(),
  }, nonce, note);
  return new Promise((resolve) => {
    const subscriptions: vscode.Disposable[] = [];
    const finish = (choice: 'allow' | 'deny'): void => {
      for (const s of subscriptions.splice(0)) s.dispose();
      resolve(choice);
      panel.dispose();
    };
    subscriptions.push(
      panel.webview.onDidReceiveMessage((message: unknown) => {
        const choice = (message as { choice?: unknown } | null)?.choice;
        if (choice === 'allow' || choice === 'deny') finish(choice);
      }),
      panel.onDidDispose(() => finish('deny')),
    );
    // The request's time is up: the page closes (a deny), so it never holds up the next request.
    const onAbort = (): void => finish('deny');
    signal.addEventListener('abort', onAbort);
    subscriptions.push({ dispose: () => signal.removeEventListener('abort', onAbort) });
  });
}
