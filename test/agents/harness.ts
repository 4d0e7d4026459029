// Running an agent against the stage: Airlock's hook installed as a user would install it, an
// optional editor window standing in for the extension (a decision server that answers by rule),
// and the agent's process run to its end (or killed, with its whole group, at the time limit).
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { publishWindow, windowsDirectory } from '../../src/gate/discovery';
import { PROTOCOL_VERSION, type DecisionRequest, type DecisionResponse } from '../../src/gate/protocol';
import { startDecisionServer } from '../../src/gate/server';
import type { Stage } from './story';

const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');

/** `airlock install` in the stage's home, as a user runs it; its output, for the test's messages. */
export function installAirlock(s: Stage, agent: string, scope: 'project' | 'user', env: Record<string, string> = {}): string {
  const r = spawnSync(process.execPath, [CLI, 'install', '--agent', agent, '--scope', scope, '--dir', s.project], { env: s.env(env), encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`airlock install failed (${String(r.status)}): ${r.stdout}${r.stderr}`);
  return r.stdout;
}

/** An editor window for the project whose person answers by `answer`; every request is kept. */
export async function window(s: Stage, answer: (r: DecisionRequest) => 'allow' | 'deny'): Promise<{ requests: DecisionRequest[]; close(): Promise<void> }> {
  const requests: DecisionRequest[] = [];
  const server = await startDecisionServer((r): Promise<DecisionResponse> => {
    requests.push(r);
    const decision = answer(r);
    return Promise.resolve({ decision, decidedBy: 'human', reason: `${decision === 'allow' ? 'approved' : 'denied'} by the test's person` });
  }, { roots: [s.project] });
  publishWindow(windowsDirectory(s.env()), { version: PROTOCOL_VERSION, root: s.project, socket: server.socket, token: server.token, pid: process.pid });
  return { requests, close: () => server.close() };
}

export interface Run {
  readonly code: number | null;
  readonly timedOut: boolean;
  readonly stdout: string;
  readonly stderr: string;
}

export function run(command: string, args: readonly string[], cwd: string, env: Record<string, string>, limitMs = 150_000): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-(child.pid ?? 0), 'SIGKILL');
      } catch {
        // already gone
      }
    }, limitMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, timedOut, stdout, stderr });
    });
  });
}
