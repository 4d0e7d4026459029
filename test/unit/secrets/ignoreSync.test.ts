import ignore from 'ignore';
import { describe, expect, test } from 'vitest';
import { CONTEXT_AGENT_IDS } from '../../../src/agents/contextAgentIds';
import { AGENT_CONTEXT_FILES, enabledAgents, type AgentSigns } from '../../../src/agents/contextFiles';
import { claudeReadDenyRules, mergeDenyRules } from '../../../src/core/secrets/claudeRules';
import { exposureOf, ignoreLines, untranslatable, type IgnorePolicy } from '../../../src/core/secrets/ignoreLines';
import { hasBlock, mergeBlock, removeBlock } from '../../../src/core/secrets/managedBlock';
import { isProtectedPath } from '../../../src/core/secrets/paths';

const ROOT = '/ws';
const HOME = '/home/dev';
const POLICY: IgnorePolicy = {
  root: ROOT,
  protectedPaths: ['config/prod.json', 'deploy/**/*.secret', 'private/**', '**/*.{sqlite,dump}', `${ROOT}/config/local.json`],
  allowedPaths: ['private/README.md', '**/.env.ci'],
};

/** Gitignore semantics, as the agents that read these files apply them (the `ignore` package). */
function gitignoreReader(lines: readonly string[]): (path: string) => boolean {
  const ig = ignore().add([...lines]);
  return (path) => ig.ignores(path);
}

/**
 * Claude Code's Read rules: gitignore patterns with anchors — `//x` from the file system's root,
 * `~/x` from home (code.claude.com/docs/en/permissions, "Read and Edit").
 */
function claudeReader(rules: readonly string[]): (path: string) => boolean {
  const absolute = ignore();
  const home = ignore();
  for (const rule of rules) {
    const pattern = /^Read\((.*)\)$/.exec(rule)?.[1] ?? '';
    if (pattern.startsWith('//')) absolute.add(pattern.slice(2));
    else if (pattern.startsWith('~/')) home.add(pattern.slice(2));
    else throw new Error(`unexpected anchor in ${rule}`);
  }
  return (path) => {
    const abs = `${ROOT}/${path}`;
    return absolute.ignores(abs.slice(1)) || (abs.startsWith(HOME + '/') && home.ignores(abs.slice(HOME.length + 1)));
  };
}

const T = true;
const F = false;
// [path, gitignore files, .aiexclude, Claude Code's deny rules]. Where a column differs from the
// policy, the row says why: .aiexclude has no negation (exceptions stay hidden, the stricter
// reading); Claude's deny rules have no exceptions either, so a glob that would hide a template is
// replaced by narrower rules and the rest is left to Airlock's hook.
const TABLE: ReadonlyArray<readonly [string, boolean, boolean, boolean, string?]> = [
  ['.env', T, T, T],
  ['apps/api/.env', T, T, T],
  ['.env.production', T, T, T],
  ['apps/web/.env.staging.local', T, T, T],
  ['.env.weird', T, T, F, 'Claude: left to the hook'],
  ['.env.example', F, T, F, '.aiexclude: no negation'],
  ['apps/api/.env.production.example', F, T, F, '.aiexclude: no negation'],
  ['.env.sample', F, T, F, '.aiexclude: no negation'],
  ['.env.template', F, T, F, '.aiexclude: no negation'],
  ['.env.ci', F, T, F, 'user exception; .aiexclude: no negation'],
  ['prod.env', T, T, T],
  ['.envrc', T, T, T],
  ['id_rsa', T, T, T],
  ['home/.ssh/id_ed25519', T, T, T],
  ['.ssh/deploy_rsa', T, T, T],
  ['.ssh/id_rsa.pub', F, T, F, '.aiexclude: no negation'],
  ['.ssh/known_hosts', F, T, F, '.aiexclude: no negation'],
  ['certs/server-key.pem', T, T, T],
  ['certs/other.pem', T, T, F, 'Claude: left to the hook'],
  ['certs/fullchain.pem', F, T, F, '.aiexclude: no negation'],
  ['terraform/prod.tfvars', T, T, T],
  ['terraform/prod.example.tfvars', F, T, F, '.aiexclude: no negation'],
  ['infra/terraform.tfstate', T, T, T],
  ['.npmrc', T, T, T],
  ['.docker/config.json', T, T, T],
  ['.aws/credentials', T, T, T],
  ['k8s/kubeconfig', T, T, T],
  ['gcp/my-service-account.json', T, T, T],
  ['config/secrets.yml', T, T, T],
  ['.bash_history', T, T, T],
  ['config/prod.json', T, T, T],
  ['services/a/config/prod.json', T, T, T],
  ['config/prod.json.bak', F, F, F],
  ['config/local.json', T, T, T],
  ['services/a/config/local.json', F, F, F],
  ['deploy/eu/db.secret', T, T, T],
  ['private/keys/a.txt', T, T, F, 'Claude: left to the hook (an exception sits inside)'],
  ['private/README.md', F, T, F, '.aiexclude: no negation'],
  ['data/app.sqlite', T, T, T],
  ['backup.dump', T, T, T],
  ['src/index.ts', F, F, F],
  ['README.md', F, F, F],
  ['docs/env.md', F, F, F],
  ['src/environment.ts', F, F, F],
  ['src/keys.ts', F, F, F],
  ['package.json', F, F, F],
  ['.gitignore', F, F, F],
  ['.envrc.example', F, F, F],
];

function policyProtects(path: string): boolean {
  return isProtectedPath(path, POLICY.protectedPaths, POLICY.allowedPaths) || isProtectedPath(`${ROOT}/${path}`, POLICY.protectedPaths, POLICY.allowedPaths);
}

describe('every agent file protects exactly the intended paths', () => {
  const gitignore = gitignoreReader(ignoreLines(POLICY, 'gitignore'));
  const aiexclude = gitignoreReader(ignoreLines(POLICY, 'aiexclude'));
  const claude = claudeReader(claudeReadDenyRules(POLICY.protectedPaths, POLICY.allowedPaths));
  const readers = { gitignore, aiexclude, 'claude-settings': claude } as const;

  test('the table is large enough and the gitignore column is the policy itself', () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(30);
    for (const [path, expected] of TABLE) expect(policyProtects(path), path).toBe(expected);
  });

  for (const agent of AGENT_CONTEXT_FILES) {
    const column = agent.format === 'gitignore' ? 1 : agent.format === 'aiexclude' ? 2 : 3;
    test.each(TABLE.map((row) => [row[0], row[column], row[4] ?? ''] as const))(`${agent.file}: %s → %s %s`, (path, expected) => {
      expect(readers[agent.format](path)).toBe(expected);
    });
  }

  test('.aiexclude holds no negation and the gitignore files no absolute paths outside the workspace', () => {
    expect(ignoreLines(POLICY, 'aiexclude').filter((l) => l.startsWith('!'))).toEqual([]);
    const lines = ignoreLines(POLICY, 'gitignore');
    expect(lines).toContain('/config/local.json');
    expect(lines.some((l) => l.includes('etc/shadow') || l.startsWith('~'))).toBe(false);
  });

  test('patterns no ignore file can hold are named, not dropped in silence', () => {
    expect(untranslatable({ ...POLICY, protectedPaths: [...POLICY.protectedPaths, '~/.config/acme/token', '/srv/keys/*', '**/+(a|b).key'] }))
      .toEqual(['~/.config/acme/token', '/srv/keys/*', '**/+(a|b).key']);
  });

  test('a folder named like a secret file is hidden whole (stricter than the policy, which protects files)', () => {
    expect(policyProtects('.env/bin/activate')).toBe(false);
    expect(gitignore('.env/bin/activate')).toBe(true);
  });
});

describe('the managed block', () => {
  const lines = ignoreLines(POLICY, 'gitignore');
  const samples = exposureOf(POLICY);
  const user = '# my own\nnode_modules/\n*.log\n';

  test('user content outside the block survives, re-sync is a no-op, removal restores it', () => {
    const first = mergeBlock(user, lines, samples);
    expect(first.status).toBe('created');
    expect(first.text.endsWith(user)).toBe(true);
    expect(hasBlock(first.text)).toBe(true);
    const again = mergeBlock(first.text, lines, samples);
    expect(again).toEqual({ text: first.text, status: 'unchanged', kept: [], disabled: [] });
    expect(removeBlock(first.text)).toBe(user);
  });

  test.each([
    ['CRLF line ends', 'a\r\nb\r\n'],
    ['no final line break', 'a\nb'],
    ['an empty file', ''],
  ])('round-trips %s', (_name, text) => {
    const merged = mergeBlock(text, lines, samples).text;
    expect(removeBlock(merged)).toBe(text);
    if (text.includes('\r\n')) expect(merged.replace(/\r\n/g, '')).not.toContain('\n');
  });

  test('a policy change updates the block in place', () => {
    const first = mergeBlock(user, ['.env']).text;
    const second = mergeBlock(first, ['.env', 'x.key']);
    expect(second.status).toBe('updated');
    expect(removeBlock(second.text)).toBe(user);
  });

  test('a block someone edited is restored, their added lines kept above it, and the edit reported', () => {
    const first = mergeBlock(user, lines, samples).text;
    const edited = first.replace('\n.env\n', '\nmy-extra\n');
    const merged = mergeBlock(edited, lines, samples);
    expect(merged.status).toBe('restored');
    expect(merged.kept).toEqual(['my-extra']);
    expect(merged.text).toContain('\n.env\n');
    expect(merged.text.startsWith('my-extra\n')).toBe(true);
  });

  test('a block whose closing marker was deleted keeps every line and is restored', () => {
    const first = mergeBlock(user, ['.env']).text;
    const broken = first.replace('# <<< Airlock <<<\n', '');
    const merged = mergeBlock(broken, ['.env']);
    expect(merged.status).toBe('restored');
    for (const line of ['# my own', 'node_modules/', '*.log']) expect(merged.kept).toContain(line);
  });

  test('negations after the block that expose a protected file are commented out, others stay', () => {
    const exposing = ['!.env', '!.env.production', '!.env.p*', '!/config/prod.json', '!**/id_rsa', '!private/keys/a.txt'];
    const merged = mergeBlock(user + [...exposing, '!docs/keep.txt', '!.env.example'].join('\n') + '\n', lines, samples);
    expect(merged.disabled).toEqual(exposing);
    expect(merged.status).toBe('created');
    expect(merged.text).toContain('\n!docs/keep.txt\n');
    expect(merged.text).toContain('\n!.env.example\n');
    expect(merged.text).toMatch(/^# Airlock disabled this line: .*!\.env$/m);
    const read = gitignoreReader(merged.text.split('\n'));
    for (const path of ['.env', '.env.production', 'config/prod.json', 'id_rsa', 'private/keys/a.txt']) expect(read(path), path).toBe(true);
  });

  test('a negation added later to a synced file is caught at the next sync', () => {
    const synced = mergeBlock(user, lines, samples).text;
    const again = mergeBlock(synced + '!.env.production\n', lines, samples);
    expect(again.status).toBe('restored');
    expect(again.disabled).toEqual(['!.env.production']);
  });

  test('removing a block whose closing marker is gone keeps every other line', () => {
    const first = mergeBlock(user, ['.env']).text;
    const broken = first.replace('# <<< Airlock <<<\n', '');
    expect(removeBlock(broken)).toBe('.env\n' + user);
  });

  test('a byte-order mark is kept and does not hide the block', () => {
    const first = mergeBlock('\uFEFF' + user, ['.env']).text;
    expect(first.startsWith('\uFEFF# >>> Airlock')).toBe(true);
    expect(mergeBlock(first, ['.env']).status).toBe('unchanged');
    expect(removeBlock(first)).toBe('\uFEFF' + user);
  });

  test('a second copy of the block (a merge, a paste) is folded into one; lines added to it stay', () => {
    const first = mergeBlock(user, ['.env']).text;
    const block = first.slice(0, first.indexOf(user));
    const doubled = first + block.replace('\n.env\n', '\n.env\nmine\n');
    const merged = mergeBlock(doubled, ['.env']);
    expect(merged.status).toBe('restored');
    expect(merged.text).toBe(first + 'mine\n');
    expect(removeBlock(doubled)).toBe(user);
  });

  test('a line break in a protected pattern cannot add a line of its own to the block', () => {
    const sneaky: IgnorePolicy = { ...POLICY, protectedPaths: ['x\n!**/.env.production'] };
    const written = ignoreLines(sneaky, 'gitignore');
    expect(written.some((l) => l.includes('.env.production'))).toBe(false);
    expect(gitignoreReader(written)('.env.production')).toBe(true);
    expect(claudeReadDenyRules(sneaky.protectedPaths).some((r) => r.includes('\n'))).toBe(false);
  });
});

describe('Claude Code deny rules', () => {
  test('the user\'s own rules stay theirs; Airlock\'s are restored, updated and removed', () => {
    const first = mergeDenyRules(['Bash(rm:*)', 'Read(//**/.env)'], ['Read(//**/.env)', 'Read(//**/.npmrc)'], []);
    expect(first.deny).toEqual(['Bash(rm:*)', 'Read(//**/.env)', 'Read(//**/.npmrc)']);
    expect(first.ours).toEqual(['Read(//**/.npmrc)']);
    const removedByAgent = mergeDenyRules(['Bash(rm:*)', 'Read(//**/.env)'], ['Read(//**/.env)', 'Read(//**/.npmrc)'], first.ours);
    expect(removedByAgent.restored).toEqual(['Read(//**/.npmrc)']);
    const narrowed = mergeDenyRules(first.deny, ['Read(//**/.env)'], first.ours);
    expect(narrowed.deny).toEqual(['Bash(rm:*)', 'Read(//**/.env)']);
    expect(narrowed.removed).toEqual(['Read(//**/.npmrc)']);
    expect(mergeDenyRules(first.deny, ['Read(//**/.env)', 'Read(//**/.npmrc)'], first.ours).added).toEqual([]);
  });
});

describe('which agents get files', () => {
  test('the ids the settings accept are the agents\' own, in order (kept apart so the settings load no agent module)', () => {
    expect(CONTEXT_AGENT_IDS).toEqual(AGENT_CONTEXT_FILES.map((a) => a.agent));
  });

  const signs = (over: Partial<AgentSigns>): AgentSigns => ({ appName: 'Visual Studio Code', extensions: new Set(), inWorkspace: () => false, inHome: () => false, ...over });
  test.each([
    ['none found', signs({}), []],
    ['Cursor the editor', signs({ appName: 'Cursor' }), ['cursor']],
    ['Roo Code installed', signs({ extensions: new Set(['rooveterinaryinc.roo-cline']) }), ['roo']],
    ['a .claude folder', signs({ inWorkspace: (p) => p === '.claude' }), ['claude-code']],
    ['an existing .aiderignore', signs({ inWorkspace: (p) => p === '.aiderignore' }), ['aider']],
    ['~/.gemini', signs({ inHome: (p) => p === '.gemini' }), ['gemini-cli']],
  ])('by default: %s', (_name, s, expected) => {
    expect(enabledAgents({ user: [], workspace: [] }, s).map((a) => a.agent)).toEqual(expected);
  });
  test('the user\'s choice wins over detection', () => {
    expect(enabledAgents({ user: ['continue', 'cline'], workspace: [] }, signs({ appName: 'Cursor' })).map((a) => a.agent)).toEqual(['cline', 'continue']);
  });
  test('a workspace can add agents, never drop one', () => {
    expect(enabledAgents({ user: [], workspace: ['aider'] }, signs({ appName: 'Cursor' })).map((a) => a.agent)).toEqual(['cursor', 'aider']);
    expect(enabledAgents({ user: ['cline'], workspace: ['aider'] }, signs({})).map((a) => a.agent)).toEqual(['aider', 'cline']);
  });
});
