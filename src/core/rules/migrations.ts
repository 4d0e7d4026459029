// ORMs and schema-migration tools that drop a database, empty it, or unapply every migration:
// drizzle-kit, MikroORM, Flyway, Liquibase, Atlas, Sqitch, goose, golang-migrate, dbmate, Diesel,
// SeaORM, Hasura, Payload, AdonisJS, Doctrine, EF Core… (Rails, Django, Prisma, Laravel, knex,
// Sequelize, TypeORM, Alembic and Ecto live with the SQL rules in sql.ts). Unapplying every
// migration is critical; a rollback of some steps is asked too, of every tool in one rule (high):
// the down steps drop the tables and columns they created, with their data. Category 'sql', so the
// environment comes from DATABASE_URL, RAILS_ENV, APP_ENV and the like as well as the line.
import { operands, type Args } from './args';
import { artisanCommand, hasTask, isRailsInvocation } from './sql';
import type { Rule } from './types';

/** Distinct non-empty names, in order. */
function nonEmpty(values: readonly (string | undefined)[]): string[] {
  return [...new Set(values.filter((v): v is string => typeof v === 'string' && v.length > 0))];
}

function basename(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1).toLowerCase();
}

const lower = (w: string | undefined): string => (w ?? '').toLowerCase();

/** The first positional that is one of the tool's commands (flag values and DSNs come before it). */
function commandOf(a: Args, commands: ReadonlySet<string>): { readonly name: string; readonly rest: readonly string[] } | undefined {
  const p = a.positionals;
  const at = p.findIndex((w) => commands.has(w.toLowerCase()));
  return at < 0 ? undefined : { name: lower(p[at]), rest: p.slice(at + 1) };
}

/** `-key=value` settings of the Java tools (`-url=jdbc:…`, `-Dflyway.url=…`, `--url=…`). */
function settings(a: Args, keys: readonly string[]): string[] {
  const out: string[] = [];
  for (const arg of a.list) {
    const m = /^-{1,2}(?:D(?:flyway|liquibase)\.)?([A-Za-z-]+)=(.*)$/.exec(arg);
    if (m && keys.includes(lower(m[1]))) out.push(m[2] ?? '');
  }
  return out;
}

/**
 * The command a PHP or Node console runs: `php artisan …`-style entry points (`php bin/console
 * doctrine:database:drop`, `node ace migration:fresh`, `symfony console …`, `bin/console …`).
 */
function consoleCommand(a: Args, entry: string, programs: readonly string[]): { readonly name: string; readonly rest: readonly string[] } | undefined {
  let list = a.list;
  if (a.program === 'symfony') {
    const at = list.findIndex((w) => !w.startsWith('-'));
    if (lower(list[at]) !== 'console') return undefined;
    list = list.slice(at + 1);
  } else if (!programs.includes(a.program)) {
    const at = list.findIndex((w) => { const b = basename(w); return b === entry || b === entry + '.js' || b === entry + '.php'; });
    if (at < 0) return undefined;
    list = list.slice(at + 1);
  }
  // `-e prod` / `--env prod` take a value; other options are flags or `--opt=value`.
  const words = operands(list, new Set(['-e', '--env', '--em', '--conn', '--connection']));
  return words[0] === undefined ? undefined : { name: lower(words[0]), rest: words.slice(1) };
}

/** Symfony accepts any unambiguous abbreviation of each part: `d:d:d` for `doctrine:database:drop`. */
function abbreviates(typed: string, full: string): boolean {
  const t = typed.split(':');
  const f = full.split(':');
  return t.length === f.length && t.every((part, i) => part !== '' && (f[i] ?? '').startsWith(part));
}

/** `--down all`, `-limit=0`, `--to 0`: the value of any of these flags, in any spelling. */
function flagIs(a: Args, flags: readonly string[], value: string): boolean {
  return a.values(...flags).some((v) => v.toLowerCase() === value);
}

// --- Sqitch: `revert` without a change reverts every change -----------------------------------

const SQITCH_ENGINES = new Set(['pg', 'sqlite', 'mysql', 'oracle', 'firebird', 'vertica', 'exasol', 'snowflake', 'cockroach']);
const SQITCH_VALUE_FLAGS = new Set(['-t', '--target', '-s', '--set', '--to', '--to-change', '--change', '--onto',
  '--onto-change', '--upto', '--upto-change', '--plan-file', '-f', '--registry', '--client', '--db-client',
  '--db-name', '-d', '--db-user', '-u', '--db-host', '-h', '--db-port', '-p', '-C', '--chdir', '--engine']);
const TIER_WORDS = /^(?:prod|production|prd|live|staging|stage|stg|dev|development|local|test)$/i;

/** A `sqitch revert` operand that names the database, not a change: URI, engine, plan file, tier. */
function sqitchTarget(w: string): boolean {
  return w.startsWith('db:') || w.includes('://') || SQITCH_ENGINES.has(w) || w.endsWith('.plan') || TIER_WORDS.test(w);
}

function sqitchOperands(a: Args, verb: string): string[] {
  const ops = operands(a.list, SQITCH_VALUE_FLAGS);
  const at = ops.findIndex((w) => w === verb);
  return at < 0 ? [] : ops.slice(at + 1);
}

function sqitchUndoesAll(a: Args): boolean {
  const verb = ['revert', 'rebase'].find((v) => a.sub(v));
  if (!verb) return false;
  const stops = verb === 'revert' ? ['--to', '--to-change', '--change', '--modified', '-m'] : ['--onto', '--onto-change', '--modified', '-m'];
  return !a.has(...stops) && sqitchOperands(a, verb).every(sqitchTarget);
}

// --- goose, golang-migrate, dbmate: the command among flag values and DSNs ---------------------

const GOOSE_COMMANDS = new Set(['up', 'up-by-one', 'up-to', 'down', 'down-to', 'redo', 'reset', 'status', 'version', 'create', 'fix', 'validate', 'env']);
const MIGRATE_COMMANDS = new Set(['create', 'goto', 'up', 'down', 'drop', 'force', 'version']);
const DBMATE_COMMANDS = new Set(['new', 'n', 'up', 'create', 'drop', 'migrate', 'rollback', 'down', 'status', 'dump', 'load', 'wait']);

/** golang-migrate is the `migrate` binary that takes `-database` / `-path` / `-source`. */
function isGolangMigrate(a: Args): boolean {
  return a.has('-database', '--database', '-path', '--path', '-source', '--source');
}

// --- sqlx-cli, and rollbacks of any number of steps -------------------------------------------

/** The sqlx-cli words after the program: `sqlx database drop`, `cargo sqlx database drop`. */
function sqlxPath(a: Args): readonly string[] | undefined {
  if (a.program === 'sqlx') return a.positionals.map(lower);
  return a.program === 'cargo' && a.positionals[0] === 'sqlx' ? a.positionals.slice(1).map(lower) : undefined;
}

const ROLLBACK_PROGRAMS = ['alembic', 'atlas', 'supabase', 'flask', 'knex', 'sequelize', 'sequelize-cli', 'typeorm', 'typeorm-ts-node-commonjs',
  'typeorm-ts-node-esm', 'goose', 'migrate', 'dbmate', 'rails', 'rake', 'spring', 'php', 'artisan', 'sail', 'node', 'ace', 'mix',
  'mikro-orm', 'mikro-orm-esm', 'kysely', 'kysely-ctl', 'diesel', 'sea-orm-cli', 'db-migrate', 'sql-migrate', 'sqlx', 'cargo',
  'yoyo', 'yoyo-migrate', 'payload', 'hasura', 'hasura-cli', 'flyway', 'liquibase'];

/**
 * The tool's command that unapplies applied migrations, one step or several. What only prints the
 * SQL (`alembic downgrade --sql`, `migrate:rollback --pretend`, liquibase `rollback-sql`) is not one.
 */
function rollsBack(a: Args): boolean {
  const cmd = lower(a.positionals[0]);
  switch (a.program) {
    case 'alembic': return a.sub('downgrade') && !a.has('--sql');
    case 'atlas': return a.sub('migrate', 'down') && !a.has('--dry-run');
    // The remote database only: locally `supabase migration down` resets a throwaway container.
    case 'supabase': return a.sub('migration', 'down') && a.has('--linked', '--db-url');
    case 'flask': return a.sub('db', 'downgrade') && !a.has('--sql');
    case 'knex': return cmd === 'migrate:down' || cmd === 'migrate:rollback';
    case 'sequelize': case 'sequelize-cli': return cmd === 'db:migrate:undo';
    case 'typeorm': case 'typeorm-ts-node-commonjs': case 'typeorm-ts-node-esm': return cmd === 'migration:revert';
    case 'goose': return ['down', 'down-to', 'redo'].includes(commandOf(a, GOOSE_COMMANDS)?.name ?? '');
    case 'migrate': return isGolangMigrate(a) && commandOf(a, MIGRATE_COMMANDS)?.name === 'down';
    case 'dbmate': return ['down', 'rollback'].includes(commandOf(a, DBMATE_COMMANDS)?.name ?? '');
    case 'rails': case 'rake': case 'spring': return isRailsInvocation(a) && hasTask(a, ['db:rollback', 'db:migrate:down', 'db:migrate:redo']);
    case 'php': case 'artisan': case 'sail': return artisanCommand(a) === 'migrate:rollback' && !a.has('--pretend');
    case 'node': case 'ace': return consoleCommand(a, 'ace', ['ace'])?.name === 'migration:rollback';
    case 'mix': return cmd === 'ecto.rollback';
    case 'mikro-orm': case 'mikro-orm-esm': return cmd === 'migration:down';
    case 'kysely': case 'kysely-ctl': return cmd === 'migrate:down' || cmd === 'migrate:rollback' || a.sub('migrate', ['down', 'rollback']);
    case 'diesel': return a.sub('migration', ['revert', 'redo']);
    case 'sea-orm-cli': return a.sub('migrate', 'down');
    case 'db-migrate': case 'sql-migrate': return cmd === 'down';
    case 'sqlx': case 'cargo': { const p = sqlxPath(a); return p?.[0] === 'migrate' && p[1] === 'revert'; }
    case 'yoyo': case 'yoyo-migrate': return cmd === 'rollback';
    case 'payload': return cmd === 'migrate:down';
    case 'hasura': case 'hasura-cli': return a.sub('migrate', 'apply') && a.has('--down');
    case 'flyway': return a.positionals.some((w) => lower(w) === 'undo');
    case 'liquibase': return a.positionals.some((w) => /^rollback/i.test(w) && !/sql$/i.test(w));
    default: return false;
  }
}

// --- ORM consoles: mass deletes typed into rails runner, manage.py shell, artisan tinker --------

/** `rails runner` / `rails console` options that take a separate value. */
const RAILS_CONSOLE_VALUE_FLAGS: ReadonlySet<string> = new Set(['-e', '--environment']);

/** The code an ORM console runs: `rails runner CODE`, `manage.py shell -c CODE`, `artisan tinker --execute=CODE`, or stdin. */
function consoleCode(a: Args): string | undefined {
  const stdin = a.command.stdin;
  if (a.program === 'rails') {
    // `-e production` may come before the code (`rails runner -e production 'User.delete_all'`):
    // read the operands with the environment flag's value taken out, not the raw positionals.
    const words = operands(a.list, RAILS_CONSOLE_VALUE_FLAGS);
    const verb = lower(words[0]);
    if (verb === 'runner' || verb === 'r') return words[1];
    return verb === 'console' || verb === 'c' ? stdin : undefined;
  }
  if (a.program === 'php' || a.program === 'artisan' || a.program === 'sail') {
    const at = a.program === 'artisan' ? 0 : a.list.findIndex((w) => basename(w) === 'artisan') + 1;
    if (at <= 0 && a.program !== 'artisan') return undefined;
    if (lower(a.list.slice(at).find((w) => !w.startsWith('-'))) !== 'tinker') return undefined;
    return a.value('--execute') ?? stdin;
  }
  const manage = a.program === 'manage.py' || a.program === 'django-admin' ? 0 : a.list.findIndex((w) => basename(w) === 'manage.py') + 1;
  if (manage <= 0 && a.program !== 'manage.py' && a.program !== 'django-admin') return undefined;
  const rest = a.list.slice(manage);
  if (rest.find((w) => !w.startsWith('-')) !== 'shell') return undefined;
  return a.value('-c', '--command') ?? stdin;
}

// Whole-table deletes through the ORM: ActiveRecord `User.delete_all` (not `User.where(…).delete_all`),
// Django `Model.objects.all().delete()`, Eloquent `User::truncate()` / `DB::table('x')->delete()`,
// and raw DROP / TRUNCATE sent through the connection. Bounded quantifiers keep them linear.
const ORM_MASS_DELETE = new RegExp([
  // A constant (the model), not an association (`account.users.delete_all` is narrowed).
  String.raw`(?<![.\w])[A-Z]\w{0,60}(?:::[A-Z]\w{0,60}){0,4}(?:\.(?:all|unscoped))?\.(?:delete_all|destroy_all)\b`,
  String.raw`\.objects\.all\(\)\.delete\(\)`,
  String.raw`\.objects\.delete\(\)`,
  String.raw`::truncate\(\s{0,5}\)`,
  String.raw`DB::table\([^)]{0,200}\)->(?:delete|truncate)\(\s{0,5}\)`,
  String.raw`::query\(\)->delete\(\s{0,5}\)`,
  String.raw`Schema::drop(?:IfExists)?\(`,
  String.raw`\b(?:drop_table|drop_database|drop_schema|truncate_tables?)\b`,
  String.raw`\b(?:execute|exec_query|statement|unprepared)\s{0,5}\(\s{0,5}["'](?:DROP|TRUNCATE|drop|truncate)\s`,
  String.raw`call_command\(\s{0,5}["']flush["']`,
].join('|'));

export const migrationsRules: readonly Rule[] = [
  // --- drizzle-kit ----------------------------------------------------------------------------
  {
    id: 'drizzle.push-force',
    programs: ['drizzle-kit'],
    category: 'sql',
    severity: 'critical',
    summary: 'Pushes the Drizzle schema to the database and auto-approves every data-loss statement (dropped tables and columns, truncated tables)',
    hint: 'Run drizzle-kit generate, read the SQL, and apply it with drizzle-kit migrate; push without --force against a throwaway database only',
    match: (a) => a.positionals.slice(0, 3).some((w) => w === 'push' || w.startsWith('push:')) && a.has('--force'),
    targets: (a) => nonEmpty(a.values('--url', '--config')),
    examples: {
      match: [
        'npx drizzle-kit push --force',
        'drizzle-kit push --config=drizzle.prod.config.ts --force',
        'pnpm drizzle-kit push --verbose --force',
        'bunx drizzle-kit push:pg --force',
      ],
      noMatch: ['npx drizzle-kit push', 'drizzle-kit push --strict --verbose', 'drizzle-kit generate', 'drizzle-kit migrate', 'drizzle-kit studio'],
    },
  },
  {
    id: 'drizzle.drop',
    programs: ['drizzle-kit'],
    category: 'sql',
    severity: 'low',
    summary: 'Deletes a generated migration and its snapshot from the Drizzle migrations folder',
    hint: 'Commit the migrations folder first; a migration already applied somewhere needs a new migration that reverses it instead',
    match: (a) => a.positionals[0] === 'drop',
    examples: {
      match: ['npx drizzle-kit drop', 'drizzle-kit drop --config drizzle.config.ts'],
      noMatch: ['npx drizzle-kit check', 'drizzle-kit up', 'drizzle-kit pull'],
    },
  },

  // --- MikroORM -------------------------------------------------------------------------------
  {
    id: 'mikro-orm.schema-drop',
    programs: ['mikro-orm', 'mikro-orm-esm'],
    category: 'sql',
    severity: 'critical',
    summary: 'Drops the MikroORM schema or database (schema:drop / schema:fresh --run, migration:fresh, migration:down --to 0)',
    hint: 'Back up the database first and check which database the MikroORM config points at; dump the SQL with --dump to read it',
    match: (a) => {
      const cmd = lower(a.positionals[0]);
      if (cmd === 'schema:drop' || cmd === 'schema:fresh') return a.has('--run', '-r');
      return cmd === 'migration:fresh' || (cmd === 'migration:down' && flagIs(a, ['--to', '-t'], '0'));
    },
    examples: {
      match: ['npx mikro-orm schema:drop --run', 'npx mikro-orm schema:fresh -r --seed DatabaseSeeder', 'mikro-orm migration:fresh', 'npx mikro-orm schema:drop --run --drop-db', 'npx mikro-orm migration:down --to 0'],
      noMatch: ['npx mikro-orm schema:drop --dump', 'npx mikro-orm schema:create --run', 'npx mikro-orm migration:up', 'npx mikro-orm migration:down', 'npx mikro-orm schema:fresh'],
    },
  },
  {
    id: 'mikro-orm.schema-update',
    programs: ['mikro-orm', 'mikro-orm-esm'],
    category: 'sql',
    severity: 'high',
    summary: 'Updates the schema to the entities, dropping tables and columns they no longer declare',
    hint: 'Run schema:update --dump first, or use --safe (no drops), or write a migration (migration:create)',
    match: (a) => lower(a.positionals[0]) === 'schema:update' && a.has('--run', '-r') && !a.has('--safe'),
    examples: {
      match: ['npx mikro-orm schema:update --run', 'mikro-orm schema:update -r --fk-checks'],
      noMatch: ['npx mikro-orm schema:update --run --safe', 'npx mikro-orm schema:update --dump'],
    },
  },

  // --- Flyway, Liquibase (also through Maven and Gradle) -------------------------------------
  {
    id: 'flyway.clean',
    programs: ['flyway', 'mvn', 'mvnw', 'gradle', 'gradlew'],
    category: 'sql',
    severity: 'critical',
    summary: 'Drops every object (tables, views, functions) in the schemas Flyway manages',
    hint: 'Keep cleanDisabled=true outside throwaway databases; back up and check -url / the Flyway environment first',
    match: (a) => {
      const words = a.positionals.map((w) => w.toLowerCase());
      if (a.program === 'flyway') return words.includes('clean');
      // `mvn clean` and `gradle clean` are the build's own clean: only the Flyway goal counts.
      return words.includes('flyway:clean') || words.includes('flywayclean');
    },
    targets: (a) => nonEmpty(settings(a, ['url', 'environment', 'schemas', 'configfiles'])),
    examples: {
      match: ['flyway clean', 'flyway -url=jdbc:postgresql://db.prod.internal:5432/app -user=app clean', 'flyway -cleanDisabled=false clean migrate', 'mvn flyway:clean -Dflyway.url=jdbc:mysql://localhost/shop', './gradlew flywayClean'],
      noMatch: ['flyway migrate', 'flyway info', 'mvn clean install', './gradlew clean build', 'flyway validate'],
    },
  },
  {
    id: 'liquibase.drop-all',
    programs: ['liquibase', 'mvn', 'mvnw', 'gradle', 'gradlew'],
    category: 'sql',
    severity: 'critical',
    summary: 'Drops every table, view and sequence in the database Liquibase connects to',
    hint: 'Back up the database first and check --url / the defaults file; roll back changesets with rollback instead',
    match: (a) => {
      const words = a.positionals.map((w) => w.toLowerCase().replace(/-/g, ''));
      if (a.program === 'liquibase') return words.includes('dropall');
      return words.includes('liquibase:dropall') || (a.program.startsWith('gradle') && words.includes('dropall'));
    },
    targets: (a) => nonEmpty([...settings(a, ['url', 'defaults-file', 'defaultsfile']), ...a.values('--url', '--defaults-file')]),
    examples: {
      match: ['liquibase dropAll', 'liquibase drop-all --url=jdbc:postgresql://db.prod.internal:5432/app', 'liquibase --defaults-file=liquibase.prod.properties drop-all', 'mvn liquibase:dropAll'],
      noMatch: ['liquibase update', 'liquibase status --verbose', 'liquibase rollback-count 1', 'mvn liquibase:update'],
    },
  },

  // --- Atlas, Sqitch ----------------------------------------------------------------------------
  {
    id: 'atlas.schema-clean',
    programs: ['atlas'],
    category: 'sql',
    severity: 'critical',
    summary: 'Removes every object (tables, views, data) from the database or schema Atlas connects to',
    hint: 'Back up the database first and check -u / --env; use atlas schema apply with a reviewed plan instead',
    match: (a) => a.sub('schema', 'clean'),
    targets: (a) => nonEmpty(a.values('-u', '--url', '--env')),
    examples: {
      match: ['atlas schema clean -u "mysql://root:pass@localhost:3306/example"', 'atlas schema clean --env prod --auto-approve'],
      noMatch: ['atlas schema inspect -u "postgres://localhost:5432/app"', 'atlas schema apply --env dev', 'atlas migrate status --env prod'],
    },
  },
  {
    id: 'sqitch.revert-all',
    programs: ['sqitch'],
    category: 'sql',
    severity: 'critical',
    summary: 'Reverts every deployed Sqitch change (revert or rebase with no change given), dropping what they created',
    hint: 'Back up the database first and revert to a named change (sqitch revert --to @HEAD^)',
    match: sqitchUndoesAll,
    targets: (a) => nonEmpty([...a.values('-t', '--target'), ...['revert', 'rebase'].flatMap((v) => sqitchOperands(a, v))]),
    examples: {
      match: ['sqitch revert', 'sqitch revert -y', 'sqitch revert db:pg://app@db.prod.internal/app -y', 'sqitch revert --target production -y', 'sqitch rebase -y'],
      noMatch: ['sqitch revert --to @HEAD^ -y', 'sqitch revert add_users -y', 'sqitch deploy', 'sqitch status', 'sqitch rebase --onto @HEAD~2 -y'],
    },
  },

  // --- goose, golang-migrate, dbmate, sql-migrate ---------------------------------------------
  {
    id: 'goose.reset',
    programs: ['goose'],
    category: 'sql',
    severity: 'critical',
    summary: 'Rolls back every goose migration (reset, down-to 0), dropping the tables they created',
    hint: 'Back up the database first and roll back one migration at a time (goose down)',
    match: (a) => {
      const cmd = commandOf(a, GOOSE_COMMANDS);
      return cmd?.name === 'reset' || (cmd?.name === 'down-to' && cmd.rest[0] === '0');
    },
    targets: (a) => a.positionals.filter((w) => w.includes('://') || w.includes('=')),
    examples: {
      match: ['goose reset', 'goose -dir db/migrations postgres "postgres://app@db.prod.internal/app" reset', 'goose down-to 0', 'GOOSE_DRIVER=postgres goose -dir migrations down-to 0'],
      noMatch: ['goose up', 'goose down', 'goose status', 'goose down-to 20240101120000', 'goose create reset_counters sql'],
    },
  },
  {
    id: 'golang-migrate.drop',
    programs: ['migrate'],
    category: 'sql',
    severity: 'critical',
    summary: 'Drops everything in the database golang-migrate connects to',
    hint: 'Back up the database first and check -database; roll back with `down N` instead',
    match: (a) => isGolangMigrate(a) && commandOf(a, MIGRATE_COMMANDS)?.name === 'drop',
    targets: (a) => nonEmpty(a.values('-database', '--database')),
    examples: {
      match: ['migrate -path db/migrations -database "postgres://app@db.prod.internal:5432/app?sslmode=require" drop -f', 'migrate -source file://migrations -database "$DATABASE_URL" drop'],
      noMatch: ['migrate -path db/migrations -database postgres://localhost/app up', 'migrate create -ext sql -dir db/migrations -seq drop_users', 'migrate -path db/migrations -database "$DATABASE_URL" version'],
    },
  },
  {
    id: 'golang-migrate.down-all',
    programs: ['migrate'],
    category: 'sql',
    severity: 'critical',
    summary: 'Applies every down migration (down without a count, or -all), dropping what they created',
    hint: 'Back up the database first and give down a count (migrate … down 1)',
    match: (a) => {
      const cmd = commandOf(a, MIGRATE_COMMANDS);
      return isGolangMigrate(a) && cmd?.name === 'down' && !/^\d+$/.test(cmd.rest[0] ?? '');
    },
    targets: (a) => nonEmpty(a.values('-database', '--database')),
    examples: {
      match: ['migrate -path db/migrations -database "$DATABASE_URL" down -all', 'migrate -database postgres://app@db.staging.internal/app -path ./migrations down'],
      noMatch: ['migrate -path db/migrations -database "$DATABASE_URL" down 1', 'migrate -path db/migrations -database "$DATABASE_URL" up 2'],
    },
  },
  {
    id: 'dbmate.drop',
    programs: ['dbmate'],
    category: 'sql',
    severity: 'critical',
    summary: 'Drops the database dbmate connects to',
    hint: 'Back up the database first and check --url / DATABASE_URL; roll back with dbmate rollback instead',
    match: (a) => commandOf(a, DBMATE_COMMANDS)?.name === 'drop',
    targets: (a) => nonEmpty(a.values('-u', '--url', '-e', '--env')),
    examples: {
      match: ['dbmate drop', 'dbmate --url "postgres://app@db.prod.internal:5432/app" drop', 'dbmate -e STAGING_DATABASE_URL drop'],
      noMatch: ['dbmate up', 'dbmate rollback', 'dbmate new drop_legacy_tables', 'dbmate status'],
    },
  },
  {
    id: 'sql-migrate.down-all',
    programs: ['sql-migrate'],
    category: 'sql',
    severity: 'critical',
    summary: 'Undoes every sql-migrate migration (down -limit=0), dropping what they created',
    hint: 'Back up the database first and undo one migration at a time (sql-migrate down)',
    match: (a) => a.sub('down') && flagIs(a, ['-limit', '--limit'], '0'),
    targets: (a) => nonEmpty(a.values('-env', '--env', '-config', '--config')),
    examples: {
      match: ['sql-migrate down -limit=0', 'sql-migrate down -env=production -limit=0'],
      noMatch: ['sql-migrate down', 'sql-migrate up', 'sql-migrate status -env=production'],
    },
  },

  // --- Diesel, SeaORM -------------------------------------------------------------------------
  {
    id: 'diesel.database-reset',
    programs: ['diesel'],
    category: 'sql',
    severity: 'critical',
    summary: 'Drops the Diesel database (database drop, or database reset which recreates it empty)',
    hint: 'Back up the database first and check DATABASE_URL / --database-url; revert single migrations instead',
    match: (a) => a.sub('database', ['reset', 'drop']),
    targets: (a) => nonEmpty(a.values('--database-url')),
    examples: {
      match: ['diesel database reset', 'diesel database drop --database-url postgres://app@db.prod.internal/app'],
      noMatch: ['diesel database setup', 'diesel migration run', 'diesel print-schema'],
    },
  },
  {
    id: 'diesel.migration-revert-all',
    programs: ['diesel'],
    category: 'sql',
    severity: 'critical',
    summary: 'Reverts every Diesel migration (revert or redo --all), dropping what they created',
    hint: 'Back up the database first and revert one migration at a time (diesel migration revert)',
    match: (a) => a.sub('migration', ['revert', 'redo']) && a.has('--all'),
    targets: (a) => nonEmpty(a.values('--database-url')),
    examples: {
      match: ['diesel migration revert --all', 'diesel migration redo --all --database-url "$DATABASE_URL"'],
      noMatch: ['diesel migration revert', 'diesel migration redo', 'diesel migration generate drop_users'],
    },
  },
  {
    id: 'sea-orm.migrate-fresh',
    programs: ['sea-orm-cli', 'cargo'],
    category: 'sql',
    severity: 'critical',
    summary: 'Drops every table or rolls back every SeaORM migration (migrate fresh, refresh, reset)',
    hint: 'Back up the database first and check DATABASE_URL / -u; roll back with migrate down -n 1 instead',
    match: (a) => {
      const verbs = ['fresh', 'refresh', 'reset'];
      if (a.program === 'sea-orm-cli') return a.sub('migrate', verbs);
      // The migration crate's own binary: `cargo run -p migration -- fresh`.
      const dashes = a.list.indexOf('--');
      const crate = [...a.values('-p', '--package', '--manifest-path', '--bin')].some((v) => v.includes('migration'));
      return a.sub('run') && crate && dashes >= 0 && verbs.includes(lower(a.list[dashes + 1]));
    },
    targets: (a) => nonEmpty(a.values('-u', '--database-url')),
    examples: {
      match: ['sea-orm-cli migrate fresh', 'sea-orm-cli migrate reset -u postgres://app@db.prod.internal/app', 'sea-orm-cli migrate refresh', 'cargo run -p migration -- fresh'],
      noMatch: ['sea-orm-cli migrate up', 'sea-orm-cli migrate down', 'sea-orm-cli migrate status', 'cargo run -p migration -- up', 'cargo run -- reset'],
    },
  },

  // --- Hasura, Payload, Strapi, Convex, EdgeDB -------------------------------------------------
  {
    id: 'hasura.migrate-down-all',
    programs: ['hasura', 'hasura-cli'],
    category: 'sql',
    severity: 'critical',
    summary: 'Applies every Hasura down migration (migrate apply --down all), dropping what they created',
    hint: 'Back up the database first and check --endpoint; roll back a number of steps (--down 1) instead',
    match: (a) => a.sub('migrate', 'apply') && flagIs(a, ['--down'], 'all'),
    targets: (a) => nonEmpty(a.values('--endpoint', '--database-name')),
    examples: {
      match: ['hasura migrate apply --down all --database-name default', 'hasura migrate apply --endpoint https://hasura.prod.acme.io --down all'],
      noMatch: ['hasura migrate apply', 'hasura migrate apply --down 1', 'hasura migrate status --database-name default'],
    },
  },
  {
    id: 'hasura.metadata-clear',
    programs: ['hasura', 'hasura-cli'],
    category: 'sql',
    severity: 'high',
    summary: 'Clears the Hasura metadata: every tracked table, relationship and permission disappears from the API',
    hint: 'Export the metadata first (hasura metadata export) and check --endpoint',
    match: (a) => a.sub('metadata', ['clear', 'reset']),
    targets: (a) => nonEmpty(a.values('--endpoint')),
    examples: {
      match: ['hasura metadata clear', 'hasura metadata reset --endpoint https://hasura.staging.acme.io'],
      noMatch: ['hasura metadata apply', 'hasura metadata export', 'hasura metadata reload'],
    },
  },
  {
    id: 'payload.migrate-fresh',
    programs: ['payload'],
    category: 'sql',
    severity: 'critical',
    summary: 'Drops every Payload collection or rolls back every migration (migrate:fresh, migrate:reset, migrate:refresh)',
    hint: 'Back up the database first and check DATABASE_URI; roll back one batch with migrate:down instead',
    match: (a) => ['migrate:fresh', 'migrate:reset', 'migrate:refresh'].includes(lower(a.positionals[0])),
    examples: {
      match: ['npx payload migrate:fresh', 'pnpm payload migrate:reset', 'payload migrate:refresh'],
      noMatch: ['npx payload migrate', 'npx payload migrate:status', 'payload migrate:create add-posts', 'payload migrate:down'],
    },
  },
  {
    id: 'strapi.import',
    programs: ['strapi'],
    category: 'sql',
    severity: 'critical',
    summary: 'Deletes all the Strapi project\'s data before importing a backup (import, or transfer --to a remote)',
    hint: 'Export the destination first (strapi export) and check which instance --to points at',
    match: (a) => a.sub('import') || (a.sub('transfer') && a.has('--to')),
    targets: (a) => nonEmpty(a.values('--to')),
    examples: {
      match: ['npx strapi import -f backup.tar.gz.enc --key s3cret', 'strapi import --file export.tar.gz --force', 'npx strapi transfer --to https://cms.prod.acme.io/admin --force'],
      noMatch: ['npx strapi export --no-encrypt -f backup', 'npx strapi develop', 'npx strapi transfer --from https://cms.acme.io/admin'],
    },
  },
  {
    id: 'convex.import-replace',
    programs: ['convex'],
    category: 'sql',
    severity: 'high',
    summary: 'Replaces the data of Convex tables with the imported file',
    hint: 'Export the deployment first (npx convex export) and import with --append, or into a dev deployment',
    match: (a) => a.sub('import') && a.has('--replace', '--replace-all'),
    targets: (a) => (a.has('--prod') ? ['prod'] : []),
    examples: {
      match: ['npx convex import --table users users.jsonl --replace', 'npx convex import --replace-all --prod snapshot.zip'],
      noMatch: ['npx convex import --table users users.jsonl', 'npx convex export --path backup.zip', 'npx convex dev'],
    },
  },
  {
    id: 'edgedb.wipe',
    programs: ['edgedb', 'gel'],
    category: 'sql',
    severity: 'critical',
    summary: 'Wipes or drops an EdgeDB/Gel database or branch, or destroys an instance with its data',
    hint: 'Dump it first (edgedb dump) and check -I / the linked instance',
    match: (a) => a.sub(['database', 'branch'], ['wipe', 'drop']) || a.sub('instance', 'destroy'),
    targets: (a) => nonEmpty([...a.values('-I', '--instance', '--dsn'), ...a.after(['database', 'branch', 'instance'], ['wipe', 'drop', 'destroy'])]),
    examples: {
      match: ['edgedb database wipe --non-interactive', 'gel branch wipe main --non-interactive', 'edgedb instance destroy -I prod_app --force', 'edgedb branch drop feature-x'],
      noMatch: ['edgedb migrate', 'edgedb branch create feature-x', 'gel instance list', 'edgedb dump backup.dump'],
    },
  },

  // --- Node: AdonisJS, db-migrate, kysely-ctl; Python: yoyo, Piccolo; Wasp; Hanami --------------
  {
    id: 'adonis.migration-fresh',
    programs: ['node', 'ace'],
    category: 'sql',
    severity: 'critical',
    summary: 'Drops every table or rolls back every AdonisJS migration (migration:fresh, reset, refresh, db:wipe, rollback --batch=0)',
    hint: 'Back up the database first and check NODE_ENV / DB_*; roll back one batch with migration:rollback instead',
    match: (a) => {
      const cmd = consoleCommand(a, 'ace', ['ace'])?.name;
      if (cmd === 'migration:rollback') return flagIs(a, ['--batch'], '0');
      return cmd === 'migration:fresh' || cmd === 'migration:reset' || cmd === 'migration:refresh' || cmd === 'db:wipe';
    },
    examples: {
      match: ['node ace migration:fresh --seed', 'node ace migration:reset --force', 'node ace db:wipe', 'node ace migration:rollback --batch=0', 'node ace migration:refresh'],
      noMatch: ['node ace migration:run', 'node ace migration:rollback', 'node ace migration:status', 'node server.js', 'node ace db:seed'],
    },
  },
  {
    id: 'db-migrate.reset',
    programs: ['db-migrate'],
    category: 'sql',
    severity: 'critical',
    summary: 'Rolls back every db-migrate migration (reset) or drops a database (db:drop)',
    hint: 'Back up the database first and check -e / database.json; roll back one migration with db-migrate down',
    match: (a) => ['reset', 'db:drop'].includes(lower(a.positionals[0])),
    targets: (a) => nonEmpty([...a.values('-e', '--env', '--config'), ...a.positionals.slice(1)]),
    examples: {
      match: ['db-migrate reset', 'npx db-migrate reset -e prod', 'db-migrate db:drop shop_staging'],
      noMatch: ['db-migrate up', 'db-migrate down', 'db-migrate create add-users', 'db-migrate db:create shop_dev'],
    },
  },
  {
    id: 'kysely.migrate-rollback-all',
    programs: ['kysely', 'kysely-ctl'],
    category: 'sql',
    severity: 'critical',
    summary: 'Rolls back every Kysely migration, dropping what they created',
    hint: 'Back up the database first and roll back one migration (kysely migrate:down)',
    match: (a) => (a.sub('migrate:rollback') || a.sub('migrate', 'rollback')) && a.has('--all'),
    examples: {
      match: ['npx kysely migrate:rollback --all', 'kysely migrate rollback --all'],
      noMatch: ['npx kysely migrate:latest', 'npx kysely migrate:down', 'kysely migrate list'],
    },
  },
  {
    id: 'yoyo.rollback-all',
    programs: ['yoyo', 'yoyo-migrate'],
    category: 'sql',
    severity: 'critical',
    summary: 'Rolls back every yoyo migration (rollback --all), dropping what they created',
    hint: 'Back up the database first and roll back a single revision (yoyo rollback --revision ID)',
    match: (a) => a.sub('rollback') && a.has('--all', '-a'),
    targets: (a) => nonEmpty([...a.values('--database', '-d'), ...a.positionals.filter((w) => w.includes('://'))]),
    examples: {
      match: ['yoyo rollback --all --batch --database postgresql://app@db.prod.internal/app ./migrations', 'yoyo rollback -a'],
      noMatch: ['yoyo apply --database postgresql://localhost/app ./migrations', 'yoyo rollback --revision 0003', 'yoyo list'],
    },
  },
  {
    id: 'piccolo.migrations-backwards-all',
    programs: ['piccolo'],
    category: 'sql',
    severity: 'critical',
    summary: 'Reverses every Piccolo migration of an app (or of all apps), dropping what they created',
    hint: 'Back up the database first and reverse one migration at a time',
    match: (a) => a.sub('migrations', 'backwards') && (a.after('migrations', 'backwards').includes('all') || flagIs(a, ['--migration_id'], 'all')),
    examples: {
      match: ['piccolo migrations backwards blog all', 'piccolo migrations backwards all --auto_agree'],
      noMatch: ['piccolo migrations backwards blog', 'piccolo migrations forwards all', 'piccolo migrations check'],
    },
  },
  {
    id: 'wasp.db-reset',
    programs: ['wasp'],
    category: 'sql',
    severity: 'high',
    summary: 'Drops all data and tables of the Wasp app\'s database and reapplies the migrations',
    hint: 'Check DATABASE_URL first; on a database that holds data run wasp db migrate-dev instead',
    match: (a) => a.sub('db', 'reset'),
    examples: {
      match: ['wasp db reset'],
      noMatch: ['wasp db migrate-dev', 'wasp db studio', 'wasp start'],
    },
  },
  {
    id: 'hanami.db-drop',
    programs: ['hanami'],
    category: 'sql',
    severity: 'critical',
    summary: 'Drops the Hanami application database',
    hint: 'Back up the database first and check HANAMI_ENV / DATABASE_URL',
    match: (a) => a.sub('db', 'drop'),
    examples: {
      match: ['hanami db drop', 'HANAMI_ENV=production bundle exec hanami db drop'],
      noMatch: ['hanami db migrate', 'hanami db create', 'hanami server'],
    },
  },

  // --- PHP: Doctrine (Symfony console, doctrine CLI) -----------------------------------------
  {
    id: 'doctrine.database-drop',
    programs: ['php', 'console', 'symfony', 'doctrine'],
    category: 'sql',
    severity: 'critical',
    summary: 'Drops the Doctrine database or schema, or migrates down to the first version',
    hint: 'Back up the database first and check APP_ENV / DATABASE_URL; run with --dump-sql to read the SQL',
    match: (a) => {
      const cmd = consoleCommand(a, 'console', ['console', 'doctrine']);
      if (!cmd) return false;
      const drops = ['doctrine:database:drop', 'doctrine:schema:drop', 'orm:schema-tool:drop'].some((full) => abbreviates(cmd.name, full));
      if (drops) return a.has('--force', '-f');
      return abbreviates(cmd.name, 'doctrine:migrations:migrate') && cmd.rest[0] === 'first';
    },
    targets: (a) => nonEmpty(a.values('--env', '-e', '--connection', '--conn')),
    examples: {
      match: [
        'php bin/console doctrine:database:drop --force',
        'bin/console doctrine:schema:drop --force --full-database',
        'symfony console doctrine:database:drop --force --if-exists --env=prod',
        'php bin/console d:d:d -f',
        'php bin/console doctrine:migrations:migrate first --no-interaction',
        'vendor/bin/doctrine orm:schema-tool:drop --force',
      ],
      noMatch: [
        'php bin/console doctrine:database:drop',
        'php bin/console doctrine:database:create',
        'php bin/console doctrine:migrations:migrate --no-interaction',
        'php bin/console doctrine:schema:drop --dump-sql',
        'php bin/console cache:clear',
      ],
    },
  },
  {
    id: 'doctrine.fixtures-purge',
    programs: ['php', 'console', 'symfony'],
    category: 'sql',
    severity: 'critical',
    summary: 'Purges every table of the Doctrine database before loading fixtures',
    hint: 'Load fixtures with --append, or only into a test database; check APP_ENV / DATABASE_URL first',
    match: (a) => {
      const cmd = consoleCommand(a, 'console', ['console']);
      return cmd !== undefined && abbreviates(cmd.name, 'doctrine:fixtures:load') && !a.has('--append');
    },
    targets: (a) => nonEmpty(a.values('--env', '-e')),
    examples: {
      match: ['php bin/console doctrine:fixtures:load --no-interaction', 'symfony console doctrine:fixtures:load -n --env=staging'],
      noMatch: ['php bin/console doctrine:fixtures:load --append', 'php bin/console doctrine:migrations:status'],
    },
  },

  // --- .NET: Entity Framework Core -------------------------------------------------------------
  {
    id: 'efcore.database-drop',
    programs: ['dotnet', 'drop-database', 'update-database'],
    category: 'sql',
    severity: 'critical',
    summary: 'Drops the Entity Framework database, or reverts every migration (database update 0)',
    hint: 'Back up the database first and check the connection string; revert to a named migration instead',
    match: (a) => {
      if (a.program === 'drop-database') return true;
      if (a.program === 'update-database') return flagIs(a, ['-Migration', '-migration'], '0') || a.positionals[0] === '0';
      if (a.sub('ef', 'database', 'drop')) return true;
      return a.sub('ef', 'database', 'update') && a.after('ef', 'database', 'update').includes('0');
    },
    targets: (a) => nonEmpty(a.values('--connection', '-Connection')),
    examples: {
      match: ['dotnet ef database drop --force', 'dotnet ef database drop -f --project src/Api', 'dotnet ef database update 0', 'Drop-Database -Force', 'Drop-Database -Context BloggingContext', 'Update-Database -Migration 0'],
      noMatch: ['dotnet ef database update', 'dotnet ef migrations add Init', 'dotnet ef database update AddUsers', 'dotnet build', 'Update-Database'],
    },
  },

  // --- sqlx-cli, and rollbacks of any tool ------------------------------------------------------
  {
    id: 'sqlx.database-drop',
    programs: ['sqlx', 'cargo'],
    category: 'sql',
    severity: 'critical',
    summary: 'Drops the database sqlx-cli connects to (database drop, or database reset which recreates it from the migrations)',
    hint: 'Back up the database first and check DATABASE_URL / -D; roll back single migrations with sqlx migrate revert instead',
    match: (a) => { const p = sqlxPath(a); return (p?.[0] === 'database' || p?.[0] === 'db') && ['drop', 'reset'].includes(p[1] ?? ''); },
    targets: (a) => nonEmpty(a.values('-D', '--database-url')),
    examples: {
      match: ['sqlx database drop -y', 'sqlx database reset -y', 'cargo sqlx database drop --database-url postgres://app@db.prod.internal/app'],
      noMatch: ['sqlx migrate run', 'sqlx database create', 'sqlx database setup', 'cargo sqlx prepare'],
    },
  },
  {
    id: 'migrations.rollback',
    programs: ROLLBACK_PROGRAMS,
    category: 'sql',
    severity: 'high',
    summary: 'Rolls back applied migrations, running down steps that drop the tables and columns they created with their data',
    hint: 'Back up the affected tables and check which database the connection points at; preview the SQL where the tool can (alembic downgrade --sql, migrate:rollback --pretend)',
    match: rollsBack,
    targets: (a) => nonEmpty([...a.values('-database', '--database', '--url', '--database-url', '--db-url', '--env', '--endpoint'),
      ...a.positionals.filter((w) => w.includes('://'))]),
    examples: {
      match: [
        'alembic downgrade -1', 'alembic downgrade ae10', 'atlas migrate down', 'supabase migration down --linked', 'flask db downgrade', 'npx knex migrate:down', 'knex migrate:rollback', 'sequelize db:migrate:undo',
        'npx typeorm migration:revert', 'goose down', 'migrate -path db -database $DATABASE_URL down 1', 'dbmate down', 'dbmate rollback', 'rails db:rollback',
        'bin/rails db:migrate:down VERSION=20240101120000', 'php artisan migrate:rollback', 'mix ecto.rollback', 'npx mikro-orm migration:down', 'diesel migration revert',
        'sqlx migrate revert', 'db-migrate down', 'npx payload migrate:down', 'hasura migrate apply --down 1', 'liquibase rollback-count 1', 'node ace migration:rollback',
      ],
      noMatch: [
        'alembic upgrade head', 'alembic history', 'alembic downgrade -1 --sql', 'knex migrate:latest', 'knex migrate:up', 'sequelize db:migrate', 'npx typeorm migration:run',
        'goose up', 'goose status', 'migrate -path db -database $DATABASE_URL up', 'dbmate up', 'rails db:migrate', 'php artisan migrate:rollback --pretend',
        'liquibase rollback-count-sql 1', 'sqlx migrate run', 'mix ecto.migrate', 'goose create down_users sql',
      ],
    },
  },

  // --- ORM consoles -----------------------------------------------------------------------------
  {
    id: 'orm.console-mass-delete',
    programs: ['rails', 'python', 'python3', 'py', 'manage.py', 'django-admin', 'php', 'artisan', 'sail'],
    category: 'sql',
    severity: 'high',
    summary: 'ORM console code deletes every row of a table or drops it (delete_all, objects.all().delete(), truncate)',
    hint: 'Narrow the query (where / filter) to the rows meant and count them first; back up the table',
    match: (a) => ORM_MASS_DELETE.test(consoleCode(a) ?? ''),
    targets: (a) => nonEmpty(a.values('-e', '--environment', '--settings')),
    examples: {
      match: [
        'bin/rails runner "User.delete_all"',
        "rails r 'Order.unscoped.destroy_all' -e production",
        'echo "Session.delete_all" | bin/rails console',
        'python manage.py shell -c "from app.models import Event; Event.objects.all().delete()"',
        "php artisan tinker --execute='App\\Models\\User::truncate()'",
        'bin/rails runner \'ActiveRecord::Base.connection.execute("TRUNCATE users")\'',
        "rails runner -e production 'User.destroy_all'",
        "bin/rails runner --environment=production 'Order.delete_all'",
        "bin/rails r -e staging 'ActiveRecord::Base.connection.drop_table(:users)'",
      ],
      noMatch: [
        'bin/rails runner "User.where(active: false).delete_all"',
        'bin/rails runner "puts User.count"',
        'python manage.py shell -c "print(Event.objects.count())"',
        "php artisan tinker --execute='User::where(\"id\", 3)->delete()'",
        'python manage.py shell -c "Event.objects.filter(old=True).delete()"',
        "rails runner -e production 'puts User.count'",
      ],
    },
  },
];
