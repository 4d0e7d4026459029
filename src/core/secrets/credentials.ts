// Which credential a flagged command would act with, and how it gets it — shown to the human who
// decides ("Railway account or workspace token, RAILWAY_API_TOKEN set on the command line"). The
// incident's token was broader than the task needed; naming it is how a reviewer notices. Never
// the value: only names of variables, flags and headers.
import type { SimpleCommand } from '../shell/command';
import { inlineCode, stringLiterals } from '../shell/interpreters';
import type { Origin } from './origins';

export interface Credential {
  /** What it is: "Railway account or workspace token". */
  readonly kind: string;
  /** How the command gets it: "RAILWAY_API_TOKEN set on the command line". */
  readonly where: string;
  /** How far it reaches, where the provider tells. */
  readonly reach?: string;
  /** The workspace file that defines the same value, when Airlock found one. */
  readonly origin?: Origin;
}

/** One way a flagged command gets a credential, with what tracing it to a file needs. */
export interface CredentialUse {
  readonly credential: Credential;
  readonly command: SimpleCommand;
  /** The variable the command reads it from when it runs (the environment, or a file the line loads). */
  readonly variable?: string;
  /** Values written on the line itself: compared with the files, never kept or shown. */
  readonly literals: readonly string[];
  /** The variable name a file would likely define it under. */
  readonly hint?: string;
  /** Found by its place (a flag, a header, a URL), so its kind is generic: a file's variable names it better. */
  readonly generic?: boolean;
}

/** The variables a command gets from files the line loads first (`source .env.production && …`), with each file. */
export type LoadedVariables = (command: SimpleCommand) => ReadonlyMap<string, string>;

interface CredentialVariable {
  readonly names: readonly string[];
  readonly kind: string;
  readonly reach?: string;
  /** Programs that read the variable by themselves, so an inherited value counts for them. */
  readonly programs: readonly string[];
}

export interface CredentialExample {
  readonly line: string;
  readonly env?: Readonly<Record<string, string>>;
  /** The kind expected, or undefined when no credential may be named. */
  readonly kind: string | undefined;
  readonly where?: string;
}

/** Variables the providers' CLIs and SDKs read, as documented by each provider. */
export const CREDENTIAL_VARIABLES: readonly CredentialVariable[] = [
  { names: ['RAILWAY_API_TOKEN'], kind: 'Railway account or workspace token', reach: 'reaches every project of its account or workspace', programs: ['railway'] },
  { names: ['RAILWAY_TOKEN'], kind: 'Railway project token', reach: 'reaches one environment of one project', programs: ['railway'] },
  { names: ['AWS_SECRET_ACCESS_KEY', 'AWS_ACCESS_KEY_ID', 'AWS_SESSION_TOKEN'], kind: 'AWS access key', programs: ['aws', 'terraform', 'tofu', 'cdk', 'pulumi', 'sam', 'eksctl'] },
  { names: ['GOOGLE_APPLICATION_CREDENTIALS', 'CLOUDSDK_AUTH_ACCESS_TOKEN_FILE'], kind: 'Google Cloud credentials file', programs: ['gcloud', 'gsutil', 'bq', 'terraform', 'tofu', 'pulumi'] },
  { names: ['AZURE_CLIENT_SECRET'], kind: 'Azure service principal secret', programs: ['az', 'terraform', 'tofu', 'pulumi'] },
  { names: ['GH_TOKEN', 'GITHUB_TOKEN'], kind: 'GitHub token', programs: ['gh'] },
  { names: ['GITLAB_TOKEN'], kind: 'GitLab token', programs: ['glab'] },
  { names: ['HEROKU_API_KEY'], kind: 'Heroku API key', reach: 'reaches every app of its account', programs: ['heroku'] },
  { names: ['FLY_API_TOKEN', 'FLY_ACCESS_TOKEN'], kind: 'Fly.io token', programs: ['fly', 'flyctl'] },
  { names: ['VERCEL_TOKEN'], kind: 'Vercel token', programs: ['vercel'] },
  { names: ['NETLIFY_AUTH_TOKEN'], kind: 'Netlify token', programs: ['netlify'] },
  { names: ['SUPABASE_ACCESS_TOKEN'], kind: 'Supabase access token', reach: 'reaches every project of its account', programs: ['supabase'] },
  { names: ['DIGITALOCEAN_ACCESS_TOKEN'], kind: 'DigitalOcean token', programs: ['doctl'] },
  { names: ['CLOUDFLARE_API_TOKEN'], kind: 'Cloudflare API token', programs: ['wrangler'] },
  { names: ['PGPASSWORD'], kind: 'PostgreSQL password', programs: ['psql', 'pg_dump', 'pg_restore', 'dropdb', 'createdb', 'pg_dumpall'] },
  { names: ['MYSQL_PWD'], kind: 'MySQL password', programs: ['mysql', 'mysqldump', 'mysqladmin', 'mariadb'] },
  { names: ['KUBECONFIG'], kind: 'Kubernetes config file', programs: ['kubectl', 'helm', 'k9s'] },
];

export const CREDENTIAL_EXAMPLES: readonly CredentialExample[] = [
  { line: 'RAILWAY_API_TOKEN=abc railway volume delete -v pgdata -y', kind: 'Railway account or workspace token', where: 'RAILWAY_API_TOKEN set on the command line' },
  { line: 'export RAILWAY_TOKEN=abc; railway volume delete -v pgdata -y', kind: 'Railway project token', where: 'RAILWAY_TOKEN set on the command line' },
  { line: 'railway volume delete -v pgdata -y', env: { RAILWAY_API_TOKEN: 'x' }, kind: 'Railway account or workspace token', where: 'RAILWAY_API_TOKEN from the environment' },
  { line: 'curl -H "Authorization: Bearer $RAILWAY_API_TOKEN" -d \'{"query":"mutation { volumeDelete(volumeId: \\"v\\") }"}\' https://backboard.railway.app/graphql/v2', kind: 'Railway account or workspace token', where: '$RAILWAY_API_TOKEN in the command' },
  { line: 'curl -X DELETE -H "Authorization: Bearer abc" https://api.example.com/v1/projects/1', kind: 'bearer token', where: 'an Authorization header on the command line' },
  { line: 'heroku apps:destroy -a shop --confirm shop --api-key abc', kind: 'API key or token', where: 'the --api-key flag on the command line' },
  { line: 'psql postgres://admin:pw@prod-db/app -c "DROP TABLE users"', kind: 'database password', where: 'the connection URL on the command line' },
  { line: 'PGPASSWORD=pw dropdb -h prod-db app', kind: 'PostgreSQL password', where: 'PGPASSWORD set on the command line' },
  // An inherited variable counts only for the programs that read it.
  { line: 'rm -rf /srv/app', env: { RAILWAY_API_TOKEN: 'x' }, kind: undefined },
  { line: 'railway volume delete -v pgdata -y', kind: undefined },
  { line: 'psql postgres://prod-db/app -c "DROP TABLE users"', kind: undefined },
];

const VARIABLES: ReadonlyMap<string, CredentialVariable> = new Map(CREDENTIAL_VARIABLES.flatMap((v) => v.names.map((n) => [n, v] as const)));
/** The variables each program reads, in VARIABLES' order. */
const READ_BY = new Map<string, [string, CredentialVariable][]>();
for (const [name, v] of VARIABLES) for (const program of new Set(v.programs)) READ_BY.set(program, [...READ_BY.get(program) ?? [], [name, v]]);
const REFERENCE = /\$\{?([A-Z_][A-Z0-9_]*)/g;
/** A value that is only a variable: `$PROD_TOKEN`, `${PROD_TOKEN}`. */
const ONLY_REFERENCE = /^\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?$/;
const SECRET_FLAG = /^--?[\w-]*(?:token|api-?key|access-?key|password|secret)(?:=|$)/i;
const BEARER = /^(?:authorization|proxy-authorization)\s*:/i;
const URL_PASSWORD = /^(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|redis|rediss|amqps?):\/\/[^\s/@:]*:([^\s/@]+)@/i;
const NOTHING_LOADED: LoadedVariables = () => new Map();

/**
 * The first credential the flagged commands use: a known variable set on the line or referenced
 * in it, one inherited that the command's program reads, a secret flag, an Authorization header,
 * a password in a connection URL.
 */
export function findCredential(
  commands: Iterable<SimpleCommand>, line: string, assigned: ReadonlyMap<string, string>, env: Readonly<Record<string, string>>,
): Credential | undefined {
  for (const use of credentialUses(commands, line, assigned, env)) return use.credential;
  return undefined;
}

/** Every credential use of the commands, in the order `findCredential` prefers them. */
export function* credentialUses(commands: Iterable<SimpleCommand>, line: string, assigned: ReadonlyMap<string, string>,
  env: Readonly<Record<string, string>>, loaded: LoadedVariables = NOTHING_LOADED): Generator<CredentialUse> {
  for (const command of commands) {
    yield* fromVariables(command, line, assigned, env, loaded(command));
    yield* fromArguments(command);
    yield* fromCode(command);
  }
}

function credential(v: CredentialVariable, where: string): Credential {
  return v.reach ? { kind: v.kind, where, reach: v.reach } : { kind: v.kind, where };
}

/** The credential a known variable names, with `base`'s description of how the command gets it. */
export function credentialOfVariable(name: string, base: Credential): Credential | undefined {
  const v = VARIABLES.get(name);
  return v && credential(v, base.where);
}

/** A value written on the line, or a variable read when the command runs. */
function valueParts(value: string | undefined): Pick<CredentialUse, 'variable' | 'literals'> {
  const reference = ONLY_REFERENCE.exec(value ?? '')?.[1];
  return reference ? { variable: reference, literals: [] } : { literals: value ? [value] : [] };
}

function* fromVariables(command: SimpleCommand, line: string, assigned: ReadonlyMap<string, string>,
  env: Readonly<Record<string, string>>, loaded: ReadonlyMap<string, string>): Generator<CredentialUse> {
  for (const name of [...command.assignments.keys(), ...assigned.keys()]) {
    const v = VARIABLES.get(name);
    // A file the line sources (`set -a; source .env.production`) loads it; an assignment sets it.
    const how = !command.assignments.has(name) && loaded.has(name) ? 'loaded by' : 'set on';
    if (v) yield { credential: credential(v, `${name} ${how} the command line`), command, hint: name, ...valueParts(command.assignments.get(name) ?? assigned.get(name)) };
  }
  for (const [, name = ''] of line.slice(command.span[0], command.span[1]).matchAll(REFERENCE)) {
    const v = VARIABLES.get(name);
    if (v) yield { credential: credential(v, `$${name} in the command`), command, variable: name, literals: [] };
  }
  for (const [name, v] of READ_BY.get(command.program) ?? []) {
    const from = loaded.has(name) ? 'loaded by the command line' : env[name] !== undefined ? 'from the environment' : undefined;
    if (from) yield { credential: credential(v, `${name} ${from}`), command, variable: name, literals: [] };
  }
}

/** Environment reads in interpreter code (`process.env.RAILWAY_API_TOKEN`, `os.environ["X"]`). */
const CODE_ENV_READ = /process\.env\.([A-Z_][A-Z0-9_]*)|process\.env\[['"]([A-Z_][A-Z0-9_]*)['"]\]|Deno\.env\.get\(\s*['"]([A-Z_][A-Z0-9_]*)['"]|os\.environ(?:\.get)?\s*[[(]\s*['"]([A-Z_][A-Z0-9_]*)['"]|os\.getenv\(\s*['"]([A-Z_][A-Z0-9_]*)['"]|ENV(?:\.fetch\(\s*|\[\s*)['"]([A-Z_][A-Z0-9_]*)['"]/g;
/** A string in code that could be a token: long, one word, not a URL or a path. */
const TOKEN_LIKE = /^[A-Za-z0-9_\-.+/=]{20,400}$/;
const SECRET_NAME = /TOKEN|SECRET|API_?KEY|ACCESS_?KEY|PASSWORD|PASSWD|CREDENTIAL/;
const MAX_CODE_USES = 16;

/**
 * Interpreter code (a script run by path, or `node -e`): the credentials it reads from the
 * environment, and the token-like strings written into it (an agent pastes the token it found),
 * whose file of origin the workspace's env files can tell.
 */
function* fromCode(command: SimpleCommand): Generator<CredentialUse> {
  const code = inlineCode(command.program, command.argv, undefined)?.code;
  if (code === undefined) return;
  let count = 0;
  const seen = new Set<string>();
  for (const m of code.matchAll(CODE_ENV_READ)) {
    const name = m.slice(1).find((g) => g !== undefined) ?? '';
    if (seen.has(name) || ++count > MAX_CODE_USES) continue;
    seen.add(name);
    const v = VARIABLES.get(name);
    if (v) yield { credential: credential(v, `${name} read by the code`), command, variable: name, literals: [] };
    else if (SECRET_NAME.test(name)) yield { credential: { kind: 'API key or token', where: `${name} read by the code` }, command, variable: name, hint: name, literals: [], generic: true };
  }
  for (const literal of stringLiterals(code)) {
    if (!TOKEN_LIKE.test(literal) || literal.includes('/') && !/[A-Z].*[0-9]|[0-9].*[A-Z]/.test(literal) || ++count > MAX_CODE_USES) continue;
    yield { credential: { kind: 'API key or token', where: 'a string written in the code' }, command, literals: [literal], generic: true };
  }
}

function* fromArguments(command: SimpleCommand): Generator<CredentialUse> {
  const words = command.argv.slice(1);
  for (const [i, word] of words.entries()) {
    const flag = SECRET_FLAG.exec(word.value);
    if (flag) {
      const value = flag[0].endsWith('=') ? word.value.slice(flag[0].length) : words[i + 1]?.value;
      yield { credential: { kind: 'API key or token', where: `the ${flag[0].replace(/=$/, '')} flag on the command line` }, command, generic: true, ...valueParts(value) };
    } else if (BEARER.test(word.value)) {
      // `Bearer <token>`, `token <token>`, or the bare token: the last word is the credential.
      const value = word.value.slice(word.value.indexOf(':') + 1).trim().split(/\s+/).pop();
      yield { credential: { kind: 'bearer token', where: 'an Authorization header on the command line' }, command, generic: true, ...valueParts(value) };
    } else {
      const password = URL_PASSWORD.exec(word.value)?.[1];
      if (password) yield { credential: { kind: 'database password', where: 'the connection URL on the command line' }, command, generic: true, literals: [password, word.value] };
    }
  }
}
