// Following a line into the project, runner by runner: what each reads, what it names, and what
// it leaves alone. Projects are in memory (the engine reads only what the caller hands it).
import { describe, expect, test } from 'vitest';
import type { ClassifyContext } from '../../../src/core/engine';
import { memoryFiles } from '../../../src/core/project/files';
import { classify, commandsOf } from '../helpers';

const ROOT = '/w';

function project(files: Readonly<Record<string, string | null>>, cwd = ROOT): ClassifyContext {
  return { cwd, env: {}, actor: 'agent', project: { files: memoryFiles(Object.fromEntries(Object.entries(files).map(([p, t]) => [`${ROOT}/${p}`, t]))), home: '/home/u' } };
}

function judged(line: string, files: Readonly<Record<string, string | null>>, cwd?: string) {
  const v = classify(line, project(files, cwd));
  return { flagged: v.risk !== 'none', rules: v.findings.map((f) => f.rule), through: v.findings.map((f) => f.through ?? '').join(' | '), tier: v.environment.tier, name: v.environment.name ?? '', evidence: v.environment.evidence ?? '', verdict: v };
}

const pkg = (scripts: Record<string, string>, extra: Record<string, unknown> = {}): string => JSON.stringify({ name: 'app', scripts, ...extra }, null, 2);

describe('task runners', () => {
  test.each([
    ['npm run db:reset', { 'package.json': pkg({ 'db:reset': 'prisma migrate reset --force' }) }, 'prisma.migrate-reset', 'package.json:'],
    ['npm run deploy', { 'package.json': pkg({ predeploy: 'dropdb acme_prod', deploy: 'echo ok' }) }, 'postgres.dropdb', 'predeploy'.length > 0 ? 'package.json:' : ''],
    ['npm run reset', { 'package.json': pkg({ reset: 'npm run db:drop && echo done', 'db:drop': 'dropdb app' }) }, 'postgres.dropdb', '`npm run reset` runs `npm run db:drop` (package.json:'],
    ['pnpm --filter api db:reset', { 'package.json': pkg({}, { workspaces: ['packages/*'] }), 'packages/api/package.json': JSON.stringify({ name: 'api', scripts: { 'db:reset': 'prisma migrate reset --force' } }) }, 'prisma.migrate-reset', 'packages/api/package.json'],
    ['yarn workspace web nuke', { 'package.json': pkg({}, { workspaces: ['apps/*'] }), 'apps/web/package.json': JSON.stringify({ name: 'web', scripts: { nuke: 'rm -rf ~/uploads' } }) }, 'fs.rm-recursive', 'apps/web/package.json'],
    ['make reset', { Makefile: 'DB := acme_prod\nreset: drop\n\t@echo reset\ndrop:\n\tdropdb $(DB)\n' }, 'postgres.dropdb', 'Makefile:5'],
    ['just drop acme_prod', { justfile: 'drop db:\n  dropdb {{db}}\n' }, 'postgres.dropdb', 'justfile:2'],
    ['task wipe', { 'Taskfile.yml': 'version: "3"\nvars:\n  DIR: /srv/uploads\ntasks:\n  wipe:\n    cmds:\n      - rm -rf {{.DIR}}\n' }, 'fs.rm-recursive', 'Taskfile.yml'],
    ['mise run reset', { 'mise.toml': '[tasks.reset]\nrun = "dropdb app"\n' }, 'postgres.dropdb', 'mise.toml'],
    ['turbo run db:push --filter=api', { 'package.json': pkg({}, { workspaces: ['apps/*'] }), 'apps/api/package.json': JSON.stringify({ name: 'api', scripts: { 'db:push': 'drizzle-kit push --force' } }) }, 'drizzle.push-force', 'apps/api/package.json'],
    ['lerna run db:reset --scope @shop/api', { 'package.json': pkg({}), 'lerna.json': JSON.stringify({ packages: ['services/*'] }), 'services/api/package.json': JSON.stringify({ name: '@shop/api', scripts: { 'db:reset': 'dropdb shop' } }) }, 'postgres.dropdb', 'services/api/package.json'],
    ['npx prisma db execute --file drop.sql --schema prisma/schema.prisma', { 'drop.sql': 'DROP TABLE "User";\n' }, 'sql.drop-table', 'drop.sql'],
    ['npx wrangler d1 execute prod-db --remote --file=db/wipe.sql', { 'db/wipe.sql': 'DROP TABLE users;\n' }, 'sql.drop-table', 'db/wipe.sql'],
    ['go run ./cmd/reset', { 'cmd/reset/main.go': 'package main\nimport "os/exec"\nfunc main() { exec.Command("dropdb", "-h", "prod-db", "app").Run() }\n' }, 'postgres.dropdb', 'cmd/reset/main.go'],
    ['go run scripts/purge.go', { 'scripts/purge.go': 'package main\nimport "os"\nfunc main() { os.RemoveAll(os.Getenv("HOME")) }\n' }, 'fs.rm-recursive', 'scripts/purge.go'],
    ['nx run api:teardown', { 'apps/api/project.json': JSON.stringify({ name: 'api', targets: { teardown: { executor: 'nx:run-commands', options: { command: 'terraform destroy -auto-approve' } } } }) }, 'terraform.destroy', 'apps/api/project.json'],
    ['deno task reset', { 'deno.jsonc': '{\n  // tasks\n  "tasks": { "reset": "dropdb app" }\n}\n' }, 'postgres.dropdb', 'deno.jsonc'],
    ['composer fresh', { 'composer.json': JSON.stringify({ scripts: { fresh: ['@clear', '@php artisan migrate:fresh --force'], clear: 'echo clear' } }) }, 'laravel.migrate-fresh', 'composer.json'],
    ['bundle exec rake rebuild', { Rakefile: 'task rebuild: ["db:drop", "db:create"]\n' }, 'rails.db-drop', 'Rakefile'],
    ['invoke reset', { 'tasks.py': 'from invoke import task\n\nDB = "acme_prod"\n\n@task\ndef reset(c):\n    c.run(f"dropdb {DB}")\n' }, 'postgres.dropdb', 'tasks.py'],
    ['poe wipe', { 'pyproject.toml': '[tool.poe.tasks]\nwipe = "dropdb app"\n' }, 'postgres.dropdb', 'pyproject.toml'],
    ['uv run purge', { 'pyproject.toml': '[project.scripts]\npurge = "acme.cli:purge"\n', 'src/acme/cli.py': 'import shutil\n\ndef purge():\n    shutil.rmtree("/srv/media")\n' }, 'fs.rm-recursive', 'src/acme/cli.py'],
    ['docker compose run --rm migrate', { 'compose.yaml': 'services:\n  migrate:\n    image: app\n    command: ["prisma", "migrate", "reset", "--force"]\n' }, 'prisma.migrate-reset', 'compose.yaml'],
  ])('%s runs what its definition says, and says where', (line, files, rule, where) => {
    const r = judged(line, files);
    expect(r.rules).toContain(rule);
    expect(r.through).toContain(where);
  });

  test.each([
    ['npm test', { 'package.json': pkg({ test: 'vitest run', pretest: 'tsc --noEmit' }) }],
    ['npm run build', { 'package.json': pkg({ build: 'vite build', clean: 'rm -rf ~/x' }) }],
    ['make build', { Makefile: 'build:\n\tgo build ./...\nnuke:\n\trm -rf ~\n' }],
    ['just test', { justfile: 'test:\n  cargo test\nnuke:\n  rm -rf ~\n' }],
    ['make -n reset', { Makefile: 'reset:\n\tdropdb app\n' }],
    ['go run scripts/hello.go', { 'scripts/hello.go': 'package main\nimport "fmt"\nfunc main() { fmt.Println("hi"); exec.Command("git", "status").Run() }\n' }],
    ['npm run clean', { 'package.json': pkg({ clean: 'rm -rf dist coverage' }) }],
    ['pnpm -r test', { 'package.json': pkg({ test: 'pnpm -r test' }, { workspaces: ['packages/*'] }), 'packages/a/package.json': JSON.stringify({ name: 'a', scripts: { test: 'vitest' } }) }],
  ])('%s: nothing destructive runs, nothing is asked', (line, files) => {
    expect(judged(line, files).flagged).toBe(false);
  });

  test('a definition that exists but cannot be read is asked about, never taken as harmless', () => {
    expect(judged('npm run build', { 'package.json': '{ "scripts": ' }).rules).toEqual(['project.unreadable-definition']);
    expect(judged('make', { Makefile: null }).rules).toEqual(['project.unreadable-definition']);
  });
});

describe('scripts run by path or by an interpreter', () => {
  test.each([
    ['bash cleanup.sh', { 'cleanup.sh': 'set -e\nrm -rf ~/backups\n' }, 'fs.rm-recursive', 'cleanup.sh:2'],
    ['./bin/wipe', { 'bin/wipe': '#!/usr/bin/env node\nrequire("child_process").execSync("dropdb app")\n' }, 'postgres.dropdb', 'bin/wipe'],
    ['source ops.sh', { 'ops.sh': 'export PGHOST=prod-db.internal\npsql -c "TRUNCATE sessions"\n' }, 'sql.truncate', 'ops.sh:2'],
    ['bash ops.sh reset', { 'ops.sh': 'run_sql() { psql -c "$1"; }\ncase "$1" in\n  status) run_sql "SELECT 1" ;;\n  reset) run_sql "DROP SCHEMA public CASCADE" ;;\nesac\n' }, 'sql.drop-database', 'ops.sh'],
    ['python3 tools/purge.py', { 'tools/purge.py': 'import shutil\nfrom pathlib import Path\nUPLOADS = Path("/srv/acme-production/uploads")\nshutil.rmtree(UPLOADS)\n' }, 'fs.rm-recursive', 'tools/purge.py'],
    ['ruby flush.rb', { 'flush.rb': 'require "redis"\nRedis.new(url: "redis://localhost:6379/0").flushall\n' }, 'interpreters.datastore-wipe', 'flush.rb'],
    ['deno run -A drop.ts', { 'drop.ts': 'await new Deno.Command("dropdb", { args: ["-h", "localhost", "blog_dev"] }).output();\n' }, 'postgres.dropdb', 'drop.ts'],
    ['node rotate.mjs', { 'rotate.mjs': 'import axios from "axios";\nconst api = axios.create({ baseURL: "https://api.vercel.com" });\nawait api.delete(`/v9/projects/acme-web-prod`);\n' }, 'interpreters.http-delete', 'rotate.mjs'],
    ["cat > /tmp/x.sh <<'EOF' && bash /tmp/x.sh\nrm -rf ~/data\nEOF", {}, 'fs.rm-recursive', '/tmp/x.sh:1'],
  ])('%s is judged by its content', (line, files, rule, where) => {
    const r = judged(line, files);
    expect(r.rules).toContain(rule);
    expect(r.through).toContain(where);
  });

  test.each([
    ['bash ops.sh status', { 'ops.sh': 'case "$1" in\n  status) psql -c "SELECT 1" ;;\n  reset) psql -c "DROP SCHEMA public CASCADE" ;;\nesac\n' }],
    ['node clean.js', { 'clean.js': 'const fs = require("fs");\nfor (const dir of ["dist", "coverage"]) fs.rmSync(dir, { recursive: true, force: true });\n' }],
    ['python clean.py', { 'clean.py': 'import shutil\nfrom pathlib import Path\nROOT = Path(__file__).resolve().parent\nfor name in ("build", "dist"):\n    shutil.rmtree(ROOT / name)\n' }],
    ['./bin/lint', { 'bin/lint': '#!/usr/bin/env ruby\nsystem("bundle exec rubocop --parallel") || exit(1)\n' }],
    ['node stats.mjs', { 'stats.mjs': 'const n = 3;\nconsole.log(`notes: ${n}`);\nexecSync(`git log -n ${n}`);\n' }],
    ['perl clean.pl', { 'clean.pl': 'use File::Path qw(remove_tree);\nremove_tree("blib", "_build");\n' }],
    ['node list.mjs', { 'list.mjs': 'await fetch("https://backboard.railway.app/graphql/v2", { method: "POST", body: JSON.stringify({ query: "query { me { name } }" }) });\n' }],
  ])('%s: benign content is not asked about', (line, files) => {
    expect(judged(line, files).flagged).toBe(false);
  });

  test('a script that runs itself ends; the system\'s own programs are never read', () => {
    expect(judged('bash loop.sh', { 'loop.sh': 'bash loop.sh\n' }).flagged).toBe(false);
    expect(commandsOf('/usr/bin/git status')).toEqual(['/usr/bin/git status']);
  });
});

describe('input files', () => {
  test.each([
    ['psql -f drop.sql', { 'drop.sql': 'DROP TABLE users;\n' }, 'sql.drop-table'],
    ['psql "$DATABASE_URL" < drop.sql', { 'drop.sql': 'TRUNCATE orders;\n' }, 'sql.truncate'],
    ["mysql shop -e 'source wipe.sql'", { 'wipe.sql': 'DELETE FROM orders;\n' }, 'sql.delete-without-where'],
    ["psql -c '\\i reset.sql'", { 'reset.sql': 'DROP SCHEMA public CASCADE;\n' }, 'sql.drop-database'],
    ['sqlcmd -S db -i purge.sql', { 'purge.sql': 'TRUNCATE TABLE audit;\n' }, 'sql.truncate'],
    ['railway connect postgres < drop.sql', { 'drop.sql': 'DROP TABLE users;\n' }, 'sql.drop-table'],
    ['mongosh mongodb://db/app reset.js', { 'reset.js': 'db.dropDatabase();\n' }, 'mongo.drop-database'],
    ['kubectl delete -f k8s/ns.yaml', { 'k8s/ns.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop-production\n' }, 'kubernetes.delete-namespace'],
    ['terraform plan -destroy -out p && terraform apply p', {}, 'terraform.destroy'],
  ])('%s reads the file', (line, files, rule) => {
    expect(judged(line, files).rules).toContain(rule);
  });

  test('a namespace named in a manifest names the tier; a dry run deletes nothing', () => {
    const files = { 'k8s/ns.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop-production\n' };
    expect(judged('kubectl delete -f k8s/ns.yaml', files).tier).toBe('production');
    expect(judged('kubectl delete --dry-run=client -f k8s/ns.yaml', files).rules).not.toContain('kubernetes.delete-namespace');
    expect(judged('psql -f report.sql', { 'report.sql': 'SELECT count(*) FROM users;\n' }).flagged).toBe(false);
    expect(judged('terraform plan -out p && terraform apply p', {}).flagged).toBe(false);
  });
});

describe('the environment a tool will hit, from the project', () => {
  const railway = 'DATABASE_URL=postgresql://postgres:S3cretFake99@monorail.proxy.rlwy.net:43521/railway\n';

  test('a managed provider\'s host is named, with the file and variable, never the password', () => {
    const r = judged('npx prisma migrate reset --force', { '.env': railway });
    expect(r.tier).toBe('unknown');
    expect(r.name).toBe('Railway database monorail.proxy.rlwy.net');
    expect(r.evidence).toBe('DATABASE_URL in .env');
    expect(JSON.stringify(r.verdict)).not.toContain('S3cretFake99');
  });

  test.each([
    ['dotenv -e .env.production -- npx prisma db push --accept-data-loss', { '.env.production': 'DATABASE_URL=postgres://app@db.internal/app\n' }, 'production'],
    ['npx prisma migrate reset --force', { '.env': 'DATABASE_URL=postgres://postgres@db:5432/app\n', 'compose.yaml': 'services:\n  db:\n    image: postgres\n' }, 'development'],
    ['npx knex migrate:rollback --all', { 'knexfile.js': 'module.exports = { development: { connection: { host: "localhost", database: "inventory" } } };\n' }, 'development'],
    ['npx drizzle-kit push --force', { 'drizzle.config.ts': 'import "dotenv/config";\nexport default { dbCredentials: { url: process.env.DATABASE_URL } };\n', '.env': 'DATABASE_URL=postgres://u@pg-stg.acme.internal/app\n' }, 'staging'],
    ['bin/rails db:reset', { 'config/database.yml': 'development:\n  adapter: postgresql\n  host: localhost\n  database: shop_development\n' }, 'development'],
    ['mise run reset', { 'mise.toml': '[env]\nDATABASE_URL = "postgres://u@acme-prod.rds.amazonaws.com/acme"\n[tasks.reset]\nrun = "npx prisma migrate reset --force"\n' }, 'production'],
    ['docker compose run --rm reset', { 'compose.yaml': 'services:\n  reset:\n    image: postgres\n    env_file: .env.staging\n    command: psql $$DATABASE_URL -c "TRUNCATE users"\n', '.env.staging': 'DATABASE_URL=postgres://u@db.internal/app\n' }, 'staging'],
  ])('%s → %s', (line, files, tier) => {
    expect(judged(line, files).tier).toBe(tier);
  });

  test('a file on this machine is no database\'s environment', () => {
    expect(judged('rm -rf ~/backups', { '.env': 'DATABASE_URL=postgres://u@prod-db.internal/app\n' }).tier).toBe('unknown');
  });
});

// Found by review of this change: each was allowed (or crashed the hook) before its fix.
describe('what a second reader found', () => {
  test.each([
    ['perl -e \'use strict; system("rm -rf ~")\'', {}],
    ['perl -e \'my @d = qw(a b); system("rm -rf ~")\'', {}],
    ['node -e "const q=(s)=>s.replace(/\'/g, \'\'); require(\'child_process\').execSync(\'rm -rf ~\');"', {}],
    ['node -e "const v=process.argv[2]; require(\'child_process\').execSync(`kubectl ${v} namespace prod`)"', {}],
    ['node -e "let d=\'dist\'; d=require(\'os\').homedir(); require(\'child_process\').execSync(`rm -rf ${d}`)"', {}],
    ['node wipe.js', { 'wipe.js': 'const fs = require("fs");\nfor (const d of ["dist"]) {}\nconst wipe = (d) => fs.rmSync(d, { recursive: true });\nwipe(require("os").homedir());\n' }],
    ['d=/tmp/x; unset d; rm -rf "${d:-$HOME}"', {}],
    ['npm test', { 'package.json': '{"scripts":{"test":"npm run reset","reset":"rm -rf ~"}}' }],
    ['pnpm -w db:reset', { 'package.json': pkg({ 'db:reset': 'prisma migrate reset --force' }) }],
    ["echo 'echo start' | tee -a deploy.sh && bash deploy.sh", { 'deploy.sh': 'echo hi\n' }],
    ['cp evil.sh run.sh && bash run.sh', { 'evil.sh': 'rm -rf ~\n', 'run.sh': 'echo hi\n' }],
    ["cat <<'EOF' > x.sh && bash x.sh\nrm -rf ~/data\nEOF", { 'x.sh': 'echo old\n' }],
    ['if ./wipe.sh; then ls; fi', { 'wipe.sh': 'rm -rf ~\n' }],
    ['make', { Makefile: 'ifeq (1,0)\nX = $(X)$(X)$(X)\nendif\nall:\n\trm -rf ~/important $(X)\n' }],
    ['invoke reset', { 'tasks.py': 'from invoke import task\n\ndef _pg(c, cmd):\n    c.run(f"{cmd} -h db-stg")\n\n@task\ndef reset(c):\n    _pg(c, "dropdb --if-exists app")\n' }],
  ])('%s is stopped', (line, files) => {
    expect(judged(line, files).flagged).toBe(true);
  });

  test('a variable the environment already has is not taken from .env (dotenv never overrides)', () => {
    const context = project({ '.env': 'DATABASE_URL=postgres://u@localhost/app\n' });
    const v = classify('prisma db push --accept-data-loss', { ...context, env: { DATABASE_URL: 'postgres://u@monorail.proxy.rlwy.net:1/railway' } });
    expect(v.environment.tier).not.toBe('development');
    expect(v.decision).not.toBe('allow');
  });

  test('a package that cannot be read in the workspace is reported, not skipped', () => {
    const files = { 'package.json': pkg({}, { workspaces: ['packages/*'] }), 'packages/a/package.json': '{ oops', 'packages/b/package.json': JSON.stringify({ name: 'b', scripts: { test: 'vitest' } }) };
    expect(judged('pnpm -r test', files).rules).toContain('project.unreadable-definition');
  });
});

describe('what npm runs besides `run`', () => {
  test.each([
    ['npm it', { 'package.json': pkg({ test: 'rm -rf ~/backups' }) }],
    ['npm version patch', { 'package.json': pkg({ preversion: 'git push --force origin main' }) }],
    ['pnpm t', { 'package.json': pkg({ test: 'dropdb app' }) }],
    ['npm start', { 'package.json': pkg({}), 'server.js': 'require("child_process").execSync("dropdb app")\n' }],
    ['node .', { 'package.json': JSON.stringify({ name: 'x', main: 'app.js' }), 'app.js': 'require("child_process").execSync("dropdb app")\n' }],
    ['node scripts/reset', { 'scripts/reset.js': 'require("child_process").execSync("dropdb app")\n' }],
  ])('%s runs the project\'s scripts', (line, files) => {
    expect(judged(line, files).flagged).toBe(true);
  });
});

describe('definitions found where the runner finds them, not where Airlock last looked', () => {
  test.each([
    ['cd sub && task wipe', { 'Taskfile.yml': 'version: "3"\ntasks:\n  wipe:\n    cmds:\n      - rm -rf ~/uploads\n', 'sub/x.txt': 'x' }],
    ['cd sub && rake reset', { Rakefile: 'task :reset do\n  sh "dropdb app"\nend\n', 'sub/x.txt': 'x' }],
    ['cd sub && npm run db:reset', { 'package.json': pkg({ 'db:reset': 'prisma migrate reset --force' }), 'sub/.git': 'gitdir: ../.git/modules/sub\n' }],
    ['cd sub && docker compose run --rm migrate', { 'compose.yaml': 'services:\n  migrate:\n    command: ["prisma", "migrate", "reset", "--force"]\n', 'sub/x.txt': 'x' }],
  ])('%s reads the parent folder\'s definition', (line, files) => {
    expect(judged(line, files).flagged).toBe(true);
  });

  test('a Compose service named for a tier or like a remote host is no local container', () => {
    const files = (host: string) => ({ '.env': `DATABASE_URL=postgres://u@${host}:5432/app\n`, 'compose.yaml': `services:\n  ${host}:\n    image: postgres\n` });
    expect(judged('npx prisma migrate reset --force', files('db')).tier).toBe('development');
    expect(judged('npx prisma migrate reset --force', files('prod-db')).tier).toBe('production');
    expect(judged('npx prisma migrate reset --force', files('monorail.proxy.rlwy.net')).tier).not.toBe('development');
  });
});
