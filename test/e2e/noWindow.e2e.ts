// A request an agent's hook makes before any Airlock window is open for the folder (the editor not
// started, or still starting): denied by policy, and then, once the window opens, said in a
// notification, listed by Show Audit Log and covered by Verify — never a silent deny.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { hook, startEditor, windowPublished, type Editor } from './harness';

const PROD = 'railway volume delete -v pgdata -e production -y';
let editor: Editor;
let answered: { code: number | null; stdout: string; stderr: string };

beforeAll(async () => {
  editor = await startEditor({}, {
    beforeOpen: async (server) => {
      expect(windowPublished(server.env, server.project)).toBe(false);
      answered = await hook(server, 'claude-code', { session_id: 'e2e', cwd: server.project, hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command: PROD } });
    },
  });
}, 240_000);

afterAll(async () => {
  await editor?.stop();
});

async function runCommand(title: string): Promise<void> {
  await editor.page.keyboard.press('F1');
  await editor.page.locator('.quick-input-widget input').fill(`>Airlock: ${title}`);
  await editor.page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().click();
}

test('the hook, with no window to ask, denied by policy and said why', () => {
  const out = JSON.parse(answered.stdout) as { hookSpecificOutput: { permissionDecision: string; permissionDecisionReason: string } };
  expect(out.hookSpecificOutput.permissionDecision).toBe('deny');
  expect(out.hookSpecificOutput.permissionDecisionReason).toContain('none is open');
});

test('once the window opens, a notification says what was denied meanwhile, and Show Audit Log lists it', async () => {
  // A toast hides itself after a while; the notification centre keeps it.
  await editor.page.keyboard.press('F1');
  await editor.page.locator('.quick-input-widget input').fill('>Notifications: Show Notifications');
  await editor.page.locator('.quick-input-list .monaco-list-row', { hasText: 'Show Notifications' }).first().click();
  const notice = editor.page.locator('.notification-list-item', { hasText: 'While no Airlock window was open for this folder' }).first();
  await notice.waitFor({ state: 'visible', timeout: 60_000 });
  expect(await notice.innerText()).toContain('denied 1 agent call');
  expect(await notice.innerText()).toContain(PROD);
  await notice.locator('.monaco-button', { hasText: 'Show Audit Log' }).click();
  const log = editor.page.locator('.monaco-editor .view-lines').first();
  await log.waitFor({ state: 'visible' });
  // The editor draws spaces as no-break spaces.
  const text = async (): Promise<string> => (await log.innerText()).replace(/\u00a0/g, ' ');
  await expect.poll(text, { timeout: 30_000 }).toContain('railway volume delete');
  expect(await text()).toContain('DENY by policy');
}, 120_000);

test('Verify covers it: the log it checks holds that record', async () => {
  await runCommand('Verify Audit Log');
  const toast = editor.page.locator('.notifications-toasts .notification-toast', { hasText: 'audit log is intact' });
  await toast.waitFor({ state: 'visible' });
  expect(await toast.innerText()).toMatch(/intact \([1-9]\d* records?/);
});

test('the Decisions section of the Airlock view lists it too, with the reason', async () => {
  await editor.page.keyboard.press('F1');
  await editor.page.locator('.quick-input-widget input').fill('>View: Show Airlock');
  await editor.page.locator('.quick-input-list .monaco-list-row', { hasText: 'View: Show Airlock' }).first().click();
  const decisions = editor.page.locator('.sidebar .pane', { has: editor.page.locator('.pane-header', { hasText: 'Decisions' }) });
  const row = decisions.locator('.monaco-list-row', { hasText: 'railway volume delete' }).first();
  await row.waitFor({ state: 'visible', timeout: 30_000 });
  expect((await row.innerText()).replace(/\s+/g, ' ')).toContain('DENY · PRODUCTION · Claude Code');
  await row.click();
  const page = editor.page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
  await page.locator('#facts').waitFor({ state: 'visible' });
  expect(await page.locator('#facts').innerText()).toContain('No Airlock editor window is open');
});
