// Observability: monitors, dashboards, metrics, logs and traces. Deleting series or logs loses
// history no one can collect again; deleting monitors and alert routes hides the next outage.
import type { Args } from './args';
import { destructiveMutations } from './http/graphql';
import { HTTP_CLIENTS, requestOf, splitUrl } from './http/request';
import { pathReader, pathRuleFor } from './pathRules';
import type { Rule } from './types';

const observabilityRule = pathRuleFor('observability');

interface Call { readonly method: string; readonly host: string; readonly path: string; readonly target: string }

/** One call per URL of an HTTP client's line; `path` lower-case without a trailing slash. */
function callsOf(a: Args): Call[] {
  const request = requestOf(a);
  if (!request) return [];
  return request.urls.map((url) => {
    const { host, path } = splitUrl(url);
    return { method: request.sent, host, path: path.toLowerCase().replace(/\/+$/, ''), target: host + path };
  });
}

/** A rule over HTTP requests: matches when a call passes `test`; targets are those calls' host and path. */
function apiRule(spec: Omit<Rule, 'programs' | 'category' | 'match' | 'targets'> & { readonly test: (c: Call) => boolean }): Rule {
  const { test, ...rest } = spec;
  return {
    ...rest,
    programs: HTTP_CLIENTS,
    category: 'observability',
    match: (a) => callsOf(a).some(test),
    targets: (a) => callsOf(a).filter(test).map((c) => c.target),
  };
}

const hostIs = (host: string, domains: readonly string[]): boolean => domains.some((d) => host === d || host.endsWith('.' + d));

const GRAFANA_API = /^\/api\/(dashboards\/(uid|db)\/|datasources\/|folders\/|v1\/provisioning\/|alert-notifications\/|admin\/users\/|serviceaccounts\/|library-elements\/|alertmanager\/|ruler\/)|^\/apis\/[a-z.]*grafana\.app\//;

/** Sentry's API: a whole project (`/api/0/projects/ORG/PROJ`) or organization (`/api/0/organizations/ORG`). */
const SENTRY_WHOLE = /^\/api\/0\/(projects\/[^/]+\/[^/]+|organizations\/[^/]+)$/;

const dogPath = pathReader(['--config', '--api-key', '--application-key', '--timeout', '--api_key', '--application_key']);
const sentryPath = pathReader(['-o', '--org', '-p', '--project', '--auth-token', '--url', '--log-level', '--header', '--api-key']);
const mimirtoolPath = pathReader(['--address', '--id', '--key', '--user', '--auth-token', '--tls-ca-path', '--tls-cert-path', '--tls-key-path', '--log.level']);
const NEWRELIC_VALUE_FLAGS = ['--accountId', '-a', '--profile', '--format', '--guid', '-g', '--variables', '--name'];
const newrelicPath = pathReader(NEWRELIC_VALUE_FLAGS);

export const observabilityRules: readonly Rule[] = [
  observabilityRule({
    id: 'datadog.dog-delete',
    programs: ['dog'],
    read: dogPath,
    severity: 'high',
    summary: 'Deletes Datadog monitors, dashboards or downtimes, or mutes every monitor; alerting and history views go with them',
    hint: 'Export the monitor or dashboard JSON first (`dog monitor show ID`) and mute a single monitor instead of all',
    paths: [[['monitor', 'dashboard', 'timeboard', 'screenboard', 'downtime', 'dashboard_list'], 'delete'], ['monitor', 'mute_all']],
    match: ['dog monitor delete 1234567', 'dog dashboard delete abc-def-ghi', 'dog --config ~/.dogrc.prod downtime delete 99', 'dog monitor mute_all', 'dog timeboard delete 4321'],
    noMatch: ['dog monitor show 1234567', 'dog monitor show_all', 'dog dashboard show abc-def-ghi', 'dog monitor unmute_all', 'dog downtime show_all'],
  }),
  apiRule({
    id: 'datadog.api-delete',
    severity: 'high',
    summary: 'Deletes Datadog monitors, dashboards, SLOs, synthetics or other configuration through the API',
    hint: 'Export the object first (GET the same URL) and mute or disable it rather than deleting it',
    test: (c) => c.method === 'DELETE' && hostIs(c.host, ['datadoghq.com', 'datadoghq.eu', 'ddog-gov.com']),
    examples: {
      match: [
        'curl -X DELETE "https://api.datadoghq.com/api/v1/monitor/1234567" -H "DD-API-KEY: $DD_API_KEY" -H "DD-APPLICATION-KEY: $DD_APP_KEY"',
        'curl -X DELETE https://api.datadoghq.eu/api/v1/dashboard/abc-def-ghi -H "DD-API-KEY: $K"',
        'http DELETE https://api.us5.datadoghq.com/api/v1/slo/abc123 DD-API-KEY:$K',
      ],
      noMatch: [
        'curl "https://api.datadoghq.com/api/v1/monitor/1234567" -H "DD-API-KEY: $DD_API_KEY"',
        'curl -X POST https://api.datadoghq.com/api/v1/monitor -d @monitor.json',
        'curl -X DELETE https://api.example.com/api/v1/monitor/12',
      ],
    },
  }),
  apiRule({
    id: 'prometheus.tsdb-delete-series',
    severity: 'critical',
    summary: 'Deletes time series from Prometheus (or VictoriaMetrics, Thanos, Cortex): their history is gone',
    hint: 'Snapshot the TSDB first (`/api/v1/admin/tsdb/snapshot`) and narrow `match[]`, `start` and `end`',
    test: (c) => c.path.endsWith('/api/v1/admin/tsdb/delete_series'),
    examples: {
      match: [
        'curl -X POST -g "http://localhost:9090/api/v1/admin/tsdb/delete_series?match[]=up"',
        'curl -XPOST -g \'http://prometheus.prod:9090/api/v1/admin/tsdb/delete_series?match[]={job="node"}\'',
        'curl -s http://victoria:8428/api/v1/admin/tsdb/delete_series -d "match[]=http_requests_total"',
      ],
      noMatch: [
        'curl -X POST http://localhost:9090/api/v1/admin/tsdb/snapshot',
        'curl -g "http://localhost:9090/api/v1/series?match[]=up"',
        'curl http://localhost:9090/api/v1/query?query=up',
      ],
    },
  }),
  apiRule({
    id: 'prometheus.tsdb-clean-tombstones',
    severity: 'high',
    summary: 'Purges Prometheus tombstones: series marked deleted are removed from disk for good',
    hint: 'Snapshot the TSDB first (`/api/v1/admin/tsdb/snapshot`)',
    test: (c) => c.method !== 'GET' && c.path.endsWith('/api/v1/admin/tsdb/clean_tombstones'),
    examples: {
      match: ['curl -X POST http://localhost:9090/api/v1/admin/tsdb/clean_tombstones', 'curl -XPUT http://prometheus.prod:9090/api/v1/admin/tsdb/clean_tombstones'],
      noMatch: ['curl http://localhost:9090/api/v1/admin/tsdb/clean_tombstones', 'curl -X POST http://localhost:9090/api/v1/admin/tsdb/snapshot'],
    },
  }),
  apiRule({
    id: 'loki.log-delete',
    severity: 'critical',
    summary: 'Requests deletion of Loki log lines matching a query; once processed they are gone',
    hint: 'Narrow the query and the start/end window, and check the delete requests queued (`GET /loki/api/v1/delete`)',
    // DELETE on the same path cancels a pending request; GET lists them.
    test: (c) => (c.method === 'POST' || c.method === 'PUT') && /\/loki\/api\/v1\/delete$|\/loki\/api\/admin\/delete$/.test(c.path),
    examples: {
      match: [
        'curl -g -X POST \'http://loki:3100/loki/api/v1/delete?query={app="api"}&start=1700000000&end=1700086400\'',
        'curl -X PUT "https://logs-prod.grafana.net/loki/api/v1/delete?query={env=\\"prod\\"}" -u "$USER:$KEY"',
      ],
      noMatch: [
        'curl http://loki:3100/loki/api/v1/delete',
        'curl -X DELETE "http://loki:3100/loki/api/v1/delete?request_id=abc"',
        'curl -G http://loki:3100/loki/api/v1/query_range --data-urlencode \'query={app="api"}\'',
      ],
    },
  }),
  apiRule({
    id: 'mimir.tenant-delete',
    severity: 'critical',
    summary: 'Deletes a whole Mimir/Cortex tenant: every series and rule it stored',
    hint: 'Check the X-Scope-OrgID header names the tenant you mean; there is no undo',
    test: (c) => c.method !== 'GET' && /\/(compactor|purger)\/delete_tenant$/.test(c.path),
    examples: {
      match: ['curl -X POST -H "X-Scope-OrgID: team-a" http://mimir:8080/compactor/delete_tenant', 'curl -X POST -H "X-Scope-OrgID: prod" http://cortex.prod:9009/purger/delete_tenant'],
      noMatch: ['curl -H "X-Scope-OrgID: team-a" http://mimir:8080/compactor/delete_tenant_status', 'curl http://mimir:8080/compactor/ring'],
    },
  }),
  observabilityRule({
    id: 'mimirtool.delete',
    programs: ['mimirtool', 'cortextool'],
    read: mimirtoolPath,
    severity: 'high',
    summary: 'Deletes Mimir/Cortex alerting or recording rules, or a tenant\'s Alertmanager configuration',
    hint: 'Save the rules first (`mimirtool rules print`) and keep them in version control',
    paths: [['rules', ['delete', 'delete-namespace']], ['alertmanager', 'delete']],
    targetFlags: ['--id', '--address'],
    match: ['mimirtool rules delete team-a-alerts node-rules --address=http://mimir:8080 --id=prod', 'mimirtool alertmanager delete --address https://mimir.prod --id team-a', 'cortextool rules delete-namespace infra --id=tenant1'],
    noMatch: ['mimirtool rules list --address=http://mimir:8080 --id=prod', 'mimirtool rules print --id=prod', 'mimirtool alertmanager get --id team-a'],
  }),
  apiRule({
    id: 'grafana.api-delete',
    severity: 'high',
    summary: 'Deletes Grafana dashboards, data sources, folders (with their dashboards and alerts), alert rules or users',
    hint: 'Export the object first (GET the same URL) and keep dashboards provisioned from version control',
    test: (c) => c.method === 'DELETE' && GRAFANA_API.test(c.path),
    examples: {
      match: [
        'curl -X DELETE -H "Authorization: Bearer $GRAFANA_TOKEN" https://grafana.prod.acme.com/api/dashboards/uid/cIBgcSjkk',
        'curl -X DELETE http://admin:admin@localhost:3000/api/datasources/uid/P8E80F9AEF21F6940',
        'curl -X DELETE https://acme.grafana.net/api/folders/nErXDvCkzz -H "Authorization: Bearer $T"',
        'curl -X DELETE https://grafana.acme.com/api/v1/provisioning/alert-rules/abc123',
      ],
      noMatch: [
        'curl -H "Authorization: Bearer $GRAFANA_TOKEN" https://grafana.prod.acme.com/api/dashboards/uid/cIBgcSjkk',
        'curl -X POST https://grafana.acme.com/api/dashboards/db -d @dash.json',
        'curl https://grafana.acme.com/api/datasources',
      ],
    },
  }),
  {
    id: 'grafana.reset-admin-password',
    programs: ['grafana-cli', 'grafana', 'grafana-server'],
    category: 'observability',
    severity: 'high',
    summary: 'Resets the Grafana admin password, locking out whoever uses the current one',
    hint: 'Change the password from the admin\'s profile, or add another admin user, instead',
    match: (a) => a.positionals.some((w) => w.toLowerCase() === 'reset-admin-password'),
    targets: (a) => a.values('--config', '--homepath'),
    examples: {
      match: ['grafana-cli admin reset-admin-password S3cret!', 'grafana cli admin reset-admin-password newpass', 'grafana-cli --homepath /usr/share/grafana admin reset-admin-password --password-from-stdin'],
      noMatch: ['grafana-cli plugins ls', 'grafana-cli admin data-migration encrypt-datasource-passwords', 'grafana cli plugins install grafana-clock-panel'],
    },
  },
  observabilityRule({
    id: 'sentry.releases-delete',
    programs: ['sentry-cli'],
    read: sentryPath,
    severity: 'high',
    summary: 'Deletes a Sentry release or its uploaded files and source maps; new errors lose their stack-trace mapping',
    hint: 'Upload the replacement artifacts first; check the organization and project flags',
    // `releases files VERSION delete`: the verb comes after the version.
    paths: [['releases']],
    when: (_a, p) => p[1] === 'delete' || (p[1] === 'files' && (p[3] === 'delete' || p[3] === 'rm')),
    targetFlags: ['-o', '--org', '-p', '--project'],
    match: ['sentry-cli releases delete 1.4.2', 'sentry-cli releases -o acme -p api-prod delete 2024.01.5', 'sentry-cli releases files 1.4.2 delete --all'],
    noMatch: ['sentry-cli releases list', 'sentry-cli releases new 1.4.3', 'sentry-cli releases files 1.4.2 list', 'sentry-cli releases finalize 1.4.2'],
  }),
  apiRule({
    id: 'sentry.api-delete-project',
    severity: 'critical',
    summary: 'Deletes a whole Sentry project or organization with all its issues and events',
    hint: 'Check the organization and project slugs; transfer or archive the project instead',
    test: (c) => c.method === 'DELETE' && SENTRY_WHOLE.test(c.path),
    examples: {
      match: ['curl -X DELETE https://sentry.io/api/0/projects/acme/api-prod/ -H "Authorization: Bearer $SENTRY_TOKEN"', 'curl -X DELETE https://sentry.acme.internal/api/0/organizations/acme/ -H "Authorization: Bearer $T"'],
      noMatch: ['curl https://sentry.io/api/0/projects/acme/api-prod/ -H "Authorization: Bearer $SENTRY_TOKEN"', 'curl -X DELETE "https://sentry.io/api/0/projects/acme/api-prod/issues/?id=123"'],
    },
  }),
  apiRule({
    id: 'sentry.api-delete',
    severity: 'high',
    summary: 'Deletes Sentry issues, teams, keys, releases or alert rules through the API',
    hint: 'Resolve or ignore issues instead of deleting them; export the object first',
    test: (c) => c.method === 'DELETE' && c.path.startsWith('/api/0/') && !SENTRY_WHOLE.test(c.path),
    examples: {
      match: ['curl -X DELETE "https://sentry.io/api/0/projects/acme/api-prod/issues/?id=123&id=456" -H "Authorization: Bearer $T"', 'curl -X DELETE https://sentry.io/api/0/projects/acme/api-prod/keys/abc123/ -H "Authorization: Bearer $T"'],
      noMatch: ['curl https://sentry.io/api/0/projects/acme/api-prod/issues/ -H "Authorization: Bearer $T"', 'curl -X DELETE https://sentry.io/api/0/projects/acme/api-prod/ -H "Authorization: Bearer $T"'],
    },
  }),
  {
    id: 'splunk.clean',
    programs: ['splunk'],
    category: 'observability',
    severity: 'critical',
    summary: 'Erases Splunk indexed events, the KV store, user data or everything (`splunk clean`)',
    hint: 'Back up $SPLUNK_DB first; to drop old data, lower the index retention (frozenTimePeriodInSecs) instead',
    match: (a) => a.sub('clean', ['eventdata', 'all', 'kvstore', 'userdata', 'globaldata']),
    targets: (a) => a.values('-index'),
    examples: {
      match: ['splunk clean eventdata -index main -f', 'splunk clean all -f', '/opt/splunk/bin/splunk clean kvstore --local -f', 'splunk clean eventdata'],
      noMatch: ['splunk clean locks', 'splunk list index', 'splunk status'],
    },
  },
  {
    id: 'splunk.remove-index',
    programs: ['splunk'],
    category: 'observability',
    severity: 'critical',
    summary: 'Removes a Splunk index and the events stored in it',
    hint: 'Disable the index instead (`splunk disable index NAME`), or back up its buckets first',
    match: (a) => a.sub('remove', 'index'),
    targets: (a) => a.after('remove', 'index'),
    examples: {
      match: ['splunk remove index web_prod', '/opt/splunk/bin/splunk remove index audit -auth admin:changeme'],
      noMatch: ['splunk add index web_prod', 'splunk list index', 'splunk disable index web_prod'],
    },
  },
  {
    id: 'splunk.search-delete',
    programs: ['splunk'],
    category: 'observability',
    severity: 'high',
    summary: 'Runs a Splunk search ending in `| delete`, which makes the matching events unsearchable for good',
    hint: 'Run the search without `| delete` first and check the count; narrow it by index and time range',
    match: (a) => a.sub('search') && a.positionals.some((w) => /\|\s*delete\b/i.test(w)),
    examples: {
      match: ['splunk search "index=web_prod sourcetype=access_combined user=jdoe | delete" -auth admin:pw', 'splunk search \'index=main earliest=-1d | delete\''],
      noMatch: ['splunk search "index=web_prod | stats count by status"', 'splunk search "index=main deleted_user=* | table user"'],
    },
  },
  apiRule({
    id: 'observability.saas-api-delete',
    severity: 'high',
    summary: 'Deletes PagerDuty, Opsgenie, New Relic or Honeycomb objects (services, schedules, monitors, datasets) through the API',
    hint: 'Export the object first (GET the same URL) and disable it rather than deleting it',
    test: (c) => c.method === 'DELETE' && hostIs(c.host, ['api.pagerduty.com', 'api.eu.pagerduty.com', 'api.opsgenie.com',
      'api.eu.opsgenie.com', 'newrelic.com', 'api.honeycomb.io', 'api.eu1.honeycomb.io']),
    examples: {
      match: [
        'curl -X DELETE https://api.pagerduty.com/services/PABC123 -H "Authorization: Token token=$PD_TOKEN"',
        'curl -X DELETE https://api.honeycomb.io/1/datasets/prod-traces -H "X-Honeycomb-Team: $HC_KEY"',
        'curl -X DELETE https://api.newrelic.com/v2/alerts_policies/12345.json -H "Api-Key: $NR_KEY"',
        'curl -X DELETE "https://api.opsgenie.com/v2/schedules/oncall-prod?identifierType=name" -H "Authorization: GenieKey $K"',
      ],
      noMatch: [
        'curl https://api.pagerduty.com/services -H "Authorization: Token token=$PD_TOKEN"',
        'curl -X POST https://api.pagerduty.com/incidents -d @incident.json',
        'curl https://api.honeycomb.io/1/datasets -H "X-Honeycomb-Team: $HC_KEY"',
      ],
    },
  }),
  {
    id: 'newrelic.delete',
    programs: ['newrelic'],
    category: 'observability',
    severity: 'high',
    summary: 'Deletes New Relic workloads, entity tags or other configuration, or runs a deleting NerdGraph mutation',
    hint: 'Query the object first and keep dashboards and alerts in code (Terraform) so they can be recreated',
    match: (a) => {
      const raw = newrelicPath(a);
      const p = raw.map((w) => w.toLowerCase());
      if (p[0] === 'nerdgraph' && p[1] === 'query') return destructiveMutations(raw[2] ?? '').length > 0;
      return p.slice(0, 4).includes('delete');
    },
    targets: (a) => a.values('--guid', '-g', '--accountId', '-a'),
    examples: {
      match: [
        'newrelic workload delete --guid MXxBUE18V09SS0xPQUR8MTIz',
        'newrelic entity tags delete --guid MXxBUE18QVBQTElDQVRJT058MTIz --tag env',
        'newrelic nerdgraph query \'mutation { alertsPolicyDelete(accountId: 1234, id: 5678) { id } }\'',
      ],
      noMatch: ['newrelic workload list --accountId 1234', 'newrelic entity search --name api-prod', 'newrelic nerdgraph query \'{ actor { user { name } } }\''],
    },
  },
];
