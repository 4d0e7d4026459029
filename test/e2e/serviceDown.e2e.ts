// When the decision service cannot start (here: the folder for its socket is taken by a file), the
// editor says so, and its terminals still stop what they flag: the terminal gate names the window's
// discovery file, finds nobody answering, and denies. It must never fall back to asking whoever
// types at the terminal to confirm, since an agent can type there too.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startEditor, waitFor, windowPublished, type Editor } from './harness';

const PROD = 'railway volume delete -v pgdata -e production -y';
let editor: Editor;
let driver: string;
let temp: string;
let requests = 0;

interface Ran { readonly commandLine?: string; readonly exitCode?: number; readonly output?: string }

beforeAll(async () => {
  driver = mkdtempSync(join(tmpdir(), 'airlock-driver-'));
  // The service's sockets go in $TMPDIR/airlock-<uid>, a private folder: a file there cannot be one.
  temp = mkdtempSync(join(tmpdir(), 'airlock-tmp-'));
  writeFileSync(join(temp, `airlock-${String(process.getuid?.() ?? 'u')}`), 'not a folder\n');
  editor = await startEditor({}, { driver, env: { TMPDIR: temp }, waitForWindow: false });
  const bin = join(editor.project, 'bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'railway'), `#!/bin/sh\nprintf '%s\\n' "$*" > '${join(editor.project, 'ran')}'\n`);
  chmodSync(join(bin, 'railway'), 0o755);
  // The gate is written once the service's start has ended, failed or not.
  await waitFor('the terminal gate to be written', () => existsSync(join(editor.home, 'user-data', 'User', 'globalStorage', 'airlock.airlock', 'gate', '.stamp')) || undefined);
});

afterAll(async () => {
  await editor?.stop();
  rmSync(driver, { recursive: true, force: true });
  rmSync(temp, { recursive: true, force: true });
});

/** Asks the helper extension to run a line in a terminal; resolves with what the shell reported. */
function send(request: Record<string, unknown>): Promise<Ran> {
  const id = `r${++requests}`;
  writeFileSync(join(driver, `${id}.tmp`), JSON.stringify(request));
  spawnSync('mv', [join(driver, `${id}.tmp`), join(driver, `${id}.json`)]);
  return waitFor('the helper\'s answer', () => {
    try {
      return JSON.parse(readFileSync(join(driver, `${id}.result.json`), 'utf8')) as Ran;
    } catch {
      return undefined;
    }
  }, 100_000);
}

test('the editor says its decision service did not start, and publishes no window', async () => {
  const toast = editor.page.locator('.notifications-toasts .notification-toast', { hasText: 'Airlock could not start its decision service' });
  await toast.waitFor({ state: 'visible', timeout: 60_000 });
  expect(await toast.innerText()).toContain('Agent hooks will answer by policy alone');
  expect(windowPublished(editor.env, editor.project)).toBe(false);
});

test('a terminal of the editor denies a flagged line instead of asking whoever types at it', async () => {
  const r = await send({ op: 'terminal', terminal: 'bash', hidden: false, env: { PATH: `${join(editor.project, 'bin')}:${editor.env.PATH ?? '/usr/bin:/bin'}` }, cwd: editor.project, text: PROD });
  const shown = `${r.commandLine ?? ''}\n${r.output ?? ''}`.replace(/\\(.)/g, '$1');
  expect(r.exitCode).toBe(126);
  expect(shown).toContain('No editor window with Airlock answers for this terminal');
  expect(shown).not.toContain('Type "production"');
  expect(existsSync(join(editor.project, 'ran'))).toBe(false);
});
