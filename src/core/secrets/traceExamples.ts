// What credential tracing must and must not say, over one fixture workspace: each example is a
// line (and the environment it runs with), the file its credential must be traced to (or none),
// and the tier the verdict must end with. One test runs them all; none of the values may appear
// in any verdict.
import type { Tier } from '../verdict';

export interface TraceExample {
  readonly line: string;
  readonly env?: Readonly<Record<string, string>>;
  /** The file the credential must be traced to; undefined: traced to none. */
  readonly file: string | undefined;
  /** The credential's kind; undefined: no credential may be named. Omitted: not checked. */
  readonly kind?: string | undefined;
  readonly tier: Tier;
  /** Text the verdict's environment evidence must hold. */
  readonly evidence?: string;
}

const PROD_TOKEN = '3f2c9a1e-8d7b-4c6a-9e5f-1a2b3c4d5e6f';
const STAGING_TOKEN = '7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d';
const HEROKU_KEY = 'c0ffee00-1234-4abc-9def-feedfacecafe';
const PROD_PASSWORD = 'Pr0d-Passw0rd-9931';

/** The fixture workspace: paths relative to its root, as the CLI hands them. */
export const TRACE_FILES: readonly { readonly path: string; readonly text: string }[] = [
  { path: '.env', text: 'PORT=3000\nSHORT=abc1234\nDATABASE_URL=postgres://app:devpass-local-1@localhost/app\n' },
  { path: '.env.production', text: `# production — do not commit\nexport RAILWAY_API_TOKEN="${PROD_TOKEN}"\nDATABASE_URL='postgres://app:${PROD_PASSWORD}@db.internal/app' # primary\n` },
  { path: '.env.staging.local', text: `RAILWAY_TOKEN=${STAGING_TOKEN}\n` },
  { path: '.envrc', text: `export HEROKU_API_KEY=${HEROKU_KEY}\n` },
];

/** Every value the fixture defines that is long enough to be traced: none may reach a verdict. */
export const TRACE_SECRETS: readonly string[] = [PROD_TOKEN, STAGING_TOKEN, HEROKU_KEY, PROD_PASSWORD, 'devpass-local-1'];

const RAILWAY = 'Railway account or workspace token';
const GRAPHQL_DELETE = `-d '{"query":"mutation { volumeDelete(volumeId: \\"v1\\") }"}' https://backboard.railway.app/graphql/v2`;

export const TRACE_EXAMPLES: readonly TraceExample[] = [
  // The incident: a literal token an agent found, sent straight to the API.
  { line: `curl -X POST -H "Authorization: Bearer ${PROD_TOKEN}" ${GRAPHQL_DELETE}`, file: '.env.production', kind: RAILWAY, tier: 'production', evidence: 'PRODUCTION credential from `.env.production`' },
  // A staging task run with the production token inherited from the environment.
  { line: 'RAILWAY_ENVIRONMENT=staging railway volume delete -v pgdata -y', env: { RAILWAY_API_TOKEN: PROD_TOKEN }, file: '.env.production', kind: RAILWAY, tier: 'production', evidence: 'staging command (RAILWAY_ENVIRONMENT=staging), PRODUCTION credential from `.env.production`' },
  // A harmless credential written first does not hide the production one after it.
  { line: 'psql postgres://app:devpass-local-1@localhost/app -c "DROP TABLE t"; RAILWAY_ENVIRONMENT=staging railway volume delete -v pgdata -y', env: { RAILWAY_API_TOKEN: PROD_TOKEN }, file: '.env.production', kind: RAILWAY, tier: 'production', evidence: 'staging command (RAILWAY_ENVIRONMENT=staging), PRODUCTION credential from `.env.production`' },
  { line: 'source .env.production && RAILWAY_ENVIRONMENT=staging railway volume delete -v pgdata -y', file: '.env.production', kind: RAILWAY, tier: 'production', evidence: 'staging command' },
  { line: 'set -a; . ./.env.production; set +a; railway volume delete -v pgdata -y -e staging', file: '.env.production', kind: RAILWAY, tier: 'production' },
  { line: 'dotenv -e .env.production -- railway volume delete -v pgdata -y', file: '.env.production', kind: RAILWAY, tier: 'production' },
  { line: `RAILWAY_API_TOKEN=${PROD_TOKEN} railway volume delete -v pgdata -y`, file: '.env.production', kind: RAILWAY, tier: 'production' },
  { line: 'curl -X DELETE -H "Authorization: Bearer $DEPLOY_KEY" https://api.example.com/v1/projects/1', env: { DEPLOY_KEY: PROD_TOKEN }, file: '.env.production', kind: RAILWAY, tier: 'production' },
  { line: `psql postgres://app:${PROD_PASSWORD}@10.0.0.5/app -c "DROP TABLE users"`, file: '.env.production', kind: 'database password', tier: 'production' },
  // A file whose name says a less dangerous tier never lowers the command's own.
  { line: `RAILWAY_TOKEN=${STAGING_TOKEN} railway volume delete -v pgdata -y -e production`, file: '.env.staging.local', kind: 'Railway project token', tier: 'production', evidence: '-e production' },
  { line: 'railway volume delete -v pgdata -y', env: { RAILWAY_TOKEN: STAGING_TOKEN }, file: '.env.staging.local', tier: 'staging' },
  // A file that names no tier is named, and changes nothing.
  { line: `heroku apps:destroy -a shop --confirm shop --api-key ${HEROKU_KEY}`, file: '.envrc', kind: 'Heroku API key', tier: 'unknown' },
  // Must not: another value, a variable the command never gets, a file loaded after, a value too short to tell.
  { line: 'RAILWAY_ENVIRONMENT=staging railway volume delete -v pgdata -y', env: { RAILWAY_API_TOKEN: 'another-token-0000-1111' }, file: undefined, kind: RAILWAY, tier: 'staging' },
  { line: 'RAILWAY_ENVIRONMENT=staging railway volume delete -v pgdata -y', file: undefined, kind: undefined, tier: 'staging' },
  { line: 'railway volume delete -v pgdata -y -e staging; source .env.production', file: undefined, kind: undefined, tier: 'staging' },
  { line: 'heroku apps:destroy -a shop --confirm shop --api-key abc1234', file: undefined, tier: 'unknown' },
  { line: 'rm -rf /srv/app', env: { RAILWAY_API_TOKEN: PROD_TOKEN }, file: undefined, kind: undefined, tier: 'unknown' },
];
