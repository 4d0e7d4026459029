// A loosening of the user's own Airlock settings waits for a person (issue 14): the repro —
// every tier set to click-critical and `allowedPaths: ["**"]`, written into settings.json by an
// agent's script — leaves the settings in effect as they were; a tightening takes effect at once.
import { describe, expect, test } from 'vitest';
import { actionFor } from '../../../src/extension/decide';
import { readSettings, type Layers } from '../../../src/extension/settings';
import { guardedInspect, loosened, userValues } from '../../../src/extension/settingsGuard';
import { PROTOCOL_VERSION, type DecisionRequest } from '../../../src/gate/protocol';

type UserLayer = Record<string, unknown>;
const inspectOf = (user: UserLayer, workspace: UserLayer = {}) => (key: string): Layers => ({ globalValue: user[key], workspaceValue: workspace[key] });

const CONFIRMED: UserLayer = { 'policy.production': 'typed', environments: { 'db.internal': 'production' }, protectedPaths: ['secrets/**'] };
const PLANTED: UserLayer = {
  'policy.production': 'click-critical', 'policy.staging': 'click-critical', 'policy.unknown': 'click-critical', 'policy.development': 'click-critical',
  allowedPaths: ['**'], environments: { 'db.internal': 'development', 'prod-db': 'development' }, protectedPaths: [], 'terminalGate.enabled': false, 'gate.scope': 'agents',
};

const request = (tier: 'production' | 'staging', kind: 'command' | 'read' = 'command'): DecisionRequest => ({
  version: PROTOCOL_VERSION, source: 'hook', actor: 'claude-code', kind, subject: 'kubectl delete deployment api -n production', timeoutMs: 1000,
  verdict: { decision: 'confirm', risk: 'critical', environment: { tier }, confirmation: 'typed', findings: [] },
});

describe('a loosening of the user settings is held until confirmed', () => {
  test('the repro: every tier click-critical and allowedPaths ** — the settings in effect stay as confirmed, and each key is named', () => {
    const held = readSettings(guardedInspect(inspectOf(PLANTED), userValues(inspectOf(CONFIRMED))));
    expect(held.tierRules).toEqual({ production: 'typed', staging: 'click', unknown: 'click', development: 'click-critical' });
    expect(held.allowedPaths).toEqual([]);
    expect(held.protectedPaths).toEqual(['secrets/**']);
    expect(held.environments).toEqual({ 'db.internal': 'production' });
    expect(held.terminalGate).toBe(true);
    expect(actionFor(request('production'), held)).toMatchObject({ kind: 'ask', confirmation: 'typed' });
    expect(loosened(userValues(inspectOf(CONFIRMED)), userValues(inspectOf(PLANTED))).map((l) => l.key)).toEqual([
      'airlock.policy.production', 'airlock.policy.staging', 'airlock.policy.unknown', 'airlock.terminalGate.enabled', 'airlock.environments', 'airlock.protectedPaths', 'airlock.allowedPaths',
    ]);
    expect(loosened(userValues(inspectOf(CONFIRMED)), userValues(inspectOf(PLANTED)))[0]).toEqual({ key: 'airlock.policy.production', from: 'typed', to: 'click-critical' });
  });

  test('a tightening is not a loosening and takes effect at once; a mixed change keeps the tighter half', () => {
    const tighter = { ...CONFIRMED, 'policy.staging': 'typed', protectedPaths: ['secrets/**', '*.sql'], environments: { 'db.internal': 'production', 'qa-db': 'production' }, 'gate.scope': 'all' };
    expect(loosened(userValues(inspectOf(CONFIRMED)), userValues(inspectOf(tighter)))).toEqual([]);
    const mixed = { ...tighter, allowedPaths: ['docs/**'] };
    const held = readSettings(guardedInspect(inspectOf(mixed), userValues(inspectOf(CONFIRMED))));
    expect([held.tierRules.staging, held.gateScope, held.allowedPaths, held.protectedPaths]).toEqual(['typed', 'all', [], ['secrets/**', '*.sql']]);
    expect(held.environments).toEqual({ 'db.internal': 'production', 'qa-db': 'production' });
  });

  test('a user mapping overrides what a name says of itself: any new one below production, or with a wildcard, is a loosening', () => {
    for (const environments of [{ '*': 'staging' }, { production: 'staging', prod: 'staging' }, { 'railway-production': 'development' }, { '*prod*': 'production' }]) {
      expect(loosened(userValues(inspectOf(CONFIRMED)), userValues(inspectOf({ ...CONFIRMED, environments: { ...CONFIRMED.environments as object, ...environments } }))).map((l) => l.key)).toEqual(['airlock.environments']);
      expect(readSettings(guardedInspect(inspectOf({ ...CONFIRMED, environments }), userValues(inspectOf(CONFIRMED)))).environments).toEqual({ 'db.internal': 'production' });
    }
  });

  test('unchanged settings, and a workspace that tightens, raise nothing and read as before', () => {
    expect(loosened(userValues(inspectOf(CONFIRMED)), userValues(inspectOf(CONFIRMED)))).toEqual([]);
    const workspace = { 'policy.development': 'typed' };
    expect(readSettings(guardedInspect(inspectOf(CONFIRMED, workspace), userValues(inspectOf(CONFIRMED))))).toEqual(readSettings(inspectOf(CONFIRMED, workspace)));
  });
});

test('taking an agent off the list whose ignore files Airlock keeps is a loosening; adding one is not', () => {
  const before = userValues(inspectOf({ 'context.agents': ['cursor', 'claude-code'] }));
  expect(loosened(before, userValues(inspectOf({ 'context.agents': ['cursor'] })))).toEqual([{ key: 'airlock.context.agents', from: 'cursor, claude-code', to: 'cursor' }]);
  expect(loosened(before, userValues(inspectOf({ 'context.agents': ['cursor', 'claude-code', 'gemini'] })))).toEqual([]);
  expect(readSettings(guardedInspect(inspectOf({ 'context.agents': ['cursor'] }), before)).contextAgents.user).toEqual(['cursor', 'claude-code']);
});
