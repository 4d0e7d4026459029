// Starts a real editor in a real browser: code-server (installed by setup.sh) with the packaged
// extension in a private extensions directory, a private home and state directory, and a project
// folder; Debian's Chromium driven by playwright-core. Everything waits on conditions.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { discoveryFile, windowsDirectory } from '../../src/gate/discovery';

/** The repository: found upwards, since this file also runs bundled into .bench/ (the demo). */
function repositoryRoot(): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'esbuild.config.mjs'))) return dir;
    if (dirname(dir) === dir) throw new Error('cannot find the repository root');
  }
}

export const ROOT = repositoryRoot();
const CACHE = join(ROOT, '.e2e');
/** Where the suite saves the screenshots the README shows (`npm run screenshots` points it at media/). */
export const SCREENSHOTS = resolve(ROOT, process.env.AIRLOCK_SCREENSHOTS ?? join(CACHE, 'screenshots'));
/** Node 24 and code-server, as test/e2e/setup.sh installed them (in the user's cache, outside the clone). */
function tools(): { readonly node24: string; readonly codeServer: string } {
  try {
    return JSON.parse(readFileSync(join(CACHE, 'tools.json'), 'utf8')) as { node24: string; codeServer: string };
  } catch {
    throw new Error('code-server is not set up for this clone: run `bash test/e2e/setup.sh` (npm test and npm run demo do)');
  }
}
export const CLI = join(ROOT, 'dist', 'cli.js');


/** A port nothing listens on. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Whether nothing listens on `port` on the loopback address. */
export function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** Whether the extension in the editor has published its window for `project` (its hooks then ask it). */
export function windowPublished(env: Record<string, string>, project: string): boolean {
  return existsSync(discoveryFile(windowsDirectory(env), project));
}

export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The test-only helper extension that runs the in-host suite (test/inhost), packaged with it. */
function packageHelper(): string {
  const stage = mkdtempSync(join(tmpdir(), 'airlock-inhost-helper-'));
  for (const file of ['package.json', 'extension.js']) copyFileSync(join(ROOT, 'test', 'inhost', 'helper', file), join(stage, file));
  copyFileSync(join(ROOT, 'test', 'inhost', 'suite.js'), join(stage, 'suite.js'));
  writeFileSync(join(stage, 'README.md'), 'Test-only helper: runs Airlock\'s in-host suite.\n');
  const vsix = join(CACHE, 'airlock-inhost-helper.vsix');
  const run = spawnSync(join(ROOT, 'node_modules', '.bin', 'vsce'), ['package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '-o', vsix], { cwd: stage, encoding: 'utf8' });
  rmSync(stage, { recursive: true, force: true });
  if (run.status !== 0) throw new Error(`packaging the in-host helper failed: ${run.stderr}${run.stdout}`);
  return vsix;
}

/** The `.vsix` users get: built by `npm run package`, the same command a release runs. */
function packageVsix(): string {
  const vsix = join(CACHE, 'airlock-e2e.vsix');
  const run = spawnSync('npm', ['run', '--silent', 'package', '--', '-o', vsix], { cwd: ROOT, encoding: 'utf8' });
  if (run.signal) throw new Error(`vsce package was stopped (${run.signal})`);
  if (run.status !== 0) throw new Error(`vsce package failed: ${run.stderr}${run.stdout}`);
  return vsix;
}

export interface CodeServer {
  readonly url: string;
  readonly project: string;
  readonly home: string;
  /** The environment every process of the test shares (code-server's, the hooks'). */
  readonly env: Record<string, string>;
  readonly userSettings: string;
  stop(): Promise<void>;
}

/** code-server with a browser page open on the project. */
export interface Editor extends CodeServer {
  readonly page: Page;
}

/**
 * code-server with the packaged extension, in a private home (so its discovery files, audit log
 * and settings are the test's own), opened on `project` (a fresh folder unless given).
 */
export interface StartOptions {
  readonly project?: string;
  readonly port?: number;
  /** Where the helper extension writes the in-host suite's results. */
  readonly inHostResults?: string;
  /** A directory the helper extension takes terminal and task requests from (test/inhost/helper). */
  readonly driver?: string;
  /** Run once code-server is up and before the page opens: while no Airlock window exists yet. */
  readonly beforeOpen?: (server: CodeServer) => Promise<void>;
  /** Stops a start under way (the demo's Ctrl+C): code-server and its home are removed, and the start fails. */
  readonly signal?: AbortSignal;
  /** More of code-server's environment (a test that breaks something Airlock needs). */
  readonly env?: Readonly<Record<string, string>>;
  /** False: the page is ready once the workbench is drawn, without waiting for Airlock to publish its window. */
  readonly waitForWindow?: boolean;
}

export async function startCodeServer(settings: Record<string, unknown> = {}, options: StartOptions = {}): Promise<CodeServer> {
  const { node24, codeServer } = tools();
  if (!existsSync(codeServer) || !existsSync(node24)) throw new Error('code-server is not installed: run bash test/e2e/setup.sh');
  const home = mkdtempSync(join(tmpdir(), 'airlock-e2e-'));
  let server: ChildProcess | undefined;
  /** Stops code-server (its whole process group) and removes its home: on stop(), and on a failed or stopped start. */
  const stop = async (): Promise<void> => {
    // code-server runs in its own process group (detached): stopping the group stops its
    // extension host and pty host too, which would otherwise write on while the home is removed.
    const group = -(server?.pid ?? 0);
    const alive = (): boolean => { try { process.kill(group, 0); return true; } catch { return false; } };
    if (server?.pid !== undefined && alive()) {
      process.kill(group, 'SIGTERM');
      await waitFor('code-server and its hosts to stop', () => !alive() || undefined, 20_000).catch(() => { if (alive()) process.kill(group, 'SIGKILL'); });
    }
    // AIRLOCK_E2E_KEEP=1 keeps the editor's home (logs, audit log, settings) for a look after a failure.
    if (process.env.AIRLOCK_E2E_KEEP === '1') { console.log(`kept ${home}`); return; }
    // The extension host may still be writing while it shuts down: retry a directory not yet empty.
    rmSync(home, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  };
  const stopped = (): void => {
    if (options.signal?.aborted) throw new Error('stopped while code-server was starting');
  };
  try {
    const project = options.project ?? join(home, 'project');
    mkdirSync(project, { recursive: true });
    if (!options.project) writeFileSync(join(project, 'README.md'), '# demo\n');
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home, AIRLOCK_STATE_DIR: join(home, 'state'), XDG_CACHE_HOME: join(home, '.cache'), LANG: 'C.UTF-8', ...options.env,
    };
    const userData = join(home, 'user-data');
    const extensions = join(home, 'extensions');
    const userSettings = join(userData, 'User', 'settings.json');
    mkdirSync(join(userData, 'User'), { recursive: true });
    writeFileSync(userSettings, JSON.stringify({
      'workbench.startupEditor': 'none', 'security.workspace.trust.enabled': false, 'telemetry.telemetryLevel': 'off',
      'workbench.tips.enabled': false, 'extensions.autoUpdate': false, 'chat.disableAIFeatures': true, ...settings,
    }, null, 2));
    if (options.inHostResults) env.AIRLOCK_INHOST_RESULTS = options.inHostResults;
    if (options.driver) env.AIRLOCK_TEST_DRIVER = options.driver;
    const helper = options.inHostResults !== undefined || options.driver !== undefined;
    for (const vsix of [packageVsix(), ...(helper ? [packageHelper()] : [])]) {
      stopped();
      const install = spawnSync(node24, [codeServer, '--extensions-dir', extensions, '--user-data-dir', userData, '--install-extension', vsix], { env, encoding: 'utf8' });
      if (install.signal) throw new Error(`installing ${vsix} was stopped (${install.signal})`);
      if (install.status !== 0) throw new Error(`installing ${vsix} failed: ${install.stderr}`);
    }

    const port = options.port ?? await freePort();
    stopped();
    const started = spawn(node24, [codeServer, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check',
      '--disable-workspace-trust', '--extensions-dir', extensions, '--user-data-dir', userData, project], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    server = started;
    let log = '';
    started.stdout?.on('data', (d: Buffer) => { log += d.toString(); });
    started.stderr?.on('data', (d: Buffer) => { log += d.toString(); });
    await waitFor('code-server to listen', () => {
      stopped();
      return log.includes('HTTP server listening') || undefined;
    }, 60_000).catch((e: Error) => { throw new Error(`${e.message}\n${log}`); });
    return { url: `http://127.0.0.1:${port}/?folder=${encodeURIComponent(project)}`, project, home, env, userSettings, stop };
  } catch (error) {
    // Nothing left behind: neither code-server nor its home.
    await stop();
    throw error;
  }
}

export async function startEditor(settings: Record<string, unknown> = {}, options: StartOptions = {}): Promise<Editor> {
  const server = await startCodeServer(settings, options);
  let browser: Browser | undefined;
  try {
    await options.beforeOpen?.(server);
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(server.url);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    // The extension is up when it has published its discovery file for the project.
    if (options.waitForWindow !== false) await waitFor('the extension to publish its discovery file', () => windowPublished(server.env, server.project) || undefined, 90_000);
    const opened = browser;
    return {
      ...server, page,
      async stop() {
        try {
          await opened.close();
        } finally {
          await server.stop();
        }
      },
    };
  } catch (error) {
    // A start that failed leaves neither the browser nor code-server running (no test holds them to stop).
    try {
      await browser?.close();
    } finally {
      await server.stop();
    }
    throw error;
  }
}

/** A real `airlock hook` process, as an agent runs it. */
export function hook(editor: Pick<Editor, 'env'>, agent: string, payload: unknown, env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, 'hook', '--agent', agent], { env: { ...editor.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(JSON.stringify(payload));
  });
}
