// MCP tool calls: an agent can reach a database or a platform through an MCP server instead of a
// shell. What the engine can read from a call: command lines and SQL or GraphQL text anywhere in
// its input (classified as the same text sent through psql or curl would be), paths among its
// arguments, a tool whose name or arguments say it deletes, and environment names among its arguments.
import { tierOfName, type EnvironmentMap } from './environment/tiers';
import { redact } from './environment/redact';
import { tierRank, type Environment, type Finding } from './verdict';

export interface McpCall {
  readonly tool: string;
  readonly input: unknown;
  /** The server's URL or command, when the agent says. */
  readonly server?: string;
}

const COMMAND_KEYS = /^(?:command|cmd|script|shell_command|commandline|command_line|cli_command|shell|bash|sh|exec|run|code)$/i;
const SQL_KEYS = /^(?:sql|query|statement|statements|sql_query|sqlquery|sqlstatements|sql_statements|queries)$/i;
const PROGRAM_KEYS = /^(?:program|executable|binary|cmd|command)$/i;
const ARGS_KEYS = /^(?:args|arguments|argv|params)$/i;
/** Keys a search box's text goes under as often as SQL does. */
const SEARCH_KEYS = /^(?:query|queries|q)$/i;
const PATH_KEYS = /^(?:path|paths|file|files|file_?path|file_?paths|filename|uri|source|destination|target|src|dst|dest|from|to|directory|dir)$/i;
/** Text that starts like a SQL statement (after any comments), not like prose that happens to begin with "Delete". */
const SQL_START = /^\s*(?:(?:--[^\n]*\n|\/\*[\s\S]*?\*\/)\s*)*(?:drop\s+(?:table|database|schema|index|view|user|role|collection|keyspace|function|sequence)\b|truncate\b|delete\s+from\b|alter\s+(?:table|database|user|role|schema)\b|update\s+\S+\s+set\b|insert\s+into\b|grant\s|revoke\s|copy\s|create\s+(?:table|database|user|role|or\s+replace)\b|with\s+\w+\s+as\b|begin\b|select\s)/i;
/** A single line whose first word could be a program: worth reading as a command line. */
const COMMAND_LIKE = /^\s*[A-Za-z0-9_./~-]+(?:\s|$)[^\n]*$/;
const PATH_LIKE = /^(?:file:\/\/|~\/|\.{0,2}\/|[A-Za-z]:\\)?[^\s'"`$]+$/;
const MAX_DEPTH = 6;
/** Fields that name what a generic tool does (`{"action": "delete"}`, `{"subcommand": "destroy"}`). */
const VERB_KEYS = /^(?:action|operation|op|verb|subcommand|sub_command|command_name|mode|method)$/i;
const HTTP_URL_KEYS = /^(?:url|uri|endpoint|href)$/i;

/**
 * Servers and tools named after a CLI (`mcp__k8s__kubectl`, a server called `redis`): their
 * arguments are that program's (`{"args": ["delete", "ns", "production"]}` is `kubectl delete ns
 * production`, `{"command": "FLUSHALL"}` is `redis-cli FLUSHALL`).
 */
const CLI_OF: Readonly<Record<string, string>> = {
  kubectl: 'kubectl', k8s: 'kubectl', kubernetes: 'kubectl', helm: 'helm', terraform: 'terraform', tofu: 'tofu', opentofu: 'tofu', pulumi: 'pulumi',
  redis: 'redis-cli', valkey: 'redis-cli', docker: 'docker', podman: 'podman', git: 'git', github: 'gh', gh: 'gh', aws: 'aws', gcloud: 'gcloud', gcp: 'gcloud',
  azure: 'az', az: 'az', railway: 'railway', heroku: 'heroku', fly: 'fly', flyio: 'fly', vercel: 'vercel', netlify: 'netlify', supabase: 'supabase',
  doctl: 'doctl', digitalocean: 'doctl', render: 'render', wrangler: 'wrangler', cloudflare: 'wrangler', stripe: 'stripe', gsutil: 'gsutil', mongo: 'mongosh',
  mongodb: 'mongosh', psql: 'psql', postgres: 'psql', postgresql: 'psql', mysql: 'mysql', sqlite: 'sqlite3', neonctl: 'neonctl', neon: 'neonctl', rclone: 'rclone',
};

/** The CLI a tool's or server's name says its arguments are for. */
function cliOf(call: McpCall): string | undefined {
  for (const word of [...toolWords(call.tool).reverse(), ...toolWords(call.server ?? '')]) if (CLI_OF[word]) return CLI_OF[word];
  return undefined;
}
const MAX_STRINGS = 400;
const MAX_TEXT = 64 * 1024;

/** `budget.cut` is set when strings were left unread (too many, or nested too deep). */
function strings(value: unknown, visit: (key: string, text: string) => void, key = '', depth = 0, budget = { left: MAX_STRINGS, cut: false }): void {
  if (budget.left <= 0 || depth > MAX_DEPTH) {
    if (value !== null && (typeof value === 'string' || typeof value === 'object')) budget.cut = true;
    return;
  }
  if (typeof value === 'string') {
    budget.left--;
    visit(key, value);
  } else if (Array.isArray(value)) {
    for (const item of value) strings(item, visit, key, depth + 1, budget);
  } else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) strings(v, visit, k, depth + 1, budget);
  }
}

/** Every object in the input, for fields read together (`program` + `args`). */
function objects(value: unknown, visit: (o: Record<string, unknown>) => void, depth = 0): void {
  if (depth > MAX_DEPTH) return;
  if (Array.isArray(value)) for (const item of value) objects(item, visit, depth + 1);
  else if (typeof value === 'object' && value !== null) {
    visit(value as Record<string, unknown>);
    for (const v of Object.values(value)) objects(v, visit, depth + 1);
  }
}

function singleQuoted(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

function argv(words: readonly unknown[]): string | undefined {
  if (words.length === 0 || !words.every((w) => typeof w === 'string' || typeof w === 'number')) return undefined;
  return words.map((w) => (/^[A-Za-z0-9_./:=@%+,-]+$/.test(String(w)) ? String(w) : singleQuoted(String(w)))).join(' ');
}

/** What an MCP call's input says it will do, read as the engine reads a shell line. */
export interface McpReading {
  /** Shell lines that mean what the input does: its commands, and its SQL or GraphQL as psql or curl would send it. */
  readonly lines: readonly string[];
  /** Paths among its arguments, for the protected-path policy. */
  readonly paths: readonly string[];
  /** A string was too long to read (it is asked about). */
  readonly unread: boolean;
}

/** Fields that hold people's words (a title, a message, a search): not read as commands unless the tool runs things. */
const PROSE_KEYS = /^(?:title|body|text|message|description|content|comment|summary|note|notes|subject|name|label|q|search|prompt|instructions|reason)$/i;

/** Found when an MCP call's input holds text too long, or too much of it, to read whole. */
export function unreadInputFinding(environment: Environment): Finding {
  return {
    rule: 'mcp.unread-input', category: 'shell', severity: 'high', summary: 'Calls an MCP tool with text too long for Airlock to read whole',
    hint: 'Send the statement or command in smaller parts so each can be checked', span: [0, 0], environment,
  };
}

/**
 * Every string in the input is read: as a command where its key says so or it reads like one, as
 * SQL or GraphQL where its key says so or it starts like a statement, as a path where its key
 * names one or it is a bare path. Argument vectors (`command: ["rm", "-rf", "/"]`, `program` +
 * `args`) are joined into one line.
 */
export function mcpReading(call: McpCall): McpReading {
  const lines: string[] = [];
  const paths: string[] = [];
  const sql = (text: string): void => {
    lines.push(/^\s*(?:mutation\b|\{)/.test(text)
      ? `curl -X POST ${/^https?:\/\//.test(call.server ?? '') ? call.server ?? '' : 'https://mcp.invalid/graphql'} --data ${singleQuoted(JSON.stringify({ query: text }))}`
      : `psql -c ${singleQuoted(text)}`);
  };
  objects(call.input, (o) => {
    for (const [k, v] of Object.entries(o)) {
      if (Array.isArray(v) && COMMAND_KEYS.test(k)) {
        const line = argv(v);
        if (line) lines.push(line);
      }
    }
    const program = Object.entries(o).find(([k, v]) => PROGRAM_KEYS.test(k) && typeof v === 'string')?.[1];
    const args = Object.entries(o).find(([k, v]) => ARGS_KEYS.test(k) && Array.isArray(v))?.[1];
    if (typeof program === 'string' && Array.isArray(args)) {
      const line = argv([program, ...(args as unknown[])]);
      if (line) lines.push(line);
      // `kubectl_generic {"command": "delete", "args": […]}`: the tool's CLI with that subcommand.
      const cli = cliOf(call);
      const withCli = cli && program !== cli ? argv([cli, program, ...(args as unknown[])]) : undefined;
      if (withCli) lines.push(withCli);
    }
  });
  const cli = cliOf(call);
  objects(call.input, (o) => {
    const args = Object.entries(o).find(([k, v]) => ARGS_KEYS.test(k) && Array.isArray(v))?.[1];
    const verb = Object.entries(o).find(([k, v]) => VERB_KEYS.test(k) && typeof v === 'string')?.[1];
    if (cli && Array.isArray(args) && !Object.keys(o).some((k) => PROGRAM_KEYS.test(k) && typeof o[k] === 'string')) {
      const line = argv([cli, ...(typeof verb === 'string' && !/^(?:get|post|put|patch|delete)$/i.test(verb) ? [verb] : []), ...(args as unknown[])]);
      if (line) lines.push(line);
    } else if (cli && typeof verb === 'string' && /^[a-z][\w:-]*$/i.test(verb) && !/^(?:get|post|put|patch|delete|head)$/i.test(verb)) {
      // `{"subcommand": "destroy", "auto_approve": true}`: the CLI's subcommand, its flags from the other fields.
      const flags = Object.entries(o).filter(([k, v]) => !VERB_KEYS.test(k) && (v === true || typeof v === 'string')).map(([k, v]) => (v === true ? `--${k.replace(/_/g, '-')}` : `--${k.replace(/_/g, '-')}=${String(v)}`));
      const line = argv([cli, ...verb.split(/\s+/), ...flags]);
      if (line) lines.push(line);
    }
    // `kubectl_get {"resourceType": "secret", "name": "db-creds", "output": "yaml"}`, `helm_uninstall {"name": "api"}`:
    // the CLI's verb from the tool's name, its operands and flags from the fields.
    const named = cli && !Array.isArray(args) && typeof verb !== 'string' ? namedCliLine(cli, call.tool, o) : undefined;
    if (named) lines.push(named);
    // `{"method": "DELETE", "url": "https://api…"}`: an HTTP call, as curl would send it.
    const url = Object.entries(o).find(([k, v]) => HTTP_URL_KEYS.test(k) && typeof v === 'string' && /^https?:\/\//.test(v))?.[1];
    if (typeof verb === 'string' && /^(?:delete|post|put|patch)$/i.test(verb) && typeof url === 'string') lines.push(`curl -X ${verb.toUpperCase()} ${singleQuoted(url)}`);
  });
  // Prose (an issue's title, a chat message) is read as a command or statement only when the tool runs things.
  const runsThings = /(?:^|[^a-z])(?:sql|query|queries|exec|execute|run|shell|command|cli|db|database|psql|mysql|postgres|bash|terminal|script|graphql|api|http|request|fetch|call|migration|migrate)(?:[^a-z]|$)/i.test(call.tool.replace(/([a-z0-9])([A-Z])/g, '$1_$2'));
  let unread = false;
  const budget = { left: MAX_STRINGS, cut: false };
  strings(call.input, (key, text) => {
    if (text.trim() === '') return;
    // Too long to read whole: asked about rather than judged by its start alone.
    if (text.length > MAX_TEXT) { unread = true; return; }
    const prose = PROSE_KEYS.test(key) && !runsThings;
    // JSON inside a string (`{"body": "{\"query\": \"mutation …\"}"}`): read as the input it is.
    if (/^\s*[{[]/.test(text)) {
      const inner = parsedJson(text);
      if (inner !== undefined) {
        const read = mcpReading({ ...call, input: inner });
        lines.push(...read.lines);
        paths.push(...read.paths);
        unread ||= read.unread;
        return;
      }
    }
    // `query` is also a search box's field (`search_issues {"query": "delete button"}`): SQL only where the tool runs things.
    const search = SEARCH_KEYS.test(key);
    if (COMMAND_KEYS.test(key)) {
      lines.push(text);
      // A server named after a CLI takes the CLI's words (`{"command": "FLUSHALL"}` to redis).
      if (cli && !text.trimStart().startsWith(cli)) lines.push(`${cli} ${text}`);
    } else if ((SQL_KEYS.test(key) && (runsThings || !search)) || (!prose && !search && SQL_START.test(text))) sql(text);
    else if (/^\s*mutation\b/.test(text)) sql(text);
    else if (!prose && !PATH_KEYS.test(key) && COMMAND_LIKE.test(text) && text.length <= 2000) lines.push(text);
    if (PATH_KEYS.test(key) || (!prose && PATH_LIKE.test(text) && /^[.~]|[/\\]/.test(text) && text.length <= 1000)) paths.push(text.replace(/^file:\/\//, ''));
  }, '', 0, budget);
  return { lines: [...new Set(lines)], paths: [...new Set(paths)], unread: unread || budget.cut };
}

/** Fields that are a Kubernetes or Helm command's operands, in order, and its flags. */
const OPERAND_FIELDS = ['resourceType', 'resource_type', 'resource', 'kind', 'type', 'name', 'resourceName', 'resource_name', 'release', 'releaseName', 'release_name', 'chart'];
const FLAG_FIELDS: Readonly<Record<string, string>> = { namespace: '-n', ns: '-n', output: '-o', format: '-o', context: '--context', selector: '-l', labelSelector: '-l', replicas: '--replicas' };

/** `kubectl_get` with its fields as the command line it stands for; undefined when the name holds no verb after the CLI's. */
function namedCliLine(cli: string, tool: string, fields: Record<string, unknown>): string | undefined {
  const words = toolWords(bareToolName(tool));
  const verb = words[words.findIndex((w) => CLI_OF[w] === cli) + 1];
  if (!verb || !/^(?:kubectl|helm)$/.test(cli)) return undefined;
  const operands = OPERAND_FIELDS.map((k) => fields[k]).filter((v): v is string => typeof v === 'string');
  const flags = Object.entries(FLAG_FIELDS).flatMap(([k, flag]) => (typeof fields[k] === 'string' || typeof fields[k] === 'number' ? [flag, String(fields[k])] : []));
  return argv([cli, verb, ...operands, ...flags]);
}

/** The value of a string that holds JSON; undefined when it does not parse. */
function parsedJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

const SECRET_KEY = /token|secret|passw|pwd|api[_-]?key|access[_-]?key|private[_-]?key|credential|authori[sz]ation|cookie|bearer|session|^auth(?!or)/i;

/** The call's input for display and the audit log: values under secret-sounding keys hidden. */
export function redactedInput(value: unknown, key = '', depth = 0): unknown {
  // Everything under a secret-named key, nested objects included (`auth: { … }`).
  if (SECRET_KEY.test(key) && value !== null && (typeof value === 'string' || typeof value === 'object')) return '***';
  if (typeof value === 'string') return value;
  if (depth > MAX_DEPTH) return '…';
  if (Array.isArray(value)) return value.map((v) => redactedInput(v, key, depth + 1));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactedInput(v, k, depth + 1)]));
  }
  return value;
}

/** Names that say a tool destroys something: `delete_volume`, `dropDatabase`, `project-destroy`. */
const DESTRUCTIVE_WORDS = new Set(['delete', 'destroy', 'drop', 'remove', 'purge', 'wipe', 'truncate', 'terminate', 'reset', 'erase', 'rm', 'del', 'flush', 'rb', 'revoke', 'dropdb', 'flushall', 'flushdb',
  // Taking a service or release away: an outage, or its data with it.
  'uninstall', 'undeploy', 'decommission', 'deprovision', 'teardown', 'pause', 'suspend']);

/** A tool name's words: `deleteVolume`, `delete_volume` and `delete-volume` alike. */
export function toolWords(tool: string): string[] {
  return tool.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase().split(/[^a-z0-9]+/).filter((w) => w !== '');
}

/** The tool's own name, without Claude Code's `mcp__server__` in front. */
export function bareToolName(tool: string): string {
  return tool.replace(/^mcp__.*?__/, '');
}

export function isDestructiveToolName(tool: string): boolean {
  return toolWords(tool).some((w) => DESTRUCTIVE_WORDS.has(w));
}

/** A generic tool told to destroy by its arguments (`{"action": "delete", "volumeId": …}`, `{"command": {"dropDatabase": 1}}`). */
export function destructiveVerbIn(input: unknown): string | undefined {
  let found: string | undefined;
  objects(input, (o) => {
    // An HTTP `method: DELETE` is read as the request it is (with its URL), not as a verb.
    for (const [k, v] of Object.entries(o)) {
      if (found !== undefined) return;
      if (VERB_KEYS.test(k) && !/^method$/i.test(k) && typeof v === 'string' && toolWords(v).some((w) => DESTRUCTIVE_WORDS.has(w))) found = v;
      // A database command document (`{"command": {"dropDatabase": 1}}`): its first key names it.
      const first = COMMAND_KEYS.test(k) && typeof v === 'object' && v !== null && !Array.isArray(v) ? Object.keys(v)[0] : undefined;
      if (first !== undefined && toolWords(first).some((w) => DESTRUCTIVE_WORDS.has(w))) found = first;
    }
  });
  return found;
}

const WRITING_WORDS = new Set(['write', 'edit', 'create', 'move', 'rename', 'copy', 'put', 'upload', 'save', 'append', 'replace', 'patch', 'update', 'set', 'delete', 'remove', 'rm']);

/** A file tool whose name says it changes the path it is given (`write_file`, `moveFile`). */
export function isWritingToolName(tool: string): boolean {
  return toolWords(tool).some((w) => WRITING_WORDS.has(w));
}

/** The most sensitive environment named among the call's arguments or its server. */
export function mcpEnvironment(call: McpCall, environments?: EnvironmentMap): Environment {
  let best: Environment = { tier: 'unknown' };
  const consider = (key: string, text: string): void => {
    if (text.length > 200) return;
    const tier = tierOfName(text, environments);
    if (tier && (best.tier === 'unknown' || tierRank(tier) > tierRank(best.tier))) {
      best = { tier, name: redact(text), evidence: redact(key ? `${key}: ${text}` : text) };
    }
  };
  strings(call.input, consider);
  if (call.server) consider('server', call.server);
  return best;
}

export const MCP_DESTRUCTIVE_TOOL = {
  rule: 'mcp.destructive-tool',
  summary: 'Calls an MCP tool whose name or arguments say it deletes or destroys something',
  hint: 'Check what the tool deletes and in which environment; prefer a tool scoped to a development project',
  examples: { match: ['delete_volume', 'dropDatabase', 'project-destroy', 'purge_cache', 'flushall', 'redis_flush_db', 's3_rb', 'revokeToken'], noMatch: ['list_volumes', 'get_deleted_items', 'describe_table', 'undelete', 'get_flushed_count', 'rbac_list'] },
} as const;

/**
 * The editor's own agent tools that run what Airlock cannot read: any editor command (which may
 * uninstall or switch off extensions, run tasks, change settings), an extension install, a
 * notebook cell's code.
 */
const OPAQUE_EDITOR_TOOLS = new Set(['run_vscode_command', 'runVscodeCommand', 'copilot_runVscodeCommand', 'vscode_runCommand', 'install_extension', 'installExtension',
  'copilot_installExtension', 'run_notebook_cell', 'runNotebookCell', 'copilot_runNotebookCell']);

export function isOpaqueEditorTool(tool: string): boolean {
  return OPAQUE_EDITOR_TOOLS.has(tool);
}

export function opaqueEditorToolFinding(tool: string, environment: Environment): Finding {
  return {
    rule: 'editor.opaque-tool', category: 'shell', severity: 'high',
    summary: `Runs an editor command, extension install or notebook cell (${redact(tool)}) whose effect Airlock cannot read`,
    hint: 'Run the step as a terminal command Airlock can read, or ask the user to do it', span: [0, 0], environment,
  };
}

export function destructiveToolFinding(call: McpCall, environment: Environment): Finding {
  return {
    rule: MCP_DESTRUCTIVE_TOOL.rule, category: 'shell', severity: 'high', summary: `${MCP_DESTRUCTIVE_TOOL.summary} (${redact(call.tool)})`,
    hint: MCP_DESTRUCTIVE_TOOL.hint, span: [0, 0], environment,
  };
}
