// The dialog's and the details page's words, with hostile text in the command.
import { describe, expect, test } from 'vitest';
import { detail, shorten, title } from '../../../src/extension/approvalText';
import { detailsHtml, escapeHtml, highlighted } from '../../../src/extension/detailsHtml';
import { PROTOCOL_VERSION, type DecisionRequest } from '../../../src/gate/protocol';

const line = 'railway volume delete -v pgdata -e production -y';
const request: DecisionRequest = {
  version: PROTOCOL_VERSION, source: 'hook', actor: 'claude-code', kind: 'command', subject: line, cwd: '/work/app', tool: 'Bash', timeoutMs: 1000,
  verdict: {
    decision: 'confirm', risk: 'critical', confirmation: 'typed', environment: { tier: 'production', name: 'production', evidence: '-e production' },
    findings: [{ rule: 'railway.volume-delete', category: 'paas', severity: 'critical', summary: 'Deletes a Railway volume and the backups stored with it',
      hint: 'Take a backup first', span: [0, line.length], environment: { tier: 'production', name: 'production', evidence: '-e production' } }],
  },
};

describe('the dialog', () => {
  test('title: mark, tier in capitals, who wants what', () => {
    expect(title(request)).toBe('🔴 PRODUCTION — Claude Code wants to delete a Railway volume and the backups stored with it');
  });

  test('detail: command, target and evidence, who asks through what, rule, safer way', () => {
    expect(detail(request).split('\n')).toEqual([
      `Command: ${line}`,
      'Target: PRODUCTION (production) — evidence: -e production',
      'Asked by: Claude Code, through its pre-tool hook in /work/app',
      'Rule railway.volume-delete: Deletes a Railway volume and the backups stored with it',
      'Safer: Take a backup first',
    ]);
  });

  test('the credential, how the command gets it and how far it reaches, after the target', () => {
    const credential = { kind: 'Railway account or workspace token', where: 'RAILWAY_API_TOKEN from the environment', reach: 'reaches every project of its account or workspace' };
    const lines = detail({ ...request, verdict: { ...request.verdict, credential } }).split('\n');
    expect(lines[2]).toBe('Credential: Railway account or workspace token — RAILWAY_API_TOKEN from the environment; reaches every project of its account or workspace');
    expect(detail(request)).not.toContain('Credential');
  });

  test('control characters never reach it; long commands are shortened around the middle', () => {
    expect(detail({ ...request, subject: 'rm -rf /\x1b[2Jx' })).not.toContain('\x1b');
    const long = shorten('a'.repeat(1000));
    expect(long.length).toBeLessThan(300);
    expect(long).toContain(' … ');
  });
});

describe('the details page', () => {
  const hostile = { ...request, subject: `<img src=x onerror=alert(1)> ${line}`, cwd: '"><script>alert(1)</script>' };

  test('untrusted text is escaped, the matched span is marked', () => {
    expect(escapeHtml('<a href="x">&\'</a>')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;');
    expect(highlighted(request)).toBe(`<mark>${line}</mark>`);
    const html = detailsHtml(hostile, [], { cspSource: 'vscode-resource:' }, { css: 'c.css', js: 'd.js' }, 'N0NCE');
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  test('strict CSP: only the nonce script and the extension\'s stylesheet', () => {
    const html = detailsHtml(request, [], { cspSource: 'vscode-resource:' }, { css: 'c.css', js: 'd.js' }, 'N0NCE');
    expect(html).toContain("default-src 'none'; style-src vscode-resource:; script-src 'nonce-N0NCE';");
    expect([...html.matchAll(/<script/g)]).toHaveLength(1);
    expect(html).toContain('<script nonce="N0NCE" src="d.js">');
  });
});
