// The agents whose ignore files Airlock can keep, by id, in the order the settings list them. Apart
// from the agents' modules so that reading the settings at start-up loads none of them; a test keeps
// this list equal to the one the modules give (AGENT_CONTEXT_FILES).
export const CONTEXT_AGENT_IDS: readonly string[] = [
  'cursor', 'claude-code', 'gemini-cli', 'augment', 'gemini-code-assist', 'aider', 'windsurf', 'roo', 'cline', 'jetbrains-ai', 'continue', 'kiro',
];
