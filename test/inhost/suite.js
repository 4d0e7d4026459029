// The in-host suite: checks that need the real `vscode` API inside an extension host — Airlock
// activates, its commands are registered, its settings are read with their defaults, and its
// decision service publishes a discovery file whose socket answers. Plain JavaScript run by two
// hosts: the helper extension in code-server (test/e2e/inhost.e2e.ts) and @vscode/test-electron
// (runTestElectron.js) where a VS Code build can be downloaded.
'use strict';
const { existsSync, readFileSync } = require('node:fs');
const { createHash } = require('node:crypto');
const { join, resolve } = require('node:path');
const { homedir } = require('node:os');
const http = require('node:http');

function stateDir() {
  if (process.env.AIRLOCK_STATE_DIR) return resolve(process.env.AIRLOCK_STATE_DIR);
  return join(process.env.XDG_STATE_HOME || join(homedir(), '.local', 'state'), 'airlock');
}

function ping(entry) {
  return new Promise((res) => {
    const req = http.request({ socketPath: entry.socket, path: '/v1/ping', method: 'POST', headers: { 'x-airlock-token': entry.token, 'content-length': 2 } }, (r) => {
      let body = '';
      r.on('data', (d) => { body += d; });
      r.on('end', () => res(r.statusCode === 200 && JSON.parse(body).ok === true));
    });
    req.on('error', () => res(false));
    req.end('{}');
  });
}

async function waitFor(probe, ms) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) return undefined;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Runs every check; each result says what it checked and, on failure, what it saw. */
async function runSuite(vscode) {
  const results = [];
  const check = async (name, fn) => {
    try {
      const problem = await fn();
      results.push({ name, ok: !problem, ...(problem ? { problem } : {}) });
    } catch (error) {
      results.push({ name, ok: false, problem: String(error && error.stack || error) });
    }
  };
  const extension = vscode.extensions.getExtension('airlock.airlock');
  await check('Airlock is installed and activates', async () => {
    if (!extension) return 'airlock.airlock is not installed';
    await extension.activate();
    return extension.isActive ? undefined : 'not active after activate()';
  });
  await check('its commands are registered', async () => {
    const all = await vscode.commands.getCommands(true);
    // Every command the manifest contributes (the palette lists them), and at least the first four.
    const contributed = ((extension && extension.packageJSON.contributes.commands) || []).map((c) => c.command);
    if (contributed.length < 4) return `the manifest contributes ${contributed.length} commands`;
    const missing = contributed.filter((c) => !all.includes(c));
    return missing.length ? `missing: ${missing.join(', ')}` : undefined;
  });
  await check('its settings are read with their defaults', async () => {
    const config = vscode.workspace.getConfiguration('airlock');
    const seen = { production: config.get('policy.production'), development: config.get('policy.development'), timeout: config.get('approvalTimeoutSeconds'), scope: config.get('gate.scope') };
    const expected = { production: 'typed', development: 'click-critical', timeout: 120, scope: 'agents' };
    return JSON.stringify(seen) === JSON.stringify(expected) ? undefined : `saw ${JSON.stringify(seen)}`;
  });
  await check('the decision service publishes a discovery file whose socket answers', async () => {
    const folder = vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders[0];
    if (!folder) return 'no workspace folder open';
    // As src/gate/discovery.ts keys it: case-folded where the file system usually is.
    const resolved = resolve(folder.uri.fsPath);
    const root = process.platform === 'win32' || process.platform === 'darwin' ? resolved.toLowerCase() : resolved;
    const file = join(stateDir(), 'windows', `${createHash('sha256').update(root).digest('hex').slice(0, 24)}.json`);
    const found = await waitFor(() => existsSync(file), 20000);
    if (!found) return `no discovery file at ${file}`;
    const entry = JSON.parse(readFileSync(file, 'utf8'));
    if (entry.pid !== process.pid) return `the discovery file names pid ${entry.pid}, this host is ${process.pid}`;
    return (await ping(entry)) ? undefined : 'the socket did not answer a ping';
  });
  return results;
}

module.exports = { runSuite };
