// Which environment a matched command targets, with the evidence a human can check. Sources, in
// order of trust: explicit flags, connection targets (hosts, DSNs, buckets, URLs), the names the
// command acts on, `VAR=value` on the line, the process environment, then tools' own state.
import type { Args } from '../rules/args';
import type { Rule } from '../rules/types';
import type { SimpleCommand } from '../shell/command';
import { tierRank, type Category, type Environment, type Tier } from '../verdict';
import { remoteDatabase } from './hosts';
import { redact, redactValue } from './redact';
import { tierOfName, type EnvironmentMap } from './tiers';
import type { ToolState } from './toolState';

export interface EnvironmentContext {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string>>;
  readonly toolState: ToolState;
  readonly environments?: EnvironmentMap;
  /** What the project's configuration says the command will connect to (env files, config files). */
  readonly project?: ProjectTargets;
}

/** A name that may say an environment, with how it was found. */
export interface TargetCandidate {
  readonly name: string;
  readonly evidence: string | (() => string);
  /** A tier known from elsewhere than the name (a host that is a Docker Compose service is development). */
  readonly tier?: Tier;
  /** What the target is when its name says no tier ("Railway database monorail.proxy.rlwy.net"). */
  readonly label?: string;
}

export interface ProjectTargets {
  /**
   * `vars`: the variables that can name this command's environment; `category`: the finding's
   * family; `env`: the environment it runs with, whose variables no env file overrides.
   */
  candidates(command: SimpleCommand, vars: readonly string[], category: Category, env: Readonly<Record<string, string>>): readonly TargetCandidate[];
}

/** Flags that name an environment for every CLI that has them. */
const ENV_FLAGS = [
  '--environment', '--env', '--stage', '--context', '--kube-context', '--kubecontext', '--profile',
  '--project', '--project-id', '--app', '--stack', '-chdir', '-var-file', '--var-file', '--namespace',
  '--resource-group', '--workspace', '--remote', '--target', '--cluster', '--subscription',
  '--org', '--database', '--db', '--branch', '--stanza', '--inventory', '--limit',
  // The resource a cloud CLI acts on, by its own flag (`--instance=acme-prod-pg`, `--table-name orders-dev`).
  '--instance', '--instance-name', '--db-instance-identifier', '--db-cluster-identifier', '--cluster-name', '--table-name',
  '--function-name', '--service-name', '--stack-name', '--bucket', '--project_id', '--zone', '--name',
];
const TIER_FLAGS = ['--prod', '--production', '--staging'];
const HOST_FLAGS = [
  '--host', '--hostname', '--url', '--uri', '--server', '--endpoint', '--endpoint-url', '--dbname',
  // Message brokers and their admin APIs (kafka-*, rpk, rabbitmqadmin, pulsar-admin).
  '--bootstrap-server', '--broker-list', '--brokers', '--bootstrap-controller', '--zookeeper', '--admin-url', '--admin-service-url',
  // Vault and its kin (`vault kv destroy -address=https://vault.prod…`).
  '-address',
];
/**
 * Short flags mean different things to different programs (`-e` is SQL to mysql and a referer to
 * curl), so each counts only for the programs where it names an environment or a host.
 */
const SHORT_FLAGS: readonly { readonly programs: readonly string[]; readonly env?: readonly string[]; readonly host?: readonly string[] }[] = [
  { programs: ['railway'], env: ['-e', '-s'] },
  { programs: ['heroku'], env: ['-a', '-r'] },
  { programs: ['fly', 'flyctl'], env: ['-a'] },
  { programs: ['pulumi'], env: ['-s'] },
  { programs: ['serverless', 'sls'], env: ['-s'] },
  { programs: ['kubectl', 'k', 'oc', 'helm', 'kubecolor'], env: ['-n'] },
  { programs: ['az'], env: ['-g'] },
  { programs: ['firebase'], env: ['-P'] },
  { programs: ['doppler'], env: ['-c', '--config'] },
  { programs: ['ansible', 'ansible-playbook', 'ansible-inventory'], env: ['-i', '-l'] },
  { programs: ['psql', 'pg_dump', 'pg_restore', 'dropdb', 'createdb', 'dropuser', 'vacuumdb', 'reindexdb'], host: ['-h', '-d'] },
  { programs: ['mysql', 'mysqldump', 'mysqladmin', 'mariadb', 'redis-cli', 'valkey-cli', 'clickhouse-client', 'mongosh', 'mongo'], host: ['-h'] },
  { programs: ['docker', 'podman'], host: ['-H'] },
];

/** The flags of each kind that name an environment or a host for a program, built once per program. */
const FLAG_SETS = new Map<string, { readonly env: ReadonlySet<string>; readonly host: ReadonlySet<string> }>();

function flagsOf(program: string, kind: 'env' | 'host'): ReadonlySet<string> {
  let sets = FLAG_SETS.get(program);
  if (!sets) {
    const short = SHORT_FLAGS.find((f) => f.programs.includes(program));
    sets = { env: new Set([...ENV_FLAGS, ...(short?.env ?? [])]), host: new Set([...HOST_FLAGS, ...(short?.host ?? [])]) };
    FLAG_SETS.set(program, sets);
  }
  return sets[kind];
}

const URL_LIKE = /^[a-z][a-z0-9+.-]{0,24}:\/\/\S+|^[\w.-]{1,256}@[\w.-]{1,256}:/i;
const RAKE_ASSIGNMENT = /^([A-Z][A-Z0-9_]*)=(.+)$/;
const RELEVANT_VAR = /^(?:[A-Z0-9_]*_)?(?:KUBECONFIG|ENV|ENVIRONMENT|ENVIRONMENT_NAME|STAGE|PROFILE|PROJECT|CONTEXT|KUBECONTEXT|WORKSPACE|URL|URI|HOST|DSN|APP|APP_NAME|DATABASE|SETTINGS_MODULE)$/;

/** Process-environment variables worth reading, per program (a stray AWS_PROFILE says nothing about `kubectl`). */
const PROGRAM_VARS: readonly { readonly programs: readonly string[]; readonly vars: readonly string[] }[] = [
  { programs: ['railway', 'curl', 'wget', 'http', 'https', 'xh'], vars: ['RAILWAY_ENVIRONMENT', 'RAILWAY_ENVIRONMENT_NAME'] },
  { programs: ['heroku'], vars: ['HEROKU_APP'] },
  { programs: ['fly', 'flyctl'], vars: ['FLY_APP', 'FLY_APP_NAME'] },
  { programs: ['vercel'], vars: ['VERCEL_ENV'] },
  { programs: ['supabase'], vars: ['SUPABASE_PROJECT_REF'] },
  { programs: ['aws', 'sam', 'cdk', 'serverless', 'sls', 'eksctl', 'terraform', 'tofu', 'terragrunt', 'pulumi'], vars: ['AWS_PROFILE', 'AWS_DEFAULT_PROFILE'] },
  { programs: ['gcloud', 'gsutil', 'bq', 'terraform', 'tofu', 'pulumi'], vars: ['CLOUDSDK_CORE_PROJECT', 'GOOGLE_CLOUD_PROJECT'] },
  { programs: ['az'], vars: ['AZURE_DEFAULTS_GROUP'] },
  { programs: ['doctl'], vars: ['DIGITALOCEAN_CONTEXT'] },
  { programs: ['terraform', 'tofu', 'terragrunt'], vars: ['TF_WORKSPACE'] },
  { programs: ['pulumi'], vars: ['PULUMI_STACK'] },
  { programs: ['serverless', 'sls'], vars: ['SLS_STAGE'] },
  { programs: ['kubectl', 'k', 'oc', 'helm', 'kubecolor'], vars: ['HELM_KUBECONTEXT', 'KUBECONTEXT', 'KUBECONFIG'] },
  { programs: ['docker', 'podman', 'docker-compose'], vars: ['DOCKER_CONTEXT', 'DOCKER_HOST', 'COMPOSE_PROJECT_NAME'] },
  { programs: ['vault', 'bao'], vars: ['VAULT_ADDR', 'VAULT_NAMESPACE', 'BAO_ADDR'] },
  { programs: ['restic', 'rustic'], vars: ['RESTIC_REPOSITORY'] },
  { programs: ['borg', 'borgmatic'], vars: ['BORG_REPO'] },
  { programs: ['wal-g', 'wal-e'], vars: ['WALG_S3_PREFIX', 'WALE_S3_PREFIX'] },
  { programs: ['doppler'], vars: ['DOPPLER_CONFIG', 'DOPPLER_ENVIRONMENT'] },
  { programs: ['infisical'], vars: ['INFISICAL_ENVIRONMENT'] },
  { programs: ['ansible', 'ansible-playbook'], vars: ['ANSIBLE_INVENTORY'] },
];
/** Database clients and frameworks read connection settings from these. */
const SQL_VARS = [
  'DATABASE_URL', 'DATABASE_URI', 'POSTGRES_URL', 'PGHOST', 'PGDATABASE', 'PGSERVICE', 'MYSQL_HOST', 'MYSQL_DATABASE', 'DB_HOST',
  'DB_DATABASE', 'REDIS_URL', 'MONGO_URL', 'MONGODB_URI', 'MONGO_URI', 'SQLALCHEMY_DATABASE_URI', 'GOOSE_DBSTRING', 'FLYWAY_URL',
  'LIQUIBASE_COMMAND_URL', 'MIKRO_ORM_CLIENT_URL', 'RAILS_ENV', 'RACK_ENV', 'HANAMI_ENV', 'APP_ENV', 'NODE_ENV', 'MIX_ENV',
  'FLASK_ENV', 'DJANGO_SETTINGS_MODULE', 'ASPNETCORE_ENVIRONMENT', 'DOTNET_ENVIRONMENT',
];
const GENERIC_VARS = ['ENVIRONMENT', 'APP_ENV', 'STAGE', 'DEPLOY_ENV'];

/** Families whose commands act on this machine: their own flags and paths name no environment. */
export const LOCAL: ReadonlySet<Category> = new Set(['filesystem', 'git', 'shell', 'interpreters']);

/** The environment the command runs with: the line's, and what a script it was read from set before it. */
function envOf(command: SimpleCommand, context: EnvironmentContext): Readonly<Record<string, string>> {
  return command.scope ? { ...context.env, ...Object.fromEntries(command.scope) } : context.env;
}

/** `evidence` is built only for the candidate that is chosen: most name no tier. */
type Candidate = TargetCandidate;
/** Flags, connection targets, named targets, assignments, project files, the environment, tools' state. */
const GROUPS = 7;

/**
 * `informational`: the first group that names a tier answers, without looking further for a more
 * sensitive one — for allowed commands, whose environment only informs the audit log.
 */
export function resolveEnvironment(command: SimpleCommand, args: Args, rule: Pick<Rule, 'category' | 'targets' | 'programs'>,
  context: EnvironmentContext, informational = false): Environment {
  const local = LOCAL.has(rule.category);
  const chain = ancestry(command);
  const vars = relevantVars(rule, command.program);
  // A file path named `dev`, `local` or `sandbox` is no sign that deleting it is harmless
  // (`rm -rf /srv/dev-backups`, `rm -rf ~/.local/share/keyrings`): for files, names only raise the tier.
  const targetsRaiseOnly = rule.category === 'filesystem';
  let env: Readonly<Record<string, string>> | undefined;
  const commandEnv = (): Readonly<Record<string, string>> => (env ??= envOf(command, context));
  /** Each group's candidates, in order of trust (built only when the groups before name no production). */
  const group = (index: number, out: Candidate[]): void => {
    switch (index) {
      case 0: chain.forEach((c, i) => { if (i > 0 || !local) flagCandidates(c, i === 0 ? args : undefined, out); }); break;
      case 1: chain.forEach((c, i) => {
        if (c.target) out.push({ name: c.target, evidence: c.via[c.via.length - 1] ?? c.target });
        if (i > 0 || !local) urlCandidates(c, out);
      }); break;
      case 2:
        for (const name of rule.targets?.(args) ?? []) out.push({ name, evidence: name });
        variableCandidates(command, commandEnv(), out);
        break;
      case 3: for (const c of chain) assignmentCandidates(c, vars, out); break;
      case 4: if (context.project) out.push(...context.project.candidates(command, vars, rule.category, commandEnv())); break;
      case 5: envCandidates(vars, commandEnv(), out); break;
      default: if (!local) toolStateCandidates(rule.programs, context, out);
    }
  };
  // The most trusted group that names a tier decides, but a less trusted one that names a more
  // sensitive tier still wins: a stray `dev` must never hide production.
  let first: Environment | undefined;
  let worst: Environment | undefined;
  let labelled: Environment | undefined;
  for (let index = 0; index < GROUPS; index++) {
    const candidates: Candidate[] = [];
    group(index, candidates);
    if (!labelled) {
      for (const c of candidates) {
        // Only a database command's target is a database (`backboard.railway.app` is Railway's API).
        const name = rule.category === 'sql' ? c.label ?? remoteDatabase(c.name) : undefined;
        if (name) { labelled = { tier: 'unknown', name, evidence: redact(typeof c.evidence === 'string' ? c.evidence : c.evidence()) }; break; }
      }
    }
    const found = decideGroup(candidates, context.environments);
    if (!found || (targetsRaiseOnly && index === 2 && found.tier === 'development')) continue;
    // Nothing outranks production: the rest cannot change the answer.
    if (!first && (found.tier === 'production' || informational)) return found;
    first ??= found;
    const named = found.tier === 'production' || found.tier === 'staging';
    if (named && (!worst || tierRank(found.tier) > tierRank(worst.tier))) worst = found;
  }
  // Nothing says the tier, but the target is known: a managed provider's database is named.
  if (!first) return labelled ?? { tier: 'unknown' };
  return worst && tierRank(worst.tier) > tierRank(first.tier) ? worst : first;
}

/**
 * The most sensitive tier the candidates name. Development only when every candidate names it:
 * `git push -f origin main dev` pushes to `origin`, which says nothing.
 */
function decideGroup(candidates: readonly Candidate[], environments: EnvironmentMap | undefined): Environment | undefined {
  let best: Environment | undefined;
  let unnamed = false;
  for (const c of candidates) {
    // A tier read from the redacted name, so a password's letters never name one; most names
    // name none, so the cheap raw check comes first.
    const tier = c.tier ?? (tierOfName(c.name, environments) && tierOfName(redact(c.name), environments));
    if (!tier) { unnamed = true; continue; }
    const name = redact(c.name);
    if (!best || tierRank(tier) > tierRank(best.tier)) best = { tier, name, evidence: redact(typeof c.evidence === 'string' ? c.evidence : c.evidence()) };
  }
  if (best?.tier === 'development' && unnamed) return { tier: 'unknown' };
  return best;
}

function ancestry(command: SimpleCommand): SimpleCommand[] {
  const chain: SimpleCommand[] = [];
  for (let c: SimpleCommand | undefined = command; c && chain.length < 16; c = c.parent) chain.push(c);
  return chain;
}

/**
 * `flag value` / `flag=value` for each of `flags` present, as evidence text, with the value as the
 * name (`host` reads it as a URL's host and path).
 */
function flagValues(command: SimpleCommand, args: Args | undefined, flags: ReadonlySet<string>, out: Candidate[], host: boolean): void {
  const argv = command.argv;
  const count = args ? args.list.length : argv.length - 1;
  const at = (i: number): string => (args ? args.list[i] : argv[i + 1]?.value) ?? '';
  for (let i = 0; i < count; i++) {
    const arg = at(i);
    // Flag values of an inner command (`kubectl exec … -- psql -h …`) are not this command's.
    if (arg === '--') break;
    if (!arg.startsWith('-')) continue;
    const eq = arg.indexOf('=');
    let evidence: string | undefined;
    if (eq > 0 && flags.has(arg.slice(0, eq))) evidence = arg;
    else if (flags.has(arg) && i + 1 < count) evidence = `${arg} ${at(i + 1)}`;
    if (evidence === undefined) continue;
    const value = evidence.replace(/^\S+?[= ]/, '');
    out.push({ name: host ? hostAndPath(value) : value, evidence });
  }
}

function flagCandidates(command: SimpleCommand, args: Args | undefined, out: Candidate[]): void {
  flagValues(command, args, flagsOf(command.program, 'env'), out, false);
  for (let i = 1; i < command.argv.length; i++) {
    const value = command.argv[i]?.value ?? '';
    // `vercel deploy --prod`, `netlify deploy --prod`: a flag that is itself a tier.
    if (TIER_FLAGS.includes(value)) out.push({ name: value.slice(2), evidence: value });
    // Upper case first, as the pattern needs: most words are not `NAME=value`.
    const first = value.charCodeAt(0);
    const m = first >= 65 && first <= 90 ? RAKE_ASSIGNMENT.exec(value) : null;
    if (m && RELEVANT_VAR.test(m[1] ?? '')) out.push({ name: m[2] ?? '', evidence: () => redactValue(m[1] ?? '', value) });
  }
}

function urlCandidates(command: SimpleCommand, out: Candidate[]): void {
  flagValues(command, undefined, flagsOf(command.program, 'host'), out, true);
  for (let i = 1; i < command.argv.length; i++) {
    const value = command.argv[i]?.value ?? '';
    // A bounded scheme keeps this linear on a long word with no URL in it.
    if (!value.includes('://')) {
      // Without `://`, only `user@host:` can be URL_LIKE.
      if (value.includes('@') && URL_LIKE.test(value)) out.push({ name: value, evidence: value });
      continue;
    }
    for (const match of value.matchAll(/(?<![a-z0-9+.-])[a-z][a-z0-9+.-]{0,24}:\/\/[^\s'"]+/gi)) {
      out.push({ name: hostAndPath(match[0]), evidence: match[0] });
    }
  }
}

/** The parts of a URL that name an environment: host and path, never user info or query. */
function hostAndPath(url: string): string {
  const noScheme = url.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  const afterAuth = noScheme.slice(noScheme.lastIndexOf('@', noScheme.indexOf('/') >= 0 ? noScheme.indexOf('/') : noScheme.length) + 1);
  return afterAuth.split(/[?#]/)[0] ?? afterAuth;
}

/** `psql "$DATABASE_URL" …`, `printenv DATABASE_URL`: the variable's value names the target. */
function variableCandidates(command: SimpleCommand, env: Readonly<Record<string, string>>, out: Candidate[]): void {
  const add = (name: string): void => {
    // Upper-case names only, checked first: most words are not variables at all.
    const first = name.charCodeAt(0);
    if (first < 65 || first > 90 || !/^[A-Z][A-Z0-9_]*$/.test(name)) return;
    const value = env[name];
    if (value === undefined) return;
    out.push({ name: name.endsWith('URL') || name.endsWith('URI') ? hostAndPath(value) : value, evidence: () => `$${name} (${redactValue(name, value)})` });
  };
  for (let i = 1; i < command.argv.length; i++) {
    const word = command.argv[i];
    if (!word) continue;
    if (!word.dynamic) add(word.value);
    else for (const m of word.value.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)) add(m[1] ?? '');
  }
}

/**
 * The variables that can name the environment of these programs. A variable the program never
 * reads says nothing (`NODE_ENV=development git push -f` still pushes to the same remote), and
 * local families read none.
 */
/** Per rule (its category and programs never change) and program, computed once. */
const RELEVANT_VARS = new WeakMap<object, Map<string, readonly string[]>>();

function relevantVars(rule: Pick<Rule, 'category' | 'programs'>, program: string): readonly string[] {
  if (LOCAL.has(rule.category)) return [];
  let byProgram = RELEVANT_VARS.get(rule);
  if (!byProgram) {
    byProgram = new Map();
    RELEVANT_VARS.set(rule, byProgram);
  }
  let vars = byProgram.get(program);
  if (!vars) {
    vars = readRelevantVars(rule.category, [program, ...rule.programs]);
    byProgram.set(program, vars);
  }
  return vars;
}

function readRelevantVars(category: Category, programs: readonly string[]): readonly string[] {
  return [
    ...PROGRAM_VARS.filter((p) => p.programs.some((name) => programs.includes(name))).flatMap((p) => p.vars),
    ...(category === 'sql' ? SQL_VARS : []),
    ...GENERIC_VARS,
  ];
}

function assignmentCandidates(command: SimpleCommand, names: readonly string[], out: Candidate[]): void {
  for (const [name, value] of command.assignments) {
    if (names.includes(name)) out.push({ name: name.endsWith('URL') || name.endsWith('URI') ? hostAndPath(value) : value, evidence: () => `${name}=${redactValue(name, value)}` });
  }
}

function envCandidates(names: readonly string[], env: Readonly<Record<string, string>>, out: Candidate[]): void {
  for (const name of names) {
    const value = env[name];
    if (!value) continue;
    const target = name.endsWith('URL') || name.endsWith('URI') ? hostAndPath(value) : value;
    out.push({ name: target, evidence: () => `$${name} (${redactValue(name, value)})` });
  }
}

function toolStateCandidates(programs: readonly string[], context: EnvironmentContext, out: Candidate[]): void {
  const { toolState, cwd, env } = context;
  const has = (...names: string[]): boolean => names.some((n) => programs.includes(n));
  const add = (value: string | undefined, evidence: string): void => { if (value) out.push({ name: value, evidence: `${evidence}: ${value}` }); };
  if (has('kubectl', 'k', 'oc', 'helm', 'kubecolor')) add(toolState.kubeContext(env), 'kube current-context');
  if (has('terraform', 'tofu', 'terragrunt')) add(toolState.terraformWorkspace(cwd, env), 'terraform workspace');
  if (has('railway', 'curl')) add(toolState.railwayEnvironment(cwd), 'railway linked environment');
  if (has('gcloud', 'gsutil')) add(toolState.gcloudProject(env), 'gcloud active project');
}
