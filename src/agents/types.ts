// What Airlock knows about an agent, behind one interface (each agent's module in this folder
// fills it in): what its hook payloads are read into and how it is answered, where its hook
// settings live, how to tell it is used, and its own ignore file.
import type { WriteChange } from '../core/settingsChange';
import { CALL_ID } from '../gate/protocol';
import type { AgentContextFile } from './contextFiles';
import type { AgentTarget } from './hookFiles';
import type { ContentGlobs } from './searchScope';

export type AgentId = 'claude-code' | 'cursor' | 'copilot' | 'gemini' | 'codex' | 'cline' | 'augment' | 'windsurf' | 'kiro' | 'droid' | 'opencode' | 'qwen';
export const AGENT_IDS: readonly AgentId[] = ['claude-code', 'cursor', 'copilot', 'gemini', 'codex', 'cline', 'augment', 'windsurf', 'kiro', 'droid', 'opencode', 'qwen'];

export interface Agent {
  readonly id: AgentId;
  readonly label: string;
  /** Where its hook contract was read (the module's header says what came from each). */
  readonly sources: readonly string[];
  /** Its hook's payloads in, Airlock's answers out. */
  readonly hook: AgentAdapter;
  /** Where its hook settings live, and Airlock's entry in them. */
  readonly settings: AgentTarget;
  /** Folders whose presence says the agent is used: under the home directory, and in a project. */
  readonly traces: { readonly user: string; readonly project: string };
  /** The call `airlock doctor` sends its hook: a production deletion a working hook must deny. */
  probe(cwd: string): unknown;
  /** Whether the hook's JSON answer is a deny in this agent's schema. */
  denies(answer: Record<string, unknown>): boolean;
  /** Its own way to keep files out of its context, where it has one. */
  readonly contextFile?: AgentContextFile;
  /** What the agent needs switched on before it runs any hook, where no file tells Airlock whether it is: said after install. */
  readonly notice?: string;
  /** Why the agent will not run Airlock's hook in `file` for folder `dir` (a trust it still needs), if it will not. */
  willNotRun?(file: string, scope: 'project' | 'user' | 'managed', dir: string, env: Readonly<Record<string, string | undefined>>): string | undefined;
}

/**
 * One tool call to judge. `command`: a shell line; `read`/`write`: paths (and globs for search
 * tools); `searched`: globs whose files' contents a search or multi-file read returns; `change`:
 * what a write puts in the file, where the input shows it; `mcp`: an
 * MCP tool's name and input; `unrelated`: a tool Airlock does not guard.
 */
export type HookEvent =
  | {
    readonly kind: 'command'; readonly tool: string; readonly command: string; readonly cwd?: string; readonly roots: readonly string[];
    /** Lines the agent runs each in its own shell (Cline's run_commands): judged one by one, `command` showing them together. */
    readonly separately?: readonly string[];
  }
  | {
    readonly kind: 'read' | 'write'; readonly tool: string; readonly paths: readonly string[]; readonly cwd?: string; readonly roots: readonly string[];
    readonly searched?: ContentGlobs; readonly change?: WriteChange;
  }
  | { readonly kind: 'mcp'; readonly tool: string; readonly input: unknown; readonly server?: string; readonly cwd?: string; readonly roots: readonly string[] }
  | { readonly kind: 'unrelated'; readonly tool: string; readonly known: boolean; readonly cwd?: string; readonly roots: readonly string[] };

/** The hook's answer before it is put in an agent's words. `ask` hands the call to the agent's own prompt. */
export interface HookAnswer {
  readonly decision: 'allow' | 'deny' | 'ask';
  /** True when Airlock itself has nothing to say (a benign call): the agent's normal flow applies. */
  readonly quiet: boolean;
  /** For the human: what, which environment, who decided. */
  readonly userMessage: string;
  /** For the model: that it was stopped, why, and what to do instead. */
  readonly agentMessage: string;
}

export interface HookOutput {
  readonly stdout: string;
  readonly exitCode: number;
  /** The reason, for agents that block only on exit code 2 and hand what the hook wrote on stderr to the model. */
  readonly stderr?: string;
}

/** A payload that is not what the agent sends. `shell`: it claimed to be a shell call, so it is denied. */
export class PayloadError extends Error {
  constructor(message: string, readonly shell: boolean) {
    super(message);
  }
}

export interface AgentAdapter {
  /**
   * How long the agent waits for its hook before it lets the call through, where that is shorter
   * than Airlock's dialog (Cline: a fixed 30 s): the dialog is given less, so its own time-out,
   * a deny, comes first.
   */
  readonly answerWithinMs?: number;
  /** The agent that really sent the payload, where another runs this agent's hooks (Claude's are run by several). */
  callerOf?(payload: unknown): AgentId;
  /** Reads one payload; throws PayloadError when it is not what this agent sends. */
  parse(payload: unknown): HookEvent;
  /** Whether the agent can put an "ask" to its user for this call; where it cannot, an ask is a deny. */
  canAsk(event: HookEvent, payload: unknown): boolean;
  /** `event` is undefined when the payload could not be read. */
  format(answer: HookAnswer, event: HookEvent | undefined, payload: unknown): HookOutput;
}

/** The agent's id of the tool call, where the payload carries one (Claude Code, Cursor's preToolUse, VS Code, Codex, opencode). */
export function callIdOf(payload: unknown): string | undefined {
  if (typeof payload !== 'object' || payload === null) return undefined;
  const p = payload as Record<string, unknown>;
  const id = p.tool_use_id ?? p.toolUseId ?? p.toolCallId ?? p.callID;
  return typeof id === 'string' && CALL_ID.test(id) ? id : undefined;
}

/** Field readers that say which field was wrong. */
export function objectOf(value: unknown, what: string, shell = false): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new PayloadError(`${what} is not a JSON object`, shell);
  return value as Record<string, unknown>;
}

export function stringField(o: Record<string, unknown>, name: string, shell: boolean): string {
  const v = o[name];
  if (typeof v !== 'string') throw new PayloadError(`"${name}" is missing or not a string`, shell);
  return v;
}

export function optionalString(o: Record<string, unknown>, ...names: string[]): string | undefined {
  for (const name of names) if (typeof o[name] === 'string') return o[name];
  return undefined;
}

export function stringList(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** `tool_input` given as an object, or (Cursor MCP, Copilot CLI) as a JSON string. */
export function toolInput(value: unknown, what: string, shell: boolean): Record<string, unknown> {
  if (typeof value === 'string') {
    try {
      return objectOf(JSON.parse(value), what, shell);
    } catch (error) {
      if (error instanceof PayloadError) throw error;
      throw new PayloadError(`${what} is a string that is not JSON`, shell);
    }
  }
  return objectOf(value, what, shell);
}

/** Whether an answer in the `hookSpecificOutput` schema is a deny. */
export function preToolUseDenies(answer: Record<string, unknown>): boolean {
  return (answer.hookSpecificOutput as Record<string, unknown> | undefined)?.permissionDecision === 'deny';
}

/**
 * The `hookSpecificOutput` answer Claude Code and VS Code agent hooks share. The reason of a deny
 * goes to the model, of an ask to the user; a deny also carries a `systemMessage` for the user.
 */
export function preToolUseOutput(answer: HookAnswer): HookOutput {
  if (answer.quiet) return { stdout: '{}', exitCode: 0 };
  return {
    stdout: JSON.stringify({
      hookSpecificOutput: {
        hookEventName: 'PreToolUse',
        permissionDecision: answer.decision,
        permissionDecisionReason: answer.decision === 'ask' ? answer.userMessage : answer.agentMessage,
      },
      ...(answer.decision === 'deny' ? { systemMessage: answer.userMessage } : {}),
    }),
    exitCode: 0,
  };
}

/**
 * The answer of an agent that reads no JSON and blocks only on exit code 2, giving the model what
 * the hook wrote on stderr (Windsurf, Kiro). It has no "ask": anything but an allow is a deny, and
 * an allow says nothing.
 */
export function exitCodeOutput(answer: HookAnswer): HookOutput {
  return answer.decision === 'allow' ? { stdout: '', exitCode: 0 } : { stdout: '', exitCode: 2, stderr: answer.agentMessage };
}
