// The pure pieces the hook judges with: MCP calls, protected-path verdicts, redaction of what
// goes to the audit log.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readWorkspaceSettings } from '../../../src/gate/hookPolicy';
import { auditRecord } from '../../../src/core/audit';
import { redact } from '../../../src/core/environment/redact';
import { MCP_DESTRUCTIVE_TOOL, isDestructiveToolName, mcpEnvironment, mcpReading, redactedInput } from '../../../src/core/mcp';
import { DEFAULT_POLICY } from '../../../src/core/policy';
import { pathVerdict } from '../../../src/core/secrets/pathVerdict';
import { ALLOW_VERDICT } from '../../../src/core/verdict';
import { classify } from '../helpers';

describe('MCP calls', () => {
  test.each(MCP_DESTRUCTIVE_TOOL.examples.match)('%s is a destructive tool name', (name) => {
    expect(isDestructiveToolName(name)).toBe(true);
  });
  test.each(MCP_DESTRUCTIVE_TOOL.examples.noMatch)('%s is not', (name) => {
    expect(isDestructiveToolName(name)).toBe(false);
  });

  test('SQL and command fields become lines the engine classifies', () => {
    const { lines } = mcpReading({ tool: 'run', input: { sql: "TRUNCATE users; -- o'brien", nested: { command: 'rm -rf /srv/data' } } });
    expect(lines).toEqual([`psql -c 'TRUNCATE users; -- o'\\''brien'`, 'rm -rf /srv/data']);
    expect(classify(lines[0]).findings.length).toBeGreaterThan(0);
    expect(classify(lines[1]).risk).not.toBe('none');
  });

  test('a GraphQL mutation in a query field is read as one sent with curl', () => {
    const [line] = mcpReading({ tool: 'graphql', input: { query: 'mutation { volumeDelete(volumeId: "v") }' }, server: 'https://backboard.railway.app/graphql/v2' }).lines;
    expect(classify(line).findings.map((f) => f.rule)).toContain('http.graphql-destructive-mutation');
  });

  test('the environment is the most sensitive name among the arguments', () => {
    expect(mcpEnvironment({ tool: 't', input: { project: 'acme-staging', target: { env: 'prod' } } })).toMatchObject({ tier: 'production', evidence: 'env: prod' });
    expect(mcpEnvironment({ tool: 't', input: { note: 'reproduce the bug' } }).tier).toBe('unknown');
  });
});

describe('protected paths for file tools', () => {
  const policy = { protectedPaths: ['deploy/keys/*.json'], allowedPaths: ['**/.env.test'] };
  test.each([
    ['/p/.env', 'confirm', 'unknown'],
    ['/p/.env.production', 'confirm', 'production'],
    ['/p/deploy/keys/ci.json', 'confirm', 'unknown'],
    ['/p/.env.test', 'allow', 'unknown'],
    ['/p/.env.example', 'allow', 'unknown'],
    ['/p/src/env.ts', 'allow', 'unknown'],
    ['/p/.ENV', 'confirm', 'unknown'],
    ['/Users/me/.AWS/Credentials', 'confirm', 'unknown'],
  ])('%s → %s (%s)', (path, decision, tier) => {
    const v = pathVerdict([path], 'read', policy);
    expect(v.decision).toBe(decision);
    expect(v.environment.tier).toBe(tier);
  });
});

describe('Airlock\'s own files', () => {
  test('writing an agent\'s hook settings or Airlock\'s launcher needs a human; reading them does not', () => {
    const policy = { protectedPaths: [], allowedPaths: [] };
    for (const path of ['/p/.claude/settings.json', '/home/u/.local/share/airlock/bin/airlock', '/p/.cursor/hooks.json', '/p/.github/hooks/airlock.json']) {
      expect(pathVerdict([path], 'write', policy)).toMatchObject({ decision: 'confirm', risk: 'critical' });
      expect(pathVerdict([path], 'read', policy).decision).toBe('allow');
    }
  });
});

describe('redaction for the audit log', () => {
  test.each([
    ['curl -H "Authorization: Bearer abc.def" https://x', 'abc.def'],
    ['psql postgres://app:s3cretpw@db.prod/app -c "DROP TABLE t"', 's3cretpw'],
    ['RAILWAY_TOKEN=3f2c9a1e-8d7b-4c6a-9e5f-1a2b3c4d5e6f railway up', '3f2c9a1e'],
    ['mysql --password hunter2 -e "DROP DATABASE x"', 'hunter2'],
    ['gh api -H "x" --token ghp_abcdefghijklmnopqrstuvwxyz0123456789', 'ghp_abcdef'],
    ['echo sk-ant-api03-abcdefghijklmnopqrstuvwxyz', 'sk-ant-api03'],
    ['aws s3 ls --profile prod AKIAABCDEFGHIJKLMNOP', 'AKIAABCDEFGHIJKLMNOP'],
    ['execute_sql {"query":"select 1","apiToken":"rw_9f8e7d6c5b4a","password":"hunter2hunter2"}', 'hunter2hunter2'],
    ['curl -u admin:hunter2 https://api.example.com/v1/things', 'hunter2'],
    ['mysql -uroot -phunter2 -e "DROP DATABASE shop"', 'hunter2'],
    ['mysql -uroot -p"hunter2" -e "DROP DATABASE shop"', 'hunter2'],
    ['curl -u "alice:pw-hunter2" https://api.example.com', 'pw-hunter2'],
  ])('%s hides the secret', (line, secret) => {
    expect(redact(line, 4000)).not.toContain(secret);
    const record = auditRecord({ time: new Date(0), source: 'hook', actor: 'cursor', kind: 'command', subject: line, verdict: ALLOW_VERDICT, decision: 'allow', decidedBy: 'policy' });
    expect(JSON.stringify(record)).not.toContain(secret);
  });

  test('plain commands are kept whole', () => {
    expect(redact('kubectl delete deployment api -n staging', 4000)).toBe('kubectl delete deployment api -n staging');
    for (const line of ['mkdir -p build/out && git push -u origin main', 'docker run -u 1000:1000 -d -p3306:3306 mysql:8', 'git push -u git@github.com:acme/app.git main',
      'cp -pr /var/lib/mysql /backup', 'ssh -p2222 db mysql -e "select 1"', 'psql -p 5432 -h db app', 'curl -u alice https://x']) {
      expect(redact(line, 4000)).toBe(line);
    }
  });

  test('an MCP call\'s input is shown with secret-named values hidden', () => {
    expect(redactedInput({ query: 'select 1', auth: { apiToken: 'rw_123', user: 'me' }, keys: ['a'], author: 'jo' }))
      .toEqual({ query: 'select 1', auth: '***', keys: ['a'], author: 'jo' });
    expect(redactedInput({ headers: { Authorization: 'Bearer abc', Cookie: 'session=1' }, authorization: 'opaque' }))
      .toEqual({ headers: { Authorization: '***', Cookie: '***' }, authorization: '***' });
  });
});

describe('the workspace\'s .vscode/settings.json when no editor window answers', () => {
  function settings(text: string): ReturnType<typeof readWorkspaceSettings> {
    const dir = mkdtempSync(join(tmpdir(), 'airlock-ws-'));
    writeFileSync(join(dir, 'settings.json'), text);
    return readWorkspaceSettings(join(dir, 'settings.json'));
  }

  test('a tier rule can make the policy stricter, never looser', () => {
    const p = settings('{ "airlock.policy.staging": "deny", "airlock.policy.production": "click-critical", "airlock.policy.development": "typed" }');
    expect(p.policy.staging.denyFrom).toBe('low');
    expect(p.policy.production).toEqual(DEFAULT_POLICY.production);
    expect(p.policy.development).toMatchObject({ confirmFrom: 'low', confirmation: 'typed' });
    expect(settings('{ "airlock.policy.unknown": "whatever" }').policy).toEqual(DEFAULT_POLICY);
  });
});
