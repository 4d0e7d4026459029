// What an MCP call (or a fetch) risks beyond the commands and paths its arguments hold: a live
// credential sent in them (a gist, a committed file, a URL), a tool whose answer is credentials
// (`get_connection_string`, `variable_list`), a forced move of a protected branch.
import { redact } from './environment/redact';
import { bareToolName, toolWords, type McpCall } from './mcp';
import { scanText } from './secrets/tokenScan';
import type { Environment, Finding } from './verdict';

const MAX_SCANNED = 256 * 1024;

/** The kinds of live credential the call's string arguments hold (`GitHub`, `Stripe`…), each once. */
export function sentCredentialKinds(input: unknown): string[] {
  const texts: string[] = [];
  let size = 0;
  const visit = (value: unknown, depth: number): void => {
    if (depth > 8 || size > MAX_SCANNED) return;
    if (typeof value === 'string') {
      texts.push(value);
      size += value.length;
      // `?t=ghp%5F…`: a URL's escapes hide the token's shape from the scanner.
      if (value.includes('%')) texts.push(decoded(value));
    } else if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1);
    } else if (typeof value === 'object' && value !== null) {
      for (const item of Object.values(value)) visit(item, depth + 1);
    }
  };
  visit(input, 0);
  if (texts.length === 0) return [];
  return [...new Set(scanText(texts.join('\n').slice(0, MAX_SCANNED)).map((f) => f.kind))];
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export function sentCredentialFinding(tool: string, kinds: readonly string[], environment: Environment): Finding {
  return {
    rule: 'secrets.credential-sent', category: 'secrets', severity: 'high',
    summary: `Sends a live ${kinds.join(', ')} credential in the arguments of ${redact(tool)}, where whoever receives them can use it`,
    hint: 'Leave the credential out: refer to the secret by name and let the service read it from its own store',
    span: [0, 0], environment,
  };
}


const CREDENTIAL_WORDS = new Set(['secret', 'secrets', 'credential', 'credentials', 'password', 'passwords', 'token', 'tokens', 'apikey', 'apikeys']);
const READ_WORDS = new Set(['get', 'list', 'read', 'show', 'fetch', 'reveal', 'export', 'print', 'describe', 'view', 'access', 'retrieve', 'decrypt', 'dump']);
/** Servers whose every item is a secret (password managers, secret stores). */
const SECRET_SERVERS = /^(?:1password|onepassword|op|bitwarden|bw|vault|hashicorp-vault|doppler|infisical|keeper|lastpass|secrets-manager|secretsmanager|keyvault)$/i;

/**
 * A tool whose answer is credentials: `get_connection_string`, `variable_list` (a platform's
 * environment variables), `list_api_keys`, `get_secret`. Names that only manage them
 * (`create_secret`, `rotate_token`, `list_secret_names`) are not.
 */
export function returnsCredentials(tool: string, input?: unknown, server?: string): boolean {
  const w = toolWords(bareToolName(tool));
  const reads = w.some((x) => READ_WORDS.has(x));
  if (w.includes('names') || w.includes('metadata')) return false;
  if (reads && server !== undefined && SECRET_SERVERS.test(server)) return true;
  const connection = w.some((x, i) => (x === 'connection' || x === 'database' || x === 'db') && ['string', 'uri', 'url', 'strings'].includes(w[i + 1] ?? ''));
  const variables = w.some((x, i) => x === 'variable' || x === 'variables' || x === 'env' || x === 'envs' || (x === 'config' && w[i + 1] === 'vars')) && reads;
  const keys = w.some((x, i) => (x === 'api' || x === 'access') && (w[i + 1] === 'key' || w[i + 1] === 'keys'));
  // `create_access_key`, `create_api_key`, `create_token`: the new secret is in the answer.
  const creates = w.includes('create') && (keys || w.includes('token') || w.includes('credential') || w.includes('credentials'));
  // `get_parameter {"WithDecryption": true}`: SSM's secure strings, decrypted.
  const decrypted = reads && typeof input === 'object' && input !== null && Object.entries(input).some(([k, v]) => /^with_?decryption$/i.test(k) && v === true);
  return connection || variables || creates || decrypted || ((keys || w.some((x) => CREDENTIAL_WORDS.has(x))) && reads);
}

export function credentialToolFinding(tool: string, environment: Environment): Finding {
  return {
    rule: 'secrets.credential-tool', category: 'secrets', severity: 'high',
    summary: `Calls ${redact(tool)}, whose answer holds credentials (connection strings, tokens, environment variables), into the agent's context`,
    hint: 'Ask the user for the one value the task needs, or use a tool that returns names only',
    span: [0, 0], environment,
  };
}

const PROTECTED_REF = /^(?:refs\/)?(?:heads\/)?(?:main|master|trunk|production|prod|release[\w./-]*|develop)$/i;

/** `update_ref {"ref": "heads/main", "force": true}`: a forced move of a protected branch, which rewrites its history. */
export function forcesProtectedRef(call: McpCall): boolean {
  const input = call.input;
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return false;
  const fields = input as Record<string, unknown>;
  const forced = Object.entries(fields).some(([k, v]) => /^force$/i.test(k) && (v === true || v === 'true'));
  return forced && Object.entries(fields).some(([k, v]) => /^(?:ref|branch|head|base)$/i.test(k) && typeof v === 'string' && PROTECTED_REF.test(v));
}

/**
 * A migration tool told to go down (`run_migration {"direction": "down"}`, `rollback_migration`):
 * the down steps drop what the migrations made, with its data.
 */
export function migratesDown(call: McpCall): boolean {
  const w = toolWords(bareToolName(call.tool));
  if (!w.some((x) => x.startsWith('migrat'))) return false;
  if (w.some((x) => ['rollback', 'revert', 'down', 'undo', 'reset'].includes(x))) return true;
  const input = call.input;
  return typeof input === 'object' && input !== null && Object.values(input).some((v) => typeof v === 'string' && /^(?:down|rollback|revert|undo)$/i.test(v));
}
