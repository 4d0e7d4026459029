// The Agents section's rows from the doctor's findings: problems first, never "guarded" without a
// healthy hook, and the doctor's JSON checked before it is believed.
import { expect, test } from 'vitest';
import type { HookCheck } from '../../../src/cli/install/doctor';
import { agentRows, parseDoctorJson } from '../../../src/extension/views/agentRows';
import type { AgentId } from '../../../src/agents/types';

const AGENTS: AgentId[] = ['claude-code', 'cursor', 'gemini', 'codex'];
const LABELS = { 'claude-code': 'Claude Code', cursor: 'Cursor', gemini: 'Gemini CLI', codex: 'Codex' } as Record<AgentId, string>;
const check = (agent: AgentId, scope: HookCheck['scope'], state: HookCheck['state'], text: string = state): HookCheck => ({ agent, scope, file: `/f/${agent}/${scope}`, state, text });

test('broken first, then agents found without a hook, then guarded ones; absent last', () => {
  const rows = agentRows(AGENTS, LABELS, ['cursor', 'claude-code'], [
    check('claude-code', 'project', 'healthy', 'installed; current; answering'),
    check('claude-code', 'user', 'missing'),
    check('gemini', 'user', 'broken', 'installed; OUT OF DATE'),
    check('cursor', 'project', 'missing'),
  ]);
  expect(rows.map((r) => [r.agent, r.state])).toEqual([['gemini', 'broken'], ['cursor', 'unguarded'], ['claude-code', 'guarded'], ['codex', 'absent']]);
  expect(rows[0]).toMatchObject({ description: 'needs repair (every project)', repair: ['user'], installed: ['user'] });
  expect(rows[1]?.description).toBe('no hook: its commands run unasked');
  expect(rows[2]).toMatchObject({ description: 'hook answering (this project)', repair: [], installed: ['project'] });
  expect(rows[2]?.details).toEqual([{ scope: 'project', text: 'installed; current; answering', broken: false }]);
});

test('one healthy and one broken scope is broken; a hook the agent will not run says so', () => {
  const [row] = agentRows(['gemini'], LABELS, [], [check('gemini', 'project', 'healthy'), { ...check('gemini', 'user', 'broken', 'installed'), willNotRun: 'the folder is not trusted' }]);
  expect(row?.state).toBe('broken');
  expect(row?.repair).toEqual(['user']);
  expect(row?.details[1]?.text).toBe('installed; WILL NOT RUN: the folder is not trusted');
});

test('the doctor\'s JSON is checked: anything unexpected is an error, never a row', () => {
  const good = JSON.stringify({ dir: '/p', hooks: [check('codex', 'managed', 'healthy')] });
  expect(parseDoctorJson(good, AGENTS)).toEqual([check('codex', 'managed', 'healthy')]);
  expect(() => parseDoctorJson('doctor: crashed', AGENTS)).toThrow(/not JSON/);
  expect(() => parseDoctorJson('{"dir":"/p"}', AGENTS)).toThrow(/no list/);
  expect(() => parseDoctorJson(JSON.stringify({ hooks: [{ ...check('codex', 'user', 'healthy'), agent: 'evil' }] }), AGENTS)).toThrow(/should not/);
  expect(() => parseDoctorJson(JSON.stringify({ hooks: [{ ...check('codex', 'user', 'healthy'), state: 'fine' }] }), AGENTS)).toThrow(/should not/);
});
