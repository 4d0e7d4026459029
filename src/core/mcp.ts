// MCP tool calls: an agent can reach a database or a platform through an MCP server instead of a
// shell. What the engine can read from a call: command lines and SQL or GraphQL text in its input
// (classified as the same text sent through psql or curl would be), a tool whose name says it
// deletes, and environment names among its arguments.
import { tierOfName, type EnvironmentMap } from './environment/tiers';
import { redact } from './environment/redact';
import { tierRank, type Environment, type Finding } from './verdict';

export interface McpCall {
  readonly tool: string;
  readonly input: unknown;
  /** The server's URL or command, when the agent says. */
  readonly server?: string;
}

const COMMAND_KEYS = /^(?:command|cmd|script|shell_command|commandline|command_line)$/i;
const SQL_KEYS = /^(?:sql|query|statement|statements|sql_query|sqlquery)$/i;
const MAX_DEPTH = 4;
const MAX_STRINGS = 200;

function strings(value: unknown, visit: (key: string, text: string) => void, key = '', depth = 0, budget = { left: MAX_STRINGS }): void {
  if (budget.left <= 0 || depth > MAX_DEPTH) return;
  if (typeof value === 'string') {
    budget.left--;
    visit(key, value);
  } else if (Array.isArray(value)) {
    for (const item of value) strings(item, visit, key, depth + 1, budget);
  } else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) strings(v, visit, k, depth + 1, budget);
  }
}

function singleQuoted(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** The shell lines that mean what the call's input does, for the engine to classify. */
export function mcpCommandLines(call: McpCall): string[] {
  const lines: string[] = [];
  strings(call.input, (key, text) => {
    if (COMMAND_KEYS.test(key)) lines.push(text);
    else if (SQL_KEYS.test(key)) {
      lines.push(/^\s*(?:mutation\b|\{)/.test(text)
        ? `curl -X POST ${/^https?:\/\//.test(call.server ?? '') ? call.server ?? '' : 'https://mcp.invalid/graphql'} --data ${singleQuoted(JSON.stringify({ query: text }))}`
        : `psql -c ${singleQuoted(text)}`);
    }
  });
  return lines;
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
const DESTRUCTIVE_WORDS = new Set(['delete', 'destroy', 'drop', 'remove', 'purge', 'wipe', 'truncate', 'terminate', 'reset', 'erase', 'rm', 'del']);

export function isDestructiveToolName(tool: string): boolean {
  const words = tool.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase().split(/[^a-z0-9]+/);
  return words.some((w) => DESTRUCTIVE_WORDS.has(w));
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
  summary: 'Calls an MCP tool whose name says it deletes or destroys something',
  hint: 'Check what the tool deletes and in which environment; prefer a tool scoped to a development project',
  examples: { match: ['delete_volume', 'dropDatabase', 'project-destroy', 'purge_cache'], noMatch: ['list_volumes', 'get_deleted_items', 'describe_table', 'undelete'] },
} as const;

export function destructiveToolFinding(call: McpCall, environment: Environment): Finding {
  return {
    rule: MCP_DESTRUCTIVE_TOOL.rule, category: 'shell', severity: 'high', summary: `${MCP_DESTRUCTIVE_TOOL.summary} (${redact(call.tool)})`,
    hint: MCP_DESTRUCTIVE_TOOL.hint, span: [0, 0], environment,
  };
}
