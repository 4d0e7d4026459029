// The built `airlock` executable, run as users and hooks run it (npm test builds dist/ first).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

const CLI = join(__dirname, '..', '..', '..', 'dist', 'cli.js');
// A private home so no real kube config or cloud login colours the results.
const HOME = mkdtempSync(join(tmpdir(), 'airlock-home-'));

function airlock(args: readonly string[], input?: string): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    input, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME, XDG_CACHE_HOME: join(HOME, '.cache') }, timeout: 20_000, maxBuffer: 64 << 20,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('airlock check', () => {
  test('a benign line is allowed with exit 0', () => {
    const r = airlock(['check', '--', 'git status']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ALLOW/);
  });

  test('the incident command needs a typed confirmation for production (exit 1)', () => {
    const line = `curl -X POST https://backboard.railway.app/graphql/v2 -H "Authorization: Bearer $RAILWAY_TOKEN" -d '{"query":"mutation { volumeDelete(volumeId: \\"3f2c\\") }"}'`;
    const r = airlock(['check', '--json', '--env', 'RAILWAY_ENVIRONMENT=production', '--', line]);
    expect(r.code).toBe(1);
    const verdict = JSON.parse(r.stdout) as { decision: string; risk: string; confirmation: string; environment: { tier: string }; findings: { rule: string; span: number[] }[] };
    expect(verdict).toMatchObject({ decision: 'confirm', risk: 'critical', confirmation: 'typed', environment: { tier: 'production' } });
    expect(verdict.findings[0]?.rule).toBe('http.graphql-destructive-mutation');
    expect(verdict.findings[0]?.span).toEqual([0, line.length]);
  });

  test('the human output names the tier and the safer way', () => {
    const r = airlock(['check', '--', 'railway volume delete --volume pg-data -e production']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('PRODUCTION');
    expect(r.stdout).toContain('railway.volume-delete');
    expect(r.stdout).toContain('safer:');
  });

  test('the command line may follow without --', () => {
    expect(airlock(['check', 'git', 'push', '--force']).code).toBe(1);
  });

  test('--explain shows each simple command and the wrapper it came through', () => {
    const r = airlock(['check', '--explain', '--', `sudo bash -c 'rm -rf ~'`]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('via: sudo › bash -c');
    expect(r.stdout).toMatch(/rules: fs\.rm-root/);
  });

  test('--explain masks a credential in the commands it lists, also one bound earlier on the line', () => {
    const secret = ['prodsecret', 'value123456'].join('');
    const r = airlock(['check', '--explain', '--', `T=${secret}; railway down --token "$T" -e staging; curl -H "Authorization: Bearer ${secret}" -X DELETE https://api.example.com/v1/x`]);
    expect(r.stdout).toContain('railway down --token ***');
    expect(r.stdout).not.toContain(secret);
  });

  test('--env sets the environment the line runs with', () => {
    const r = airlock(['check', '--json', '--env', 'DATABASE_URL=postgres://app@db.staging.internal/app', '--', 'npx prisma migrate reset --force']);
    expect(JSON.parse(r.stdout)).toMatchObject({ environment: { tier: 'staging' } });
  });

  test('evidence never carries a password', () => {
    const r = airlock(['check', '--json', '--', `psql postgres://admin:hunter2@db.prod.acme.io/app -c 'DROP TABLE users'`]);
    expect(r.stdout).not.toContain('hunter2');
    expect(JSON.parse(r.stdout)).toMatchObject({ environment: { tier: 'production' } });
  });

  test.each([
    [['check'], /no command line given/],
    [['check', '--bogus', '--', 'ls'], /unknown option --bogus/],
    [['check', '--env', 'NOEQUALS', '--', 'ls'], /NAME=VALUE/],
    [['check', '--json', '--explain', '--', 'ls'], /cannot be combined/],
    [['frobnicate'], /unknown command/],
    [['check', '--batch', '--jobs', '0'], /--jobs must be a whole number from 1 to 64, not "0"/],
    [['check', '--batch', '--jobs=many'], /--jobs must be a whole number/],
    [['check', '--jobs', '2', '--', 'ls'], /--jobs applies to --batch only/],
  ])('usage error %j exits 3 with a message', (args, message) => {
    const r = airlock(args);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(message);
  });

  test('--batch answers every line in order, malformed ones with an error object', () => {
    const input = [
      JSON.stringify({ command: 'ls -la' }),
      'not json',
      JSON.stringify({ command: 'kubectl delete ns payments', env: { KUBECONFIG: '/home/u/.kube/prod.yaml' } }),
      JSON.stringify({ command: 42 }),
      JSON.stringify({ command: 'terraform destroy', cwd: '/srv/app' }),
    ].join('\n') + '\n';
    const r = airlock(['check', '--batch'], input);
    expect(r.code).toBe(0);
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(out).toHaveLength(5);
    expect(out[0]).toMatchObject({ decision: 'allow' });
    expect(out[1]).toHaveProperty('error');
    expect(out[2]).toMatchObject({ decision: 'confirm', environment: { tier: 'production' } });
    expect(out[3]).toMatchObject({ error: '"command" must be a string' });
    expect(out[4]).toMatchObject({ decision: 'confirm', risk: 'critical' });
  });

  test('a long batch judged on worker threads answers exactly as one thread does, in order', () => {
    const requests = [
      JSON.stringify({ command: 'ls -la' }),
      JSON.stringify({ command: 'kubectl delete ns payments', env: { KUBECONFIG: '/home/u/.kube/prod.yaml' } }),
      'not json',
      JSON.stringify({ command: 'terraform destroy', cwd: '/srv/app' }),
      JSON.stringify({ command: 'A=$(cat verb.txt); helm $A web -n production' }),
      JSON.stringify({ command: 'git push --force origin main' }),
    ];
    // Past the length at which workers start; 256-line pieces out of order would shift the pattern.
    const input = Array.from({ length: 3_000 }, (_, i) => requests[i % requests.length] ?? '').join('\n') + '\n';
    const one = airlock(['check', '--batch', '--jobs', '1'], input);
    const three = airlock(['check', '--batch', '--jobs', '3'], input);
    expect(three.code).toBe(0);
    expect(three.stderr).toBe('');
    const lines = three.stdout.trim().split('\n');
    expect(lines).toHaveLength(3_000);
    expect(three.stdout).toBe(one.stdout);
    expect(lines.filter((l) => l.includes('"decision":"confirm"')).length).toBe(4 * 500);
    expect(lines.filter((l) => l.includes('"error"')).length).toBe(500);
  }, 60_000);

  test('--version and --help', () => {
    expect(airlock(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    expect(airlock(['--help']).stdout).toContain('airlock check');
  });
});

describe('airlock check traces a credential to the workspace file that defines it', () => {
  const token = '3f2c9a1e-8d7b-4c6a-9e5f-1a2b3c4d5e6f';
  const workspace = mkdtempSync(join(tmpdir(), 'airlock-ws-'));
  mkdirSync(join(workspace, '.git'));
  mkdirSync(join(workspace, 'api'));
  writeFileSync(join(workspace, '.env.production'), `# production\nexport RAILWAY_API_TOKEN="${token}"\n`);

  test('(a) the incident\'s curl with the token from .env.production, from a subdirectory: the file named, the value nowhere', () => {
    const line = `curl -X POST -H "Authorization: Bearer ${token}" -d '{"query":"mutation { volumeDelete(volumeId: \\"v1\\") }"}' https://backboard.railway.app/graphql/v2`;
    const json = airlock(['check', '--json', '--cwd', join(workspace, 'api'), '--', line]);
    const human = airlock(['check', '--cwd', join(workspace, 'api'), '--', line]);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({
      confirmation: 'typed', environment: { tier: 'production' },
      credential: { kind: 'Railway account or workspace token', origin: { file: '.env.production', variable: 'RAILWAY_API_TOKEN' } },
    });
    expect(human.stdout).toContain('from `.env.production`');
    expect(json.stdout + json.stderr + human.stdout + human.stderr).not.toContain(token);
  });

  test('(b) in --batch, a staging deletion run with RAILWAY_API_TOKEN equal to .env.production\'s: production, naming the mismatch', () => {
    const request = { command: 'RAILWAY_ENVIRONMENT=staging railway volume delete -v pgdata -y', cwd: workspace, env: { RAILWAY_API_TOKEN: token } };
    const r = airlock(['check', '--batch'], JSON.stringify(request) + '\n' + JSON.stringify({ ...request, env: {} }) + '\n');
    const [inherited, unset] = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { environment: { tier: string; evidence?: string } });
    expect(inherited?.environment).toEqual({ tier: 'production', name: 'production', evidence: 'staging command (RAILWAY_ENVIRONMENT=staging), PRODUCTION credential from `.env.production`' });
    expect(unset?.environment.tier).toBe('staging');
    expect(r.stdout).not.toContain(token);
  });
});
