// `npm run demo` stopped with Ctrl+C while its code-server is still starting: nothing may be left
// behind, neither code-server (its own process group) nor the editor's folder under the temporary
// directory. Its own file: the demo rewrites the demo workspace, which demo.e2e.ts's editor has open.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { expect, test } from 'vitest';
import { ROOT, waitFor } from './harness';
import { codeServerOn, groupAlive } from './processes';

test('Ctrl+C while code-server is still starting leaves nothing behind: no code-server, no editor folder', async () => {
  // As `npm run demo` does before it runs it: `npm test` builds dist/ but not the demo's bundle.
  const bundled = spawnSync(process.execPath, ['esbuild.config.mjs', '--bench'], { cwd: ROOT, encoding: 'utf8' });
  expect(bundled.status, `bundling the demo failed: ${bundled.stderr}`).toBe(0);
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.address() as AddressInfo).port;
  await new Promise((resolve) => probe.close(resolve));
  // Its own process group, as a terminal's foreground job: Ctrl+C is SIGINT to the group.
  const demo = spawn(process.execPath, [join(ROOT, '.bench', 'demo.mjs')], { cwd: ROOT, env: { ...process.env, PORT: String(port) }, stdio: 'pipe', detached: true });
  const group = demo.pid;
  expect(group, 'the demo\'s process').toBeDefined();
  let said = '';
  demo.stdout.on('data', (d: Buffer) => { said += d.toString(); });
  demo.stderr.on('data', (d: Buffer) => { said += d.toString(); });
  let started: ReturnType<typeof codeServerOn>;
  try {
    // code-server's process exists but has not said it listens (the demo prints its URL once it does).
    started = await waitFor('code-server to be started by the demo', () => codeServerOn(port), 200_000);
    expect(said, 'code-server was up before Ctrl+C could come while it started').not.toContain('Airlock demo: open');
    process.kill(-(group ?? 0), 'SIGINT');
    await waitFor('the demo to exit', () => demo.exitCode !== null || demo.signalCode !== null || undefined, 40_000);
    expect(said).toContain('Stopped before the editor was up');
    expect(demo.exitCode).toBe(0);
    expect(groupAlive(started.group), 'code-server still running').toBe(false);
    expect(started.userData, 'code-server\'s --user-data-dir').toBeDefined();
    expect(existsSync(dirname(started.userData ?? '')), 'the editor\'s folder still there').toBe(false);
  } finally {
    // Whatever a failure above left: killed and removed here, never left for the next test.
    const left = codeServerOn(port);
    if (left) process.kill(-left.group, 'SIGKILL');
    if (group !== undefined && groupAlive(group)) process.kill(-group, 'SIGKILL');
    const home = started?.userData ? dirname(started.userData) : undefined;
    if (home && dirname(home) === tmpdir() && basename(home).startsWith('airlock-e2e-')) rmSync(home, { recursive: true, force: true });
  }
}, 260_000);
