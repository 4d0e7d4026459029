// Protect / Stop Protecting: which setting changes at which level.
import { describe, expect, test } from 'vitest';
import { protectEdit, unprotectEdits } from '../../../src/core/secrets/protectEdit';

const none = { userProtected: [], workspaceProtected: [], userAllowed: [] };

describe('protecting a file from agents', () => {
  test('adds it to the workspace\'s protected paths, once', () => {
    expect(protectEdit('config/prod.yaml', none)).toEqual({ level: 'workspace', key: 'protectedPaths', value: ['config/prod.yaml'] });
    expect(protectEdit('config/prod.yaml', { ...none, workspaceProtected: ['config/prod.yaml'] })).toBeUndefined();
  });

  test('stopping removes its own entries; nothing else protects it, so no exception', () => {
    const r = unprotectEdits('config/prod.yaml', { ...none, userProtected: ['config/prod.yaml', 'x'], workspaceProtected: ['config/prod.yaml'] });
    expect(r.needsException).toBe(false);
    expect(r.edits).toEqual([
      { level: 'user', key: 'protectedPaths', value: ['x'] },
      { level: 'workspace', key: 'protectedPaths', value: [] },
    ]);
  });

  test('a built-in pattern still protects .env: only the user\'s own exception lifts it', () => {
    const r = unprotectEdits('.env', none);
    expect(r.needsException).toBe(true);
    expect(r.edits).toEqual([{ level: 'user', key: 'allowedPaths', value: ['.env'] }]);
  });
});
