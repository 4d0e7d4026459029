// HTTP clients (curl, wget, httpie/xh, gh api): requests whose method is DELETE, and GraphQL
// requests whose mutation name says it deletes, destroys, drops, removes, purges, resets or wipes.
import { flagValues, operands, type Args } from './args';
import type { Rule } from './types';
import { destructiveMutations, destructiveMutationsInBody } from './http/graphql';

interface Request {
  readonly method?: string;
  readonly urls: readonly string[];
  /** Bodies the line shows (inline data, or stdin when the client reads its body from stdin). */
  readonly bodies: readonly string[];
  /** GraphQL documents given directly (`gh api graphql -f query=…`, httpie `query=…`). */
  readonly documents: readonly string[];
}

const HTTP_PROGRAMS = ['curl', 'wget', 'http', 'https', 'xh', 'xhs', 'gh'];


const CURL_VALUE_FLAGS = new Set(['-X', '--request', '-d', '--data', '--data-raw', '--data-binary', '--data-ascii',
  '--data-urlencode', '--json', '-H', '--header', '-o', '--output', '-u', '--user', '-A', '--user-agent', '-e',
  '--referer', '-b', '--cookie', '-c', '--cookie-jar', '-F', '--form', '--form-string', '-T', '--upload-file', '-w',
  '--write-out', '-x', '--proxy', '-m', '--max-time', '--connect-timeout', '-K', '--config', '-E', '--cert', '--key',
  '--cacert', '--capath', '-r', '--range', '-C', '--continue-at', '-U', '--proxy-user', '--retry', '--retry-delay',
  '--retry-max-time', '--resolve', '--connect-to', '--url', '-Y', '--speed-limit', '-y', '--speed-time', '-z',
  '--time-cond', '--oauth2-bearer', '-Q', '--quote', '--limit-rate', '--max-filesize', '--interface', '-P',
  '--ftp-port', '--aws-sigv4', '--variable', '--expand-data', '--expand-url', '--unix-socket', '--abstract-unix-socket',
  '-t', '--telnet-option', '--trace', '--trace-ascii', '--stderr', '--dns-servers', '--max-redirs', '-D', '--dump-header']);

const CURL_DATA_FLAGS = ['-d', '--data', '--data-binary', '--data-ascii', '--data-urlencode', '--json'];

// Short curl flags that take a value; a bundle ending in one (`-sX DELETE`) takes the next word.
const CURL_SHORT_VALUE_LETTERS = 'XdHouAebcFTwxmKECrUYyzQPtD';

function curlMethods(list: readonly string[]): string[] {
  const out = flagValues(list, ['-X', '--request']);
  for (let i = 0; i < list.length; i++) {
    // `-sX DELETE`, `-sSLXDELETE`: -X bundled after flags that take no value.
    const bundled = /^-[sSfLkviIgGjNRq]+X(.*)$/.exec(list[i] ?? '');
    if (bundled) out.push(bundled[1] || (list[i + 1] ?? ''));
  }
  // Servers that honour a method-override header run the DELETE the header names.
  for (const header of flagValues(list, ['-H', '--header'])) {
    const m = /^\s*x-(?:http-)?method(?:-override)?\s*:\s*(\w+)/i.exec(header);
    if (m?.[1]) out.push(m[1]);
  }
  return out;
}

function curlOperands(list: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < list.length; i++) {
    const arg = list[i] ?? '';
    if (arg.startsWith('-') && arg !== '-') {
      const last = arg[arg.length - 1] ?? '';
      if (CURL_VALUE_FLAGS.has(arg) || (/^-[A-Za-z]{2,6}$/.test(arg) && CURL_SHORT_VALUE_LETTERS.includes(last))) i++;
      continue;
    }
    out.push(arg);
  }
  return out;
}

function curlRequest(a: Args): Request {
  const methods = curlMethods(a.list);
  const bodies: string[] = [];
  const stdin = a.command.stdin;
  for (const data of flagValues(a.list, CURL_DATA_FLAGS)) {
    // `@file` bodies cannot be read from the line; `@-` is stdin.
    if (data === '@-') { if (stdin) bodies.push(stdin); }
    else if (!data.startsWith('@')) bodies.push(data);
  }
  // --data-raw takes `@` literally.
  bodies.push(...flagValues(a.list, ['--data-raw', '--form-string']));
  for (const field of flagValues(a.list, ['-F', '--form'])) {
    if (field.startsWith('query=') && !field.startsWith('query=@') && !field.startsWith('query=<')) bodies.push(field);
  }
  const urls = [...flagValues(a.list, ['--url']), ...curlOperands(a.list)];
  return { method: methods[methods.length - 1], urls, bodies, documents: [] };
}

const WGET_VALUE_FLAGS = new Set(['-O', '--output-document', '-o', '--output-file', '-a', '--append-output', '-P',
  '--directory-prefix', '-e', '--execute', '-U', '--user-agent', '--header', '--user', '--password', '-t', '--tries',
  '-T', '--timeout', '-w', '--wait', '-i', '--input-file', '-B', '--base', '-Q', '--quota', '--method', '--body-data',
  '--body-file', '--post-data', '--post-file', '--referer', '--load-cookies', '--save-cookies', '-l', '--level']);

function wgetRequest(a: Args): Request {
  const methods = flagValues(a.list, ['--method']);
  return {
    method: methods[methods.length - 1],
    urls: operands(a.list, WGET_VALUE_FLAGS),
    bodies: flagValues(a.list, ['--body-data', '--post-data']),
    documents: [],
  };
}

const HTTPIE_VALUE_FLAGS = new Set(['-a', '--auth', '-A', '--auth-type', '-o', '--output', '--session',
  '--session-read-only', '--verify', '--cert', '--cert-key', '--cert-key-pass', '-p', '--print', '-P', '--history-print',
  '--pretty', '-s', '--style', '--timeout', '--max-redirects', '--proxy', '--default-scheme', '--format-options',
  '--response-charset', '--response-mime', '--boundary', '--raw', '--ssl', '--ciphers', '--bearer', '--http-version',
  '--resolve', '--interface', '--unix-socket', '--scheme']);

const HTTP_METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'TRACE', 'CONNECT', 'QUERY']);

function httpieRequest(a: Args): Request {
  const ops = operands(a.list, HTTPIE_VALUE_FLAGS);
  let method: string | undefined;
  let rest = ops;
  const first = ops[0] ?? '';
  if (ops.length >= 2 && HTTP_METHODS.has(first.toUpperCase())) {
    method = first.toUpperCase();
    rest = ops.slice(1);
  }
  const url = rest[0];
  const documents: string[] = [];
  for (const item of rest.slice(1)) {
    // `query=…` is a string field; `query:=…` a raw JSON value (usually a JSON string).
    if (item.startsWith('query=')) documents.push(item.slice('query='.length));
    else if (item.startsWith('query:=')) {
      const raw = item.slice('query:='.length);
      documents.push(parseJsonString(raw) ?? raw);
    }
  }
  const bodies = flagValues(a.list, ['--raw']);
  if (a.command.stdin && bodies.length === 0 && documents.length === 0) bodies.push(a.command.stdin);
  return { method, urls: url === undefined ? [] : [url], bodies, documents };
}

function parseJsonString(raw: string): string | undefined {
  try {
    const value: unknown = JSON.parse(raw);
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

const GH_API_VALUE_FLAGS = new Set(['-X', '--method', '-f', '--raw-field', '-F', '--field', '-H', '--header',
  '--hostname', '--input', '-q', '--jq', '-t', '--template', '--cache', '-p', '--preview', '-R', '--repo']);

function ghApiRequest(a: Args): Request | undefined {
  const ops = operands(a.list, GH_API_VALUE_FLAGS);
  if (ops[0] !== 'api') return undefined;
  const methods = flagValues(a.list, ['-X', '--method']);
  const endpoint = ops[1];
  const hostname = flagValues(a.list, ['--hostname'])[0];
  const documents: string[] = [];
  const stdin = a.command.stdin;
  for (const field of flagValues(a.list, ['-f', '--raw-field', '-F', '--field'])) {
    if (!field.startsWith('query=')) continue;
    const value = field.slice('query='.length);
    if (value === '@-') { if (stdin) documents.push(stdin); }
    else if (!value.startsWith('@')) documents.push(value);
  }
  const bodies: string[] = [];
  if (flagValues(a.list, ['--input']).includes('-') && stdin) bodies.push(stdin);
  // Endpoints are paths on the API host (`repos/o/r`, `graphql`), not hosts themselves.
  const host = hostname ?? 'api.github.com';
  const urls = endpoint === undefined ? [] : [/^https?:\/\//.test(endpoint) ? endpoint : `${host}/${endpoint.replace(/^\//, '')}`];
  return { method: methods[methods.length - 1], urls, bodies, documents };
}

const requestCache = new WeakMap<object, Request | undefined>();

function requestOf(a: Args): Request | undefined {
  if (requestCache.has(a.command)) return requestCache.get(a.command);
  let request: Request | undefined;
  switch (a.program) {
    case 'curl': request = curlRequest(a); break;
    case 'wget': request = wgetRequest(a); break;
    // `--offline` only prints the request it would send.
    case 'http': case 'https': case 'xh': case 'xhs': request = a.list.includes('--offline') ? undefined : httpieRequest(a); break;
    case 'gh': request = ghApiRequest(a); break;
    default: request = undefined;
  }
  requestCache.set(a.command, request);
  return request;
}

function isDelete(a: Args): boolean {
  return requestOf(a)?.method?.toUpperCase() === 'DELETE';
}

function hasDestructiveMutation(a: Args): boolean {
  const request = requestOf(a);
  if (!request) return false;
  return request.documents.some((d) => destructiveMutations(d).length > 0) ||
    request.bodies.some((b) => destructiveMutationsInBody(b).length > 0);
}

/** Host and path of each URL: `https://api.prod.example.com/v1/users/3` → host, `/v1/users/3`. */
function urlTargets(a: Args): readonly string[] {
  const out = new Set<string>();
  const request = requestOf(a);
  for (const url of request?.urls ?? []) {
    const { host, path } = splitUrl(url);
    if (host) out.add(host);
    if (path && path !== '/') out.add(path);
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

function splitUrl(url: string): { host: string; path: string } {
  let rest = url;
  const scheme = rest.indexOf('://');
  if (scheme >= 0) rest = rest.slice(scheme + 3);
  // httpie's `:3000/path` shorthand means localhost.
  if (rest.startsWith(':')) rest = 'localhost' + rest;
  let cut = rest.length;
  for (const sep of ['/', '?', '#']) {
    const at = rest.indexOf(sep);
    if (at >= 0 && at < cut) cut = at;
  }
  let host = rest.slice(0, cut);
  const at = host.lastIndexOf('@');
  if (at >= 0) host = host.slice(at + 1);
  if (!host.startsWith('[')) host = host.replace(/:\d*$/, '');
  const pathEnd = rest.search(/[?#]/);
  const path = rest.slice(cut, pathEnd >= cut ? pathEnd : rest.length);
  return { host: host.toLowerCase(), path };
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
      ],
    },
  },
];
