// Whether the agent that runs this hook has anyone to put an "ask" to. Gemini CLI run headless
// (`gemini -p …`, or with no terminal) has no prompt to show: it stops on an ask, or waits for an
// answer nobody can give. Read from the process tree on Linux (/proc): the nearest ancestor that
// is the agent's CLI, its arguments and whether its stdin is a terminal. Elsewhere: unknown.
import { readFileSync, readlinkSync } from 'node:fs';

const GEMINI = /(?:^|\/)(?:gemini(?:\.js)?|gemini-cli)$|@google\/gemini-cli\//;
/** Ancestors looked at: the launcher's shell, the shell the agent starts hooks with, the agent (and its relaunched child). */
const DEPTH = 8;

function parentOf(pid: number): number | undefined {
  try {
    // The command name in field 2 may hold spaces and parentheses: fields count from the last ")".
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    return Number.isInteger(ppid) && ppid > 1 ? ppid : undefined;
  } catch {
    return undefined;
  }
}

/** True when Gemini CLI runs this hook with no one to ask; undefined when that cannot be told. */
export function headlessGemini(start: number = process.ppid): boolean | undefined {
  let pid: number | undefined = start;
  for (let depth = 0; pid !== undefined && depth < DEPTH; depth++, pid = parentOf(pid)) {
    let argv: string[];
    try {
      argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter((a) => a !== '');
    } catch {
      return undefined;
    }
    if (!argv.slice(0, 2).some((a) => GEMINI.test(a))) continue;
    if (argv.some((a) => a === '-p' || a === '--prompt' || a.startsWith('--prompt='))) return true;
    try {
      return !/^\/dev\/(?:pts\/\d+|tty\w*)$/.test(readlinkSync(`/proc/${pid}/fd/0`));
    } catch {
      return undefined;
    }
  }
  return undefined;
}
