// The agents Airlock guards, one module each.
import { augment } from './augment';
import { claudeCode } from './claudeCode';
import { cline } from './cline';
import { codex } from './codex';
import { copilot } from './copilot';
import { cursor } from './cursor';
import { droid } from './droid';
import { gemini } from './gemini';
import { opencode } from './opencode';
import { qwen } from './qwen';
import { kiro } from './kiro';
import { windsurf } from './windsurf';
import type { Agent, AgentId } from './types';
import type { AgentTarget } from './hookFiles';

export const AGENTS: Readonly<Record<AgentId, Agent>> = { 'claude-code': claudeCode, cursor, copilot, gemini, codex, cline, augment, windsurf, kiro, droid, opencode, qwen };

function each<T>(pick: (agent: Agent) => T): Readonly<Record<AgentId, T>> {
  return Object.fromEntries(Object.values(AGENTS).map((a) => [a.id, pick(a)])) as Record<AgentId, T>;
}

export const TARGETS: Readonly<Record<AgentId, AgentTarget>> = each((a) => a.settings);
export const AGENT_LABELS: Readonly<Record<AgentId, string>> = each((a) => a.label);

/** True when the hook's stdout is a deny in the agent's schema. */
export function isDeny(agent: AgentId, stdout: string): boolean {
  let value: unknown;
  try {
    value = JSON.parse(stdout);
  } catch {
    return false;
  }
  return typeof value === 'object' && value !== null && AGENTS[agent].denies(value as Record<string, unknown>);
}
