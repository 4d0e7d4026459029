// The Airlock view in a real editor: Agents (the doctor's result, with Install on an agent found
// without its hook), Protected Files (the workspace's covered files and the patterns), Decisions
// (newest first, filtered from its toolbar, a row opening its page); the Explorer's Protect / Stop
// Protecting on the right files; and Show a Sample Approval, the real dialog that runs nothing.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FrameLocator, Locator } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { CLI, SCREENSHOTS, hook, startEditor, type Editor } from './harness';

const PROD = 'railway volume delete -v pgdata -e production -y';
const STAGING = 'kubectl delete namespace payments --context staging';
let editor: Editor;

beforeAll(async () => {
  editor = await startEditor({ 'workbench.secondarySideBar.defaultVisibility': 'hidden' }, {
    beforeOpen: async (server) => {
      // An ignored .env is the usual secret: the list must still show it.
      writeFileSync(join(server.project, '.gitignore'), '.env*\n');
      writeFileSync(join(server.project, '.env.production'), 'DATABASE_URL=postgres://demo:demo@db.invalid/app\n');
      writeFileSync(join(server.project, '.env.example'), 'DATABASE_URL=\n');
      mkdirSync(join(server.project, 'deploy'));
      writeFileSync(join(server.project, 'deploy', 'server.key'), 'not a key\n');
      writeFileSync(join(server.project, 'deploy', 'run.sh'), 'echo deploy\n');
      // Cursor is "found" here (its folder exists) but has no hook; Claude Code gets one.
      mkdirSync(join(server.project, '.cursor'));
      const installed = spawnSync(process.execPath, [CLI, 'install', '--agent', 'claude-code', '--dir', server.project], { env: server.env, encoding: 'utf8' });
      expect(installed.status, installed.stdout + installed.stderr).toBe(0);
      await Promise.resolve();
    },
  });
}, 240_000);

afterAll(async () => {
  await editor?.stop();
});

async function runCommand(title: string): Promise<void> {
  await editor.page.keyboard.press('F1');
  await editor.page.locator('.quick-input-widget input').fill(`>${title}`);
  await editor.page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().click();
}

/** A section of the Airlock view, by its title. */
function section(title: string): Locator {
  return editor.page.locator('.sidebar .pane', { has: editor.page.locator('.pane-header', { hasText: title }) });
}

function row(pane: Locator, text: string): Locator {
  return pane.locator('.monaco-list-row', { hasText: text }).first();
}

async function screenshot(target: Locator, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const png = await target.screenshot({ path: join(SCREENSHOTS, name) });
  expect(png.length).toBeGreaterThan(5_000);
}

function webview(): FrameLocator {
  return editor.page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
}

async function dialogDetail(): Promise<string> {
  const box = editor.page.locator('.monaco-dialog-box');
  await box.waitFor({ state: 'visible' });
  return box.locator('.dialog-message-detail').innerText();
}

async function clickDialog(label: string): Promise<void> {
  await editor.page.locator('.monaco-dialog-box .monaco-button', { hasText: label }).first().click();
}

test('the Explorer offers Stop Protecting on protected files and folders, Protect on the rest', async () => {
  const explorer = editor.page.locator('.explorer-folders-view');
  const menuFor = async (name: string): Promise<string[]> => {
    await explorer.locator('.monaco-list-row', { hasText: name }).first().click({ button: 'right' });
    const menu = editor.page.locator('.context-view .monaco-menu');
    await menu.waitFor({ state: 'visible' });
    const items = (await menu.locator('.action-label').allInnerTexts()).map((t) => t.trim());
    await editor.page.keyboard.press('Escape');
    await menu.waitFor({ state: 'hidden' });
    return items;
  };
  await explorer.locator('.monaco-list-row', { hasText: '.env.production' }).first().waitFor({ state: 'visible', timeout: 60_000 });
  // The list behind the menu is made after start-up: wait until the protected file gets its entry.
  await expect.poll(() => menuFor('.env.production'), { timeout: 30_000 }).toContain('Stop Protecting from Agents');
  expect(await menuFor('.env.production')).not.toContain('Protect from Agents');
  const readme = await menuFor('README.md');
  expect(readme).toContain('Protect from Agents');
  expect(readme).not.toContain('Stop Protecting from Agents');
  // A template is a built-in exception no pattern overrides: Protect says so and changes nothing.
  await explorer.locator('.monaco-list-row', { hasText: '.env.example' }).first().click({ button: 'right' });
  const menu = editor.page.locator('.context-view .monaco-menu');
  const item = menu.locator('.action-label', { hasText: /^Protect from Agents$/ });
  await item.waitFor({ state: 'visible' });
  // A menu takes no click in its first moments (the right-click's own release): clicked until it closes.
  await expect.poll(async () => {
    if (await menu.isVisible()) await item.click({ timeout: 1000 }).catch(() => undefined);
    return menu.isVisible();
  }, { timeout: 10_000 }).toBe(false);
  await editor.page.locator('.notification-toast', { hasText: '.env.example cannot be protected' }).waitFor({ state: 'visible' });
}, 120_000);

test('Protected Files lists the ignored .env and the key with their patterns, and the built-in patterns', async () => {
  await runCommand('View: Show Airlock');
  const pane = section('Protected Files');
  await row(pane, '.env.production').waitFor({ state: 'visible', timeout: 60_000 });
  expect(await row(pane, '.env.production').innerText()).toContain('built-in: **/.env.*');
  expect(await row(pane, 'deploy/server.key').innerText()).toContain('built-in: **/*.key');
  expect(await pane.locator('.monaco-list-row', { hasText: 'deploy/run.sh' }).count()).toBe(0);
  await row(pane, 'Built-in patterns').click();
  await row(pane, '**/.envrc').waitFor({ state: 'visible' });
  await row(pane, 'Built-in patterns').click();
}, 120_000);

test('Agents shows Claude Code\'s hook answering and Cursor found without one, with Install on its row', async () => {
  const pane = section('Agents');
  const claude = row(pane, 'Claude Code');
  await expect.poll(async () => (await claude.isVisible()) ? claude.innerText() : '', { timeout: 90_000 }).toContain('hook answering (this project)');
  const cursor = row(pane, 'Cursor');
  expect(await cursor.innerText()).toContain('no hook: its commands run unasked');
  await cursor.hover();
  await cursor.locator('.action-label[aria-label="Install Hook"]').waitFor({ state: 'visible' });
  await claude.hover();
  await claude.locator('.action-label[aria-label="Remove Hook"]').waitFor({ state: 'visible' });
}, 120_000);

test('Decisions lists what was decided, newest first; its filter keeps one agent; a row opens its page', async () => {
  const first = hook(editor, 'claude-code', { session_id: 'e2e', cwd: editor.project, hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command: PROD } });
  expect(await dialogDetail()).toContain(PROD);
  await clickDialog('Deny');
  await first;
  const second = hook(editor, 'gemini', { session_id: 'e2e', cwd: editor.project, hook_event_name: 'BeforeTool', tool_name: 'run_shell_command', tool_input: { command: STAGING } });
  expect(await dialogDetail()).toContain('kubectl delete namespace payments');
  await clickDialog('Deny');
  await second;
  const pane = section('Decisions');
  await row(pane, 'kubectl delete namespace').waitFor({ state: 'visible', timeout: 30_000 });
  const rows = (await pane.locator('.monaco-list-row').allInnerTexts()).map((t) => t.replace(/\s+/g, ' '));
  expect(rows[0]).toContain('kubectl delete namespace payments');
  expect(rows[0]).toMatch(/DENY · [A-Z]+ · Gemini CLI/);
  expect(rows[1]).toContain('railway volume delete');
  expect(rows[1]).toContain('DENY · PRODUCTION · Claude Code');
  // Wide enough for each row's words, as a person would drag it.
  const bar = await editor.page.locator('.part.sidebar').boundingBox();
  if (!bar) throw new Error('the side bar is not shown');
  await editor.page.mouse.move(bar.x + bar.width + 1, bar.y + bar.height / 2);
  await editor.page.mouse.down();
  await editor.page.mouse.move(bar.x + 700, bar.y + bar.height / 2, { steps: 5 });
  await editor.page.mouse.up();
  await expect.poll(async () => (await editor.page.locator('.part.sidebar').boundingBox())?.width ?? 0).toBeGreaterThan(640);
  await screenshot(editor.page.locator('.part.sidebar'), 'view.png');

  await runCommand('Airlock: Filter Decisions…');
  await editor.page.locator('.quick-input-list .monaco-list-row', { hasText: 'Agent: Gemini CLI' }).first().click();
  await expect.poll(() => pane.locator('.monaco-list-row', { hasText: 'railway volume delete' }).count()).toBe(0);
  expect(await row(pane, 'kubectl delete namespace').isVisible()).toBe(true);
  expect(await pane.locator('.pane-header').innerText()).toContain('only Gemini CLI');

  await runCommand('Airlock: Filter Decisions…');
  await editor.page.locator('.quick-input-list .monaco-list-row', { hasText: 'All decisions' }).first().click();
  await row(pane, 'railway volume delete').click();
  const banner = webview().locator('#banner');
  await banner.waitFor({ state: 'visible' });
  expect(await banner.innerText()).toContain('PRODUCTION — DENY by a person');
  expect(await webview().locator('#subject').innerText()).toBe(PROD);
}, 180_000);

test('Show a Sample Approval: the real dialog and details page, said to be a sample; nothing runs or is recorded', async () => {
  const pane = section('Decisions');
  const before = await pane.locator('.monaco-list-row').count();
  await runCommand('Airlock: Show a Sample Approval');
  const detail = await dialogDetail();
  expect(detail).toContain('SAMPLE: nothing runs');
  expect(detail).toContain(PROD);
  expect(await editor.page.locator('.monaco-dialog-box .dialog-message-text').innerText()).toContain('PRODUCTION');
  await screenshot(editor.page.locator('.monaco-dialog-box'), 'sample-approval.png');
  await clickDialog('Show details');
  const note = webview().locator('#note');
  await note.waitFor({ state: 'visible' });
  expect(await note.innerText()).toContain('SAMPLE');
  await webview().locator('#deny').click();
  await editor.page.locator('.notification-toast', { hasText: 'Airlock sample: you denied it. Nothing ran' }).waitFor({ state: 'visible' });
  expect(await pane.locator('.monaco-list-row').count()).toBe(before);
}, 120_000);

test('Remove Hook on a row takes the hook out, after a confirmation, and the row says so', async () => {
  const pane = section('Agents');
  const claude = row(pane, 'Claude Code');
  await claude.hover();
  await claude.locator('.action-label[aria-label="Remove Hook"]').click();
  await editor.page.locator('.monaco-dialog-box .monaco-button', { hasText: /^Remove$/ }).click();
  await expect.poll(async () => (await claude.isVisible()) ? claude.innerText() : '', { timeout: 60_000 }).toContain('no hook: its commands run unasked');
  // The file Airlock created is gone again; one that held the user's entries would keep them.
  const settings = join(editor.project, '.claude', 'settings.json');
  expect(existsSync(settings) ? readFileSync(settings, 'utf8') : '').not.toContain('airlock');
}, 120_000);
