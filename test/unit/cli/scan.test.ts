// `airlock scan` on a fixture folder, through the built CLI: .gitignore followed, ignored secret
// files read anyway, binaries skipped, placeholders ignored, never a value in the output.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';

const CLI = join(__dirname, '..', '..', '..', 'dist', 'cli.js');
const TOKEN = '3f1c9a2e-7b4d-4e8a-9c1f-0d2e3a4b5c6d';

function scan(args: readonly string[], cwd: string): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, 'scan', ...args], { cwd, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: cwd, AIRLOCK_STATE_DIR: join(tmpdir(), 'airlock-scan-state'), XDG_CACHE_HOME: join(tmpdir(), 'airlock-scan-cache') } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('airlock scan --json: findings, protected files, .gitignore, binaries, placeholders', () => {
  const dir = mkdtempSync(join(tmpdir(), 'airlock-scan-'));
  mkdirSync(join(dir, 'src'));
  mkdirSync(join(dir, 'node_modules', 'x'), { recursive: true });
  writeFileSync(join(dir, '.gitignore'), 'node_modules/\n.env.production\nbuild.log\n');
  writeFileSync(join(dir, '.env.production'), `# prod\nRAILWAY_API_TOKEN=${TOKEN}\n`);
  writeFileSync(join(dir, '.env.example'), 'RAILWAY_API_TOKEN=${RAILWAY_API_TOKEN}\n');
  writeFileSync(join(dir, 'src', 'deploy.ts'), `const url = "postgres://app:Wq7x2Lk9Pm3R@prod-db.internal/app";\n`);
  writeFileSync(join(dir, 'node_modules', 'x', 'index.js'), `const k = "${TOKEN}"; // RAILWAY_TOKEN=${TOKEN}\n`);
  writeFileSync(join(dir, 'build.log'), `RAILWAY_TOKEN=${TOKEN}\n`);
  writeFileSync(join(dir, 'blob.bin'), Buffer.from([0, 1, 2, 3, ...Buffer.from(`RAILWAY_TOKEN=${TOKEN}`)]));
  const r = scan(['--json'], dir);
  expect(r.code).toBe(1);
  expect(JSON.parse(r.stdout)).toEqual({
    scanned: 4, // .gitignore, .env.production (ignored but protected), .env.example, src/deploy.ts
    findings: [
      { file: '.env.production', line: 2, rule: 'railway-token', kind: 'Railway' },
      { file: 'src/deploy.ts', line: 1, rule: 'database-url', kind: 'database URL' },
    ],
    protectedFiles: ['.env.production'],
  });
  expect(r.stdout).not.toContain(TOKEN);
  expect(r.stdout).not.toContain('Wq7x2');
});

test('airlock scan without --json reads like a report; a clean folder exits 0; bad input is a usage error', () => {
  const dir = mkdtempSync(join(tmpdir(), 'airlock-scan-'));
  writeFileSync(join(dir, 'config.ts'), `export const token = "${'ghp_' + 'Q7x2Lk9Pm3Rt8Vb1Nc5Yd0Fg4Js6Ua2Ie7Ko3W'}";\n`);
  const r = scan([], dir);
  expect(r.code).toBe(1);
  expect(r.stdout).toContain('config.ts:1  GitHub token (github-token)  — this file is not protected from agents');
  expect(r.stdout).toContain('1 file read');
  const clean = mkdtempSync(join(tmpdir(), 'airlock-scan-'));
  writeFileSync(join(clean, 'a.txt'), 'hello\n');
  expect(scan([], clean).code).toBe(0);
  expect(scan(['/no/such/dir'], clean)).toMatchObject({ code: 3 });
  expect(scan(['--wat'], clean).stderr).toContain('unknown option');
});
