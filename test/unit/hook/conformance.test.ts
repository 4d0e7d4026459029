// Conformance: payloads shaped as each agent sends them (test/fixtures/hooks/<agent>.json, built
// from the agents' documented schemas with their extra fields) → the exact JSON and exit code
// `airlock hook` answers, with no editor window open. Each case also names the decision it must
// carry, checked on its own so that re-recording the outputs cannot flip a decision unnoticed.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { LazyEngine } from '../../../src/core/engine';
import { runHook } from '../../../src/cli/hook/run';
import { AGENT_IDS, type AgentId } from '../../../src/agents/types';
import { parser } from '../helpers';

interface Case {
  readonly name: string;
  readonly payload?: unknown;
  readonly raw?: string;
  readonly decision: 'quiet' | 'allow' | 'ask' | 'deny';
  readonly stderr?: string;
  readonly exitCode: number;
  /** What the answer itself writes on stderr: the reason of an exit-2 block (Windsurf, Kiro). */
  readonly reason?: string;
  readonly stdout: unknown;
}

const home = mkdtempSync(join(tmpdir(), 'airlock-hook-'));
const engine = new LazyEngine(() => Promise.resolve(parser));

function decisionOf(agent: AgentId, stdout: unknown): string {
  const o = (stdout ?? {}) as Record<string, unknown>;
  const hso = o.hookSpecificOutput as Record<string, unknown> | undefined;
  if (agent === 'cursor') return String(o.permission);
  if (agent === 'gemini') return typeof o.decision === 'string' ? o.decision : 'quiet';
  if (agent === 'opencode') return String(o.decision);
  if (agent === 'qwen') return typeof o.decision === 'string' ? o.decision : 'quiet';
  if (agent === 'codex' || agent === 'augment') return String((o.hookSpecificOutput as Record<string, unknown>).permissionDecision);
  // Cline has a cancel and nothing else: going on is Cline's normal flow.
  if (agent === 'cline') return o.cancel === true ? 'deny' : 'quiet';
  if (hso) return String(hso.permissionDecision);
  return typeof o.permissionDecision === 'string' ? o.permissionDecision : 'quiet';
}

describe.each(AGENT_IDS)('%s', (agent) => {
  const cases = JSON.parse(readFileSync(join(__dirname, '..', '..', 'fixtures', 'hooks', `${agent}.json`), 'utf8')) as Case[];
  test.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    let stderr = '';
    const out = await runHook(agent, c.raw ?? JSON.stringify(c.payload), {
      env: { HOME: home, AIRLOCK_STATE_DIR: join(home, 'state') }, stderr: (t) => { stderr += t; }, now: () => new Date(0), engine,
    });
    expect(out.exitCode).toBe(c.exitCode);
    if (c.stderr) expect(stderr).toContain(c.stderr);
    else expect(stderr).toBe('');
    expect(out.stderr).toBe(c.reason);
    if (c.stdout === '') {
      // An answer of nothing (Codex and Augment act on a deny alone), or only exit code 2 (Windsurf
      // and Kiro read nothing else).
      expect(out.stdout).toBe('');
      expect(c.decision).toBe(out.exitCode === 2 ? 'deny' : 'quiet');
      return;
    }
    expect(out.stdout === '{}' ? {} : JSON.parse(out.stdout)).toEqual(c.stdout);
    expect(decisionOf(agent, JSON.parse(out.stdout))).toBe(c.decision);
  });
});
