// The processes an e2e test looks for by hand: code-server as the demo starts it (in a process
// group of its own), found through /proc.
import { readdirSync, readFileSync } from 'node:fs';

/** The process group and user-data folder of the code-server started on `port`, from its command line (`--bind-addr`). */
export function codeServerOn(port: number): { group: number; userData: string | undefined } | undefined {
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      if (!args.includes(`127.0.0.1:${port}`)) continue;
      // The fields after the command's name, which is in parentheses and may hold anything: state, ppid, pgrp.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const at = args.indexOf('--user-data-dir');
      return { group: Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]), userData: at >= 0 ? args[at + 1] : undefined };
    } catch {
      // the process ended meanwhile
    }
  }
  return undefined;
}

export function groupAlive(group: number): boolean {
  try {
    process.kill(-group, 0);
    return true;
  } catch {
    return false;
  }
}
