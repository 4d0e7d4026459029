// Managed database and data-store hosts by their providers' domains: a connection to one is a
// remote database, and a reviewer should see whose ("Railway database monorail.proxy.rlwy.net"),
// even when nothing in the name says which environment it is.

const PROVIDERS: readonly (readonly [RegExp, string])[] = [
  [/(?:^|\.)(?:rlwy\.net|railway\.app|railway\.internal)$/, 'Railway'],
  [/(?:^|\.)neon\.tech$/, 'Neon'],
  [/(?:^|\.)(?:supabase\.co|supabase\.com)$/, 'Supabase'],
  [/\.rds\.amazonaws\.com(?:\.cn)?$/, 'Amazon RDS'],
  [/\.(?:redshift|dsql)\.amazonaws\.com$|\.redshift-serverless\.amazonaws\.com$/, 'Amazon Redshift'],
  [/\.cache\.amazonaws\.com$/, 'Amazon ElastiCache'],
  [/\.docdb\.amazonaws\.com$/, 'Amazon DocumentDB'],
  [/(?:^|\.)psdb\.cloud$/, 'PlanetScale'],
  [/(?:^|\.)render\.com$/, 'Render'],
  [/\.compute-1\.amazonaws\.com$/, 'AWS (Heroku Postgres)'],
  [/\.(?:postgres|mysql|mariadb)\.database\.azure\.com$|\.database\.windows\.net$|\.documents\.azure\.com$|\.redis\.cache\.windows\.net$/, 'Azure'],
  [/(?:^|\.)sql\.goog$|cloudsql/, 'Cloud SQL'],
  [/\.db\.ondigitalocean\.com$/, 'DigitalOcean'],
  [/(?:^|\.)aivencloud\.com$/, 'Aiven'],
  [/(?:^|\.)mongodb\.net$/, 'MongoDB Atlas'],
  [/(?:^|\.)upstash\.io$/, 'Upstash'],
  [/(?:^|\.)turso\.io$/, 'Turso'],
  [/(?:^|\.)cockroachlabs\.cloud$/, 'CockroachDB Cloud'],
  [/(?:^|\.)timescale\.com$/, 'Timescale'],
  [/(?:^|\.)xata\.sh$/, 'Xata'],
  [/(?:^|\.)(?:redislabs\.com|redis-cloud\.com|rlrcp\.com)$/, 'Redis Cloud'],
  [/(?:^|\.)(?:fly\.dev|flycast|fly\.io)$/, 'Fly.io'],
  [/(?:^|\.)(?:crunchybridge\.com)$/, 'Crunchy Bridge'],
  [/(?:^|\.)(?:clever-cloud\.com)$/, 'Clever Cloud'],
  [/(?:^|\.)(?:elephantsql\.com)$/, 'ElephantSQL'],
  [/(?:^|\.)(?:tidbcloud\.com)$/, 'TiDB Cloud'],
  [/(?:^|\.)(?:singlestore\.com)$/, 'SingleStore'],
  [/(?:^|\.)(?:snowflakecomputing\.com)$/, 'Snowflake'],
];

/** The host part of a connection target (`user:pw@host:5432/db?x` → `host`). */
export function hostOf(target: string): string {
  const noScheme = target.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  const slash = noScheme.indexOf('/');
  const authority = slash >= 0 ? noScheme.slice(0, slash) : noScheme;
  const host = authority.slice(authority.lastIndexOf('@') + 1).split(',')[0] ?? '';
  return host.replace(/^\[|\](?::\d+)?$/g, '').replace(/:\d+$/, '').toLowerCase();
}

/** "Railway database monorail.proxy.rlwy.net" for a managed provider's host; undefined for others. */
export function remoteDatabase(target: string): string | undefined {
  const host = hostOf(target);
  if (!host || !host.includes('.')) return undefined;
  const provider = PROVIDERS.find(([re]) => re.test(host))?.[1];
  return provider ? `${provider} database ${host}` : undefined;
}
