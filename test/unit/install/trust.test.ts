// Hooks an agent will not run until a person trusts them or the folder (Codex's /hooks review and
// trusted projects, Gemini CLI's trusted folders): `install` and `doctor` say so, since such a
// hook guards nothing. Before, doctor called them installed and answering.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { codexWillNotRun, geminiWillNotRun } from '../../../src/agents/trust';

function fresh(): { home: string; project: string; env: Record<string, string> } {
  const home = mkdtempSync(join(tmpdir(), 'airlock-trust-'));
  const project = join(home, 'work', 'project');
  mkdirSync(project, { recursive: true });
  mkdirSync(join(home, '.codex'));
  mkdirSync(join(home, '.gemini'));
  return { home, project, env: { HOME: home } };
}

describe('Codex', () => {
  test('a hook nobody trusted in /hooks, in a project nobody trusted, will not run; trusted, it will', () => {
    const { home, project, env } = fresh();
    const file = join(project, '.codex', 'hooks.json');
    const reason = codexWillNotRun(file, 'project', project, env);
    expect(reason).toContain('/hooks');
    expect(reason).toContain('only in a project you trust');
    writeFileSync(join(home, '.codex', 'config.toml'), [
      'model = "gpt-5.1-codex"',
      `[projects."${join(home, 'work')}"]`, 'trust_level = "trusted"',
      `[hooks.state."${file}:pre_tool_use:0:0"]`, 'trusted_hash = "sha256:0f0f"', '',
    ].join('\n'));
    expect(codexWillNotRun(file, 'project', project, env)).toBeUndefined();
  });

  test('a user hook needs only its own trust, and a disabled one does not run', () => {
    const { home, project, env } = fresh();
    const file = join(home, '.codex', 'hooks.json');
    writeFileSync(join(home, '.codex', 'config.toml'), `[hooks.state."${file}:pre_tool_use:1:0"]\ntrusted_hash = "sha256:aa"\nenabled = false\n`);
    expect(codexWillNotRun(file, 'user', project, env)).toContain('/hooks');
    writeFileSync(join(home, '.codex', 'config.toml'), `[hooks.state."${file}:pre_tool_use:1:0"]\ntrusted_hash = "sha256:aa"\n`);
    expect(codexWillNotRun(file, 'user', project, env)).toBeUndefined();
    // Another file's trust is not this one's.
    expect(codexWillNotRun(join(project, '.codex', 'hooks.json'), 'user', project, env)).toContain('/hooks');
  });
});

describe('Gemini CLI', () => {
  test.each([
    ['no trust file', undefined, true],
    ['the folder trusted', (p: string) => ({ [p]: 'TRUST_FOLDER' }), false],
    ['a folder above trusted', (p: string) => ({ [join(p, '..')]: 'TRUST_FOLDER' }), false],
    ['a sibling trusted with its parent', (p: string) => ({ [join(p, '..', 'other')]: 'TRUST_PARENT' }), false],
    ['another folder trusted', (p: string) => ({ [join(p, '..', 'other')]: 'TRUST_FOLDER' }), true],
    ['the folder refused, under a trusted parent', (p: string) => ({ [join(p, '..')]: 'TRUST_FOLDER', [p]: 'DO_NOT_TRUST' }), true],
  ])('%s', (_name, rules, refused) => {
    const { home, project, env } = fresh();
    if (rules) writeFileSync(join(home, '.gemini', 'trustedFolders.json'), JSON.stringify(rules(project)));
    expect(geminiWillNotRun('', 'project', project, env) !== undefined).toBe(refused);
  });

  test('folder trust turned off: every folder runs hooks', () => {
    const { home, project, env } = fresh();
    writeFileSync(join(home, '.gemini', 'settings.json'), JSON.stringify({ security: { folderTrust: { enabled: false } } }));
    expect(geminiWillNotRun('', 'user', project, env)).toBeUndefined();
  });
});
