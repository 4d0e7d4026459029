// What a window that opens later says about the calls hooks decided while none was open.
import { describe, expect, test } from 'vitest';
import type { AuditRecord } from '../../../src/core/audit';
import { OPEN_EDITOR, decidedWithoutWindow, withoutWindowNotice } from '../../../src/core/noWindow';
import { answerFor } from '../../../src/cli/hook/messages';

const record = (time: string, decision: 'deny' | 'ask' | 'allow', subject: string, cwd: string | undefined, reason?: string): AuditRecord => ({
  time, source: 'hook', actor: 'claude-code', kind: 'command', subject, ...(cwd ? { cwd } : {}),
  verdict: { decision: 'confirm', risk: 'critical', tier: 'production', rules: ['railway.volume-delete'] }, decision, decidedBy: 'policy', ...(reason ? { reason } : {}),
});
const offline = (subject: string) => `Airlock denied: ${subject}. No Airlock editor window is open for this folder, so policy decided. ${OPEN_EDITOR}`;

describe('decidedWithoutWindow', () => {
  const records = [
    record('2026-12-07T10:00:00Z', 'deny', 'railway volume delete -v pgdata -e production -y', '/w/app', offline('railway volume delete')),
    record('2026-12-07T10:05:00Z', 'deny', 'terraform destroy', '/w/other', offline('terraform destroy')),
    record('2026-12-07T09:00:00Z', 'deny', 'old', '/w/app', offline('old')),
    record('2026-12-07T10:06:00Z', 'deny', 'denied in the dialog', '/w/app', 'denied in the editor'),
    record('2026-12-07T10:07:00Z', 'ask', 'kubectl delete deploy api -n staging', '/w/app/sub', offline('kubectl')),
    // The doctor's probe (the Agents section runs it) is no call the person missed.
    { ...record('2026-12-07T10:08:00Z', 'deny', 'railway volume delete (probe)', '/w/app', offline('probe')), actor: 'airlock-doctor' },
  ];

  test('keeps the no-window answers made since the window was last open, in this window\'s folders', () => {
    const since = Date.parse('2026-12-07T09:30:00Z');
    expect(decidedWithoutWindow(records, since, ['/w/app']).map((r) => r.subject)).toEqual(['railway volume delete -v pgdata -e production -y', 'kubectl delete deploy api -n staging']);
    expect(decidedWithoutWindow(records, since, ['/w/app/'])).toHaveLength(2);
    expect(decidedWithoutWindow(records, since, ['/w/ap'])).toHaveLength(0);
  });

  test('the hook\'s own no-window answers carry the phrase it is known by', () => {
    const verdict = { decision: 'confirm', risk: 'critical', environment: { tier: 'production', name: 'production', evidence: '-e production' }, findings: [{ rule: 'r', summary: 'Deletes a Railway volume', risk: 'critical', environment: { tier: 'production', name: 'production', evidence: '-e production' } }], confirmation: 'typed' } as unknown as Parameters<typeof answerFor>[0];
    expect(answerFor(verdict, { by: 'offline' }).userMessage).toContain(OPEN_EDITOR);
  });

  test('the notice counts the denies and the asks and names the newest calls', () => {
    const since = Date.parse('2026-12-07T09:30:00Z');
    const text = withoutWindowNotice(decidedWithoutWindow(records, since, ['/w/app']), (a) => (a === 'claude-code' ? 'Claude Code' : a));
    expect(text).toBe('While no Airlock window was open for this folder, Airlock denied 1 agent call and left 1 to the agent\'s own prompt (Claude Code: kubectl delete deploy api -n staging; Claude Code: railway volume delete -v pgdata -e production -y).');
  });

  test('a command written as a link, or with control characters, stays plain text in the notice', () => {
    const hostile = record('2026-12-07T10:08:00Z', 'deny', 'echo [open](command:workbench.action.terminal.new)\x1b[2J', '/w/app', offline('x'));
    const text = withoutWindowNotice([hostile], (a) => a);
    expect(text).not.toMatch(/\[[^\]]*\]\(/);
    expect(text).not.toContain('\x1b');
  });
});
