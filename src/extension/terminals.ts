// Who asks from a terminal: the gate client reports its shell's process id; this walks up from it
// to a terminal of this window (`Terminal.processId`) or a task's process, and names the actor by
// the terminal (hidden terminals and names such as "Cline" are agents', visible ones a person's,
// for what the terminal's shell runs itself).
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { actorOfTerminal } from '../core/actor';

const MAX_DEPTH = 16;

/** The parent of a process, from /proc (Linux); undefined where there is none to read. */
function parentOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // pid (comm) state ppid …: comm may hold spaces and parentheses, so read after the last ')'.
    const ppid = Number.parseInt(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1] ?? '', 10);
    return Number.isInteger(ppid) && ppid > 1 ? ppid : undefined;
  } catch {
    return undefined;
  }
}

export interface Identity {
  readonly actor: string;
  readonly source: 'terminal' | 'task';
  readonly terminal?: vscode.Terminal;
}

export class TerminalDirectory implements vscode.Disposable {
  private readonly taskProcesses = new Map<number, vscode.TaskExecution>();
  private readonly subscriptions: vscode.Disposable[];

  constructor() {
    this.subscriptions = [
      vscode.tasks.onDidStartTaskProcess((e) => { if (e.processId !== undefined) this.taskProcesses.set(e.processId, e.execution); }),
      vscode.tasks.onDidEndTaskProcess((e) => {
        for (const [pid, execution] of this.taskProcesses) if (execution === e.execution) this.taskProcesses.delete(pid);
      }),
    ];
  }

  /** The terminal (or task) a process runs in, by its process id and its ancestors'. */
  async identify(pid: number | undefined): Promise<Identity | undefined> {
    if (pid === undefined) return undefined;
    const terminals = new Map<number, vscode.Terminal>();
    await Promise.all(vscode.window.terminals.map(async (t) => {
      const id = await Promise.race([t.processId, new Promise<undefined>((r) => setTimeout(() => r(undefined), 500))]);
      if (id !== undefined) terminals.set(id, t);
    }));
    for (let p: number | undefined = pid, depth = 0; p !== undefined && depth < MAX_DEPTH; p = parentOf(p), depth++) {
      // Tasks run an agent's scripts as often as a person's: they count as not a person's.
      if (this.taskProcesses.has(p)) return { actor: 'task', source: 'task' };
      const terminal = terminals.get(p);
      if (terminal) {
        const options = terminal.creationOptions as vscode.TerminalOptions;
        const actor = actorOfTerminal({ name: terminal.name, hidden: options.hideFromUser === true });
        // A person's terminal vouches only for what its shell runs itself (the shell, or a program
        // it started): deeper down may be an agent CLI without a marker, started there.
        return { actor: actor === 'human' && depth > 1 ? 'program' : actor, source: 'terminal', terminal };
      }
    }
    return undefined;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}
