// `npm run demo` from a cold start, the way a person runs it: the demo's own process (its own
// code-server; the port PORT names is held busy, so it must take another and say which), its URL
// opened in Chromium, Enter pressed in its terminal once it says Airlock is running. Its first
// request must be a dialog (never a silent deny) whose Deny the demo reports as the hook's DENY;
// its leaked key must be a problem the scan lists. Ctrl+C at the end must leave no process behind
// (demoStop.e2e.ts: Ctrl+C while it starts).
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';

import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { secretProblemMessage } from '../../src/core/secrets/secretWords';
import { ROOT, waitFor } from './harness';
import { codeServerOn, groupAlive } from './processes';

/** The fake token the demo writes into scripts/deploy.sh, in pieces as there. */
const LEAKED = `${'12345678-1234'}-4123-8123-123456789abc`;

let demo: ChildProcessWithoutNullStreams;
let out = '';
let browser: Browser | undefined;
let page: Page;
/** code-server's process group, which the demo starts detached: Ctrl+C on the demo must end it. */
let codeServerGroup: number | undefined;

/** Waits until the demo has printed `pattern`; fails at once if the demo exits first. */
function demoSays(what: string, pattern: RegExp, timeoutMs = 60_000): Promise<RegExpExecArray> {
  return waitFor(what, () => {
    if (demo.exitCode !== null || demo.signalCode !== null) throw new Error(`the demo exited (${String(demo.exitCode ?? demo.signalCode)}) before ${what}`);
    return pattern.exec(out) ?? undefined;
  }, timeoutMs).catch((e: Error) => { throw new Error(`${e.message}\nthe demo printed:\n${out}`); });
}

async function runCommand(title: string): Promise<void> {
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().click();
}

beforeAll(async () => {
  // As `npm run demo` does before it runs it: `npm test` builds dist/ but not the demo's bundle.
  const bundled = spawnSync(process.execPath, ['esbuild.config.mjs', '--bench'], { cwd: ROOT, encoding: 'utf8' });
  expect(bundled.status, `bundling the demo failed: ${bundled.stderr}`).toBe(0);
  // The port it is asked for is busy (as 8080 often is): it must take another and say which.
  const busy = createServer();
  await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
  const taken = (busy.address() as AddressInfo).port;
  // Its own process group, as a terminal's foreground job: Ctrl+C (SIGINT to the group) at the end.
  demo = spawn(process.execPath, [join(ROOT, '.bench', 'demo.mjs')], { cwd: ROOT, env: { ...process.env, PORT: String(taken) }, stdio: 'pipe', detached: true });
  demo.stdout.on('data', (d: Buffer) => { out += d.toString(); });
  demo.stderr.on('data', (d: Buffer) => { out += d.toString(); });
  // The demo packages the extension and starts code-server first: minutes on a slow machine.
  const url = (await demoSays('the demo to print its URL', /Airlock demo: open (http:\/\/\S+)/, 200_000))[1] ?? '';
  busy.close();
  const port = Number(/^http:\/\/127\.0\.0\.1:(\d+)\//.exec(url)?.[1]);
  expect(port, url).not.toBe(taken);
  expect(out).toContain(`Port ${taken} is busy; the demo uses port ${port} instead`);
  codeServerGroup = codeServerOn(port)?.group;
  expect(codeServerGroup, 'code-server\'s process').toBeDefined();
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(url);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  if (!demo) return;
  const group = demo.pid;
  if (group !== undefined && groupAlive(group)) process.kill(-group, 'SIGINT');
  const leftovers = (): string[] => [
    ...(group !== undefined && groupAlive(group) ? [`the demo's process group ${group}`] : []),
    ...(codeServerGroup !== undefined && groupAlive(codeServerGroup) ? [`code-server's process group ${codeServerGroup}`] : []),
  ];
  // The demo stops code-server before it exits (up to 20 s for code-server's hosts).
  const stopped = await waitFor('the demo and code-server to stop', () => leftovers().length === 0 || undefined, 40_000).catch(() => false);
  if (stopped) return;
  const left = leftovers();
  for (const g of [group, codeServerGroup]) if (g !== undefined && groupAlive(g)) process.kill(-g, 'SIGKILL');
  throw new Error(`Ctrl+C left processes running (killed now): ${left.join(', ')}\nthe demo printed:\n${out}`);
}, 60_000);

test('Enter sends the agent\'s request: a dialog names PRODUCTION, and its Deny is the hook\'s DENY, said as a person\'s', async () => {
  await demoSays('the demo to say Airlock is running', /Airlock is running in the editor\. Press Enter/, 120_000);
  const sent = out.length;
  demo.stdin.write('\n');
  const box = page.locator('.monaco-dialog-box');
  // Whichever comes first: a hook that answered before any dialog was shown denied silently.
  const first = await waitFor('the approval dialog, or the hook\'s answer', async () => {
    const since = out.slice(sent);
    if (since.includes('not yet:')) return `the demo sent nothing: ${since}`;
    if (since.includes('the hook answered')) return `the hook answered with no dialog shown: ${since}`;
    return (await box.isVisible()) ? 'dialog' : undefined;
  }, 60_000);
  expect(first).toBe('dialog');
  expect(await box.locator('.dialog-message-text').innerText()).toContain('PRODUCTION');
  expect(await box.locator('.dialog-message-detail').innerText()).toContain('railway volume delete -v pgdata -e production -y');
  const deny = box.locator('.monaco-button').filter({ hasText: /^\s*Deny\s*$/ });
  expect(await deny.count()).toBe(1);
  await deny.click();
  const [, decision, reason] = await demoSays('the hook\'s answer', /the hook answered Claude Code: ([^\n]*)\n\s*([^\n]*)\n/);
  expect(decision).toBe('DENY');
  expect(reason).toMatch(/the user denied this in the editor/);
  await box.waitFor({ state: 'hidden' });
}, 180_000);

test('the scan lists the key scripts/deploy.sh leaks in the Problems panel, in whole words and without its value', async () => {
  await runCommand('Airlock: Scan Workspace for Secrets');
  const toast = page.locator('.notifications-toasts .notification-toast', { hasText: 'Airlock: 1 secret is in a file agents can read.' });
  await toast.waitFor({ state: 'visible' });
  await toast.locator('.monaco-button', { hasText: 'Show Problems' }).click();
  const lines = secretProblemMessage({ rule: 'railway-token', kind: 'Railway' }).split('\n');
  const problem = page.locator('.markers-panel .monaco-list-row', { hasText: lines[0] });
  await problem.waitFor({ state: 'visible' });
  await page.locator('.markers-panel .monaco-list-row', { hasText: 'deploy.sh' }).waitFor({ state: 'visible' });
  const shown = problem.locator('.marker-message');
  expect(await shown.allInnerTexts()).toEqual(lines);
  expect(await page.locator('.markers-panel').innerText()).not.toContain(LEAKED);
  // Whole in its row: no line is cut off with an ellipsis at this window's width.
  const cut = await shown.evaluateAll((els) => els.filter((el) => {
    const e = el as unknown as { scrollWidth: number; clientWidth: number };
    return e.scrollWidth > e.clientWidth;
  }).length);
  expect(cut).toBe(0);
});
