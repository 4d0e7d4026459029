// The details page's HTML. Every piece of untrusted text is escaped here; the page loads only its
// own stylesheet and one script carrying the nonce (strict Content-Security-Policy).
import type { ChainedRecord } from '../core/auditChain';
import type { DecisionRequest } from '../gate/protocol';
import { actorName, credentialText, shownSubject, title } from './approvalText';
import { localTime } from '../core/localTime';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/**
 * The command with the first finding's span marked (spans index the classified line). Each part is
 * masked on its own, after cutting, so masking a credential cannot move the mark.
 */
export function highlighted(request: DecisionRequest): string {
  const span = request.kind === 'command' ? request.verdict.findings[0]?.span : undefined;
  const text = request.subject;
  const shown = (part: string): string => escapeHtml(shownSubject(part));
  if (!span || span[1] <= span[0] || span[1] > text.length) return shown(text);
  return `${shown(text.slice(0, span[0]))}<mark>${shown(text.slice(span[0], span[1]))}</mark>${shown(text.slice(span[1]))}`;
}

export function detailsHtml(request: DecisionRequest, recent: readonly ChainedRecord[], webview: { cspSource: string }, media: { css: string; js: string }, nonce: string): string {
  const v = request.verdict;
  const findings = v.findings.map((f) => `<li><code>${escapeHtml(f.rule)}</code> <span class="sev ${escapeHtml(f.severity)}">${escapeHtml(f.severity)}</span> ${escapeHtml(f.summary)}` +
    (f.through ? `<div class="through">Through: ${escapeHtml(f.through)}</div>` : '') +
    `<div class="hint">Safer: ${escapeHtml(f.hint)}</div><div class="target">Target: ${escapeHtml(f.environment.tier.toUpperCase())}${f.environment.evidence ? ` — ${escapeHtml(f.environment.evidence)}` : ''}</div></li>`).join('');
  const history = recent.length === 0 ? '<p class="none">No earlier decisions for this command.</p>'
    : `<table><tr><th>When</th><th>Who</th><th>Decision</th><th>By</th></tr>${recent.map((r) => `<tr><td>${escapeHtml(localTime(r.time))}</td><td>${escapeHtml(actorName(r.actor))}</td><td>${escapeHtml(r.decision)}</td><td>${escapeHtml(r.decidedBy)}</td></tr>`).join('')}</table>`;
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${webview.cspSource}; script-src 'nonce-${nonce}';">
<link rel="stylesheet" href="${media.css}"><title>Airlock request</title></head>
<body>
<div class="banner ${escapeHtml(v.environment.tier)}" id="banner">${escapeHtml(title(request))}</div>
<h2>${escapeHtml(request.kind === 'command' ? 'Command' : request.kind === 'mcp' ? 'MCP call' : 'Path')}</h2>
<pre id="command">${highlighted(request)}</pre>
<p>Asked by ${escapeHtml(actorName(request.actor))}${request.cwd ? ` in <code>${escapeHtml(request.cwd)}</code>` : ''}.</p>
${v.credential ? `<p id="credential">Credential: ${escapeHtml(credentialText(v))}</p>` : ''}
<h2>Findings</h2><ul>${findings}</ul>
<h2>Earlier decisions for this command</h2>${history}
<div class="buttons"><button id="deny" class="deny">Deny</button><button id="allow" class="allow">Allow once</button></div>
<script nonce="${nonce}" src="${media.js}"></script>
</body></html>`;
}
