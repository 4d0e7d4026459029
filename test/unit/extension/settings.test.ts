// Workspace settings may add protection but never weaken the user's.
import { describe, expect, test } from 'vitest';
import { actionFor } from '../../../src/extension/decide';
import { readSettings, type Layers } from '../../../src/extension/settings';
import { PROTOCOL_VERSION, type DecisionRequest } from '../../../src/gate/protocol';
import type { Tier } from '../../../src/core/verdict';

function settings(layers: Record<string, Layers>) {
  return readSettings((key) => layers[key]);
}

describe('reading settings', () => {
  test('defaults', () => {
    expect(settings({})).toEqual({
      environments: {}, gateScope: 'agents', timeoutSeconds: 120, protectedPaths: [], allowedPaths: [], terminalGate: true, syncIgnoreFiles: true, contextAgents: { user: [], workspace: [] },
      tierRules: { production: 'typed', staging: 'click', unknown: 'click', development: 'click-critical' },
    });
  });

  test('a workspace can tighten a tier rule but not loosen it', () => {
    expect(settings({ 'policy.production': { globalValue: 'typed', workspaceValue: 'click-critical' } }).tierRules.production).toBe('typed');
    expect(settings({ 'policy.staging': { globalValue: 'click', workspaceValue: 'deny' } }).tierRules.staging).toBe('deny');
    expect(settings({ 'policy.development': { workspaceFolderValue: 'typed' } }).tierRules.development).toBe('typed');
    expect(settings({ 'policy.production': { globalValue: 'click' } }).tierRules.production).toBe('click');
  });

  test('syncing the agents\' ignore files: a workspace can turn it on, not off, and add agents, not remove them', () => {
    expect(settings({ 'context.syncIgnoreFiles': { globalValue: false } }).syncIgnoreFiles).toBe(false);
    expect(settings({ 'context.syncIgnoreFiles': { workspaceValue: false } }).syncIgnoreFiles).toBe(true);
    expect(settings({ 'context.syncIgnoreFiles': { globalValue: false, workspaceValue: true } }).syncIgnoreFiles).toBe(true);
    expect(settings({ 'context.agents': { globalValue: ['cursor', 'nonsense', 3], workspaceValue: ['aider'] } }).contextAgents).toEqual({ user: ['cursor'], workspace: ['aider'] });
  });

  test('the terminal gate is on unless the user turns it off; a workspace can turn it on, not off', () => {
    expect(settings({ 'terminalGate.enabled': { globalValue: false } }).terminalGate).toBe(false);
    expect(settings({ 'terminalGate.enabled': { workspaceValue: false } }).terminalGate).toBe(true);
    expect(settings({ 'terminalGate.enabled': { globalValue: false, workspaceFolderValue: true } }).terminalGate).toBe(true);
    expect(settings({ 'terminalGate.enabled': { globalValue: 'no' } }).terminalGate).toBe(true);
  });

  test('a workspace can widen the gate scope to everyone, not narrow it', () => {
    expect(settings({ 'gate.scope': { globalValue: 'all', workspaceValue: 'agents' } }).gateScope).toBe('all');
    expect(settings({ 'gate.scope': { workspaceValue: 'all' } }).gateScope).toBe('all');
  });

  test('a workspace can add production names, never lower one (staging included: a mapping overrides what a name says) or map a wildcard', () => {
    const s = settings({ environments: { globalValue: { 'acme-main': 'production' }, workspaceValue: { 'acme-main': 'development', 'acme-qa': 'staging', 'acme-live': 'production', production: 'staging', scratch: 'development', '*': 'unknown', 'db.prod.example.com': 'unknown', '*-live': 'production' } } });
    expect(s.environments).toEqual({ 'acme-main': 'production', 'acme-live': 'production' });
  });

  test('protected paths add up; exceptions count only from the user', () => {
    const s = settings({
      protectedPaths: { globalValue: ['a.key'], workspaceValue: ['b.secret', 'a.key'] },
      allowedPaths: { globalValue: ['.env.test'], workspaceValue: ['**/.env'] },
    });
    expect(s.protectedPaths).toEqual(['a.key', 'b.secret']);
    expect(s.allowedPaths).toEqual(['.env.test']);
  });

  test('junk is cleaned: wrong types and unknown values fall back', () => {
    const s = settings({ 'policy.production': { globalValue: 'yolo' }, approvalTimeoutSeconds: { globalValue: 99999 }, protectedPaths: { globalValue: [1, '', ' x '] } });
    expect(s.tierRules.production).toBe('typed');
    expect(s.timeoutSeconds).toBe(540);
    expect(s.protectedPaths).toEqual(['x']);
  });
});

describe('what the extension does with a request', () => {
  const request = (tier: Tier, risk: 'low' | 'high' | 'critical', actor = 'claude-code'): DecisionRequest => ({
    version: PROTOCOL_VERSION, source: 'hook', actor, kind: 'command', subject: 'x', timeoutMs: 1000,
    verdict: { decision: 'confirm', risk, environment: { tier }, findings: [], confirmation: 'click' },
  });
  test.each([
    ['production', 'high', 'ask typed'],
    ['staging', 'high', 'ask click'],
    ['unknown', 'low', 'ask click'],
    ['development', 'high', 'allow'],
    ['development', 'critical', 'ask click'],
  ] as const)('%s, %s risk → %s', (tier, risk, expected) => {
    const action = actionFor(request(tier, risk), settings({}));
    expect(action.kind === 'ask' ? `ask ${action.confirmation}` : action.kind).toBe(expected);
  });

  test('a human is allowed under scope "agents" and asked under "all"', () => {
    expect(actionFor(request('production', 'critical', 'human'), settings({})).kind).toBe('allow');
    expect(actionFor(request('production', 'critical', 'human'), settings({ 'gate.scope': { globalValue: 'all' } })).kind).toBe('ask');
  });

  test('a tier set to deny refuses without asking', () => {
    expect(actionFor(request('production', 'low'), settings({ 'policy.production': { globalValue: 'deny' } })).kind).toBe('deny');
  });
});
