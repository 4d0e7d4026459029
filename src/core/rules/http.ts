// HTTP clients (curl, curlie, wget, httpie/xh, gh api): requests whose method is DELETE, GraphQL
// requests whose mutation name says it deletes, destroys, drops, removes, purges, resets or wipes,
// writes to endpoints whose path says they wipe data (`/admin/reset-db`), SQL sent to a database's
// HTTP API (Supabase's `database/query`), and Render's suspend.
import type { Args } from './args';
import type { Rule } from './types';
import { destructiveMutations, destructiveMutationsInBody } from './http/graphql';
import { decodeUrlPart, HTTP_CLIENTS, HTTP_PROGRAMS, requestOf, splitUrl, type Request } from './http/request';
import { destructiveStatements, type DestructiveKind, type DestructiveStatement } from './sql/statements';

function isDelete(a: Args): boolean {
  const request = requestOf(a);
  return request?.method?.toUpperCase() === 'DELETE' && !request.urls.every(releasesSearchContext);
}

/**
 * Elasticsearch/OpenSearch requests whose DELETE only frees a search context or a finished
 * result (scrolls, point-in-time readers, async searches): no data goes with them.
 */
function releasesSearchContext(url: string): boolean {
  const path = splitUrl(url).path.toLowerCase();
  return /^\/(?:_search\/scroll|_pit|_async_search|_query\/async)(?:\/|$)/.test(path);
}

function hasDestructiveMutation(a: Args): boolean {
  const request = requestOf(a);
  if (!request) return false;
  return request.documents.some((d) => destructiveMutations(d).length > 0) ||
    request.bodies.some((b) => destructiveMutationsInBody(b).length > 0);
}

/**
 * Host and path of each URL as one name: `https://api.prod.example.com/v1/users/3` →
 * `api.prod.example.com/v1/users/3`, so a `localhost` host is not outvoted by a path that names no tier.
 */
function urlTargets(a: Args): readonly string[] {
  const out = new Set<string>();
  const request = requestOf(a);
  for (const url of request?.urls ?? []) {
    const { host, path } = splitUrl(url);
    const name = host + (path === '/' ? '' : path);
    if (name) out.add(name);
  }
  // GraphQL variables name what a mutation acts on (`{"id": "env-prod-1"}`).
  for (const body of request?.bodies ?? []) for (const value of graphqlVariableValues(body)) out.add(value);
  return [...out];
}

function graphqlVariableValues(body: string): string[] {
  try {
    const parsed: unknown = JSON.parse(body);
    const variables = typeof parsed === 'object' && parsed !== null ? (parsed as { variables?: unknown }).variables : undefined;
    if (typeof variables !== 'object' || variables === null) return [];
    return Object.values(variables).filter((v): v is string => typeof v === 'string').slice(0, 16);
  } catch {
    return [];
  }
}

/** A request that changes something: any method but GET/HEAD/OPTIONS, or one that sends a body. */
function writes(request: Request): boolean {
  return !['GET', 'HEAD', 'OPTIONS'].includes(request.sent) || request.bodies.length > 0;
}

// Path words of endpoints that wipe data, compared with `-` and `_` taken out (`reset-db`, `delete_all`).
const WIPE_WORDS = ['resetdb', 'resetdatabase', 'purge', 'wipe', 'nuke', 'dropdb', 'dropdatabase', 'truncate', 'destroyall', 'deleteall', 'flush'];
// A cache or CDN purge only makes the next requests slower: routine, and judged by the CDN rules.
const CACHE_WORD = /cache|cdn/i;
const CDN_HOST = /(?:^|\.)(?:fastly|cloudflare|akamai|bunny|cloudfront|keycdn|stackpath)\b/i;

/** The path segments of a URL that say the endpoint wipes data, unless the URL is about a cache. */
function wipeSegments(url: string): string[] {
  const { host, path } = splitUrl(url);
  if (CDN_HOST.test(host) || CACHE_WORD.test(path)) return [];
  return decodeUrlPart(path).split('/').filter((segment) => {
    const word = segment.toLowerCase().replace(/[-_]/g, '');
    return WIPE_WORDS.some((w) => word.includes(w));
  });
}

function wipeEndpoints(a: Args): string[] {
  const request = requestOf(a);
  if (!request || !writes(request)) return [];
  return request.urls.flatMap(wipeSegments);
}

// Endpoints of database HTTP APIs that run the SQL in their body (Supabase `database/query`, D1
// `…/query`, Turso `pipeline`, Snowflake/Databricks `statements`).
const SQL_ENDPOINT = /\/(?:query|sql|statements?|execute|exec|pipeline|raw)\/?$/i;
// JSON fields that hold the SQL text in those APIs' bodies.
const SQL_FIELD = /^(?:query|sql|statement|stmt|command)$/i;

/** Strings of the SQL fields of a JSON body, at any depth (Turso nests them in `requests[].stmt.sql`). */
function sqlFields(value: unknown, depth = 0): string[] {
  if (depth > 6 || typeof value !== 'object' || value === null) return [];
  const out: string[] = [];
  for (const [key, v] of Object.entries(value)) {
    if (typeof v === 'string' && SQL_FIELD.test(key)) out.push(v);
    else out.push(...sqlFields(v, depth + 1));
  }
  return out;
}

function sqlTexts(body: string): string[] {
  try {
    return sqlFields(JSON.parse(body));
  } catch {
    // A form body: `query=DROP TABLE users`.
    return [...new URLSearchParams(body)].filter(([key]) => SQL_FIELD.test(key)).map(([, v]) => v);
  }
}

const sqlCache = new WeakMap<object, readonly DestructiveStatement[]>();

/** The destructive statements of the SQL a request sends to a database's HTTP API. */
function sentStatements(a: Args): readonly DestructiveStatement[] {
  const cached = sqlCache.get(a.command);
  if (cached) return cached;
  const request = requestOf(a);
  const sql = request && writes(request) && request.urls.some((u) => SQL_ENDPOINT.test(splitUrl(u).path))
    ? [...request.bodies.flatMap(sqlTexts), ...request.documents].flatMap((t) => destructiveStatements(t))
    : [];
  sqlCache.set(a.command, sql);
  return sql;
}

const sentSql = (kinds: readonly DestructiveKind[]) => (a: Args): readonly DestructiveStatement[] =>
  sentStatements(a).filter((s) => kinds.includes(s.kind));

const SQL_DROPS: readonly DestructiveKind[] = ['drop-database', 'drop-schema', 'drop-table', 'drop-object-cascade'];
const SQL_WIPES: readonly DestructiveKind[] = ['truncate', 'delete-without-where', 'merge-delete', 'update-without-where', 'alter-drop'];

function sqlApiRule(id: string, kinds: readonly DestructiveKind[], rest: Pick<Rule, 'severity' | 'summary' | 'examples'>): Rule {
  const found = sentSql(kinds);
  return {
    id,
    programs: HTTP_CLIENTS,
    category: 'sql',
    ...rest,
    hint: 'Run the statement from the provider\'s SQL editor or a migration where the project is shown, after a backup (pg_dump)',
    match: (a) => found(a).length > 0,
    detail: (a) => found(a)[0]?.text,
    targets: (a) => [...urlTargets(a), ...found(a).flatMap((s) => (s.object ? [s.object] : []))],
  };
}

/** Render's `POST /v1/services/{id}/suspend`: the service stops serving until resumed. */
function suspendsRenderService(a: Args): boolean {
  const request = requestOf(a);
  if (!request || request.sent !== 'POST') return false;
  return request.urls.some((url) => {
    const { host, path } = splitUrl(url);
    return host === 'api.render.com' && /^\/v1\/services\/[^/]+\/suspend\/?$/.test(path);
  });
}

export const httpRules: readonly Rule[] = [
  {
    id: 'http.graphql-destructive-mutation',
    programs: HTTP_PROGRAMS,
    category: 'http',
    severity: 'critical',
    summary: 'Sends a GraphQL mutation that deletes, drops, resets or wipes a resource through the API',
    hint: 'Run the same action from the provider\'s dashboard or CLI where the environment is shown, after taking a backup',
    match: hasDestructiveMutation,
    detail: (a) => {
      const request = requestOf(a);
      const names = [...new Set([...(request?.documents ?? []).flatMap(destructiveMutations), ...(request?.bodies ?? []).flatMap(destructiveMutationsInBody)])];
      return names.length > 0 ? names.slice(0, 3).join(', ') : undefined;
    },
    targets: urlTargets,
    examples: {
      match: [
        'curl -X POST https://backboard.railway.app/graphql/v2 -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/json" -d \'{"query":"mutation { volumeDelete(volumeId: \\"3f1c\\") }"}\'',
        'curl https://backboard.railway.com/graphql/v2 --json \'{"query":"mutation svc($id: String!) { serviceDelete(id: $id) }","variables":{"id":"abc"}}\'',
        'http POST https://api.example.com/graphql query=\'mutation { environmentDelete(id: "prod") }\'',
        'gh api graphql -f query=\'mutation { deleteRepository(input: {repositoryId: "R_1"}) { clientMutationId } }\'',
        'curl -s https://api.example.com/graphql --data-raw \'{"query":"mutation Wipe { dropDatabase(name: \\"app\\") { ok } }"}\'',
      ],
      noMatch: [
        'curl -X POST https://backboard.railway.app/graphql/v2 -d \'{"query":"query { me { projects { edges { node { name } } } } }"}\'',
        'curl https://backboard.railway.app/graphql/v2 -d \'{"query":"mutation { volumeCreate(input: {projectId: \\"p\\"}) { id } }"}\'',
        'curl -X POST https://api.example.com/graphql -d @delete-volume.json',
        'gh api graphql -f query=\'query { viewer { login } }\'',
        'curl -d \'{"query":"query { deletedItems { id } }"}\' https://api.example.com/graphql',
      ],
    },
  },
  {
    id: 'http.delete',
    programs: HTTP_PROGRAMS,
    category: 'http',
    severity: 'high',
    summary: 'Sends an HTTP DELETE request that removes a resource through the API',
    hint: 'GET the resource first to check it is the one meant and which environment the host serves',
    match: isDelete,
    targets: urlTargets,
    examples: {
      match: [
        'curl -X DELETE https://api.stripe.com/v1/customers/cus_123 -u sk_live_x:',
        'curl -sS --request=DELETE "https://api.example.com/v1/projects/prod-42"',
        'curl -XDELETE http://localhost:9200/logs-2024',
        'curl -sX DELETE https://api.example.com/v2/buckets/prod-assets',
        "curl -X POST -H 'X-HTTP-Method-Override: DELETE' https://api.example.com/v1/projects/42",
        'wget --method=DELETE https://api.example.com/items/7',
        'http DELETE https://api.example.com/users/42 Authorization:"Bearer x"',
        'xh delete :3000/api/sessions',
        'gh api -X DELETE repos/acme/website',
        'gh api --method DELETE /repos/acme/api/git/refs/heads/main',
        'curlie DELETE https://api.heroku.com/apps/shop-prod',
        'curlie -X DELETE https://api.example.com/v1/projects/42',
      ],
      noMatch: [
        'curl https://api.example.com/users',
        'curl -X POST https://api.example.com/items -d "action=delete"',
        'wget https://example.com/delete.html',
        'http GET https://api.example.com/delete',
        'gh api repos/acme/website',
        'curlie https://api.heroku.com/apps/shop-prod',
        'curlie POST https://api.example.com/delete name=x',
        'gh pr close 12 --delete-branch',
        "curl -X DELETE 'localhost:9200/_search/scroll' -d '{\"scroll_id\":\"DXF1ZXJ5QW5kRmV0Y2gB\"}'",
        'curl -X DELETE https://es.prod.acme.io/_pit -d \'{"id":"46ToAwMDaWR5BXV1"}\'',
      ],
    },
  },
  {
    id: 'http.wipe-endpoint',
    programs: HTTP_PROGRAMS,
    category: 'http',
    severity: 'high',
    summary: 'Calls an endpoint whose path says it wipes data (reset-db, purge, wipe, nuke, truncate, delete-all, flush)',
    hint: 'Check which environment the host serves and back up the data first; call it against a local or test instance',
    match: (a) => wipeEndpoints(a).length > 0,
    detail: (a) => wipeEndpoints(a)[0],
    targets: urlTargets,
    examples: {
      match: [
        'curl -X POST http://localhost:8080/admin/reset-db',
        'curl -X POST https://prod.shop.com/api/admin/purge',
        'http POST https://api.example.com/internal/wipe-data',
        'curl -d confirm=yes https://api.example.com/v1/tenants/42/delete_all',
        'curlie PUT https://api.example.com/debug/nuke',
      ],
      noMatch: [
        'curl -X POST https://api.example.com/password/reset',
        'curl https://x/api/admin/purge-status',
        'curl -X POST https://api.example.com/cache/purge',
        'curl -X POST https://api.example.com/admin/purge-cache',
        'curl -X POST https://api.fastly.com/purge/www.example.com/logo.png',
        'curl -X POST https://api.example.com/admin/reindex',
      ],
    },
  },
  sqlApiRule('http.sql-api-drop', SQL_DROPS, {
    severity: 'critical',
    summary: 'Sends SQL that drops a database, schema or table to a database\'s HTTP API (Supabase database/query, D1, Turso)',
    examples: {
      match: [
        'curl -X POST "https://api.supabase.com/v1/projects/abcd/database/query" -H "Authorization: Bearer $T" -d \'{"query":"drop table users"}\'',
        'curl https://api.turso.tech/v2/pipeline -d \'{"requests":[{"type":"execute","stmt":{"sql":"DROP TABLE orders"}}]}\'',
      ],
      noMatch: [
        'curl -X POST "https://api.supabase.com/v1/projects/abcd/database/query" -H "Authorization: Bearer $T" -d \'{"query":"select 1"}\'',
        'curl -X POST https://api.example.com/search -d \'{"query":"drop table users"}\'',
        'curl -X POST "https://api.supabase.com/v1/projects/abcd/database/query" -d \'{"query":"delete from sessions"}\'',
      ],
    },
  }),
  sqlApiRule('http.sql-api-wipe', SQL_WIPES, {
    severity: 'high',
    summary: 'Sends SQL that empties a table or changes every row (TRUNCATE, DELETE or UPDATE without WHERE, ALTER … DROP) to a database\'s HTTP API',
    examples: {
      match: [
        'curl -X POST "https://api.supabase.com/v1/projects/abcd/database/query" -d \'{"query":"delete from sessions"}\'',
        'curl -X POST https://api.cloudflare.com/client/v4/accounts/1/d1/database/2/query -d \'{"sql":"TRUNCATE events"}\'',
      ],
      noMatch: [
        'curl -X POST "https://api.supabase.com/v1/projects/abcd/database/query" -d \'{"query":"delete from sessions where id = 3"}\'',
        'curl "https://api.supabase.com/v1/projects/abcd/database/query"',
      ],
    },
  }),
  {
    id: 'render.api-suspend',
    programs: HTTP_CLIENTS,
    category: 'paas',
    severity: 'high',
    summary: 'Suspends a Render service through the API: it stops serving until resumed',
    hint: 'Check the service id (GET /v1/services/ID) and which environment it is; scale or redeploy instead of suspending a production service',
    match: suspendsRenderService,
    targets: urlTargets,
    examples: {
      match: ['curl -X POST https://api.render.com/v1/services/srv-1/suspend -H "Authorization: Bearer $K"'],
      noMatch: ['curl -X POST https://api.render.com/v1/services/srv-1/resume -H "Authorization: Bearer $K"', 'curl https://api.render.com/v1/services/srv-1'],
    },
  },
];
