// Which of Airlock's parts guard this machine. The window must not claim a guard that cannot run
// here: on Windows the agent hooks (a POSIX shell launcher) and the terminal gate (sh shims, bash
// and zsh guards) do not, while the dialogs, the protected-file policy and the terminal watch do.

export type PartState = 'on' | 'off' | 'unsupported';

export interface GuardPart {
  readonly part: string;
  readonly state: PartState;
  readonly detail: string;
}

export interface CoverageFacts {
  /** process.platform of the extension host (inside WSL or a remote, that machine's). */
  readonly platform: string;
  /** airlock.terminalGate.enabled as in effect. */
  readonly terminalGate: boolean;
}

const WSL = 'Open the folder in WSL (the WSL extension), where Airlock runs in full.';

export function machineCoverage(facts: CoverageFacts): GuardPart[] {
  const windows = facts.platform === 'win32';
  return [
    { part: 'Approval dialogs', state: 'on', detail: 'what an agent hook or a gated terminal asks about is shown here for you to approve or deny' },
    windows
      ? { part: 'Agent hooks', state: 'unsupported', detail: `not on Windows yet: they start through a POSIX shell launcher, so Install Agent Hooks installs none. ${WSL}` }
      : { part: 'Agent hooks', state: 'on', detail: 'agents whose hooks are installed (Install Agent Hooks) ask Airlock before each command, file read or write and MCP call' },
    windows
      ? { part: 'Terminal gate', state: 'unsupported', detail: `not on Windows yet: PowerShell and cmd terminals run commands unchecked. ${WSL}` }
      : facts.terminalGate
        ? { part: 'Terminal gate', state: 'on', detail: 'bash and zsh terminals: each command line is checked before it runs; other shells only through the PATH shims' }
        : { part: 'Terminal gate', state: 'off', detail: 'turned off (airlock.terminalGate.enabled): terminal commands are only watched' },
    { part: 'Protected files', state: 'on', detail: 'secret files are kept out of agents\' context through their ignore files and read rules' },
    { part: 'Terminal watch', state: 'on', detail: 'commands in every terminal are watched; a flagged one is interrupted after it starts (the last line of defence)' },
  ];
}

/** One sentence for the status bar: what does not guard this machine, or undefined when all parts do. */
export function coverageGap(parts: readonly GuardPart[]): string | undefined {
  const missing = parts.filter((p) => p.state !== 'on');
  if (missing.length === 0) return undefined;
  const names = missing.map((p) => p.part.toLowerCase());
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  const unsupported = missing.some((p) => p.state === 'unsupported');
  return `Airlock guards this machine in part: the ${list} ${missing.length === 1 ? 'is' : 'are'} ${unsupported ? 'not available here' : 'off'}.`;
}

/** The parts as plain lines (never Markdown): for the output channel. */
export function coverageLines(parts: readonly GuardPart[]): string[] {
  const mark: Record<PartState, string> = { on: 'on', off: 'OFF', unsupported: 'NOT HERE' };
  return parts.map((p) => `${p.part.padEnd(16)} ${mark[p.state].padEnd(8)} ${p.detail}`);
}
