// `npm run demo`: the extension in a real editor on a demo workspace, for a person to try. Builds
// the .vsix, starts code-server on a folder with a fake `.env.production` and a harmless stand-in
// `railway` CLI, prints the URL, and on Enter sends the request an agent's hook would send for
// `railway volume delete -v pgdata -e production -y`, so the approval dialog appears in the editor.
// `scripts/deploy.sh` leaks a fake token where agents can read it, for the secret scan to find.
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { CLI, ROOT, freePort, portFree, startCodeServer, waitFor, windowPublished, type CodeServer } from './harness';

const COMMAND = 'railway volume delete -v pgdata -e production -y';

function demoWorkspace(): string {
  const dir = join(ROOT, '.e2e', 'demo-workspace');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'bin'), { recursive: true });
  writeFileSync(join(dir, '.env.production'), '# Fake values for the Airlock demo: nothing here works anywhere.\nRAILWAY_TOKEN=00000000-0000-4000-8000-000000000000\nDATABASE_URL=postgres://app:not-a-real-password@db.prod.example.invalid/app\n');
  writeFileSync(join(dir, 'bin', 'railway'), '#!/bin/sh\necho "(demo) a stand-in railway CLI: would run \\"railway $*\\"; nothing was touched"\n');
  chmodSync(join(dir, 'bin', 'railway'), 0o755);
  mkdirSync(join(dir, 'scripts'));
  // Written in pieces so that this source file is no finding of its own for a secret scanner.
  writeFileSync(join(dir, 'scripts', 'deploy.sh'), `#!/bin/sh
# Airlock demo: a key leaked on purpose. The token below is FAKE, a made-up number in the shape of a
# Railway token that no account has. It sits in a file agents can read, for Airlock's secret scan
# to find; a real one belongs in .env.production, which Airlock keeps agents out of.
${'RAILWAY_TOKEN=12345678-1234'}-4123-8123-123456789abc
export RAILWAY_TOKEN
railway up --service api --environment production
`);
  chmodSync(join(dir, 'scripts', 'deploy.sh'), 0o755);
  writeFileSync(join(dir, 'README.md'), `# Airlock demo

This folder is a demo. \`.env.production\` holds fake values; \`bin/railway\` is a harmless stand-in.

Press Enter in the terminal that runs \`npm run demo\` to send the request an agent's hook sends for:

    ${COMMAND}

Airlock's dialog names PRODUCTION; to allow it you must type \`production\`. Try **Show details**, and **Airlock: Show Audit Log** afterwards.

\`scripts/deploy.sh\` leaks a fake Railway token on purpose. Run **Airlock: Scan Workspace for Secrets** (F1) and the Problems panel lists it: a Railway API token written in a file AI agents can read, with the Quick Fix **Protect this file from agents** (or move the token to \`.env.production\`). The token in \`.env.production\` is counted but not listed: Airlock already keeps agents out of that file.
`);
  return dir;
}

/** What the hook answered Claude Code, read from its output: never taken as an allow when missing. */
function hookAnswer(out: string): { decision: string; reason: string } {
  try {
    const o = (JSON.parse(out) as { hookSpecificOutput?: { permissionDecision?: string; permissionDecisionReason?: string } }).hookSpecificOutput;
    if (o?.permissionDecision) return { decision: o.permissionDecision, reason: o.permissionDecisionReason ?? '' };
  } catch {
    // not JSON: said below
  }
  return { decision: 'no answer', reason: `the hook printed ${out.trim() === '' ? 'nothing' : 'something that is not its answer'}; Claude Code would block the call (the hook fails closed)` };
}

function askAsAgent(env: Record<string, string>, project: string): void {
  const payload = { session_id: 'demo', cwd: project, hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command: COMMAND, description: 'Delete the old volume' } };
  const child = spawn(process.execPath, [CLI, 'hook', '--agent', 'claude-code'], { env });
  let out = '';
  child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
  child.on('close', (code) => {
    const { decision, reason } = hookAnswer(out);
    console.log(`  → the hook answered Claude Code: ${decision.toUpperCase()}${code !== 0 ? ` (exit ${String(code)})` : ''}`);
    if (reason) console.log(`    ${reason}`);
  });
  child.stdin.end(JSON.stringify(payload));
  console.log(`  sent a Claude Code request for: ${COMMAND} (answer it in the editor)`);
}

const wanted = Number(process.env.PORT ?? 8080);
const port = await portFree(wanted) ? wanted : await freePort();
if (port !== wanted) console.log(`Port ${String(wanted)} is busy; the demo uses port ${String(port)} instead (PORT=<n> picks another).`);
// Ctrl+C at any time leaves nothing behind: while code-server starts, the start is stopped (it
// removes code-server and its folder); once it is up, code-server is stopped the same way.
const starting = new AbortController();
let server: CodeServer | undefined;
let ready = false;
const input = createInterface({ input: process.stdin });
input.on('line', () => {
  // Before the window is published a hook has no one to ask and denies by policy: not what the demo shows.
  if (!server) console.log('  not yet: the editor is still starting; nothing was sent');
  else if (!ready) console.log('  not yet: Airlock has not started in the editor (open the URL above and wait for the page); nothing was sent');
  else askAsAgent(server.env, server.project);
});
let stopping = false;
const stop = (): void => {
  input.close();
  if (!server) {
    starting.abort();
    return;
  }
  if (stopping) {
    console.log('  still stopping code-server (it is given up to 20 s, then killed)');
    return;
  }
  stopping = true;
  void server.stop().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
// No empty secondary side bar taking a third of the window, and no offer to open the repository
// the demo folder sits in: the window shows the demo.
try {
  server = await startCodeServer({ 'workbench.secondarySideBar.defaultVisibility': 'hidden', 'git.openRepositoryInParentFolders': 'never' }, { project: demoWorkspace(), port, signal: starting.signal });
} catch (error) {
  // Ctrl+C during a build or an install step ends that step first: its handler runs a moment later.
  await new Promise((resolve) => setTimeout(resolve, 100));
  if (!starting.signal.aborted) throw error;
  console.log('\nStopped before the editor was up; code-server and its files are gone.');
  process.exit(0);
}
const running = server;
console.log(`\nAirlock demo: open ${running.url}\n`);
console.log('Airlock starts in the editor once the page has loaded; this waits for it.\n');
await waitFor('the editor window (open the URL above)', () => windowPublished(running.env, running.project) || undefined, 24 * 60 * 60_000);
ready = true;
console.log('Airlock is running in the editor. Press Enter to send an agent\'s request for a production volume deletion; Ctrl+C to stop.');
console.log('Also in the editor: F1, "Airlock: Scan Workspace for Secrets" finds the fake token scripts/deploy.sh leaks (the workspace\'s README.md says more).\n');
