// The decision service's wire protocol, shared by its clients (agent hooks, the terminal gate) and
// its server (the extension): HTTP over a private Unix socket (a named pipe on Windows), as VS
// Code's git extension does for askpass. Every request carries the window's token; both sides
// validate what they read, since either end may be stale, foreign or broken.
import { isTier, type Verdict } from '../core/verdict';

export const PROTOCOL_VERSION = 1;
export const DECIDE_PATH = '/v1/decide';
export const PING_PATH = '/v1/ping';
export const TOKEN_HEADER = 'x-airlock-token';
/** Large enough for a 64 KiB command line and its verdict, small enough to refuse a flood. */
export const MAX_BODY_BYTES = 512 * 1024;

export type Source = 'hook' | 'terminal' | 'task' | 'observer';
/** What the agent wants: run a command line, read or write a path, or call an MCP tool. */
export type SubjectKind = 'command' | 'read' | 'write' | 'mcp';

export interface DecisionRequest {
  readonly version: typeof PROTOCOL_VERSION;
  readonly source: Source;
  /** The agent's id (`claude-code`, `cursor`, …) or `human`. */
  readonly actor: string;
  readonly kind: SubjectKind;
  /** The command line, the path, or the MCP tool's command/SQL. */
  readonly subject: string;
  readonly cwd?: string;
  /** The tool the agent called (`Bash`, `read_file`, an MCP tool name). */
  readonly tool?: string;
  readonly verdict: Verdict;
  /** The terminal gate's shell process, so the extension can tell which terminal (and agent) asks. */
  readonly pid?: number;
  /**
   * The grant of a line a human approved in the shell guard, presented by a PATH shim run by that
   * line, so one approval is not asked for twice.
   */
  readonly grant?: string;
  /**
   * The agent's id of the tool call (a hook payload's tool_use_id): two hooks that see one call
   * (an agent running its own hook file and Claude's) get one dialog (sameCall.ts).
   */
  readonly callId?: string;
  /** How long the hook waits for the human; the server should answer before this. */
  readonly timeoutMs: number;
  /**
   * When the client sent it (ms since the epoch): a server slow to read it (a burst of requests)
   * counts its deadline from here, so it answers while the client still listens.
   */
  readonly sentAt?: number;
}

/** When the server must have answered: `timeoutMs` after the client sent it, never later than after it arrived. */
export function requestDeadline(request: DecisionRequest, now: number = Date.now()): number {
  const sent = request.sentAt !== undefined && request.sentAt <= now && request.sentAt >= now - request.timeoutMs ? request.sentAt : now;
  return sent + request.timeoutMs;
}

export type DecidedBy = 'human' | 'policy' | 'timeout' | 'error';

export interface DecisionResponse {
  readonly decision: 'allow' | 'deny';
  readonly decidedBy: DecidedBy;
  /** Why, in words for the human and the agent (e.g. "denied by Jo in VS Code"). */
  readonly reason?: string;
  /** For an approved terminal line: the grant its shims present (see DecisionRequest.grant). */
  readonly grant?: string;
}

export interface PingResponse {
  readonly ok: true;
  readonly version: typeof PROTOCOL_VERSION;
  readonly roots: readonly string[];
}

const DECIDED_BY: ReadonlySet<string> = new Set(['human', 'policy', 'timeout', 'error']);
const SOURCES: ReadonlySet<string> = new Set(['hook', 'terminal', 'task', 'observer']);
const KINDS: ReadonlySet<string> = new Set(['command', 'read', 'write', 'mcp']);

export class ProtocolError extends Error {}

/** A grant is an opaque random token; anything else is dropped (it ends up in an environment variable). */
const GRANT = /^[A-Za-z0-9_-]{16,64}$/;
/** Agents' tool call ids (`toolu_01…`, `call_…`, UUIDs); anything else is dropped, and the call asked about on its own. */
export const CALL_ID = /^[A-Za-z0-9_.:-]{1,200}$/;

function record(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ProtocolError(`${what} is not a JSON object`);
  return value as Record<string, unknown>;
}

function optionalString(value: unknown, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new ProtocolError(`"${name}" must be a string`);
  return value;
}

/** The client's reading of a response body: anything but a well-formed answer is an error. */
export function parseDecisionResponse(body: string): DecisionResponse {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    throw new ProtocolError('the decision service answered something that is not JSON');
  }
  const r = record(value, 'the answer');
  if (r.decision !== 'allow' && r.decision !== 'deny') throw new ProtocolError('the answer has no "decision" of allow or deny');
  if (typeof r.decidedBy !== 'string' || !DECIDED_BY.has(r.decidedBy)) throw new ProtocolError('the answer has no valid "decidedBy"');
  const reason = optionalString(r.reason, 'reason');
  const grant = optionalString(r.grant, 'grant');
  return {
    decision: r.decision, decidedBy: r.decidedBy as DecidedBy,
    ...(reason !== undefined ? { reason: reason.slice(0, 2000) } : {}),
    ...(grant !== undefined && r.decision === 'allow' && GRANT.test(grant) ? { grant } : {}),
  };
}

/** The credential's text reaches the dialog: every field must be what the dialog expects. */
function checkCredential(value: unknown): void {
  const c = record(value, '"verdict.credential"');
  if (typeof c.kind !== 'string' || typeof c.where !== 'string' || (c.reach !== undefined && typeof c.reach !== 'string')) {
    throw new ProtocolError('"verdict.credential" needs string "kind" and "where"');
  }
  if (c.origin === undefined) return;
  const o = record(c.origin, '"verdict.credential.origin"');
  if (typeof o.file !== 'string' || typeof o.variable !== 'string' || (o.tier !== undefined && !isTier(o.tier))) {
    throw new ProtocolError('"verdict.credential.origin" needs string "file" and "variable", and a tier if any');
  }
}

/** The server's reading of a request body. The verdict is checked for shape, not re-derived. */
export function parseDecisionRequest(body: string): DecisionRequest {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    throw new ProtocolError('the request is not JSON');
  }
  const r = record(value, 'the request');
  if (r.version !== PROTOCOL_VERSION) throw new ProtocolError(`unsupported protocol version ${String(r.version)} (this side speaks ${PROTOCOL_VERSION})`);
  if (typeof r.source !== 'string' || !SOURCES.has(r.source)) throw new ProtocolError('"source" must be hook, terminal, task or observer');
  if (typeof r.kind !== 'string' || !KINDS.has(r.kind)) throw new ProtocolError('"kind" must be command, read, write or mcp');
  if (typeof r.actor !== 'string' || r.actor === '') throw new ProtocolError('"actor" must be a non-empty string');
  if (typeof r.subject !== 'string') throw new ProtocolError('"subject" must be a string');
  if (typeof r.timeoutMs !== 'number' || !Number.isFinite(r.timeoutMs) || r.timeoutMs <= 0) throw new ProtocolError('"timeoutMs" must be a positive number');
  const verdict = record(r.verdict, '"verdict"');
  if (!['allow', 'confirm', 'deny'].includes(verdict.decision as string) || !Array.isArray(verdict.findings)) {
    throw new ProtocolError('"verdict" is not a verdict');
  }
  if (verdict.credential !== undefined) checkCredential(verdict.credential);
  return {
    version: PROTOCOL_VERSION,
    source: r.source as Source,
    actor: r.actor,
    kind: r.kind as SubjectKind,
    subject: r.subject,
    cwd: optionalString(r.cwd, 'cwd'),
    tool: optionalString(r.tool, 'tool'),
    ...(typeof r.pid === 'number' && Number.isInteger(r.pid) && r.pid > 0 ? { pid: r.pid } : {}),
    ...(typeof r.grant === 'string' && GRANT.test(r.grant) ? { grant: r.grant } : {}),
    ...(typeof r.callId === 'string' && CALL_ID.test(r.callId) ? { callId: r.callId } : {}),
    verdict: verdict as unknown as Verdict,
    timeoutMs: r.timeoutMs,
    ...(typeof r.sentAt === 'number' && Number.isFinite(r.sentAt) ? { sentAt: r.sentAt } : {}),
  };
}
