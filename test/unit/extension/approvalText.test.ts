// The dialog's and the details page's words, with hostile text in the command.
import { describe, expect, test } from 'vitest';
import { detail, shorten, title } from '../../../src/extension/approvalText';
import { detailsHtml, escapeHtml, highlighted, recordHtml } from '../../../src/extension/detailsHtml';
import { auditRecord } from '../../../src/core/audit';
import { PROTOCOL_VERSION, type DecisionRequest } from '../../../src/gate/protocol';
import { textOrigins } from '../../../src/core/secrets/origins';
import { classify } from '../helpers';

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

  test('detail: the command on its own line, the target once, who asks through what, rule, safer way, when it denies by itself', () => {
    expect(detail(request).split('\n')).toEqual([
      'Command:',
      `    ${line}`,
      'Target: 🔴 PRODUCTION — from -e production',
      'Asked by: Claude Code, through its pre-tool hook in /work/app',
      'Rule railway.volume-delete: Deletes a Railway volume and the backups stored with it',
      'Safer: Take a backup first',
      'With no answer, Airlock denies it by itself after 1 s.',
    ]);
  });

  test('a long command is broken between words, never inside an argument; a name that says more than the tier is kept', () => {
    const long = `${line} && terraform destroy -auto-approve -var-file=environments/production.tfvars -target=module.database`;
    const lines = detail({ ...request, subject: long }).split('\n');
    const shown = lines.slice(1, lines.findIndex((l) => l.startsWith('Target:'))).map((l) => l.trim());
    expect(shown.length).toBeGreaterThan(1);
    expect(shown.join(' ')).toBe(long);
    for (const l of shown) expect(l.length).toBeLessThanOrEqual(56);
    const named = detail({ ...request, verdict: { ...request.verdict, environment: { tier: 'production', name: 'acme-prod', evidence: '--context acme-prod' } } });
    expect(named).toContain('Target: 🔴 PRODUCTION (acme-prod) — from --context acme-prod');
  });

  test('the credential, how the command gets it and how far it reaches, after the target', () => {
    const credential = { kind: 'Railway account or workspace token', where: 'RAILWAY_API_TOKEN from the environment', reach: 'reaches every project of its account or workspace' };
    const lines = detail({ ...request, verdict: { ...request.verdict, credential } }).split('\n');
    expect(lines[3]).toBe('Credential: Railway account or workspace token — RAILWAY_API_TOKEN from the environment; reaches every project of its account or workspace');
    expect(detail(request)).not.toContain('Credential');
  });

  describe('a credential traced to a workspace file', () => {
    const token = '3f2c9a1e-8d7b-4c6a-9e5f-1a2b3c4d5e6f';
    const credentialOrigins = textOrigins([{ path: '.env.production', text: `RAILWAY_API_TOKEN=${token}\n` }]);
    const ask = (subject: string, env: Record<string, string> = {}): DecisionRequest => ({ ...request, subject, verdict: classify(subject, { env, credentialOrigins }) });

    test('(a) the incident\'s curl: the token and its file, the command shown without the token', () => {
      const a = ask(`curl -X POST -H "Authorization: Bearer ${token}" -d '{"query":"mutation { volumeDelete(volumeId: \\"v1\\") }"}' https://backboard.railway.app/graphql/v2`);
      const lines = detail(a).split('\n');
      expect(title(a)).toBe('🔴 PRODUCTION — Claude Code wants to send a GraphQL mutation that deletes, drops, resets or wipes a resource through the API (volumeDelete)');
      const at = lines.findIndex((l) => l.startsWith('Target:'));
      expect(lines.slice(1, at).map((l) => l.trim()).join(' ')).toBe(`curl -X POST -H "Authorization: ***" -d '{"query":"mutation { volumeDelete(volumeId: \\"v1\\") }"}' https://backboard.railway.app/graphql/v2`);
      expect(lines[at]).toBe('Target: 🔴 PRODUCTION — PRODUCTION credential from `.env.production`');
      expect(lines[at + 1]).toBe('Credential: Railway account or workspace token from `.env.production` (RAILWAY_API_TOKEN) — an Authorization header on the command line; reaches every project of its account or workspace');
      expect(detail(a) + highlighted(a)).not.toContain(token);
      expect(highlighted(a)).toContain('<mark>curl -X POST -H &quot;Authorization: ***&quot;');
    });

    test('(b) a staging deletion with the production token inherited: the mismatch on the target line', () => {
      const lines = detail(ask('RAILWAY_ENVIRONMENT=staging railway volume delete -v pgdata -y', { RAILWAY_API_TOKEN: token })).split('\n');
      const at = lines.findIndex((l) => l.startsWith('Target:'));
      expect(lines[at]).toBe('Target: 🔴 PRODUCTION — staging command (RAILWAY_ENVIRONMENT=staging), PRODUCTION credential from `.env.production`');
      expect(lines[at + 1]).toBe('Credential: Railway account or workspace token from `.env.production` — RAILWAY_API_TOKEN from the environment; reaches every project of its account or workspace');
    });
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

  test('both pages list the other decisions on the command the same way, escaped, with who decided in words', () => {
    const earlier = auditRecord({
      time: new Date('2026-12-01T10:00:00Z'), source: 'hook', actor: '<b>bot</b>', kind: 'command', subject: line, decision: 'deny', decidedBy: 'timeout', reason: 'no answer',
      verdict: request.verdict,
    });
    const details = detailsHtml(request, [{ ...earlier, prev: 'x', hash: 'y' }], { cspSource: 'vscode-resource:' }, { css: 'c.css', js: 'd.js' }, 'N0NCE');
    const record = recordHtml({ ...earlier, decidedBy: 'human', decision: 'allow' }, [earlier], { cspSource: 'vscode-resource:' }, 'c.css');
    for (const html of [details, record]) {
      expect(html).toContain('<th>When</th><th>Who</th><th>Decision</th><th>By</th>');
      expect(html).toContain('<td>deny</td><td>no answer in time</td>');
      expect(html).toContain('&lt;b&gt;bot&lt;/b&gt;');
      expect(html).not.toContain('<b>bot</b>');
    }
    expect(detailsHtml(request, [], { cspSource: 'v:' }, { css: 'c', js: 'd' }, 'N')).toContain('<p class="none">No earlier decisions for this command.</p>');
    expect(recordHtml(earlier, [], { cspSource: 'v:' }, 'c')).toContain('<p class="none">No other decision for this in the newest records.</p>');
  });

  test('strict CSP: only the nonce script and the extension\'s stylesheet', () => {
    const html = detailsHtml(request, [], { cspSource: 'vscode-resource:' }, { css: 'c.css', js: 'd.js' }, 'N0NCE');
    expect(html).toContain("default-src 'none'; style-src vscode-resource:; script-src 'nonce-N0NCE';");
    expect([...html.matchAll(/<script/g)]).toHaveLength(1);
    expect(html).toContain('<script nonce="N0NCE" src="d.js">');
  });
});
