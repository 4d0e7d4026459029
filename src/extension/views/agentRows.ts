// What the Agents section shows for each agent: the doctor's findings (`airlock doctor --json`)
// and whether the agent is on this machine, as one row with the actions that apply. Pure: no
// editor, no files; the view (agentsView.ts) draws the rows.
import type { HookCheck } from '../../cli/install/doctor';
import type { Scope } from '../../agents/hookFiles';
import type { AgentId } from '../../agents/types';

/**
 * broken: a hook of Airlock's is there but will not stop anything as it is (out of date, edited,
 * not answering, unreadable, or one the agent skips); guarded: every hook there is healthy;
 * unguarded: the agent is here without Airlock's hook; absent: neither the agent nor a hook.
 */
export type AgentState = 'broken' | 'guarded' | 'unguarded' | 'absent';

export interface AgentRow {
  readonly agent: AgentId;
  readonly label: string;
  readonly state: AgentState;
  /** One line beside the name. */
  readonly description: string;
  /** One line per scope that holds a hook (or a broken one), in the doctor's words. */
  readonly details: readonly { readonly scope: Scope; readonly text: string; readonly broken: boolean }[];
  /** The scopes to repair (broken ones) and to remove from (every one holding a hook). */
  readonly repair: readonly Scope[];
  readonly installed: readonly Scope[];
}

const SCOPE_WORDS: Readonly<Record<Scope, string>> = { project: 'this project', user: 'every project', managed: 'the whole machine (managed)' };

export function scopeWords(scope: Scope): string {
  return SCOPE_WORDS[scope];
}

export function agentRows(agents: readonly AgentId[], labels: Readonly<Record<AgentId, string>>, found: readonly AgentId[], checks: readonly HookCheck[]): AgentRow[] {
  const rows = agents.map((agent): AgentRow => {
    const mine = checks.filter((c) => c.agent === agent && c.state !== 'missing');
    const broken = mine.filter((c) => c.state === 'broken');
    const state: AgentState = broken.length > 0 ? 'broken' : mine.length > 0 ? 'guarded' : found.includes(agent) ? 'unguarded' : 'absent';
    const where = mine.map((c) => scopeWords(c.scope)).join(' and ');
    const description = {
      broken: `needs repair (${broken.map((c) => scopeWords(c.scope)).join(', ')})`,
      guarded: `hook answering (${where})`,
      unguarded: 'no hook: its commands run unasked',
      absent: 'not found here',
    }[state];
    return {
      agent, label: labels[agent], state, description,
      details: mine.map((c) => ({ scope: c.scope, text: c.willNotRun ? `${c.text}; WILL NOT RUN: ${c.willNotRun}` : c.text, broken: c.state === 'broken' })),
      repair: broken.map((c) => c.scope),
      installed: mine.map((c) => c.scope),
    };
  });
  // What needs the person first: broken hooks, then agents that run unasked; absent ones last.
  const order: Readonly<Record<AgentState, number>> = { broken: 0, unguarded: 1, guarded: 2, absent: 3 };
  return rows.sort((a, b) => order[a.state] - order[b.state]);
}

/** The doctor's JSON, checked: anything else is an error the view shows, never a guarded agent. */
export function parseDoctorJson(text: string, agents: readonly AgentId[]): HookCheck[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Error(`the doctor's answer is not JSON: ${text.slice(0, 120)}`);
  }
  const hooks = (data as { hooks?: unknown } | null)?.hooks;
  if (!Array.isArray(hooks)) throw new Error('the doctor\'s answer holds no list of hooks');
  return hooks.map((h: unknown) => {
    const c = h as Partial<Record<keyof HookCheck, unknown>> | null;
    if (!c || typeof c.agent !== 'string' || !agents.includes(c.agent as AgentId) || (c.scope !== 'project' && c.scope !== 'user' && c.scope !== 'managed')
      || typeof c.file !== 'string' || (c.state !== 'missing' && c.state !== 'healthy' && c.state !== 'broken') || typeof c.text !== 'string') {
      throw new Error(`the doctor's answer holds an entry it should not: ${JSON.stringify(h).slice(0, 120)}`);
    }
    return { agent: c.agent as AgentId, scope: c.scope, file: c.file, state: c.state, text: c.text, ...(typeof c.willNotRun === 'string' ? { willNotRun: c.willNotRun } : {}) };
  });
}
