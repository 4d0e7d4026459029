// How an HTTP client command line reads as a request: method, URLs, bodies, query parameters,
// for curl, curlie, wget, httpie/xh and `gh api`. Shared by the rules that judge requests by what they
// do to an API (http.ts, and the search and messaging families for their REST APIs).
import { joinPath } from '../../project/files';
import { inDirectory } from '../../selfProtection';
import { flagValues, operands, type Args } from '../args';

export interface Request {
  /** The method the line names (`-X`, `--method`, httpie's first word, a method-override header). */
  readonly method?: string;
  /** The method sent: the named one, else what the client picks (POST when it sends data). */
  readonly sent: string;
  readonly urls: readonly string[];
  /** Bodies the line shows (inline data, or stdin when the client reads its body from stdin). */
  readonly bodies: readonly string[];
  /** Query parameters given apart from the URL (`curl -G -d k=v`, httpie `k==v`). */
  readonly params: readonly string[];
  /** GraphQL documents given directly (`gh api graphql -f query=…`, httpie `query=…`). */
  readonly documents: readonly string[];
}

export const HTTP_PROGRAMS = ['curl', 'curlie', 'wget', 'http', 'https', 'xh', 'xhs', 'gh'];
/** The general-purpose clients, without `gh` (whose requests only go to GitHub). */
export const HTTP_CLIENTS = ['curl', 'curlie', 'wget', 'http', 'https', 'xh', 'xhs'];


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

/**
 * True for a bundle of short flags whose first value-taking letter ends it (`-sX DELETE`, `-so out`);
 * where it comes earlier, the rest is its value (`-XPOST`, `-uuser:pw`).
 */
function shortBundleTakesNext(arg: string): boolean {
  if (arg.startsWith('--')) return false;
  for (let k = 1; k < arg.length; k++) {
    if (CURL_SHORT_VALUE_LETTERS.includes(arg[k] ?? '')) return k === arg.length - 1;
  }
  return false;
}

function curlOperands(list: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < list.length; i++) {
    const arg = list[i] ?? '';
    if (arg.startsWith('-') && arg !== '-') {
      if (CURL_VALUE_FLAGS.has(arg) || shortBundleTakesNext(arg)) i++;
      continue;
    }
    out.push(arg);
  }
  return out;
}

/**
 * The text of a body file (`--data @q.json`, `--post-file q.json`), read from the project: a
 * GraphQL `volumeDelete` written to a file a minute ago is sent as surely as one on the line.
 */
function bodyFile(a: Args, name: string): string | undefined {
  if (!a.project || a.cwd === undefined || name === '' || /[$`]/.test(name)) return undefined;
  const got = a.project.files.read(joinPath(a.cwd, inDirectory(a.command.dir, name), a.project.home));
  return got.kind === 'text' ? got.text : undefined;
}

function curlRequest(a: Args): Request {
  const methods = curlMethods(a.list);
  const bodies: string[] = [];
  const stdin = a.command.stdin;
  for (const data of flagValues(a.list, CURL_DATA_FLAGS)) {
    // `@file` bodies cannot be read from the line; `@-` is stdin.
    if (data === '@-') { if (stdin) bodies.push(stdin); }
    else if (!data.startsWith('@')) bodies.push(data);
    else bodies.push(...[bodyFile(a, data.slice(1))].filter((b): b is string => b !== undefined));
  }
  // --data-raw takes `@` literally.
  bodies.push(...flagValues(a.list, ['--data-raw', '--form-string']));
  for (const field of flagValues(a.list, ['-F', '--form'])) {
    if (field.startsWith('query=') && !field.startsWith('query=@') && !field.startsWith('query=<')) bodies.push(field);
  }
  const urls = [...flagValues(a.list, ['--url']), ...curlOperands(a.list)];
  const method = methods[methods.length - 1];
  const sendsData = flagValues(a.list, [...CURL_DATA_FLAGS, '--data-raw', '-F', '--form', '--form-string']).length > 0;
  // `-G` sends the data as the query string of a GET.
  const get = a.has('-G', '--get');
  const params = get ? flagValues(a.list, [...CURL_DATA_FLAGS, '--data-raw']) : [];
  const implied = get ? 'GET' : a.has('-I', '--head') ? 'HEAD' : sendsData ? 'POST' : a.has('-T', '--upload-file') ? 'PUT' : 'GET';
  return { method, sent: (method ?? implied).toUpperCase(), urls, bodies, params, documents: [] };
}

/**
 * curlie takes curl's options with httpie's request line (`curlie DELETE url k=v`): curl's reading,
 * with an optional method word before the URL and httpie items (data sends a POST) after it.
 */
function curlieRequest(a: Args): Request {
  const curl = curlRequest(a);
  const ops = curlOperands(a.list);
  const word = (ops[0] ?? '').toUpperCase();
  const named = ops.length >= 2 && HTTP_METHODS.has(word);
  const rest = named ? ops.slice(1) : ops;
  const sendsItems = rest.slice(1).some((item) => { const kind = /^[^=:@]*(==|:=|=|@|:)/.exec(item)?.[1]; return kind !== undefined && kind !== ':' && kind !== '=='; });
  const method = named ? word : curl.method;
  const sent = method?.toUpperCase() ?? (sendsItems && curl.sent === 'GET' ? 'POST' : curl.sent);
  return { ...curl, method, sent, urls: [...flagValues(a.list, ['--url']), ...rest.slice(0, 1)] };
}

const WGET_VALUE_FLAGS = new Set(['-O', '--output-document', '-o', '--output-file', '-a', '--append-output', '-P',
  '--directory-prefix', '-e', '--execute', '-U', '--user-agent', '--header', '--user', '--password', '-t', '--tries',
  '-T', '--timeout', '-w', '--wait', '-i', '--input-file', '-B', '--base', '-Q', '--quota', '--method', '--body-data',
  '--body-file', '--post-data', '--post-file', '--referer', '--load-cookies', '--save-cookies', '-l', '--level']);

function wgetRequest(a: Args): Request {
  const methods = flagValues(a.list, ['--method']);
  const method = methods[methods.length - 1];
  const posts = flagValues(a.list, ['--post-data', '--post-file']).length > 0;
  return {
    method,
    sent: (method ?? (posts ? 'POST' : 'GET')).toUpperCase(),
    urls: operands(a.list, WGET_VALUE_FLAGS),
    bodies: [...flagValues(a.list, ['--body-data', '--post-data']),
      ...flagValues(a.list, ['--body-file', '--post-file']).map((f) => bodyFile(a, f)).filter((b): b is string => b !== undefined)],
    params: [],
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
  const params: string[] = [];
  let sendsData = false;
  for (const item of rest.slice(1)) {
    // Request items: `k==v` a query parameter, `k=v` / `k:=json` / `k@file` data, `Name:value` a header.
    const kind = /^[^=:@]*(==|:=|=|@|:)/.exec(item)?.[1];
    if (kind === '==') params.push(item.replace('==', '='));
    else if (kind !== undefined && kind !== ':') sendsData = true;
    // `query=…` is a string field; `query:=…` a raw JSON value (usually a JSON string).
    if (item.startsWith('query=')) documents.push(item.slice('query='.length));
    else if (item.startsWith('query:=')) {
      const raw = item.slice('query:='.length);
      documents.push(parseJsonString(raw) ?? raw);
    }
  }
  const bodies = flagValues(a.list, ['--raw']);
  if (a.command.stdin && bodies.length === 0 && documents.length === 0) bodies.push(a.command.stdin);
  const posts = sendsData || bodies.length > 0 || a.has('-f', '--form');
  return { method, sent: method ?? (posts ? 'POST' : 'GET'), urls: url === undefined ? [] : [url], bodies, params, documents };
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
  const method = methods[methods.length - 1];
  const posts = documents.length > 0 || bodies.length > 0 || flagValues(a.list, ['-f', '--raw-field', '-F', '--field']).length > 0;
  return { method, sent: (method ?? (posts ? 'POST' : 'GET')).toUpperCase(), urls, bodies, params: [], documents };
}

const requestCache = new WeakMap<object, Request | undefined>();

/** The request an HTTP client's command line sends, or undefined for other programs and `gh` commands. */
export function requestOf(a: Args): Request | undefined {
  if (requestCache.has(a.command)) return requestCache.get(a.command);
  let request: Request | undefined;
  switch (a.program) {
    case 'curl': request = curlRequest(a); break;
    case 'curlie': request = curlieRequest(a); break;
    case 'wget': request = wgetRequest(a); break;
    // `--offline` only prints the request it would send.
    case 'http': case 'https': case 'xh': case 'xhs': request = a.list.includes('--offline') ? undefined : httpieRequest(a); break;
    case 'gh': request = ghApiRequest(a); break;
    default: request = undefined;
  }
  requestCache.set(a.command, request);
  return request;
}

export interface UrlParts {
  /** Lower-case, without user info or port; `localhost` for httpie's `:3000/path`. */
  readonly host: string;
  readonly port?: string;
  /** As written: empty or starting with `/`. */
  readonly path: string;
  /** After `?`, before `#`, as written. */
  readonly query: string;
}

/** `https://user@es.prod:9200/logs/_search?q=x` → host `es.prod`, port 9200, path `/logs/_search`, query `q=x`. */
export function splitUrl(url: string): UrlParts {
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
  const withPort = /^(\[[^\]]*\]|[^:]*):(\d*)$/.exec(host);
  const port = withPort?.[2] || undefined;
  if (withPort) host = withPort[1] ?? host;
  let tail = rest.slice(cut);
  const hash = tail.indexOf('#');
  if (hash >= 0) tail = tail.slice(0, hash);
  const question = tail.indexOf('?');
  const path = question >= 0 ? tail.slice(0, question) : tail;
  const query = question >= 0 ? tail.slice(question + 1) : '';
  return { host: host.toLowerCase(), port, path, query };
}

/** Percent-decoding that never throws (`%2A` → `*`, a stray `%` stays); in a query `+` is a space. */
export function decodeUrlPart(text: string, query = false): string {
  try {
    return decodeURIComponent(query ? text.replace(/\+/g, ' ') : text);
  } catch {
    return text;
  }
}
