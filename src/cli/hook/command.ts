// `airlock hook --agent <id>` as a command: argument checks, stdin, the engine, exit codes. A
// misuse exits 2, not the usual usage code: every agent reads 2 as "block", anything else as
// "let it through".
import { LazyEngine } from '../../core/engine';
import { loadParser } from '../parser';
import { runHook } from './run';
import { readHookInput } from './stdin';
import { AGENT_IDS, type AgentId } from '../../agents/types';
import { builtin } from '../builtin';

export const HOOK_USAGE = `airlock hook --agent <${AGENT_IDS.join('|')}>
  Reads the agent's hook payload on stdin and answers in the agent's own schema.
  Written into each agent's configuration by \`airlock install\`; not meant to be run by hand.`;

export class HookUsageError extends Error {}

export function parseHookArgs(argv: readonly string[]): AgentId {
  const at = argv.indexOf('--agent');
  const value = at >= 0 ? argv[at + 1] : argv.find((a) => a.startsWith('--agent='))?.slice('--agent='.length);
  if (value === undefined) throw new HookUsageError(`missing --agent (one of ${AGENT_IDS.join(', ')})`);
  const agent = AGENT_IDS.find((id) => id === value);
  if (!agent) throw new HookUsageError(`unknown agent "${value}" (expected one of ${AGENT_IDS.join(', ')})`);
  return agent;
}


export async function hookCommand(argv: readonly string[]): Promise<number> {
  let agent: AgentId;
  try {
    agent = parseHookArgs(argv);
  } catch (error) {
    process.stderr.write(`airlock hook: ${(error as Error).message}; denying the call\n\n${HOOK_USAGE}\n`);
    return 2;
  }
  const engine = new LazyEngine(async () => {
    builtin<typeof import('node:v8')>('node:v8').setFlagsFromString('--liftoff-only');
    return loadParser();
  });
  const input = await readHookInput(process.stdin);
  const out = await runHook(agent, input, { env: process.env, stderr: (t) => process.stderr.write(t), now: () => new Date(), engine });
  // The reason of an exit-2 block, written out before the process exits (a pipe's stream may be asynchronous).
  const reason = out.stderr;
  if (reason !== undefined) await new Promise<void>((resolve) => process.stderr.write(reason + '\n', () => resolve()));
  // An empty answer stays empty (Codex reads any other text as a failed hook's).
  if (out.stdout !== '') process.stdout.write(out.stdout + '\n');
  return out.exitCode;
}
