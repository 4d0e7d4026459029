// Whether the agent that runs this hook has anyone to put an "ask" to. Gemini CLI run headless
// (`gemini -p …`, or with no terminal) has no prompt to show: it stops on an ask, or waits for an
// answer nobody can give. Factory Droid run as `droid exec` lets a call its hook answered "ask"
// run (seen with droid 0.215.0, `--auto high` and `--skip-permissions-unsafe`). Read from the
// process tree on Linux (/proc): the nearest ancestor that is the agent's CLI, its arguments and
// whether its stdin is a terminal. Elsewhere: unknown for Gemini; for Droid, read with `ps`.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readlinkSync } from 'node:fs';

// Qwen Code, Gemini CLI's fork, runs headless the same way.
const GEMINI = /(?:^|\/)(?:gemini(?:\.js)?|gemini-cli|qwen)$|@google\/gemini-cli\/|@qwen-code\/qwen-code\//;
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

const DROID = /(?:^|\/)droid$/;

interface ProcessView {
  readonly ppid: number | undefined;
  readonly argv: readonly string[];
  /** Whether its stdin is a terminal; undefined when that cannot be read. */
  readonly terminal: boolean | undefined;
}

function procView(pid: number): ProcessView | undefined {
  let argv: string[];
  try {
    argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter((a) => a !== '');
  } catch {
    return undefined;
  }
  let terminal: boolean | undefined;
  try {
    terminal = /^\/dev\/(?:pts\/\d+|tty\w*)$/.test(readlinkSync(`/proc/${pid}/fd/0`));
  } catch {
    terminal = undefined;
  }
  return { ppid: parentOf(pid), argv, terminal };
}

/** Where there is no /proc (macOS): `ps`, whose command line is split at spaces (enough to tell the program and its first word). */
function psView(pid: number): ProcessView | undefined {
  const r = spawnSync('ps', ['-o', 'ppid=,tty=,args=', '-p', String(pid)], { encoding: 'utf8', timeout: 2000 });
  const m = /^\s*(\d+)\s+(\S+)\s+(.*)$/.exec(r.stdout ?? '');
  if (r.status !== 0 || !m) return undefined;
  const ppid = Number(m[1]);
  return { ppid: ppid > 1 ? ppid : undefined, argv: m[3].trim().split(/\s+/), terminal: !/^\?+$/.test(m[2]) };
}

/**
 * The nearest ancestor whose program (the binary, or the script node runs) `program` names; undefined
 * when none is found or a process on the way cannot be read.
 */
function agentProcess(program: RegExp, view: (pid: number) => ProcessView | undefined, start: number): { argv: readonly string[]; at: number; terminal: boolean | undefined } | undefined {
  let pid: number | undefined = start;
  for (let depth = 0; pid !== undefined && depth < DEPTH; depth++) {
    const p = view(pid);
    if (!p) return undefined;
    const at = p.argv.slice(0, 2).findIndex((a) => program.test(a));
    if (at >= 0) return { argv: p.argv, at, terminal: p.terminal };
    pid = p.ppid;
  }
  return undefined;
}

/** True when Gemini CLI (or Qwen Code) runs this hook with no one to ask; undefined when that cannot be told. */
export function headlessGemini(start: number = process.ppid): boolean | undefined {
  const agent = agentProcess(GEMINI, procView, start);
  if (!agent) return undefined;
  if (agent.argv.some((a) => a === '-p' || a === '--prompt' || a.startsWith('--prompt='))) return true;
  return agent.terminal === undefined ? undefined : !agent.terminal;
}

/**
 * True when Factory Droid runs this hook with no one to ask (`droid exec`, or no terminal), false
 * in its interactive UI, undefined when no Droid is found among the ancestors.
 */
export function headlessDroid(start: number = process.ppid): boolean | undefined {
  const agent = agentProcess(DROID, existsSync('/proc/self') ? procView : psView, start);
  return agent && (agent.argv[agent.at + 1] === 'exec' || agent.terminal !== true);
}
