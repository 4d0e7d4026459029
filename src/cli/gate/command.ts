// `airlock gate` as a command: its arguments, the terminal prompt, the engine. Misuse stops the
// command (exit 126): a shim or guard that calls the gate wrongly must not let anything through.
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { LazyEngine } from '../../core/engine';
import { shellLine } from '../../gate/shellQuote';
import { loadParser } from '../parser';
import { DENIED, runGate, type GateCall } from './run';

export const GATE_USAGE = `airlock gate --program <name> [--ppid <pid>] -- <args…>
airlock gate --line <command line> [--ppid <pid>] [--task] [--unseen <program>]
  The terminal gate's client, run by Airlock's PATH shims and shell guards before a command runs:
  exit 0 lets it run, 126 stops it (after one line on stderr saying why). Not meant to be run by hand.`;

export class GateUsageError extends Error {}

export function parseGateArgs(argv: readonly string[]): GateCall {
  let program: string | undefined;
  let line: string | undefined;
  let pid: number | undefined;
  let task = false;
  let unseen: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new GateUsageError(`${arg ?? ''} needs a value`);
      return v;
    };
    if (arg === '--program') program = value();
    else if (arg === '--line') line = value();
    else if (arg === '--ppid') pid = Number.parseInt(value(), 10);
    else if (arg === '--task') task = true;
    else if (arg === '--unseen') unseen = value();
    else if (arg === '--' && program !== undefined) {
      line = shellLine([program, ...argv.slice(i + 1)]);
      break;
    } else throw new GateUsageError(`unexpected argument "${arg ?? ''}"`);
  }
  if (line === undefined) throw new GateUsageError(program === undefined ? 'give --program <name> -- <args…> or --line <command line>' : 'missing -- before the program\'s arguments');
  return { line, source: task ? 'task' : 'terminal', printGrant: program === undefined, ...(pid !== undefined && pid > 0 ? { pid } : {}), ...(unseen ? { unseen } : {}) };
}

/** The typed confirmation on the controlling terminal, when there is one. */
function typeOnTerminal(question: string, name: string): boolean | undefined {
  let fd: number;
  try {
    fd = openSync('/dev/tty', 'r+');
  } catch {
    return undefined;
  }
  try {
    writeSync(fd, question);
    const buffer = Buffer.alloc(256);
    let answer = '';
    for (;;) {
      const n = readSync(fd, buffer, 0, buffer.length, null);
      if (n <= 0) break;
      answer += buffer.subarray(0, n).toString('utf8');
      // A terminal in raw mode (inside the shell guard) ends the answer with a carriage return.
      if (/[\r\n]/.test(answer)) break;
    }
    return answer.split(/[\r\n]/)[0]?.trim() === name;
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

export async function gateCommand(argv: readonly string[]): Promise<number> {
  let call: GateCall;
  try {
    call = parseGateArgs(argv);
  } catch (error) {
    process.stderr.write(`airlock gate: ${(error as Error).message}; not running the command\n\n${GATE_USAGE}\n`);
    return DENIED;
  }
  const engine = new LazyEngine(() => loadParser());
  return runGate(call, { env: process.env, cwd: process.cwd(), stderr: (t) => process.stderr.write(t), stdout: (t) => process.stdout.write(t), now: () => new Date(), engine, typeOnTerminal });
}
