// The terminal gate in a real editor: a test-only helper extension opens terminals the way agents
// do (hidden, named "Copilot"), sends them lines and runs shell tasks; the test answers Airlock's
// dialog in the browser and checks what ran, what the shell printed and what was audited.
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { discoveryFile, policyFile, readEntry, windowsDirectory } from '../../src/gate/discovery';
import { CLI, startEditor, waitFor, type Editor } from './harness';

const PROD = 'railway volume delete -v pgdata -e production -y';
let editor: Editor;
let driver: string;
let bin: string;
let markers: string;
let requests = 0;

interface Ran { readonly commandLine?: string; readonly exitCode?: number; readonly output?: string; readonly error?: string }

function standIn(name: string): void {
  writeFileSync(join(bin, name), `#!/bin/sh\nprintf '%s\\n' "$*" > '${join(markers, name)}'\n`);
  chmodSync(join(bin, name), 0o755);
}

beforeAll(async () => {
  driver = mkdtempSync(join(tmpdir(), 'airlock-driver-'));
  editor = await startEditor({}, { driver });
  bin = join(editor.project, 'bin');
  markers = join(editor.project, 'markers');
  mkdirSync(bin);
  mkdirSync(markers);
  for (const name of ['railway', 'dropdb']) standIn(name);
  writeFileSync(join(editor.project, 'package.json'), JSON.stringify({ name: 'demo', private: true, scripts: { test: 'echo tests-ok', 'db:reset': 'prisma migrate reset --force' } }));
  // Prisma reads its target from .env: a Railway host, with nothing saying which environment.
  writeFileSync(join(editor.project, '.env'), 'DATABASE_URL=postgresql://postgres:E2eFakePass77@monorail.proxy.rlwy.net:43521/railway\n');
  standIn('prisma');
  spawnSync('git', ['init', '-q', editor.project]);
  // The gate is in place once its files are written; terminals opened from now on carry it.
  await waitFor('the terminal gate to be written', () => existsSync(join(editor.home, 'user-data', 'User', 'globalStorage', 'airlock.airlock', 'gate', '.stamp')) || undefined);
});

afterAll(async () => {
  await editor?.stop();
  rmSync(driver, { recursive: true, force: true });
});

function env(extra: Record<string, string> = {}): Record<string, string> {
  return { PATH: `${bin}:${editor.env.PATH ?? '/usr/bin:/bin'}`, ...extra };
}

/** Asks the helper extension to run something; resolves with what the shell reported. */
function send(request: Record<string, unknown>): Promise<Ran> {
  const id = `r${++requests}`;
  writeFileSync(join(driver, `${id}.tmp`), JSON.stringify(request));
  // Renamed into place so the helper never reads half a request.
  spawnSync('mv', [join(driver, `${id}.tmp`), join(driver, `${id}.json`)]);
  return waitFor(`the helper's answer to ${JSON.stringify(request)}`, () => {
    try {
      return JSON.parse(readFileSync(join(driver, `${id}.result.json`), 'utf8')) as Ran;
    } catch {
      return undefined;
    }
  }, 100_000);
}

function agentTerminal(text: string, extra: Record<string, string> = {}, name = 'Copilot'): Promise<Ran> {
  return send({ op: 'terminal', terminal: name, hidden: true, env: env(extra), cwd: editor.project, text });
}

async function dialogTitle(): Promise<string> {
  const box = editor.page.locator('.monaco-dialog-box');
  await box.waitFor({ state: 'visible', timeout: 60_000 });
  return box.locator('.dialog-message-text').innerText();
}

async function click(label: string): Promise<void> {
  await editor.page.locator('.monaco-dialog-box .monaco-button', { hasText: label }).first().click();
}

async function typeName(name: string): Promise<void> {
  const input = editor.page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(name);
  await editor.page.keyboard.press('Enter');
}

/**
 * What the terminal shows of a stopped line: the line that replaced it, which carries the reason,
 * and what it printed (a command this short can end before its output can be read through the API).
 */
function shown(r: Ran): string {
  return `${r.commandLine ?? ''}\n${r.output ?? ''}`.replace(/\\(.)/g, '$1');
}

function marker(name: string): string | undefined {
  return existsSync(join(markers, name)) ? readFileSync(join(markers, name), 'utf8') : undefined;
}

async function noDialog(): Promise<void> {
  expect(await editor.page.locator('.monaco-dialog-box').count()).toBe(0);
}

describe('an agent\'s hidden terminal', () => {
  test('railway volume delete … production: the dialog names PRODUCTION and Copilot; Deny → nothing ran and the terminal says why', async () => {
    const ran = agentTerminal(PROD);
    const title = await dialogTitle();
    expect(title).toContain('PRODUCTION');
    expect(title).toContain('Copilot wants to delete a Railway volume');
    await click('Deny');
    const r = await ran;
    expect(r.exitCode).toBe(126);
    expect(shown(r)).toContain('airlock: stopped');
    expect(shown(r)).toContain('Denied in the editor');
    expect(marker('railway')).toBeUndefined();
  });

  test('Allow once and the typed name run it, once: its PATH shim takes the same approval', async () => {
    const ran = agentTerminal(PROD);
    await dialogTitle();
    await click('Allow once');
    await typeName('production');
    const r = await ran;
    expect(r.exitCode).toBe(0);
    expect(marker('railway')).toBe('volume delete -v pgdata -e production -y\n');
    await noDialog();
  });

  test('/bin/rm -rf "$HOME/victim" (no shim: the shell guard) — Deny keeps the directory', async () => {
    const victim = join(editor.home, 'victim');
    mkdirSync(victim, { recursive: true });
    writeFileSync(join(victim, 'keep.txt'), 'x');
    const ran = agentTerminal('/bin/rm -rf "$HOME/victim"');
    expect(await dialogTitle()).toContain('Copilot wants to');
    await click('Deny');
    expect((await ran).exitCode).toBe(126);
    expect(existsSync(join(victim, 'keep.txt'))).toBe(true);
  });

  test('npm run db:reset (prisma from node_modules/.bin, ahead of the shims): the dialog names the Railway database and .env; Deny → prisma never ran', async () => {
    const ran = agentTerminal('npm run db:reset');
    const box = editor.page.locator('.monaco-dialog-box');
    await box.waitFor({ state: 'visible', timeout: 60_000 });
    const text = await box.innerText();
    expect(text).toContain('Railway database monorail.proxy.rlwy.net');
    expect(text).toContain('DATABASE_URL in .env');
    expect(text).toContain('prisma migrate reset --force');
    expect(text).not.toContain('E2eFakePass77');
    await click('Deny');
    expect((await ran).exitCode).toBe(126);
    expect(marker('prisma')).toBeUndefined();
  });

  test('git status, ls, npm test: no dialog, and the same output as without Airlock', async () => {
    // Output goes to files (the API cannot always read a short command's output before it ends).
    const out = (name: string): string => join(markers, name);
    expect(await agentTerminal(`git status --short > '${out('git.txt')}'`)).toMatchObject({ exitCode: 0 });
    expect(await agentTerminal(`ls > '${out('ls.txt')}'`)).toMatchObject({ exitCode: 0 });
    expect(await agentTerminal(`npm test > '${out('npm.txt')}'`)).toMatchObject({ exitCode: 0 });
    await noDialog();
    expect(readFileSync(out('git.txt'), 'utf8')).toBe(spawnSync('git', ['status', '--short'], { cwd: editor.project, encoding: 'utf8' }).stdout);
    expect(readFileSync(out('ls.txt'), 'utf8')).toBe(spawnSync('ls', [], { cwd: editor.project, encoding: 'utf8' }).stdout);
    expect(readFileSync(out('npm.txt'), 'utf8')).toContain('tests-ok');
  });
});

describe('zsh', () => {
  test('the accept-line guard stops an agent\'s line in zsh (loaded after the user\'s own .zshrc)', async () => {
    writeFileSync(join(editor.home, '.zshrc'), `print loaded > '${join(markers, 'zshrc')}'\n`);
    rmSync(join(markers, 'dropdb'), { force: true });
    const ran = send({ op: 'terminal', terminal: 'Copilot (zsh)', hidden: true, shell: 'zsh', env: env(), cwd: editor.project, text: 'dropdb -h prod-db.internal rentals' });
    expect(await dialogTitle()).toContain('Copilot wants to');
    await click('Deny');
    const r = await ran;
    expect(r.exitCode).toBe(126);
    expect(shown(r)).toContain('airlock: stopped');
    expect(marker('dropdb')).toBeUndefined();
    expect(marker('zshrc')).toBe('loaded\n');
  });
});

describe('tasks and people', () => {
  test('a shell task running bash -c \'dropdb -h prod-db.internal rentals\' is gated; Deny fails the task', async () => {
    const ran = send({ op: 'task', name: 'drop the rentals database', command: "bash -c 'dropdb -h prod-db.internal rentals'", env: env(), cwd: editor.project });
    const title = await dialogTitle();
    expect(title).toContain('A task wants to');
    await click('Deny');
    const r = await ran;
    expect(r.exitCode).not.toBe(0);
    expect(marker('dropdb')).toBeUndefined();
  });

  test('a person at their own visible terminal (scope "agents"): no dialog, it runs, and it is audited', async () => {
    rmSync(join(markers, 'railway'), { force: true });
    const r = await send({ op: 'terminal', terminal: 'bash', hidden: false, env: env(), cwd: editor.project, text: PROD });
    expect(r.exitCode).toBe(0);
    expect(marker('railway')).toBe('volume delete -v pgdata -e production -y\n');
    await noDialog();
    const log = auditLog();
    const human = log.trim().split('\n').map((l) => JSON.parse(l) as { actor: string; decision: string; subject: string }).filter((x) => x.actor === 'human');
    expect(human.some((x) => x.decision === 'allow' && x.subject.includes('railway volume delete'))).toBe(true);
  });
});

describe('where the gate cannot reach (the observer, the last line)', () => {
  async function notification(): Promise<string> {
    const toast = editor.page.locator('.notifications-toasts .notification-toast', { hasText: 'Airlock interrupted' }).last();
    await toast.waitFor({ state: 'visible', timeout: 60_000 });
    return toast.innerText();
  }

  function audited(source: string, subject: string): boolean {
    const log = auditLog();
    return log.trim().split('\n').some((l) => { const r = JSON.parse(l) as { source: string; subject: string; decision: string }; return r.source === source && r.subject.includes(subject) && r.decision === 'deny'; });
  }

  test('fish (no guard): an agent\'s flagged line is interrupted as it starts, shown and audited "not gated"', async () => {
    const victim = join(editor.home, 'victim-fish');
    mkdirSync(victim, { recursive: true });
    const ran = send({ op: 'terminal', terminal: 'Copilot (fish)', hidden: true, shell: 'fish', env: env(), cwd: editor.project, text: 'sleep 5; /bin/rm -rf $HOME/victim-fish' });
    expect(await notification()).toContain('without its gate');
    await ran;
    expect(existsSync(victim)).toBe(true);
    expect(audited('observer', 'victim-fish')).toBe(true);
  });

  test('a process task (no shell): terminated as it starts', async () => {
    const victim = join(editor.home, 'victim-task');
    mkdirSync(victim, { recursive: true });
    const r = await send({ op: 'process', name: 'clean up', process: '/bin/sh', args: ['-c', 'sleep 5; /bin/rm -rf "$HOME/victim-task"'], env: env(), cwd: editor.project });
    expect(r.exitCode).not.toBe(0);
    expect(existsSync(victim)).toBe(true);
    expect(audited('observer', 'victim-task')).toBe(true);
  });
});

describe('with the decision service gone', () => {
  test('an agent\'s flagged command is denied with a message', async () => {
    const entry = readEntry(discoveryFile(windowsDirectory(editor.env), editor.project));
    expect(entry).toBeDefined();
    if (entry) unlinkSync(entry.socket);
    rmSync(join(markers, 'railway'), { force: true });
    const r = await agentTerminal(PROD, { AI_AGENT: 'copilot' }, 'Copilot (offline)');
    expect(r.exitCode).toBe(126);
    expect(shown(r)).toContain('No editor window');
    expect(marker('railway')).toBeUndefined();
  });
});

/** The audit log the editor, hooks and gate share (the harness's AIRLOCK_STATE_DIR), one JSON record per line. */
function auditLog(): string {
  return readFileSync(join(editor.home, 'state', 'audit.jsonl'), 'utf8');
}

/** Airlock's output channel, as the editor writes it to its logs folder. */
function airlockLog(): string {
  const logs = join(editor.home, 'user-data', 'logs');
  const found = spawnSync('find', [logs, '-name', 'Airlock.log'], { encoding: 'utf8' }).stdout.trim().split('\n').filter(Boolean);
  return found.map((f) => readFileSync(f, 'utf8')).join('\n');
}

/**
 * A warning the human was shown: Airlock logs it as it shows it; the notification center then
 * holds it whether or not its toast is still up (toasts hide, and only a few show at once).
 */
async function warned(text: string): Promise<void> {
  await waitFor(`the warning "${text}"`, () => airlockLog().includes(`[warning] ${text}`) || undefined);
  await send({ op: 'command', id: 'notifications.showList', path: editor.project });
  const item = editor.page.locator('.notifications-center .notification-list-item', { hasText: text });
  await item.first().waitFor({ state: 'visible', timeout: 30_000 });
  await send({ op: 'command', id: 'notifications.hideList', path: editor.project });
}

/** The badge a file's row shows (file decorations are drawn as CSS content after the label). */
async function badge(name: string): Promise<string> {
  const row = editor.page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first();
  await row.waitFor({ state: 'visible', timeout: 60_000 });
  // Runs in the page, where the DOM's getComputedStyle exists (this file compiles without the DOM library).
  return row.evaluate((el) => {
    const view = globalThis as unknown as { getComputedStyle(e: unknown, p: string): { content: string } };
    const all = [el, ...Array.from((el as unknown as { querySelectorAll(s: string): ArrayLike<unknown> }).querySelectorAll('*'))];
    return all.map((e) => view.getComputedStyle(e, '::after').content).filter((c) => c && c !== 'none' && c !== 'normal').join(' ');
  });
}

describe('the Explorer', () => {
  test('a protected file carries the badge; Protect from Agents adds one, Stop Protecting takes it away', async () => {
    writeFileSync(join(editor.project, '.env.production'), 'X=1\n');
    writeFileSync(join(editor.project, 'notes.txt'), 'plain\n');
    await waitFor('the .env.production badge', async () => (await badge('.env.production')).includes('🔒') || undefined);
    expect(await badge('notes.txt')).not.toContain('🔒');
    await send({ op: 'command', id: 'airlock.protectFromAgents', path: join(editor.project, 'notes.txt') });
    await waitFor('the notes.txt badge', async () => (await badge('notes.txt')).includes('🔒') || undefined);
    await send({ op: 'command', id: 'airlock.stopProtecting', path: join(editor.project, 'notes.txt') });
    await waitFor('the notes.txt badge to go', async () => (!(await badge('notes.txt')).includes('🔒')) || undefined);
  });

  test('a folder: Protect from Agents badges it and protects what is in it', async () => {
    // Empty for now: a folder holding a file git has not seen shows git's marker in place of its
    // own badge (VS Code lets a child's decoration take over the folder's).
    mkdirSync(join(editor.project, 'deploy-keys'));
    expect(await badge('deploy-keys')).not.toContain('🔒');
    await send({ op: 'command', id: 'airlock.protectFromAgents', path: join(editor.project, 'deploy-keys') });
    await waitFor('the deploy-keys badge', async () => (await badge('deploy-keys')).includes('🔒') || undefined);
    writeFileSync(join(editor.project, 'deploy-keys', 'ops.txt'), 'plain\n');
    await send({ op: 'command', id: 'revealInExplorer', path: join(editor.project, 'deploy-keys', 'ops.txt') });
    await waitFor('the ops.txt badge', async () => (await badge('ops.txt')).includes('🔒') || undefined);
  });
});

describe('the agents\' own ignore files', () => {
  const read = (rel: string): string => {
    try {
      return readFileSync(join(editor.project, rel), 'utf8');
    } catch {
      return '';
    }
  };

  test('Protect from Agents writes the file into the enabled agents\' files; a deleted block comes back with a warning', async () => {
    mkdirSync(join(editor.project, 'config'), { recursive: true });
    writeFileSync(join(editor.project, 'config', 'prod.json'), '{}\n');
    writeFileSync(join(editor.project, '.cursorignore'), 'node_modules/\n');
    await send({ op: 'setting', key: 'airlock.context.agents', value: ['cursor', 'claude-code'] });
    await waitFor('Airlock\'s block in .cursorignore', () => read('.cursorignore').includes('# >>> Airlock') || undefined);
    expect(read('.cursorignore')).toContain('\nnode_modules/\n');
    await waitFor('Claude Code\'s Read rules', () => read('.claude/settings.local.json').includes('Read(//**/.env)') || undefined);

    await send({ op: 'command', id: 'airlock.protectFromAgents', path: join(editor.project, 'config', 'prod.json') });
    await send({ op: 'command', id: 'revealInExplorer', path: join(editor.project, 'config', 'prod.json') });
    await waitFor('the prod.json badge', async () => (await badge('prod.json')).includes('🔒') || undefined);
    await waitFor('prod.json in .cursorignore', () => read('.cursorignore').includes('\n**/config/prod.json\n') || undefined);
    await waitFor('prod.json in Claude Code\'s rules', () => read('.claude/settings.local.json').includes('Read(//**/config/prod.json)') || undefined);
    // Files Airlock does not manage are left alone.
    expect(existsSync(join(editor.project, '.geminiignore'))).toBe(false);

    // An agent strips Airlock's block, keeping its own line.
    writeFileSync(join(editor.project, '.cursorignore'), 'node_modules/\n');
    await warned("Airlock restored the protected paths in .cursorignore: Airlock's lines had been removed");
    await waitFor('the block to be back', () => (read('.cursorignore').includes('\n**/config/prod.json\n') && read('.cursorignore').includes('\nnode_modules/\n')) || undefined);
    const audit = auditLog();
    expect(audit).toMatch(/"subject":"[^"]*\.cursorignore".*"rules":\["airlock\.tamper"\]/);
  });

  test('a hook Airlock installed comes back, with a warning, when an agent takes it out', async () => {
    const installed = spawnSync(process.execPath, [CLI, 'install', '--agent', 'cursor', '--scope', 'project', '--dir', editor.project], { env: editor.env, encoding: 'utf8' });
    expect(installed.status, installed.stderr).toBe(0);
    const hooks = join(editor.project, '.cursor', 'hooks.json');
    expect(readFileSync(hooks, 'utf8')).toContain('hook --agent cursor');
    writeFileSync(hooks, '{ "version": 1, "hooks": {} }\n');
    await warned('Airlock restored the Cursor hook in .cursor/hooks.json: someone had removed or changed it');
    await waitFor('the hook to be back', () => readFileSync(hooks, 'utf8').includes('hook --agent cursor') || undefined);
    // Weakened rather than removed: Cursor would run the command when the hook fails.
    await waitFor('the restored file to settle', () => readFileSync(hooks, 'utf8').includes('"failClosed": true') || undefined);
    writeFileSync(hooks, readFileSync(hooks, 'utf8').replace('"failClosed": true', '"failClosed": false'));
    await waitFor('failClosed to be back', () => readFileSync(hooks, 'utf8').includes('"failClosed": true') || undefined);
    // The record follows the restore: waited for, not raced.
    const restores = (): number => auditLog()
      .split('\n').filter((l) => l.includes('hooks.json') && l.includes('airlock.tamper')).length;
    await waitFor('two audited restores of hooks.json', () => restores() === 2 || undefined);
    expect(restores()).toBe(2);
  });
});

describe('scanning the workspace for secrets', () => {
  interface Problem { readonly line: number; readonly source: string; readonly code: string; readonly message: string }
  const problems = async (path: string): Promise<Problem[]> => ((await send({ op: 'diagnostics', path })) as unknown as { diagnostics: Problem[] }).diagnostics;

  test('a secret in a file agents can read is a problem with a quick fix; a protected file is not', async () => {
    const deploy = join(editor.project, 'deploy.ts');
    writeFileSync(deploy, `const url = "postgres://app:${'Wq7x2Lk9'}Pm3R@prod-db.internal/app";\n`);
    writeFileSync(join(editor.project, '.env.staging'), `RAILWAY_TOKEN=${'3f1c9a2e-7b4d-4e8a'}-9c1f-0d2e3a4b5c6d\n`);
    await send({ op: 'command', id: 'airlock.scanWorkspace', path: editor.project });
    const found = await problems(deploy);
    expect(found).toEqual([expect.objectContaining({ line: 1, source: 'Airlock', code: 'database-url' })]);
    expect(found[0]?.message).not.toContain('Wq7x2');
    expect(await problems(join(editor.project, '.env.staging'))).toEqual([]);
    const fixes = ((await send({ op: 'codeActions', path: deploy, line: 1 })) as unknown as { actions: { title: string; command: string }[] }).actions;
    expect(fixes).toContainEqual({ title: 'Protect this file from agents', command: 'airlock.protectFromAgents' });
    // The quick fix runs Protect from Agents on the file: its problems go.
    await send({ op: 'command', id: 'airlock.protectFromAgents', path: deploy });
    expect(await problems(deploy)).toEqual([]);
  });
});

/**
 * Answers Deny to any approval dialog left open by what the editor's terminals run by themselves
 * (fish generates its completions in the background, and the gate asks about the files it
 * deletes), so the dialog a test waits for is the one on screen.
 */
async function denyStrayDialogs(wanted: string): Promise<void> {
  const box = editor.page.locator('.monaco-dialog-box');
  for (let i = 0; i < 10 && (await box.count()) > 0; i++) {
    if ((await box.innerText()).includes(wanted)) return;
    await click('Deny');
    await waitFor('the stray dialog to close', async () => ((await box.count()) === 0 || !(await box.innerText().catch(() => '')).includes('Command:')) || undefined);
  }
}

/** Waits for the settings dialog, past any stray approval dialog, and returns its detail. */
async function settingsDialog(): Promise<string> {
  const wanted = 'give agents more room';
  await waitFor('the settings dialog', async () => {
    await denyStrayDialogs(wanted);
    const box = editor.page.locator('.monaco-dialog-box', { hasText: wanted });
    return (await box.count()) > 0 || undefined;
  });
  return editor.page.locator('.monaco-dialog-box .dialog-message-detail').innerText();
}

describe('Airlock settings loosened outside the Settings editor (another extension, or an agent\'s script)', () => {
  test('are held until a person applies them: Keep writes the stricter values back, Apply takes the change; both audited', async () => {
    const published = (): { tierRules: Record<string, string>; allowedPaths: string[] } => JSON.parse(readFileSync(policyFile(windowsDirectory(editor.env), editor.project), 'utf8')) as { tierRules: Record<string, string>; allowedPaths: string[] };
    const user = (): Record<string, unknown> => JSON.parse(readFileSync(join(editor.home, 'user-data', 'User', 'settings.json'), 'utf8')) as Record<string, unknown>;
    const loosen = send({ op: 'setting', key: 'airlock.policy.production', value: 'click-critical' });
    const detail = await settingsDialog();
    expect(detail).toContain('airlock.policy.production: typed → click-critical');
    // While the person has not answered, the window publishes (and judges by) the stricter value.
    expect(published().tierRules.production).toBe('typed');
    await click('Keep the stricter settings');
    await loosen;
    await waitFor('the stricter value written back', () => user()['airlock.policy.production'] === undefined || undefined);
    expect(published().tierRules.production).toBe('typed');
    const again = send({ op: 'setting', key: 'airlock.allowedPaths', value: ['**'] });
    expect(await settingsDialog()).toContain('airlock.allowedPaths: (none) → **');
    await click('Apply the change');
    await again;
    await waitFor('the change in effect', () => published().allowedPaths.includes('**') || undefined);
    const decisions = auditLog().trim().split('\n').map((l) => JSON.parse(l) as { decision: string; verdict: { rules: string[] } })
      .filter((r) => r.verdict.rules.includes('airlock.settings-loosened')).map((r) => r.decision);
    expect(decisions).toEqual(['deny', 'allow']);
    // Tightening back takes effect with no dialog.
    await send({ op: 'setting', key: 'airlock.allowedPaths', value: [] });
    await waitFor('the exception gone', () => published().allowedPaths.length === 0 || undefined);
    expect(await editor.page.locator('.monaco-dialog-box', { hasText: 'give agents more room' }).count()).toBe(0);
  });
});

describe('turning the gate off', () => {
  test('once the person applies it, removes the shims and the guards from new terminals', async () => {
    // Turning the gate off loosens Airlock: the change waits for the person's Apply.
    const answered = send({ op: 'setting', key: 'airlock.terminalGate.enabled', value: false });
    expect(await settingsDialog()).toContain('airlock.terminalGate.enabled: on → off');
    expect(airlockLog()).not.toContain('terminal gate off');
    await click('Apply the change');
    await answered;
    await waitFor('the gate to be turned off', () => airlockLog().includes('terminal gate off') || undefined)
      .catch((e: Error) => { throw new Error(`${e.message}; Airlock's log:\n${airlockLog()}`); });
    const r = await send({ op: 'terminal', terminal: 'bash (gate off)', hidden: false, env: env(), cwd: editor.project, text: `echo "BASH_ENV=$BASH_ENV PATH=$PATH" > '${join(markers, 'env.txt')}'` });
    expect(r.exitCode).toBe(0);
    const seen = marker('env.txt') ?? '';
    expect(seen).toContain('PATH=');
    expect(seen).not.toContain(join('airlock.airlock', 'gate'));
  });
});
