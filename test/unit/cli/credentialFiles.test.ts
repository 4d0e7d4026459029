// The env files the CLI reads for credential tracing, from real directories: which, how far up,
// what is skipped, and that `airlock check` names the file and never the value.
import { chmodSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { check } from '../../../src/cli/check';
import { MAX_FILES, MAX_FILE_BYTES, diskCredentialOrigins, searchDirectories } from '../../../src/cli/credentialFiles';
import { auditRecord } from '../../../src/core/audit';
import type { Verdict } from '../../../src/core/verdict';

const TOKEN = '3f2c9a1e-8d7b-4c6a-9e5f-1a2b3c4d5e6f';
const INCIDENT = `curl -X POST -H "Authorization: Bearer ${TOKEN}" -d '{"query":"mutation { volumeDelete(volumeId: \\"v1\\") }"}' https://backboard.railway.app/graphql/v2`;
const STAGING_DELETE = 'RAILWAY_ENVIRONMENT=staging railway volume delete -v pgdata -y';

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'airlock-origins-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    if (!path.endsWith('/')) writeFileSync(join(root, path), content);
  }
  return root;
}

describe('which env files are read', () => {
  test('from the cwd up to the git root, nearest first, shown relative to the root', () => {
    const root = tree({ '.git/HEAD': '', '.env.production': `RAILWAY_API_TOKEN=${TOKEN}\n`, 'services/api/.env': 'PORT=3000\nNAME=api-service\n', 'services/README.md': '' });
    const files = diskCredentialOrigins().files(join(root, 'services', 'api'));
    expect(files.map((f) => f.path)).toEqual(['services/api/.env', '.env.production']);
    expect(files[1]?.aliases[0]).toBe(join('..', '..', '.env.production'));
    expect(JSON.stringify(files.map((f) => [...f.values]))).not.toContain(TOKEN);
  });

  test('a root the caller knows ends the walk; with no root in reach, only the cwd is read', () => {
    const root = tree({ '.env.production': 'A=abcdefghij\n', 'app/.env': 'B=abcdefghij\n' });
    expect(searchDirectories(join(root, 'app'), { roots: [root] })).toEqual([join(root, 'app'), root]);
    expect(searchDirectories(join(root, 'app'), {})).toEqual([join(root, 'app')]);
    expect(diskCredentialOrigins().files(join(root, 'app')).map((f) => f.path)).toEqual(['.env']);
  });

  test('the home directory is never walked into, unless it is the workspace', () => {
    const home = tree({ '.env': 'A=abcdefghij\n', 'scratch/.env.local': 'B=abcdefghij\n' });
    expect(searchDirectories(join(home, 'scratch'), { home })).toEqual([join(home, 'scratch')]);
    expect(searchDirectories(home, { home })).toEqual([]);
    expect(searchDirectories(home, { home, roots: [home] })).toEqual([home]);
  });

  test('directories, devices, oversized and unreadable files are skipped; a link to a file is read', () => {
    const root = tree({
      '.git/': '', '.env/': '', '.env.big': `A=${'x'.repeat(MAX_FILE_BYTES)}\n`, '.env.locked': 'A=abcdefghij\n',
      'real.txt': `RAILWAY_API_TOKEN=${TOKEN}\n`, 'notes.md': 'A=abcdefghij\n',
    });
    symlinkSync(join(root, 'real.txt'), join(root, '.env.production'));
    symlinkSync('/dev/zero', join(root, '.env.zero'));
    chmodSync(join(root, '.env.locked'), 0o000);
    const shown = diskCredentialOrigins().files(root).map((f) => f.path);
    expect(shown).toContain('.env.production');
    expect(shown).not.toContain('.env');
    expect(shown).not.toContain('.env.big');
    expect(shown).not.toContain('.env.zero');
    expect(shown).not.toContain('notes.md');
    // root reads anything: the locked file is only skipped for other users.
    if (process.getuid?.() !== 0) expect(shown).not.toContain('.env.locked');
  });

  test(`at most ${MAX_FILES} files`, () => {
    const many = Object.fromEntries(Array.from({ length: MAX_FILES + 10 }, (_, i) => [`.env.n${String(i).padStart(2, '0')}`, 'A=abcdefghij\n']));
    const root = tree({ '.git/': '', ...many });
    expect(diskCredentialOrigins().files(root)).toHaveLength(MAX_FILES);
  });
});

describe('airlock check names the file, never the value', () => {
  async function run(cwd: string, line: string, env: Record<string, string> = {}, json = true): Promise<{ code: number; out: string }> {
    let out = '';
    const stdout = new Writable({ write(chunk: Buffer, _enc, done) { out += chunk.toString(); done(); } });
    const code = await check([...(json ? ['--json'] : []), '--cwd', cwd, '--', line], { stdin: () => process.stdin, stdout, env: { HOME: tmpdir(), ...env }, cwd });
    return { code, out };
  }
  const workspace = tree({ '.git/': '', '.env': 'PORT=3000\n', '.env.production': `# prod\nexport RAILWAY_API_TOKEN="${TOKEN}"\n` });

  test('(a) the incident\'s curl with the token from .env.production: a production verdict naming the token and the file', async () => {
    const { code, out } = await run(workspace, INCIDENT);
    expect(code).toBe(1);
    expect(out).not.toContain(TOKEN);
    const verdict = JSON.parse(out) as Verdict;
    expect(verdict).toMatchObject({
      decision: 'confirm', confirmation: 'typed', environment: { tier: 'production', evidence: 'PRODUCTION credential from `.env.production`' },
      credential: { kind: 'Railway account or workspace token', origin: { file: '.env.production', variable: 'RAILWAY_API_TOKEN', tier: 'production' } },
    });
    const human = await run(workspace, INCIDENT, {}, false);
    expect(human.out).not.toContain(TOKEN);
    expect(human.out).toContain('credential: Railway account or workspace token from `.env.production` (RAILWAY_API_TOKEN)');
    const audit = JSON.stringify(auditRecord({ time: new Date(), source: 'hook', actor: 'claude-code', kind: 'command', subject: INCIDENT, verdict, decision: 'deny', decidedBy: 'human' }));
    expect(audit).not.toContain(TOKEN);
  });

  test('(b) a staging deletion run with the production token inherited: production, naming the mismatch', async () => {
    const { code, out } = await run(workspace, STAGING_DELETE, { RAILWAY_API_TOKEN: TOKEN });
    expect(code).toBe(1);
    expect(out).not.toContain(TOKEN);
    expect(JSON.parse(out)).toMatchObject({
      confirmation: 'typed',
      environment: { tier: 'production', name: 'production', evidence: 'staging command (RAILWAY_ENVIRONMENT=staging), PRODUCTION credential from `.env.production`' },
      credential: { where: 'RAILWAY_API_TOKEN from the environment', origin: { file: '.env.production' } },
    });
  });

  test('(b) with the variable unset: the file alone does not count (railway does not read it), unless the line loads it', async () => {
    expect(JSON.parse((await run(workspace, STAGING_DELETE)).out)).toMatchObject({ environment: { tier: 'staging' } });
    const loaded = JSON.parse((await run(workspace, `set -a; source .env.production; set +a; ${STAGING_DELETE}`)).out) as Verdict;
    expect(loaded.environment.tier).toBe('production');
    expect(loaded.credential?.where).toBe('RAILWAY_API_TOKEN loaded by the command line');
  });

  test('another value in the environment is not traced', async () => {
    const verdict = JSON.parse((await run(workspace, STAGING_DELETE, { RAILWAY_API_TOKEN: 'other-token-0000-1111' })).out) as Verdict;
    expect(verdict.environment.tier).toBe('staging');
    expect(verdict.credential?.origin).toBeUndefined();
  });
});
