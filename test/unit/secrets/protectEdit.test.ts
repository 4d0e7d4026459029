// Protect / Stop Protecting: which setting changes at which level.
import { describe, expect, test } from 'vitest';
import { folderGlob, isProtectedFolder, protectEdit, unprotectEdits } from '../../../src/core/secrets/protectEdit';

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

describe('protecting a folder', () => {
  test('protects everything in it, and the folder then counts as protected', () => {
    expect(protectEdit(folderGlob('deploy/keys/'), none)).toEqual({ level: 'workspace', key: 'protectedPaths', value: ['deploy/keys/**'] });
    expect(isProtectedFolder('deploy/keys', ['deploy/keys/**'])).toBe(true);
    expect(isProtectedFolder('deploy', ['deploy/keys/**'])).toBe(false);
  });

  test.each([['.ssh', true], ['home/.azure', true], ['src', false], ['config', false], ['certs', false]])('%s is a protected folder by default: %s', (path, expected) => {
    expect(isProtectedFolder(path)).toBe(expected);
  });

  test('stopping removes the folder\'s glob; a built-in pattern over it needs the user\'s exception', () => {
    expect(unprotectEdits('deploy/keys/**', { ...none, workspaceProtected: ['deploy/keys/**'] }, true))
      .toEqual({ edits: [{ level: 'workspace', key: 'protectedPaths', value: [] }], needsException: false });
    expect(unprotectEdits('.ssh/**', none, true)).toEqual({ edits: [{ level: 'user', key: 'allowedPaths', value: ['.ssh/**'] }], needsException: true });
    expect(isProtectedFolder('.ssh', [], ['.ssh/**'])).toBe(false);
  });
});
