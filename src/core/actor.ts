// Which agent a process runs under, from the variables agents set in the environment of the
// commands they run. A terminal's own markers (hidden terminals, names such as "Cline") are read
// by the extension; these are the ones a process can see for itself.

export interface AgentMarker {
  readonly variable: string;
  /** The agent id, or undefined to use the variable's own value (AI_AGENT=aider). */
  readonly agent?: string;
}

export const AGENT_MARKERS: readonly AgentMarker[] = [
  { variable: 'CLAUDECODE', agent: 'claude-code' },
  { variable: 'CLAUDE_CODE_ENTRYPOINT', agent: 'claude-code' },
  { variable: 'CURSOR_AGENT', agent: 'cursor' },
  { variable: 'GEMINI_CLI', agent: 'gemini' },
  { variable: 'AI_AGENT' },
];

/** The agent named by the environment, or undefined when none is. */
export function agentFromEnv(env: Readonly<Record<string, string | undefined>>): string | undefined {
  for (const marker of AGENT_MARKERS) {
    const value = env[marker.variable];
    if (value === undefined || value === '' || value === '0') continue;
    const agent = marker.agent ?? value.toLowerCase().replace(/[^a-z0-9-]+/g, '-').slice(0, 40);
    if (agent !== '') return agent;
  }
  return undefined;
}

export interface TerminalFacts {
  readonly name: string;
  /** `TerminalOptions.hideFromUser`: agents run their tool terminals hidden. */
  readonly hidden: boolean;
}

/** Terminal names agents give their terminals, with names they must and must not match. */
export const AGENT_TERMINALS: readonly { readonly pattern: RegExp; readonly agent: string; readonly examples: { readonly match: readonly string[]; readonly noMatch: readonly string[] } }[] = [
  { pattern: /\bcline\b/i, agent: 'cline', examples: { match: ['Cline', 'Cline (2)'], noMatch: ['incline', 'bash'] } },
  { pattern: /\broo(?: code)?\b/i, agent: 'roo-code', examples: { match: ['Roo Code', 'Roo'], noMatch: ['room', 'root'] } },
  { pattern: /\bcopilot\b/i, agent: 'copilot', examples: { match: ['Copilot', 'GitHub Copilot Chat'], noMatch: ['copilotage', 'zsh'] } },
  { pattern: /\bclaude\b/i, agent: 'claude-code', examples: { match: ['Claude Code'], noMatch: ['claudette'] } },
  { pattern: /\bgemini\b/i, agent: 'gemini', examples: { match: ['Gemini CLI'], noMatch: ['geminids'] } },
  { pattern: /\bcursor agent\b/i, agent: 'cursor', examples: { match: ['Cursor Agent'], noMatch: ['cursor'] } },
];

/** Who runs commands in a terminal: an agent by its terminal's name, any hidden terminal an agent, else a person. */
export function actorOfTerminal(terminal: TerminalFacts): string {
  const named = AGENT_TERMINALS.find((t) => t.pattern.test(terminal.name));
  if (named) return named.agent;
  return terminal.hidden ? 'agent' : 'human';
}
