// Which credential a flagged command would act with, and how it gets it — shown to the human who
// decides ("Railway account or workspace token, RAILWAY_API_TOKEN set on the command line"). The
// incident's token was broader than the task needed; naming it is how a reviewer notices. Never
// the value: only names of variables, flags and headers.
import type { SimpleCommand } from '../shell/command';

export interface Credential {
  /** What it is: "Railway account or workspace token". */
  readonly kind: string;
  /** How the command gets it: "RAILWAY_API_TOKEN set on the command line". */
  readonly where: string;
  /** How far it reaches, where the provider tells. */
  readonly reach?: string;
}

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
const REFERENCE = /\$\{?([A-Z_][A-Z0-9_]*)/g;
const SECRET_FLAG = /^--?[\w-]*(?:token|api-?key|access-?key|password|secret)(?:=|$)/i;
const BEARER = /^(?:authorization|proxy-authorization)\s*:/i;
const URL_PASSWORD = /^(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|redis|rediss|amqps?):\/\/[^\s/@:]*:[^\s/@]+@/i;

/**
 * The first credential the flagged commands use: a known variable set on the line or referenced
 * in it, one inherited that the command's program reads, a secret flag, an Authorization header,
 * a password in a connection URL.
 */
export function findCredential(
  commands: Iterable<SimpleCommand>, line: string, assigned: ReadonlyMap<string, string>, env: Readonly<Record<string, string>>,
): Credential | undefined {
  for (const command of commands) {
    const found = fromVariables(command, line, assigned, env) ?? fromArguments(command);
    if (found) return found;
  }
  return undefined;
}

function credential(v: CredentialVariable, where: string): Credential {
  return v.reach ? { kind: v.kind, where, reach: v.reach } : { kind: v.kind, where };
}

function fromVariables(command: SimpleCommand, line: string, assigned: ReadonlyMap<string, string>, env: Readonly<Record<string, string>>): Credential | undefined {
  for (const name of [...command.assignments.keys(), ...assigned.keys()]) {
    const v = VARIABLES.get(name);
    if (v) return credential(v, `${name} set on the command line`);
  }
  for (const [, name = ''] of line.slice(command.span[0], command.span[1]).matchAll(REFERENCE)) {
    const v = VARIABLES.get(name);
    if (v) return credential(v, `$${name} in the command`);
  }
  for (const [name, v] of VARIABLES) {
    if (env[name] !== undefined && v.programs.includes(command.program)) return credential(v, `${name} from the environment`);
  }
  return undefined;
}

function fromArguments(command: SimpleCommand): Credential | undefined {
  for (const word of command.argv.slice(1)) {
    const flag = SECRET_FLAG.exec(word.value);
    if (flag) return { kind: 'API key or token', where: `the ${flag[0].replace(/=$/, '')} flag on the command line` };
    if (BEARER.test(word.value)) return { kind: 'bearer token', where: 'an Authorization header on the command line' };
    if (URL_PASSWORD.test(word.value)) return { kind: 'database password', where: 'the connection URL on the command line' };
  }
  return undefined;
}
