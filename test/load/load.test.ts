// Honest under load (issue 14): 500 real `airlock hook` processes at once against a decision server
// that runs the editor's own request queue and answers (src/extension/requestQueue.ts) with a
// person who takes a moment per dialog. Every call is answered, none is allowed that the person
// did not allow, and each message says what happened to that request: shown and denied, never
// shown because the queue was full, or never shown because its time ran out while it waited.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { DEFAULT_TIER_RULES } from '../../src/core/policy';
import { policyFile, publishWindow, windowsDirectory } from '../../src/gate/discovery';
import { PROTOCOL_VERSION, requestDeadline } from '../../src/gate/protocol';
import { writePublishedPolicy } from '../../src/gate/publishedPolicy';
import { startDecisionServer } from '../../src/gate/server';
import { RequestQueue, queuedAnswer } from '../../src/extension/requestQueue';

const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');
const CALLS = 500;
const MAX_WAITING = 100;

interface Answer { readonly decision: string; readonly message: string }

function hook(env: Record<string, string>, project: string, command: string): Promise<Answer> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, 'hook', '--agent', 'claude-code'], { env });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    child.on('close', () => {
      try {
        const out = JSON.parse(stdout) as { hookSpecificOutput?: { permissionDecision?: string; permissionDecisionReason?: string }; systemMessage?: string };
        // A deny's message for the person is its systemMessage; an allow says why to the agent.
        resolve({ decision: out.hookSpecificOutput?.permissionDecision ?? 'none', message: out.systemMessage ?? out.hookSpecificOutput?.permissionDecisionReason ?? '' });
      } catch {
        resolve({ decision: 'unreadable', message: stdout });
      }
    });
    child.stdin.end(JSON.stringify({ session_id: 's', transcript_path: '/t', cwd: project, permission_mode: 'default', hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command }, tool_use_id: 't' }));
  });
}

test(`${CALLS} hook processes at once: all answered, none allowed wrongly, every message true`, async () => {
  const home = mkdtempSync(join(tmpdir(), 'airlock-load-'));
  const project = join(home, 'project');
  mkdirSync(project);
  const env = { PATH: process.env.PATH ?? '', HOME: home, AIRLOCK_STATE_DIR: join(home, 'state'), XDG_CACHE_HOME: join(home, '.cache') };
  const queue = new RequestQueue({ maxWaiting: MAX_WAITING });
  const shown = new Set<string>();
  const allowed = new Set<string>();
  // The person answers each dialog in 20 ms and allows every seventh request.
  const server = await startDecisionServer(async (request) => {
    const outcome = await queue.run(async () => {
      shown.add(request.subject);
      await new Promise((r) => setTimeout(r, 20));
      const allow = Number(/api-(\d+)/.exec(request.subject)?.[1]) % 7 === 0;
      if (allow) allowed.add(request.subject);
      return allow ? 'allow' as const : 'deny' as const;
    }, requestDeadline(request));
    return queuedAnswer(outcome, request.timeoutMs, MAX_WAITING);
  }, { roots: [project] });
  try {
    publishWindow(windowsDirectory(env), { version: PROTOCOL_VERSION, root: project, socket: server.socket, token: server.token, pid: process.pid });
    // A timeout long enough for a busy machine to start 500 processes, short enough that a queue this long runs some out.
    writePublishedPolicy(policyFile(windowsDirectory(env), project), {
      version: PROTOCOL_VERSION, protectedPaths: [], allowedPaths: [], environments: {}, timeoutSeconds: 20, tierRules: DEFAULT_TIER_RULES,
    });
    const commands = Array.from({ length: CALLS }, (_v, i) => `kubectl delete deployment api-${i} -n staging`);
    const answers = await Promise.all(commands.map((c) => hook(env, project, c)));
    const kinds = { shownDenied: 0, shownAllowed: 0, timedOutShown: 0, full: 0, ranOut: 0, late: 0 };
    for (const [i, answer] of answers.entries()) {
      const subject = commands[i] ?? '';
      expect(['allow', 'deny'], `${subject}: ${answer.message}`).toContain(answer.decision);
      if (answer.decision === 'allow') expect(allowed.has(subject), `${subject}: ${answer.message}`).toBe(true);
      if (answer.message.includes('Denied in the editor')) {
        expect(shown.has(subject) && !allowed.has(subject), subject).toBe(true);
        kinds.shownDenied++;
      } else if (answer.message.includes('Approved by the user in Airlock')) {
        expect(allowed.has(subject), subject).toBe(true);
        kinds.shownAllowed++;
      } else if (answer.message.includes('Nobody answered the dialog within')) {
        // Its turn came just before its time ran out: shown, and timed out on screen.
        expect(shown.has(subject), subject).toBe(true);
        kinds.timedOutShown++;
      } else if (answer.message.includes('denied without being shown')) {
        expect(shown.has(subject), subject).toBe(false);
        kinds.full++;
      } else if (answer.message.includes('was never shown')) {
        expect(shown.has(subject), subject).toBe(false);
        kinds.ranOut++;
      } else if (answer.message.includes('The editor\'s Airlock gave no answer within')) {
        // True as the hook saw it: an answer that came after it stopped listening is a deny.
        kinds.late++;
      } else {
        throw new Error(`${subject}: a message that says nothing true of its request: ${answer.message}`);
      }
      expect(answer.message, subject).not.toContain('Nobody answered the approval dialog');
    }
    expect(kinds.shownDenied + kinds.shownAllowed + kinds.timedOutShown + kinds.full + kinds.ranOut + kinds.late).toBe(CALLS);
    expect(kinds.shownDenied + kinds.shownAllowed + kinds.timedOutShown + kinds.late).toBeGreaterThanOrEqual(shown.size);
    // Late answers are true too (the hook stopped listening), but they must not crowd out the queue's own.
    expect(kinds.late).toBeLessThan(CALLS / 2);
    expect(kinds.shownAllowed).toBeGreaterThan(0);
    console.log(`load: ${CALLS} hooks — shown and denied ${kinds.shownDenied}, shown and allowed ${kinds.shownAllowed}, shown until its time ran out ${kinds.timedOutShown}, queue full ${kinds.full}, ran out waiting ${kinds.ranOut}, answered after the hook stopped listening ${kinds.late}`);
  } finally {
    await server.close();
  }
}, 240_000);
