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
