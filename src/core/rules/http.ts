// HTTP clients (curl, wget, httpie/xh, gh api): requests whose method is DELETE, and GraphQL
// requests whose mutation name says it deletes, destroys, drops, removes, purges, resets or wipes.
import type { Args } from './args';
import type { Rule } from './types';
import { destructiveMutations, destructiveMutationsInBody } from './http/graphql';
import { HTTP_PROGRAMS, requestOf, splitUrl } from './http/request';

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
      ],
      noMatch: [
        'curl https://api.example.com/users',
        'curl -X POST https://api.example.com/items -d "action=delete"',
        'wget https://example.com/delete.html',
        'http GET https://api.example.com/delete',
        'gh api repos/acme/website',
        'gh pr close 12 --delete-branch',
        "curl -X DELETE 'localhost:9200/_search/scroll' -d '{\"scroll_id\":\"DXF1ZXJ5QW5kRmV0Y2gB\"}'",
        'curl -X DELETE https://es.prod.acme.io/_pit -d \'{"id":"46ToAwMDaWR5BXV1"}\'',
      ],
    },
  },
];
