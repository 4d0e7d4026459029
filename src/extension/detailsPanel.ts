// "Show details": a webview with the environment banner in the theme colours Airlock contributes,
// the command with the matched span highlighted, every finding, recent audit entries for the same
// command, and the same Deny / Allow once buttons. Strict CSP with a nonce; every piece of
// untrusted text is HTML-escaped here, never Markdown, never a link.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { ChainedRecord } from '../core/auditChain';
import type { DecisionRequest } from '../gate/protocol';
import { actorName, title } from './approval';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/** The command with the first finding's span marked (spans index the classified line). */
export function highlighted(request: DecisionRequest): string {
  const span = request.kind === 'command' ? request.verdict.findings[0]?.span : undefined;
  const text = request.subject;
  if (!span || span[1] <= span[0] || span[1] > text.length) return escapeHtml(text);
  return `${escapeHtml(text.slice(0, span[0]))}<mark>${escapeHtml(text.slice(span[0], span[1]))}</mark>${escapeHtml(text.slice(span[1]))}`;
}

export function detailsHtml(request: DecisionRequest, recent: readonly ChainedRecord[], webview: { cspSource: string }, media: { css: string; js: string }, nonce: string): string {
  const v = request.verdict;
  const findings = v.findings.map((f) => `<li><code>${escapeHtml(f.rule)}</code> <span class="sev ${escapeHtml(f.severity)}">${escapeHtml(f.severity)}</span> ${escapeHtml(f.summary)}` +
    `<div class="hint">Safer: ${escapeHtml(f.hint)}</div><div class="target">Target: ${escapeHtml(f.environment.tier.toUpperCase())}${f.environment.evidence ? ` — ${escapeHtml(f.environment.evidence)}` : ''}</div></li>`).join('');
  const history = recent.length === 0 ? '<p class="none">No earlier decisions for this command.</p>'
    : `<table><tr><th>When</th><th>Who</th><th>Decision</th><th>By</th></tr>${recent.map((r) => `<tr><td>${escapeHtml(r.time)}</td><td>${escapeHtml(actorName(r.actor))}</td><td>${escapeHtml(r.decision)}</td><td>${escapeHtml(r.decidedBy)}</td></tr>`).join('')}</table>`;
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${webview.cspSource}; script-src 'nonce-${nonce}';">
<link rel="stylesheet" href="${media.css}"><title>Airlock request</title></head>
<body>
<div class="banner ${escapeHtml(v.environment.tier)}" id="banner">${escapeHtml(title(request))}</div>
<h2>${escapeHtml(request.kind === 'command' ? 'Command' : request.kind === 'mcp' ? 'MCP call' : 'Path')}</h2>
<pre id="command">${highlighted(request)}</pre>
<p>Asked by ${escapeHtml(actorName(request.actor))}${request.cwd ? ` in <code>${escapeHtml(request.cwd)}</code>` : ''}.</p>
<h2>Findings</h2><ul>${findings}</ul>
<h2>Earlier decisions for this command</h2>${history}
<div class="buttons"><button id="deny" class="deny">Deny</button><button id="allow" class="allow">Allow once</button></div>
<script nonce="${nonce}" src="${media.js}"></script>
</body></html>`;
}

/** Opens the panel; resolves with the button pressed, or deny when the panel is closed. */
export function showDetails(extensionUri: vscode.Uri, request: DecisionRequest, recent: readonly ChainedRecord[]): Promise<'allow' | 'deny'> {
  const mediaRoot = vscode.Uri.joinPath(extensionUri, 'media');
  const panel = vscode.window.createWebviewPanel('airlock.details', `Airlock: ${request.verdict.environment.tier.toUpperCase()} request`, vscode.ViewColumn.Active,
    { enableScripts: true, localResourceRoots: [mediaRoot], retainContextWhenHidden: true });
  const nonce = randomBytes(16).toString('base64');
  panel.webview.html = detailsHtml(request, recent, panel.webview, {
    css: panel.webview.asWebviewUri(vscode.Uri.joinPath(mediaRoot, 'details.css')).toString(),
    js: panel.webview.asWebviewUri(vscode.Uri.joinPath(mediaRoot, 'details.js')).toString(),
  }, nonce);
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
  });
}
