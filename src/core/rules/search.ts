// Search and analytics stores. Elasticsearch/OpenSearch, Meilisearch, Typesense, Solr and the
// vector stores are driven over their REST APIs with curl & co, so most rules read the request
// (method, path, query, body) that http/request.ts parses; a generic `http.delete` may fire too,
// these name what the request destroys. Also the Solr, Curator and elasticsearch-node CLIs, and
// the Databricks CLI (DBFS, Unity Catalog, workspace objects).
import { operands, type Args } from './args';
import { decodeUrlPart, HTTP_CLIENTS, requestOf, splitUrl } from './http/request';
import type { Rule } from './types';

interface Call {
  readonly method: string;
  readonly host: string;
  readonly port?: string;
  /** Decoded path segments, empty ones dropped: `/logs-*\/_close` → [`logs-*`, `_close`]. */
  readonly segments: readonly string[];
  /** Decoded query string and separate query parameters, `&`-joined. */
  readonly query: string;
  /** Bodies the line shows, and its words (httpie's `key:=json` items carry the body too). */
  readonly text: string;
  /** `host/path` as the environment resolver reads a target. */
  readonly target: string;
}

const callCache = new WeakMap<object, readonly Call[]>();

/** One call per URL of an HTTP client's line, read once per command for all the rules here. */
function calls(a: Args): readonly Call[] {
  let cached = callCache.get(a.command);
  if (!cached) {
    cached = readCalls(a);
    callCache.set(a.command, cached);
  }
  return cached;
}

function readCalls(a: Args): Call[] {
  const request = requestOf(a);
  if (!request) return [];
  const text = [...request.bodies, ...a.list].join('\n');
  return request.urls.map((url) => {
    const { host, port, path, query } = splitUrl(url);
    const segments = path.split('/').filter((s) => s !== '').map((s) => decodeUrlPart(s));
    const allQuery = [query, ...request.params].filter((q) => q !== '').map((q) => decodeUrlPart(q, true)).join('&');
    return { method: request.sent, host, port, segments, query: allQuery, text, target: host + path.replace(/\/$/, '') };
  });
}

function anyCall(test: (c: Call) => boolean): (a: Args) => boolean {
  return (a) => calls(a).some(test);
}

function callTargets(test: (c: Call) => boolean): (a: Args) => readonly string[] {
  return (a) => calls(a).filter(test).map((c) => c.target);
}

const lower = (c: Call, i: number): string => (c.segments[i] ?? '').toLowerCase();

// ---------------------------------------------------------------------------------------------
// Elasticsearch / OpenSearch.

/** Hosts that look like a search cluster: its ports, or a name that says so. */
function isSearchHost(c: Call): boolean {
  if (c.port === '9200' || c.port === '9201' || c.port === '9243') return true;
  // `es` and `elk` only inside a name: `.es` at the end is Spain's domain. `$ES_URL`, `${OPENSEARCH_HOST}`
  // are variables the line does not resolve, named for the cluster.
  return /(?:^|[.$_{-])(?:es|elk)(?:[._}-]|\d)|-(?:es|elk)$/.test(c.host) ||
    /(?:^|[.$_{-])(?:elastic|elasticsearch|opensearch|search)(?:[._}-]|\d|$)/.test(c.host) ||
    /\.(?:es\.amazonaws\.com|aoss\.amazonaws\.com|found\.io|elastic-cloud\.com|cloud\.es\.io|bonsai\.io|bonsaisearch\.net)$/.test(c.host);
}

/** An index expression that names many indices: `_all`, `*`, `logs-*`, `a,b*`. */
const isWildcardIndex = (name: string): boolean => name === '_all' || name.includes('*');

/** `DELETE /<index>`: one path segment that is an index name, not an API (`_snapshot`…). */
function deletesIndex(c: Call): boolean {
  if (c.method !== 'DELETE' || c.segments.length !== 1) return false;
  const name = c.segments[0] ?? '';
  return isWildcardIndex(name) || (!name.startsWith('_') && isSearchHost(c));
}

/** `POST /_aliases` with a `remove_index` action deletes the index it names. */
const removesIndexByAlias = (c: Call): boolean => lower(c, 0) === '_aliases' && /"remove_index"/.test(c.text);

const esDeleteIndex = (c: Call): boolean =>
  (deletesIndex(c) && !isWildcardIndex(c.segments[0] ?? '')) || removesIndexByAlias(c);
const esDeleteWildcard = (c: Call): boolean => deletesIndex(c) && isWildcardIndex(c.segments[0] ?? '');

const hasSegment = (c: Call, name: string): boolean => c.segments.some((s) => s.toLowerCase() === name);
/** Matches every document: a `match_all` query, a `*` / `*:*` query string, or no query at all on the line. */
const MATCH_ALL = /"match_all"|(?:^|&)q=\*(?::\*)?(?:&|$)/;
const deletesByQuery = (c: Call): boolean => hasSegment(c, '_delete_by_query');
const deletesAllByQuery = (c: Call): boolean => deletesByQuery(c) && (MATCH_ALL.test(c.text) || MATCH_ALL.test(c.query));

const closesIndex = (c: Call): boolean => c.method !== 'GET' && c.method !== 'HEAD' &&
  c.segments.length <= 2 && ['_close', '_freeze'].includes(lower(c, c.segments.length - 1));

const deletesUnder = (first: readonly string[], depth = 2) => (c: Call): boolean =>
  c.method === 'DELETE' && c.segments.length >= depth && first.includes(lower(c, 0));

const deletesSnapshot = deletesUnder(['_snapshot']);
const deletesDataStream = deletesUnder(['_data_stream']);
const deletesConfig = (c: Call): boolean =>
  deletesUnder(['_index_template', '_template', '_component_template', '_ingest', '_ilm', '_slm', '_enrich', '_transform', '_watcher', '_ml'])(c) ||
  (c.method === 'DELETE' && ['_plugins', '_opendistro'].includes(lower(c, 0)) && lower(c, 1) === '_ism');

function deletesSecurity(c: Call): boolean {
  if (c.method !== 'DELETE') return false;
  const first = lower(c, 0);
  if (first === '_security' || (first === '_xpack' && lower(c, 1) === 'security')) return true;
  // OpenSearch's security plugin: `/_plugins/_security/api/internalusers/bob`.
  return (first === '_plugins' || first === '_opendistro') && lower(c, 1) === '_security' && lower(c, 2) === 'api';
}

/** The cluster setting that stops `DELETE /*` and `DELETE /_all` being refused, turned off. */
const allowsWildcardDeletes = (c: Call): boolean => lower(c, 0) === '_cluster' && lower(c, 1) === 'settings' &&
  /destructive_requires_name["']?\s*:\s*["']?false/.test(c.text);

/** Reroute commands that allocate an empty or stale primary, accepting the loss of the shard's data. */
const reroutesWithDataLoss = (c: Call): boolean => lower(c, 0) === '_cluster' && lower(c, 1) === 'reroute' &&
  /allocate_(?:empty|stale)_primary|accept_data_loss["']?\s*:\s*["']?true/.test(c.text);

/** Elastic Cloud's deployment API: DELETE `/api/v1/deployments/<id>`, or POST …/`_shutdown`. */
const removesDeployment = (c: Call): boolean => {
  const at = c.segments.findIndex((s) => s.toLowerCase() === 'deployments');
  if (at < 0 || c.segments.length < at + 2) return false;
  const tail = c.segments.slice(at + 2).map((s) => s.toLowerCase());
  const cloudHost = /(?:^|\.)(?:elastic-cloud\.com|cloud\.elastic\.co|found\.io)$/.test(c.host);
  return (tail.length === 0 && c.method === 'DELETE' && cloudHost) || (tail.length === 1 && tail[0] === '_shutdown');
};

// ---------------------------------------------------------------------------------------------
// Meilisearch, Typesense, Solr, vector stores.

/** The segments after the last `name` segment: `/api/v1/collections/x/documents` → [`x`, `documents`]. */
function after(c: Call, name: string): string[] | undefined {
  let at = -1;
  c.segments.forEach((s, i) => { if (s.toLowerCase() === name) at = i; });
  return at < 0 ? undefined : c.segments.slice(at + 1).map((s) => s.toLowerCase());
}

/** DELETE `/indexes/<uid>` (Meilisearch, Pinecone, Azure AI Search). */
const deletesNamedIndex = (c: Call): boolean =>
  c.method === 'DELETE' && lower(c, 0) === 'indexes' && c.segments.length === 2;
/** DELETE `/indexes/<uid>/documents`: every document of a Meilisearch index. */
const deletesAllIndexDocuments = (c: Call): boolean =>
  c.method === 'DELETE' && lower(c, 0) === 'indexes' && c.segments.length === 3 && lower(c, 2) === 'documents';
/** Meilisearch batch and filter deletes: POST `/indexes/<uid>/documents/delete-batch` or `/documents/delete`. */
const deletesIndexDocuments = (c: Call): boolean => lower(c, 0) === 'indexes' && c.segments.length === 4 &&
  lower(c, 2) === 'documents' && ['delete-batch', 'delete'].includes(lower(c, 3));

/** DELETE `…/collections/<name>` (Typesense, Qdrant, Chroma, Solr v2), Weaviate's `/v1/schema/<Class>`, Milvus's drop. */
function deletesCollection(c: Call): boolean {
  const rest = after(c, 'collections');
  if (c.method === 'DELETE' && rest?.length === 1) return true;
  if (c.method === 'DELETE' && lower(c, 0) === 'v1' && lower(c, 1) === 'schema' && c.segments.length === 3) return true;
  // Typesense 28+: `?truncate=true` empties the collection.
  if (c.method === 'DELETE' && rest?.[1] === 'documents' && /(?:^|&)truncate=true/i.test(c.query)) return true;
  return rest?.length === 1 && rest[0] === 'drop' && lower(c, 0) === 'v2';
}

/** Deletes documents of a collection by filter: Typesense, Qdrant points, Chroma records. */
function deletesCollectionDocuments(c: Call): boolean {
  const rest = after(c, 'collections');
  if (!rest || rest.length < 2 || deletesCollection(c)) return false;
  if (c.method === 'DELETE' && rest.length === 2 && rest[1] === 'documents') return true;
  return c.method !== 'GET' && rest[rest.length - 1] === 'delete' && ['points', 'delete'].includes(rest[1] ?? '');
}

/** Hosts of Meilisearch and Typesense: their ports, or names that say so. */
const isSearchEngineHost = (c: Call): boolean =>
  c.port === '7700' || c.port === '8108' || /meili|typesense/.test(c.host);
/** DELETE `/keys/<key>` on a Meilisearch or Typesense server. */
const deletesApiKey = (c: Call): boolean =>
  c.method === 'DELETE' && lower(c, 0) === 'keys' && c.segments.length === 2 && isSearchEngineHost(c);

/** Solr's Collections API (`action=DELETE`) and Cores API (`action=UNLOAD` with the index deleted). */
function solrDeletesCollection(c: Call): boolean {
  const admin = lower(c, c.segments.length - 1);
  const params = `${c.query}&${c.text}`;
  if (admin === 'collections' && lower(c, c.segments.length - 2) === 'admin') return /(?:^|[&\s])action=delete(?:&|\s|$)/i.test(params);
  if (admin === 'cores' && lower(c, c.segments.length - 2) === 'admin') {
    return /(?:^|[&\s])action=unload(?:&|\s|$)/i.test(params) && /delete(?:index|datadir|instancedir)=true/i.test(params);
  }
  return false;
}

/** A Solr delete command: `<delete>` in XML, `"delete":` in JSON. */
const SOLR_DELETE = /<delete\b|"delete"\s*:/i;
/** A delete that matches every document: `<query>*:*</query>` or `"query": "*:*"`. */
const SOLR_DELETE_ALL = /<delete\b[\s\S]{0,200}?<query>\s*\*:\*\s*<\/query>|"delete"\s*:\s*\{\s*"query"\s*:\s*"\*:\*"/i;
/** An update handler of Solr: under `/solr/` or the v2 `/api/`, or on Solr's port or host. */
const isSolrUpdate = (c: Call): boolean => hasSegment(c, 'update') &&
  (hasSegment(c, 'solr') || lower(c, 0) === 'api' || c.port === '8983' || c.host.includes('solr'));
const solrDeletesAll = (c: Call): boolean => isSolrUpdate(c) && (SOLR_DELETE_ALL.test(c.text) || SOLR_DELETE_ALL.test(c.query));
const solrDeletes = (c: Call): boolean => isSolrUpdate(c) && !solrDeletesAll(c) && (SOLR_DELETE.test(c.text) || SOLR_DELETE.test(c.query));

/** Solr's `bin/post` sends its `-d` data to the update handler. */
const postsSolrDelete = (pattern: RegExp) => (a: Args): boolean => a.program === 'post' && a.values('-d').some((d) => pattern.test(d));

// ---------------------------------------------------------------------------------------------
// CLIs.

const SOLR_VALUE_FLAGS: ReadonlySet<string> = new Set(['-c', '--name', '-z', '--zk-host', '-s', '--solr-url', '-p', '--port',
  '-d', '-n', '-url', '--credentials', '-u']);
const solrPath = (a: Args): string[] => operands(a.list, SOLR_VALUE_FLAGS).map((w) => w.toLowerCase());

const CURATOR_VALUE_FLAGS: ReadonlySet<string> = new Set(['--config', '--host', '--port', '--url_prefix', '--http_auth',
  '--filter_list', '--name', '--repository', '--timeout', '--loglevel', '--logfile', '--logformat', '--ignore_empty_list']);

const DATABRICKS_VALUE_FLAGS: ReadonlySet<string> = new Set(['-p', '--profile', '--host', '-o', '--output', '-t', '--target',
  '--log-level', '--log-file', '--log-format', '--var']);
const databricksPath = (a: Args): string[] => operands(a.list, DATABRICKS_VALUE_FLAGS).map((w) => w.toLowerCase());
const databricksTargets = (depth: number) => (a: Args): string[] =>
  [...operands(a.list, DATABRICKS_VALUE_FLAGS).slice(depth), ...a.values('--host')];
const recursive = (a: Args): boolean => a.has('-r', '--recursive');

const ES_NODE_UNSAFE = ['unsafe-bootstrap', 'detach-cluster', 'remove-settings', 'remove-customs', 'override-version', 'repurpose'];

export const searchRules: readonly Rule[] = [
  {
    id: 'search.es-delete-indices-wildcard',
    programs: HTTP_CLIENTS,
    category: 'search',
    severity: 'critical',
    summary: 'Deletes every Elasticsearch/OpenSearch index a wildcard or `_all` matches, with all their documents',
    hint: 'List what the pattern matches with `GET _cat/indices/<pattern>` and snapshot first; keep action.destructive_requires_name on',
    match: anyCall(esDeleteWildcard),
    targets: callTargets(esDeleteWildcard),
    examples: {
      match: [
        "curl -XDELETE 'http://localhost:9200/logs-*'",
        'curl -X DELETE "https://es.prod.acme.internal:9200/_all"',
        'curl -s -X DELETE https://search.acme.io/%2A',
        'http DELETE :9200/filebeat-2024.*',
        "curl -X DELETE 'https://opensearch.acme.io/metrics-*,traces-*?expand_wildcards=all'",
      ],
      noMatch: [
        "curl 'http://localhost:9200/_cat/indices/logs-*?v'",
        'curl -X GET "https://es.prod.acme.internal:9200/_all/_search"',
        'curl -X DELETE "https://es.prod.acme.internal:9200/_snapshot/backups/snap-*"',
        'curl -X DELETE https://api.example.com/v1/files/*',
      ],
    },
  },
  {
    id: 'search.es-delete-index',
    programs: HTTP_CLIENTS,
    category: 'search',
    severity: 'critical',
    summary: 'Deletes an Elasticsearch/OpenSearch index and every document in it',
    hint: 'Snapshot the index first (`PUT _snapshot/<repo>/<snap>?wait_for_completion=true`) or close it instead, and check which cluster the host is',
    match: anyCall(esDeleteIndex),
    targets: callTargets(esDeleteIndex),
    examples: {
      match: [
        'curl -s -X DELETE "https://es.prod.acme.internal:9200/orders"',
        'curl -XDELETE localhost:9200/products_v2',
        'curl -u elastic:$ES_PASSWORD -X DELETE https://acme.es.us-east-1.aws.found.io:9243/customers?pretty',
        'http DELETE https://opensearch.staging.acme.io/audit-log',
        'wget --method=DELETE -qO- http://es-stg:9200/sessions',
        'curl -X DELETE "$ELASTICSEARCH_URL/orders"',
        'curl -X POST localhost:9200/_aliases -H "Content-Type: application/json" -d \'{"actions":[{"remove_index":{"index":"orders-v1"}}]}\'',
      ],
      noMatch: [
        'curl -X PUT "https://es.prod.acme.internal:9200/orders"',
        'curl -X HEAD localhost:9200/products_v2',
        'curl "localhost:9200/orders/_search?q=status:open"',
        'curl -X DELETE https://api.example.com/orders',
        'curl -X DELETE localhost:9200/orders/_doc/42',
        'curl -X POST localhost:9200/_aliases -d \'{"actions":[{"remove":{"index":"orders-v1","alias":"orders"}}]}\'',
      ],
    },
  },
  {
    id: 'search.es-delete-by-query-all',
    programs: HTTP_CLIENTS,
    category: 'search',
    severity: 'critical',
    summary: 'Deletes every document of an Elasticsearch/OpenSearch index with a match-all delete-by-query',
    hint: 'Run the same query with `_count` first, snapshot the index, and narrow the query to the documents meant',
    match: anyCall(deletesAllByQuery),
    targets: callTargets(deletesAllByQuery),
    examples: {
      match: [
        'curl -X POST "localhost:9200/orders/_delete_by_query" -H "Content-Type: application/json" -d \'{"query":{"match_all":{}}}\'',
        "curl -XPOST 'https://es.prod.acme.io/logs-*/_delete_by_query?conflicts=proceed' -d '{\"query\": {\"match_all\": {}}}'",
        "curl -X POST 'http://es-stg:9200/sessions/_delete_by_query?q=*'",
        'http POST :9200/events/_delete_by_query query:=\'{"match_all":{}}\'',
      ],
      noMatch: [
        'curl -X POST "localhost:9200/orders/_delete_by_query" -d \'{"query":{"range":{"created":{"lt":"now-90d"}}}}\'',
        'curl -X POST "localhost:9200/orders/_search" -d \'{"query":{"match_all":{}}}\'',
        'curl -X POST "localhost:9200/orders/_count" -d \'{"query":{"match_all":{}}}\'',
      ],
    },
  },
  {
    id: 'search.es-delete-by-query',
    programs: HTTP_CLIENTS,
    category: 'search',
    severity: 'high',
    summary: 'Deletes the Elasticsearch/OpenSearch documents a query matches (delete-by-query)',
    hint: 'Run the same query with `_count` or `_search` first to see how many documents it removes, and snapshot the index',
    match: anyCall((c) => deletesByQuery(c) && !deletesAllByQuery(c)),
    targets: callTargets(deletesByQuery),
    examples: {
      match: [
        'curl -X POST "localhost:9200/orders/_delete_by_query" -H "Content-Type: application/json" -d \'{"query":{"term":{"tenant":"acme"}}}\'',
        "curl -XPOST 'https://es.prod.acme.io/logs-*/_delete_by_query?conflicts=proceed&slices=auto' -d @query.json",
        'curl -X POST "http://es-stg:9200/sessions/_delete_by_query?q=user:bob"',
      ],
      noMatch: [
        'curl -X POST "localhost:9200/orders/_update_by_query" -d \'{"script":{"source":"ctx._source.n++"}}\'',
        'curl "localhost:9200/_tasks?actions=*delete/byquery&detailed"',
        'curl -X POST "localhost:9200/orders/_search" -d \'{"query":{"term":{"tenant":"acme"}}}\'',
      ],
    },
  },
  {
    id: 'search.es-close-index',
    programs: HTTP_CLIENTS,
    category: 'search',
    severity: 'high',
    summary: 'Closes Elasticsearch/OpenSearch indices: they stop serving searches and writes until reopened',
    hint: 'Check which indices the expression matches with `GET _cat/indices/<expr>` and that nothing still reads them',
    match: anyCall(closesIndex),
    targets: callTargets(closesIndex),
    examples: {
      match: [
        'curl -X POST "localhost:9200/orders/_close"',
        "curl -XPOST 'https://es.prod.acme.io/logs-2024.*/_close?expand_wildcards=all'",
        'http POST :9200/_all/_close',
        'curl -X POST https://opensearch.acme.io/metrics/_freeze',
      ],
      noMatch: [
        'curl -X POST "localhost:9200/orders/_open"',
        'curl "localhost:9200/_cat/indices?h=index,status"',
        'curl -X POST "localhost:9200/_cluster/reroute?retry_failed=true"',
      ],
    },
  },
  {
    id: 'search.es-delete-snapshot',
    programs: HTTP_CLIENTS,
    category: 'search',
    severity: 'high',
    summary: 'Deletes Elasticsearch/OpenSearch snapshots or unregisters a snapshot repository (the backups)',
    hint: 'List the snapshots first (`GET _snapshot/<repo>/_all`) and let snapshot lifecycle retention expire old ones',
    match: anyCall(deletesSnapshot),
    targets: callTargets(deletesSnapshot),
    examples: {
      match: [
        'curl -X DELETE "localhost:9200/_snapshot/s3_backups/nightly-2024.06.01"',
        "curl -XDELETE 'https://es.prod.acme.io/_snapshot/backups/snap-*'",
        'curl -X DELETE https://search.acme.io/_snapshot/old_repo',
      ],
      noMatch: [
        'curl "localhost:9200/_snapshot/s3_backups/_all"',
        'curl -X PUT "localhost:9200/_snapshot/s3_backups/nightly-2024.06.02?wait_for_completion=true"',
        'curl -X POST "localhost:9200/_snapshot/s3_backups/nightly/_restore"',
      ],
    },
  },
  {
    id: 'search.es-delete-data-stream',
    programs: HTTP_CLIENTS,
    category: 'search',
    severity: 'critical',
    summary: 'Deletes an Elasticsearch/OpenSearch data stream and all of its backing indices',
    hint: 'Snapshot the data stream first and check which cluster the host is',
    match: anyCall(deletesDataStream),
    targets: callTargets(deletesDataStream),
    examples: {
      match: [
        'curl -X DELETE "localhost:9200/_data_stream/logs-nginx-default"',
        "curl -XDELETE 'https://es.prod.acme.io/_data_stream/metrics-*'",
      ],
      noMatch: [
        'curl "localhost:9200/_data_stream/logs-nginx-default"',
        'curl -X POST "localhost:9200/logs-nginx-default/_rollover"',
      ],
    },
  },
  {
    id: 'search.es-delete-config',
    programs: HTTP_CLIENTS,
    category: 'search',
    severity: 'high',
    summary: 'Deletes an Elasticsearch/OpenSearch index template, ingest pipeline, lifecycle policy, transform, watch or ML job',
    hint: 'GET the object first and keep its JSON so it can be put back',
    match: anyCall(deletesConfig),
    targets: callTargets(deletesConfig),
    examples: {
      match: [
        'curl -X DELETE "localhost:9200/_index_template/logs-template"',
        'curl -X DELETE https://es.prod.acme.io/_ingest/pipeline/geoip-enrich',
        'curl -XDELETE localhost:9200/_ilm/policy/hot-warm-delete',
        'curl -X DELETE "https://opensearch.acme.io/_plugins/_ism/policies/rollover-30d"',
      ],
      noMatch: [
        'curl "localhost:9200/_index_template/logs-template"',
        'curl -X PUT "localhost:9200/_ingest/pipeline/geoip-enrich" -d @pipeline.json',
        'curl -X DELETE "localhost:9200/_index_template"',
      ],
    },
  },
  {
    id: 'search.es-security-delete',
    programs: HTTP_CLIENTS,
    category: 'search',
    severity: 'high',
    summary: 'Deletes Elasticsearch/OpenSearch users, roles, role mappings or API keys: whatever logs in with them fails',
    hint: 'Disable the user or key first (`_security/user/<name>/_disable`) and check nothing still authenticates with it',
    match: anyCall(deletesSecurity),
    targets: callTargets(deletesSecurity),
    examples: {
      match: [
        'curl -X DELETE "localhost:9200/_security/user/logstash_writer"',
        'curl -X DELETE https://es.prod.acme.io/_security/api_key -H "Content-Type: application/json" -d \'{"name":"ingest-key"}\'',
        'curl -XDELETE -k -u admin:admin "https://localhost:9200/_plugins/_security/api/internalusers/kibanaro"',
      ],
      noMatch: [
        'curl "localhost:9200/_security/user/logstash_writer"',
        'curl -X PUT "localhost:9200/_security/user/logstash_writer/_disable"',
        'curl -X POST "localhost:9200/_security/api_key" -d \'{"name":"ingest-key"}\'',
      ],
    },
  },
  {
    id: 'search.es-allow-wildcard-deletes',
    programs: HTTP_CLIENTS,
    category: 'search',
    severity: 'high',
    summary: 'Turns off action.destructive_requires_name, so `DELETE /*` and `DELETE /_all` are accepted',
    hint: 'Keep the guard on and delete indices by name; if a wildcard delete is needed, turn it back on right after',
    match: anyCall(allowsWildcardDeletes),
    targets: callTargets(allowsWildcardDeletes),
    examples: {
      match: [
        'curl -X PUT "localhost:9200/_cluster/settings" -H "Content-Type: application/json" -d \'{"persistent":{"action.destructive_requires_name":false}}\'',
        'curl -XPUT https://es.prod.acme.io/_cluster/settings -d \'{"transient":{"action":{"destructive_requires_name":"false"}}}\'',
      ],
      noMatch: [
        'curl -X PUT "localhost:9200/_cluster/settings" -d \'{"persistent":{"action.destructive_requires_name":true}}\'',
        'curl "localhost:9200/_cluster/settings?include_defaults=true"',
      ],
    },
  },
  {
    id: 'search.es-reroute-data-loss',
    programs: HTTP_CLIENTS,
    category: 'search',
    severity: 'critical',
    summary: 'Allocates an empty or stale primary shard, accepting the loss of the data the shard held',
    hint: 'Use `GET _cluster/allocation/explain` first and restore the shard from a snapshot if one exists',
    match: anyCall(reroutesWithDataLoss),
    targets: callTargets(reroutesWithDataLoss),
    examples: {
      match: [
        'curl -X POST "localhost:9200/_cluster/reroute" -H "Content-Type: application/json" -d \'{"commands":[{"allocate_empty_primary":{"index":"orders","shard":0,"node":"es-1","accept_data_loss":true}}]}\'',
        'curl -XPOST https://es.prod.acme.io/_cluster/reroute -d \'{"commands":[{"allocate_stale_primary":{"index":"logs","shard":2,"node":"n2","accept_data_loss":true}}]}\'',
      ],
      noMatch: [
        'curl -X POST "localhost:9200/_cluster/reroute?retry_failed=true"',
        'curl -X POST "localhost:9200/_cluster/reroute" -d \'{"commands":[{"move":{"index":"orders","shard":0,"from_node":"n1","to_node":"n2"}}]}\'',
      ],
    },
  },
  {
    id: 'search.elastic-cloud-deployment-delete',
    programs: HTTP_CLIENTS,
    category: 'search',
    severity: 'critical',
    summary: 'Shuts down or deletes an Elastic Cloud deployment and the clusters in it',
    hint: 'Take a snapshot first and check the deployment id in the console',
    match: anyCall(removesDeployment),
    targets: callTargets(removesDeployment),
    examples: {
      match: [
        'curl -X POST -H "Authorization: ApiKey $EC_API_KEY" https://api.elastic-cloud.com/api/v1/deployments/3f9a7c/_shutdown',
        'curl -X DELETE -H "Authorization: ApiKey $EC_API_KEY" https://api.elastic-cloud.com/api/v1/deployments/3f9a7c',
      ],
      noMatch: [
        'curl -H "Authorization: ApiKey $EC_API_KEY" https://api.elastic-cloud.com/api/v1/deployments/3f9a7c',
        'curl -X POST https://api.elastic-cloud.com/api/v1/deployments/3f9a7c/elasticsearch/main/_restart',
      ],
    },
  },
  {
    id: 'search.index-delete',
    programs: HTTP_CLIENTS,
    category: 'search',
    severity: 'critical',
    summary: 'Deletes a search or vector index (Meilisearch, Pinecone, Azure AI Search) and every document in it',
    hint: 'Dump or export the index first and check which server the host is',
    match: anyCall(deletesNamedIndex),
    targets: callTargets(deletesNamedIndex),
    examples: {
      match: [
        "curl -X DELETE 'http://localhost:7700/indexes/movies' -H 'Authorization: Bearer MASTER_KEY'",
        'curl -X DELETE https://ms-7d1a.meilisearch.io/indexes/products -H "Authorization: Bearer $MEILI_KEY"',
        'curl -X DELETE "https://api.pinecone.io/indexes/docs-prod" -H "Api-Key: $PINECONE_API_KEY"',
        'http DELETE :7700/indexes/articles',
      ],
      noMatch: [
        "curl 'http://localhost:7700/indexes/movies'",
        "curl -X POST 'http://localhost:7700/indexes' -d '{\"uid\":\"movies\"}'",
        "curl -X DELETE 'http://localhost:7700/indexes/movies/documents/25684'",
      ],
    },
  },
  {
    id: 'search.index-delete-all-documents',
    programs: HTTP_CLIENTS,
    category: 'search',
    severity: 'critical',
    summary: 'Deletes every document of a Meilisearch index',
    hint: 'Create a dump first (`POST /dumps`) and delete only the documents meant with a filter',
    match: anyCall(deletesAllIndexDocuments),
    targets: callTargets(deletesAllIndexDocuments),
    examples: {
      match: [
        "curl -X DELETE 'http://localhost:7700/indexes/movies/documents'",
        'curl -X DELETE https://ms-7d1a.meilisearch.io/indexes/products/documents -H "Authorization: Bearer $MEILI_KEY"',
      ],
      noMatch: [
        "curl 'http://localhost:7700/indexes/movies/documents?limit=20'",
        "curl -X DELETE 'http://localhost:7700/indexes/movies/documents/25684'",
      ],
    },
  },
  {
    id: 'search.index-delete-documents',
    programs: HTTP_CLIENTS,
    category: 'search',
    severity: 'high',
    summary: 'Deletes a batch of Meilisearch documents, by ids or by filter',
    hint: 'Search with the same filter first to see what it removes, and create a dump',
    match: anyCall(deletesIndexDocuments),
    targets: callTargets(deletesIndexDocuments),
    examples: {
      match: [
        "curl -X POST 'http://localhost:7700/indexes/movies/documents/delete-batch' -d '[23488, 153738]'",
        "curl -X POST 'http://localhost:7700/indexes/movies/documents/delete' --data-binary '{\"filter\": \"genres = action\"}'",
      ],
      noMatch: [
        "curl -X POST 'http://localhost:7700/indexes/movies/documents' --data-binary @movies.json",
        "curl -X POST 'http://localhost:7700/indexes/movies/documents/fetch' -d '{\"filter\": \"genres = action\"}'",
      ],
    },
  },
  {
    id: 'search.collection-delete',
    programs: HTTP_CLIENTS,
    category: 'search',
    severity: 'critical',
    summary: 'Deletes or empties a search or vector collection (Typesense, Qdrant, Chroma, Weaviate, Milvus, Solr) with all its documents',
    hint: 'Snapshot or export the collection first and check which server the host is',
    match: anyCall(deletesCollection),
    targets: callTargets(deletesCollection),
    examples: {
      match: [
        'curl -X DELETE "http://localhost:8108/collections/companies" -H "X-TYPESENSE-API-KEY: ${TYPESENSE_API_KEY}"',
        'curl -X DELETE http://qdrant.prod.acme.io:6333/collections/embeddings',
        'curl -X DELETE "http://localhost:8000/api/v1/collections/docs"',
        'curl -X DELETE https://weaviate.acme.io/v1/schema/Article',
        "curl -X POST http://localhost:19530/v2/vectordb/collections/drop -d '{\"collectionName\":\"docs\"}'",
        'curl -X DELETE "http://localhost:8108/collections/companies/documents?truncate=true" -H "X-TYPESENSE-API-KEY: $KEY"',
        'curl -X DELETE http://localhost:8983/api/collections/techproducts',
      ],
      noMatch: [
        'curl "http://localhost:8108/collections/companies" -H "X-TYPESENSE-API-KEY: ${TYPESENSE_API_KEY}"',
        'curl -X POST "http://localhost:8108/collections" -d @schema.json',
        'curl -X PUT http://qdrant.prod.acme.io:6333/collections/embeddings -d \'{"vectors":{"size":384,"distance":"Cosine"}}\'',
        'curl -X DELETE "http://localhost:8108/collections/companies/documents/124"',
      ],
    },
  },
  {
    id: 'search.collection-delete-documents',
    programs: HTTP_CLIENTS,
    category: 'search',
    severity: 'high',
    summary: 'Deletes the documents or points of a search or vector collection that a filter matches',
    hint: 'Search with the same filter first to see what it removes, and snapshot the collection',
    match: anyCall(deletesCollectionDocuments),
    targets: callTargets(deletesCollectionDocuments),
    examples: {
      match: [
        'curl -G -X DELETE "http://localhost:8108/collections/companies/documents" --data-urlencode "filter_by=num_employees:>100" -H "X-TYPESENSE-API-KEY: $KEY"',
        'curl -X POST http://localhost:6333/collections/embeddings/points/delete -d \'{"filter":{"must":[{"key":"tenant","match":{"value":"acme"}}]}}\'',
        'curl -X POST http://localhost:8000/api/v1/collections/3f2a/delete -d \'{"where":{"source":"old"}}\'',
      ],
      noMatch: [
        'curl -X POST http://localhost:6333/collections/embeddings/points/search -d \'{"vector":[0.1,0.2],"limit":3}\'',
        'curl "http://localhost:8108/collections/companies/documents/search?q=acme&query_by=name"',
        'curl -X POST "http://localhost:8108/collections/companies/documents/import?action=upsert" --data-binary @docs.jsonl',
      ],
    },
  },
  {
    id: 'search.api-key-delete',
    programs: HTTP_CLIENTS,
    category: 'search',
    severity: 'high',
    summary: 'Deletes a Meilisearch or Typesense API key: every client using it is locked out',
    hint: 'Create and roll out the replacement key first, then delete the old one',
    match: anyCall(deletesApiKey),
    targets: callTargets(deletesApiKey),
    examples: {
      match: [
        "curl -X DELETE 'http://localhost:7700/keys/6062abda-a5aa-4414-ac91-ecd7944c0f8d' -H 'Authorization: Bearer MASTER_KEY'",
        'curl -X DELETE "http://localhost:8108/keys/3" -H "X-TYPESENSE-API-KEY: $KEY"',
      ],
      noMatch: [
        "curl 'http://localhost:7700/keys' -H 'Authorization: Bearer MASTER_KEY'",
        'curl -X DELETE https://api.example.com/keys/3',
      ],
    },
  },
  {
    id: 'search.solr-delete-collection',
    programs: HTTP_CLIENTS,
    category: 'search',
    severity: 'critical',
    summary: 'Deletes a Solr collection, or unloads a core and deletes its index',
    hint: 'Back up the collection first (`action=BACKUP`) and check which Solr cluster the host is',
    match: anyCall(solrDeletesCollection),
    targets: callTargets(solrDeletesCollection),
    examples: {
      match: [
        'curl "http://localhost:8983/solr/admin/collections?action=DELETE&name=techproducts"',
        "curl 'https://solr.prod.acme.io/solr/admin/cores?action=UNLOAD&core=products&deleteIndex=true'",
        'curl -X POST http://solr-stg:8983/solr/admin/collections -d "action=DELETE&name=orders"',
      ],
      noMatch: [
        'curl "http://localhost:8983/solr/admin/collections?action=LIST"',
        'curl "http://localhost:8983/solr/admin/collections?action=CREATE&name=techproducts&numShards=2"',
        "curl 'http://localhost:8983/solr/admin/cores?action=UNLOAD&core=products'",
      ],
    },
  },
  {
    id: 'search.solr-delete-all-documents',
    programs: [...HTTP_CLIENTS, 'post'],
    category: 'search',
    severity: 'critical',
    summary: 'Deletes every document of a Solr collection (delete by query `*:*`)',
    hint: 'Back up the collection first and delete by a query that selects only the documents meant',
    match: (a) => anyCall(solrDeletesAll)(a) || postsSolrDelete(SOLR_DELETE_ALL)(a),
    targets: (a) => [...callTargets(solrDeletesAll)(a), ...a.values('-c')],
    examples: {
      match: [
        'curl "http://localhost:8983/solr/techproducts/update?commit=true" -H "Content-Type: text/xml" --data-binary "<delete><query>*:*</query></delete>"',
        'curl -X POST -H "Content-Type: application/json" "https://solr.prod.acme.io/solr/orders/update?commit=true" -d \'{"delete":{"query":"*:*"}}\'',
        "curl 'http://localhost:8983/solr/products/update?commit=true&stream.body=%3Cdelete%3E%3Cquery%3E*:*%3C/query%3E%3C/delete%3E'",
        "bin/post -c techproducts -d '<delete><query>*:*</query></delete>'",
      ],
      noMatch: [
        'curl "http://localhost:8983/solr/techproducts/select?q=*:*"',
        'curl "http://localhost:8983/solr/techproducts/update?commit=true" -H "Content-Type: application/json" -d \'[{"id":"1","name":"x"}]\'',
        "bin/post -c techproducts example/exampledocs/*.xml",
      ],
    },
  },
  {
    id: 'search.solr-delete-documents',
    programs: [...HTTP_CLIENTS, 'post'],
    category: 'search',
    severity: 'high',
    summary: 'Deletes Solr documents by id or by query',
    hint: 'Run the query with `/select` first to see what it removes, and back up the collection',
    match: (a) => anyCall(solrDeletes)(a) || (postsSolrDelete(SOLR_DELETE)(a) && !postsSolrDelete(SOLR_DELETE_ALL)(a)),
    targets: (a) => [...callTargets(solrDeletes)(a), ...a.values('-c')],
    examples: {
      match: [
        'curl "http://localhost:8983/solr/techproducts/update?commit=true" -H "Content-Type: text/xml" --data-binary "<delete><query>category:obsolete</query></delete>"',
        'curl -X POST "https://solr.prod.acme.io/solr/orders/update" -H "Content-Type: application/json" -d \'{"delete":["id1","id2"]}\'',
        "bin/post -c techproducts -d '<delete><id>SP2514N</id></delete>'",
      ],
      noMatch: [
        'curl "http://localhost:8983/solr/techproducts/update?commit=true" -d \'[{"id":"1","name":"x"}]\'',
        'curl "http://localhost:8983/solr/techproducts/update?optimize=true"',
      ],
    },
  },
  {
    id: 'search.solr-cli-delete',
    programs: ['solr', 'solr.cmd'],
    category: 'search',
    severity: 'critical',
    summary: 'Deletes a Solr collection or core (and its configset with -deleteConfig) through bin/solr',
    hint: 'Back up the collection first and check which Solr (-z / --solr-url) the command talks to',
    match: (a) => solrPath(a)[0] === 'delete',
    targets: (a) => a.values('-c', '--name', '-z', '--zk-host', '--solr-url', '-url'),
    examples: {
      match: ['bin/solr delete -c techproducts', 'bin/solr delete -c orders -deleteConfig true -p 8983', 'solr delete --name logs --solr-url https://solr.prod.acme.io:8983'],
      noMatch: ['bin/solr create -c techproducts', 'bin/solr status', 'bin/solr healthcheck -c techproducts'],
    },
  },
  {
    id: 'search.solr-zk-rm',
    programs: ['solr', 'solr.cmd'],
    category: 'search',
    severity: 'high',
    summary: 'Removes nodes (configsets, cluster state) from Solr\'s ZooKeeper',
    hint: 'Download the configset first (`bin/solr zk downconfig`) and check which ZooKeeper -z points at',
    match: (a) => { const p = solrPath(a); return p[0] === 'zk' && p[1] === 'rm'; },
    targets: (a) => [...a.values('-z', '--zk-host'), ...solrPath(a).slice(2)],
    examples: {
      match: ['bin/solr zk rm -r /configs/techproducts -z localhost:9983', 'bin/solr zk rm zk:/security.json -z zk-prod:2181'],
      noMatch: ['bin/solr zk ls /configs -z localhost:9983', 'bin/solr zk upconfig -n techproducts -d conf -z localhost:9983'],
    },
  },
  {
    id: 'search.curator-delete',
    programs: ['curator_cli', 'curator-cli'],
    category: 'search',
    severity: 'critical',
    summary: 'Deletes (or closes) the Elasticsearch indices or snapshots a Curator filter selects',
    hint: 'Run the same action with --dry-run first and read what it would delete',
    match: (a) => ['delete_indices', 'delete_snapshots', 'close'].includes((operands(a.list, CURATOR_VALUE_FLAGS)[0] ?? '').replace(/-/g, '_')),
    targets: (a) => [...a.values('--host', '--url_prefix', '--repository')],
    examples: {
      match: [
        'curator_cli --host es.prod.acme.io delete_indices --filter_list \'[{"filtertype":"age","source":"creation_date","direction":"older","unit":"days","unit_count":30}]\'',
        'curator_cli delete_snapshots --repository s3_backups --filter_list \'{"filtertype":"age","source":"creation_date","direction":"older","unit":"days","unit_count":90}\'',
      ],
      noMatch: ['curator_cli show_indices --filter_list \'{"filtertype":"none"}\'', 'curator_cli --host es.prod.acme.io show_snapshots --repository s3_backups'],
    },
  },
  {
    id: 'databricks.fs-rm-recursive',
    programs: ['databricks', 'dbfs'],
    category: 'search',
    severity: 'critical',
    summary: 'Recursively deletes a DBFS or Unity Catalog volume folder (Delta tables, exports) on Databricks',
    hint: 'List it first (`databricks fs ls`) and check --profile; for Delta tables prefer DROP TABLE with time travel kept',
    match: (a) => {
      const p = databricksPath(a);
      const rm = a.program === 'dbfs' ? p[0] === 'rm' : p[0] === 'fs' && p[1] === 'rm';
      return rm && recursive(a);
    },
    targets: (a) => databricksTargets(a.program === 'dbfs' ? 1 : 2)(a),
    examples: {
      match: ['databricks fs rm -r dbfs:/mnt/prod/delta/orders', 'databricks fs rm --recursive dbfs:/FileStore/tables/exports --profile staging', 'dbfs rm -r dbfs:/user/hive/warehouse/sales.db'],
      noMatch: ['databricks fs ls dbfs:/mnt/prod/delta/orders', 'databricks fs cp ./report.csv dbfs:/FileStore/report.csv', 'databricks fs rm dbfs:/tmp/one-file.csv'],
    },
  },
  {
    id: 'databricks.catalog-delete',
    programs: ['databricks'],
    category: 'search',
    severity: 'critical',
    summary: 'Deletes a Unity Catalog catalog, schema, table or volume on Databricks (managed data goes with it)',
    hint: 'Check the full name and --profile first; clone the table (DEEP CLONE) if its data may be needed',
    match: (a) => ['catalogs', 'schemas', 'tables', 'volumes'].includes(databricksPath(a)[0] ?? '') && databricksPath(a)[1] === 'delete',
    targets: databricksTargets(2),
    examples: {
      match: ['databricks catalogs delete acme_prod --force', 'databricks schemas delete main.analytics', 'databricks tables delete main.sales.orders --profile prod'],
      noMatch: ['databricks catalogs list', 'databricks tables get main.sales.orders', 'databricks schemas create analytics main'],
    },
  },
  {
    id: 'databricks.resource-delete',
    programs: ['databricks'],
    category: 'search',
    severity: 'high',
    summary: 'Deletes Databricks clusters, jobs, pipelines, warehouses, notebooks, repos or secret scopes, or destroys a bundle\'s resources',
    hint: 'Export the definition first (`databricks jobs get`, `databricks workspace export`) and check --profile',
    match: (a) => {
      const [group = '', verb = ''] = databricksPath(a);
      if (group === 'bundle') return verb === 'destroy';
      if (group === 'clusters') return verb === 'delete' || verb === 'permanent-delete';
      if (group === 'secrets') return verb === 'delete-scope';
      return ['jobs', 'pipelines', 'warehouses', 'workspace', 'repos', 'instance-pools', 'cluster-policies', 'dashboards', 'lakeview', 'apps', 'serving-endpoints']
        .includes(group) && verb === 'delete';
    },
    targets: databricksTargets(2),
    examples: {
      match: ['databricks clusters permanent-delete 0923-164208-meows279', 'databricks jobs delete 684', 'databricks workspace delete /Shared/etl-prod --recursive', 'databricks bundle destroy -t prod --auto-approve'],
      noMatch: ['databricks clusters list', 'databricks jobs run-now 684', 'databricks workspace export /Shared/etl-prod', 'databricks bundle deploy -t prod'],
    },
  },
  {
    id: 'search.elasticsearch-node-unsafe',
    programs: ['elasticsearch-node', 'opensearch-node', 'elasticsearch-node.bat', 'opensearch-node.bat'],
    category: 'search',
    severity: 'critical',
    summary: 'Rewrites a node\'s on-disk cluster state or drops its shard data (unsafe-bootstrap, detach-cluster, repurpose…); can lose indices',
    hint: 'Snapshot first and restore from it into a new cluster where possible; these are last-resort repairs',
    match: (a) => ES_NODE_UNSAFE.includes(a.positionals[0]?.toLowerCase() ?? ''),
    examples: {
      match: ['bin/elasticsearch-node unsafe-bootstrap', 'sudo -u elasticsearch /usr/share/elasticsearch/bin/elasticsearch-node detach-cluster', 'elasticsearch-node remove-settings "xpack.monitoring.*"'],
      noMatch: ['bin/elasticsearch-node repurpose --help', 'elasticsearch-node --version', 'elasticsearch-keystore list'],
    },
  },
  {
    id: 'search.elasticsearch-shard-remove-corrupted',
    programs: ['elasticsearch-shard', 'opensearch-shard'],
    category: 'search',
    severity: 'high',
    summary: 'Removes the corrupted parts of a shard, dropping the documents they held',
    hint: 'Restore the index from a snapshot instead if one exists',
    match: (a) => a.positionals[0]?.toLowerCase() === 'remove-corrupted-data',
    targets: (a) => a.values('--index'),
    examples: {
      match: ['bin/elasticsearch-shard remove-corrupted-data --index orders --shard-id 0'],
      noMatch: ['bin/elasticsearch-shard --help'],
    },
  },
];
