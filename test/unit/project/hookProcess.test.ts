// Issue 13's acceptance through a real `airlock hook` process (Claude Code's and Cursor's
// schemas) with no editor window: a script the agent writes and runs, and a task runner whose
// tool's target comes from the project's `.env`.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

const CLI = join(__dirname, '..', '..', '..', 'dist', 'cli.js');
const TOKEN = 'rw_Fe26a9c1b2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7';
const home = mkdtempSync(join(tmpdir(), 'airlock-project-'));

function project(name: string, files: Readonly<Record<string, string>>): string {
  const dir = join(home, name);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

function hook(agent: 'claude-code' | 'cursor', payload: Record<string, unknown>): { decision: string; text: string } {
  const run = spawnSync(process.execPath, [CLI, 'hook', '--agent', agent], {
    input: JSON.stringify(payload), encoding: 'utf8', env: { PATH: process.env.PATH, HOME: home, AIRLOCK_STATE_DIR: join(home, 'state') },
  });
  const o = JSON.parse(run.stdout) as { hookSpecificOutput?: { permissionDecision?: string }; permission?: string };
  return { decision: o.hookSpecificOutput?.permissionDecision ?? o.permission ?? 'quiet', text: run.stdout };
}

const claude = (cwd: string, tool: string, input: unknown) =>
  hook('claude-code', { session_id: 's', cwd, hook_event_name: 'PreToolUse', tool_name: tool, tool_input: input });
const cursor = (cwd: string, command: string) =>
  hook('cursor', { conversation_id: 'c', generation_id: 'g', hook_event_name: 'beforeShellExecution', workspace_roots: [cwd], command, cwd });

const SCRIPT = [
  `const TOKEN = '${TOKEN}';`,
  "const res = await fetch('https://backboard.railway.app/graphql/v2', {",
  "  method: 'POST',",
  "  headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },",
  "  body: JSON.stringify({ query: 'mutation { volumeDelete(volumeId: \"3f1c9a\") }' }),",
  '});',
  'console.log(await res.json());',
].join('\n');

describe('a script the agent writes, then runs by path', () => {
  const dir = project('incident', { '.env.production': `RAILWAY_API_TOKEN=${TOKEN}\n`, 'README.md': '# ops\n' });

  test('the Write is let through; running it is denied, naming the file, the mutation and where the token comes from', () => {
    expect(claude(dir, 'Write', { file_path: join(dir, 'delete-volume.mjs'), content: SCRIPT }).decision).toBe('quiet');
    writeFileSync(join(dir, 'delete-volume.mjs'), SCRIPT);
    for (const r of [claude(dir, 'Bash', { command: 'node delete-volume.mjs' }), cursor(dir, 'node delete-volume.mjs')]) {
      expect(r.decision).toBe('deny');
      expect(r.text).toContain('delete-volume.mjs');
      expect(r.text).toContain('volumeDelete');
      expect(r.text).toContain('.env.production');
      expect(r.text).toContain('PRODUCTION');
      expect(r.text).not.toContain(TOKEN);
    }
  });

  test('the same script that only reads runs freely', () => {
    writeFileSync(join(dir, 'list-volumes.mjs'), SCRIPT.replace('mutation { volumeDelete(volumeId: "3f1c9a") }', 'query { me { name } }'));
    expect(claude(dir, 'Bash', { command: 'node list-volumes.mjs' }).decision).toBe('quiet');
  });
});

describe('a task runner whose tool takes its target from the project', () => {
  const dir = project('prisma-app', {
    'package.json': JSON.stringify({ name: 'api', scripts: { test: 'vitest run', 'db:reset': 'prisma migrate reset --force' } }, null, 2),
    '.env': 'DATABASE_URL=postgresql://postgres:Xy7qLm2fakeT9vRw@monorail.proxy.rlwy.net:43521/railway\n',
    'prisma/schema.prisma': 'datasource db {\n  provider = "postgresql"\n  url      = env("DATABASE_URL")\n}\n',
  });

  test('`npm run db:reset` asks, naming package.json, the remote Railway database and .env, never the password', () => {
    for (const r of [claude(dir, 'Bash', { command: 'npm run db:reset' }), cursor(dir, 'npm run db:reset')]) {
      // No editor window: the agent's own prompt asks, since the target is named for the person.
      expect(r.decision).toBe('ask');
      expect(r.text).toContain('prisma migrate reset --force');
      expect(r.text).toContain('package.json');
      expect(r.text).toContain('Railway database monorail.proxy.rlwy.net');
      expect(r.text).toContain('DATABASE_URL in .env');
      expect(r.text).not.toContain('Xy7qLm2fakeT9vRw');
    }
  });

  test('the same reset with no target Airlock can name is denied', () => {
    writeFileSync(join(dir, '.env'), 'DATABASE_URL=postgresql://postgres:Xy7qLm2fakeT9vRw@10.4.0.7:5432/app\n');
    try {
      const r = claude(dir, 'Bash', { command: 'npm run db:reset' });
      expect(r.decision).toBe('deny');
      expect(r.text).toContain('critical ones whose target Airlock cannot name');
    } finally {
      writeFileSync(join(dir, '.env'), 'DATABASE_URL=postgresql://postgres:Xy7qLm2fakeT9vRw@monorail.proxy.rlwy.net:43521/railway\n');
    }
  });

  test('`npm test` running vitest is let through', () => {
    expect(claude(dir, 'Bash', { command: 'npm test' }).decision).toBe('quiet');
    expect(cursor(dir, 'npm test').decision).toBe('allow');
  });
});
