// The hook's answer for a shell call the prefilter clears (`ls -la`, or `npm test` whose script
// names no guarded program): the launcher gives it without loading the engine, and audits it
// exactly as the full path would. Anything else — other tools, flagged or unreadable payloads —
// returns undefined and goes to the full CLI.
import { auditRecord } from '../../core/audit';
import { CONTROL_CHARACTERS, createPrefilter } from '../../core/prefilter';
import { printedOperands } from '../../core/secrets/printers';
import { ALLOW_VERDICT } from '../../core/verdict';
import { resolve } from 'node:path';
import { queueRecord } from '../../gate/auditQueue';
import { clearedPackageScript } from './fastScripts';
import { ADAPTERS } from '../../agents/hooks';
import { AGENT_IDS, type AgentId, type HookOutput } from '../../agents/types';

export function hookAgent(argv: readonly string[]): AgentId | undefined {
  if (argv.length !== 2 || argv[0] !== '--agent') return undefined;
  return AGENT_IDS.find((id) => id === argv[1]);
}

export function answerHookWithoutEngine(
  argv: readonly string[],
  input: string,
  programs: readonly string[],
  io: { readonly env: Readonly<Record<string, string | undefined>>; readonly now: () => Date; readonly stderr: (text: string) => void },
): HookOutput | undefined {
  const agent = hookAgent(argv);
  if (!agent) return undefined;
  const adapter = ADAPTERS[agent];
  let payload: unknown;
  try {
    payload = JSON.parse(input);
    const event = adapter.parse(payload);
    if (event.kind !== 'command' || CONTROL_CHARACTERS.test(event.command)) return undefined;
    const prefilter = createPrefilter(programs);
    // `npm test` whose script runs nothing guarded is followed here, as the engine would follow it.
    if (prefilter.mightMatch(event.command) && !clearedPackageScript(event.command, event.cwd === undefined ? undefined : resolve(event.cwd), prefilter)) return undefined;
    // A line that prints files goes to the full hook, which reads them for credentials.
    if (printedOperands(event.command).length > 0) return undefined;
    // Queued, not chained here: the chain's HMAC would load node:crypto (4 ms); the next chained
    // write (any flagged call, the editor, \`airlock audit\`) takes it in.
    const queued = queueRecord(auditRecord({
      time: io.now(), source: 'hook', actor: adapter.callerOf?.(payload) ?? agent, kind: 'command', subject: event.command, tool: event.tool, cwd: event.cwd,
      verdict: ALLOW_VERDICT, decision: 'allow', decidedBy: 'policy',
    }), io.env);
    if (!queued.ok) io.stderr(`airlock: the audit record of this allow could not be kept (${queued.problem})\n`);
    return adapter.format({ decision: 'allow', quiet: true, userMessage: '', agentMessage: '' }, event, payload);
  } catch {
    return undefined;
  }
}
