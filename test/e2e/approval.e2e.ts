// The approval modal in a real editor: a real `airlock hook --agent claude-code` process asks
// through the discovery file, the test reads the dialog and clicks its buttons.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FrameLocator, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { askDecision } from '../../src/gate/client';
import { locateWindow } from '../../src/gate/discovery';
import { PROTOCOL_VERSION, type DecisionRequest } from '../../src/gate/protocol';
import { hook, SCREENSHOTS, startEditor, waitFor, type Editor } from './harness';

const PROD = 'railway volume delete -v pgdata -e production -y';
const TOKEN = '6f1c2a9e-0b7d-4c1e-9a55-3d2f8e7b1a40';
let editor: Editor;

beforeAll(async () => {
  editor = await startEditor();
});

afterAll(async () => {
  await editor?.stop();
});

function claude(command: string): unknown {
  return { session_id: 'e2e', cwd: editor.project, hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command } };
}

function decisionOf(stdout: string): string {
  return (JSON.parse(stdout) as { hookSpecificOutput: { permissionDecision: string } }).hookSpecificOutput.permissionDecision;
}

async function dialog(): Promise<{ title: string; detail: string }> {
  const box = editor.page.locator('.monaco-dialog-box');
  await box.waitFor({ state: 'visible' });
  return {
    title: await box.locator('.dialog-message-text').innerText(),
    detail: await box.locator('.dialog-message-detail').innerText(),
  };
}

/** The details page: a webview, an iframe inside the workbench's iframe. */
function detailsPage(): FrameLocator {
  return editor.page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
}

/** Saves the README's picture of what a user sees, and checks it is a picture. */
async function screenshot(target: Locator, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const png = await target.screenshot({ path: join(SCREENSHOTS, name) });
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  expect(png.length).toBeGreaterThan(5_000);
}

async function click(label: string): Promise<void> {
  await editor.page.locator('.monaco-dialog-box .monaco-button', { hasText: label }).first().click();
}

describe('a production request from Claude Code', () => {
  test('the modal names PRODUCTION, the evidence, the credential and the rule; Deny denies', async () => {
    // The agent's environment holds a broad token, as in the incident: the modal names it, never its value.
    const answer = hook(editor, 'claude-code', claude(PROD), { RAILWAY_API_TOKEN: TOKEN });
    const { title, detail } = await dialog();
    expect(title).toContain('PRODUCTION');
    expect(title).toContain('Claude Code wants to delete a Railway volume');
    expect(detail).toContain(PROD);
    expect(detail).toContain('-e production');
    expect(detail).toContain('Deletes a Railway volume');
    expect(detail).toContain('Credential: Railway account or workspace token — RAILWAY_API_TOKEN from the environment');
    expect(detail).not.toContain(TOKEN);
    await screenshot(editor.page.locator('.monaco-dialog-box'), 'modal.png');
    await click('Deny');
    const r = await answer;
    expect(decisionOf(r.stdout)).toBe('deny');
  });

  test('Allow once asks for the environment\'s name: a wrong name is rejected, "production" allows', async () => {
    const answer = hook(editor, 'claude-code', claude(PROD));
    await dialog();
    await click('Allow once');
    const input = editor.page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill('prod');
    await editor.page.keyboard.press('Enter');
    await editor.page.locator('.quick-input-widget', { hasText: 'Type exactly "production"' }).waitFor({ state: 'visible' });
    await input.fill('production');
    await editor.page.keyboard.press('Enter');
    expect(decisionOf((await answer).stdout)).toBe('allow');
  });

  test('Escape denies', async () => {
    const answer = hook(editor, 'claude-code', claude(PROD));
    await dialog();
    await editor.page.locator('.monaco-dialog-box').press('Escape');
    expect(decisionOf((await answer).stdout)).toBe('deny');
  });

  test('one button per answer, no Cancel; Enter opens the details page, where Enter denies', async () => {
    const answer = hook(editor, 'claude-code', claude(PROD));
    await dialog();
    const labels = await editor.page.locator('.monaco-dialog-box .dialog-buttons .monaco-button').allInnerTexts();
    expect(labels.map((l) => l.trim()).sort()).toEqual(['Allow once', 'Deny', 'Show details']);
    const focused = editor.page.locator('.monaco-dialog-box .monaco-button:focus');
    await focused.waitFor({ state: 'visible' });
    expect(await focused.innerText()).toBe('Show details');
    await editor.page.keyboard.press('Enter');
    const deny = detailsPage().locator('#deny:focus');
    await deny.waitFor({ state: 'visible' });
    await deny.press('Enter');
    expect(decisionOf((await answer).stdout)).toBe('deny');
  });

  test('the details page shows the red PRODUCTION banner, the matched span and the credential; its Deny decides', async () => {
    const answer = hook(editor, 'claude-code', claude(PROD), { RAILWAY_API_TOKEN: TOKEN });
    await dialog();
    await click('Show details');
    const frame = detailsPage();
    const banner = frame.locator('#banner');
    await banner.waitFor({ state: 'visible' });
    expect(await banner.innerText()).toContain('PRODUCTION');
    // Runs in the page, where the DOM's getComputedStyle exists (this file compiles without the DOM library).
    const colour = await banner.evaluate((el) => (globalThis as unknown as { getComputedStyle(e: unknown): { backgroundColor: string } }).getComputedStyle(el).backgroundColor);
    expect(colour).toBe('rgb(179, 38, 30)');
    expect(await frame.locator('#command mark').innerText()).toBe(PROD);
    expect(await frame.locator('#credential').innerText()).toContain('Railway account or workspace token');
    // Runs in the page (see above): is Deny the page's focused element?
    expect(await frame.locator('#deny').evaluate((el) => el === (el as unknown as { ownerDocument: { activeElement: unknown } }).ownerDocument.activeElement)).toBe(true);
    await screenshot(editor.page.locator('iframe.webview.ready'), 'details.png');
    await frame.locator('#deny').click();
    expect(decisionOf((await answer).stdout)).toBe('deny');
  });

  test('the details page\'s Allow once leads to the same typed confirmation', async () => {
    const answer = hook(editor, 'claude-code', claude(PROD));
    await dialog();
    await click('Show details');
    const frame = detailsPage();
    await frame.locator('#allow').click();
    const input = editor.page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill('production');
    await editor.page.keyboard.press('Enter');
    expect(decisionOf((await answer).stdout)).toBe('allow');
  });
});

describe('other requests', () => {
  function request(fields: Partial<DecisionRequest>): DecisionRequest {
    return {
      version: PROTOCOL_VERSION, source: 'terminal', actor: 'copilot', kind: 'command', subject: 'kubectl delete deployment api -n staging', cwd: editor.project,
      verdict: { decision: 'confirm', risk: 'high', environment: { tier: 'staging', name: 'staging', evidence: '-n staging' }, findings: [], confirmation: 'click' },
      timeoutMs: 60_000, ...fields,
    };
  }

  test('a staging request needs one click', async () => {
    const located = await waitFor('the window', () => locateWindow({ cwd: editor.project, env: editor.env }));
    const answer = askDecision(located.entry, request({}));
    const { title } = await dialog();
    expect(title).toContain('STAGING');
    await click('Allow once');
    expect((await answer).decision).toBe('allow');
  });

  test('a person at their own terminal (scope "agents") is never shown a modal, and is audited', async () => {
    const located = await waitFor('the window', () => locateWindow({ cwd: editor.project, env: editor.env }));
    const answer = await askDecision(located.entry, request({ actor: 'human', subject: 'kubectl delete deployment web -n staging' }));
    expect(answer).toMatchObject({ decision: 'allow', decidedBy: 'policy' });
    expect(await editor.page.locator('.monaco-dialog-box').count()).toBe(0);
  });

  test('a burst of 50 requests: one modal at a time, every one answered', async () => {
    const located = await waitFor('the window', () => locateWindow({ cwd: editor.project, env: editor.env }));
    const answers = Array.from({ length: 50 }, (_, i) => askDecision(located.entry, request({ subject: `kubectl delete pod web-${i} -n staging` })));
    let settled = 0;
    for (const a of answers) void a.then(() => settled++);
    const boxes = editor.page.locator('.monaco-dialog-box');
    let shown = 0;
    for (;;) {
      const next = await waitFor('the next dialog or the last answer', async () => (settled >= 50 ? 'done' : (await boxes.count()) > 0 ? 'shown' : undefined));
      if (next === 'done') break;
      expect(await boxes.count()).toBe(1);
      const before = await boxes.locator('.dialog-message-detail').innerText();
      await click('Deny');
      // Answered when its dialog is gone: none shows, or the next request's does.
      await waitFor('the dialog to be answered', async () => ((await boxes.count()) === 0 || (await boxes.locator('.dialog-message-detail').innerText().catch(() => '')) !== before) || undefined);
      shown++;
    }
    expect(shown).toBe(50);
    const results = await Promise.all(answers);
    expect(results.every((r) => r.decision === 'deny' && r.decidedBy === 'human')).toBe(true);
  });

  test('no answer within the timeout is a deny', async () => {
    const located = await waitFor('the window', () => locateWindow({ cwd: editor.project, env: editor.env }));
    const answer = await askDecision(located.entry, request({ subject: 'kubectl delete ns staging-old', timeoutMs: 2_000 }));
    expect(answer).toMatchObject({ decision: 'deny', decidedBy: 'timeout' });
    await click('Deny'); // close the dialog that outlived its request
  });
});

describe('the audit log', () => {
  test('holds every decision in order, and Verify names an edited line', async () => {
    const file = await waitFor('the audit log', () => {
      // One log for the editor, hooks and gate, in Airlock's state folder (the harness's AIRLOCK_STATE_DIR).
      const dir = join(editor.home, 'state');
      try {
        return readFileSync(join(dir, 'audit.jsonl'), 'utf8') && join(dir, 'audit.jsonl');
      } catch {
        return undefined;
      }
    });
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    const records = lines.map((l) => JSON.parse(l) as { decision: string; decidedBy: string; actor: string; subject: string });
    // The production requests above, in the order they were decided: Deny, typed Allow, Escape, Enter, details' Deny, details' Allow.
    expect(records.filter((r) => r.subject === PROD).map((r) => [r.decision, r.decidedBy])).toEqual([
      ['deny', 'human'], ['allow', 'human'], ['deny', 'human'], ['deny', 'human'], ['deny', 'human'], ['allow', 'human'],
    ]);
    expect(records.some((r) => r.actor === 'human' && r.decidedBy === 'policy')).toBe(true);
    lines[2] = lines[2].replace('"deny"', '"allow"');
    writeFileSync(file, lines.join('\n') + '\n');
    await editor.page.keyboard.press('F1');
    await editor.page.locator('.quick-input-widget input').fill('>Airlock: Verify Audit Log');
    await editor.page.locator('.quick-input-list .monaco-list-row', { hasText: 'Verify Audit Log' }).first().click();
    const toast = editor.page.locator('.notifications-toasts .notification-toast', { hasText: 'audit log is broken' });
    await toast.waitFor({ state: 'visible' });
    expect(await toast.innerText()).toContain('line 3');
  });
});
