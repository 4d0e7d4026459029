// The details page's HTML. Every piece of untrusted text is escaped here; the page loads only its
// own stylesheet and one script carrying the nonce (strict Content-Security-Policy).
import type { AuditRecord } from '../core/audit';
import type { ChainedRecord } from '../core/auditChain';
import { TIER_MARK } from '../core/verdict';
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

export function detailsHtml(request: DecisionRequest, recent: readonly ChainedRecord[], webview: { cspSource: string }, media: { css: string; js: string }, nonce: string, note?: string): string {
  const v = request.verdict;
  const findings = v.findings.map((f) => `<li><code>${escapeHtml(f.rule)}</code> <span class="sev ${escapeHtml(f.severity)}">${escapeHtml(f.severity)}</span> ${escapeHtml(f.summary)}` +
    (f.through ? `<div class="through">Through: ${escapeHtml(f.through)}</div>` : '') +
    `<div class="hint">Safer: ${escapeHtml(f.hint)}</div><div class="target">Target: ${escapeHtml(f.environment.tier.toUpperCase())}${f.environment.evidence ? ` — ${escapeHtml(f.environment.evidence)}` : ''}</div></li>`).join('');
  const history = decisionsTable(recent, 'No earlier decisions for this command.');
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${webview.cspSource}; script-src 'nonce-${nonce}';">
<link rel="stylesheet" href="${media.css}"><title>Airlock request</title></head>
<body>
<div class="banner ${escapeHtml(v.environment.tier)}" id="banner">${escapeHtml(title(request))}</div>
${note ? `<p class="note" id="note">${escapeHtml(note)}</p>` : ''}
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

const DECIDED_BY: Readonly<Record<AuditRecord['decidedBy'], string>> = { human: 'a person', policy: 'policy', timeout: 'no answer in time', error: 'an error' };

/** The other decisions on the same subject, in the order given, or `none` said when there are none. */
function decisionsTable(records: readonly AuditRecord[], none: string): string {
  if (records.length === 0) return `<p class="none">${escapeHtml(none)}</p>`;
  const rows = records.map((r) => `<tr><td>${escapeHtml(localTime(r.time))}</td><td>${escapeHtml(actorName(r.actor))}</td><td>${escapeHtml(r.decision)}</td><td>${escapeHtml(DECIDED_BY[r.decidedBy] ?? r.decidedBy)}</td></tr>`);
  return `<table><tr><th>When</th><th>Who</th><th>Decision</th><th>By</th></tr>${rows.join('')}</table>`;
}

/**
 * One audit record as a page (the Decisions section's rows open it): what was asked, by whom, the
 * answer and why, and the earlier decisions on the same subject. Read-only: no script, no buttons.
 */
export function recordHtml(record: AuditRecord, earlier: readonly AuditRecord[], webview: { cspSource: string }, css: string): string {
  const v = record.verdict;
  const row = (name: string, value: string | undefined): string => (value ? `<tr><th>${escapeHtml(name)}</th><td>${escapeHtml(value)}</td></tr>` : '');
  const history = decisionsTable(earlier, 'No other decision for this in the newest records.');
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${webview.cspSource};">
<link rel="stylesheet" href="${css}"><title>Airlock decision</title></head>
<body>
<div class="banner ${escapeHtml(v.tier)}" id="banner">${escapeHtml(`${TIER_MARK[v.tier] ?? ''} ${v.tier.toUpperCase()}${v.environment && v.environment.toUpperCase() !== v.tier.toUpperCase() ? ` (${v.environment})` : ''} — ${record.decision.toUpperCase()} by ${DECIDED_BY[record.decidedBy] ?? record.decidedBy}`)}</div>
<h2>${escapeHtml(record.kind === 'command' ? 'Command' : record.kind === 'mcp' ? 'MCP call' : record.kind === 'read' ? 'Read' : 'Write')}</h2>
<pre id="subject">${escapeHtml(shownSubject(record.subject))}</pre>
<table id="facts">
${row('When', localTime(record.time))}
${row('Asked by', `${actorName(record.actor)} through ${record.source}${record.tool ? ` (${record.tool})` : ''}`)}
${row('In', record.cwd)}
${row('Risk', v.risk)}
${row('Rules', v.rules.join(', '))}
${row('Why', record.reason)}
</table>
<h2>Other decisions for this</h2>${history}
</body></html>`;
}
