// Each agent's own way to keep files out of its context, and how to tell it is in use. Ignore files
// sit at the workspace root and read gitignore syntax (`.aiexclude` without negation, per Gemini
// Code Assist's documentation); Claude Code reads `permissions.deny` `Read(…)` rules from its
// settings — Airlock writes them to `.claude/settings.local.json`, the personal layer, because a
// user's policy (and an absolute path in it) is theirs, not the team's. Copilot's content exclusion lives in organisation settings on the
// server, so no file can carry it; its hook still asks Airlock before a read.

import { augment } from './augment';
import { claudeCode } from './claudeCode';
import { cline } from './cline';
import { cursor } from './cursor';
import { gemini } from './gemini';
import type { Agent } from './types';
import { kiro } from './kiro';
import { windsurf } from './windsurf';

export type ContextFormat = 'gitignore' | 'aiexclude' | 'claude-settings';

export interface AgentContextFile {
  readonly agent: string;
  readonly label: string;
  /** Relative to the workspace folder. */
  readonly file: string;
  readonly format: ContextFormat;
  /** Signs the agent is used here: extension ids, or folders/files in the workspace or home. */
  readonly extensions: readonly string[];
  readonly workspaceMarks: readonly string[];
  readonly homeMarks: readonly string[];
  /** The editor itself is the agent (Cursor, Windsurf): matched against its app name. */
  readonly appName?: RegExp;
}

/**
 * Every agent's file, in the order the settings list them: an agent with a hook brings its own (from
 * its module); the others' files are kept for their editors to read, and nothing asks Airlock.
 */
const IN_ORDER: readonly (Agent | AgentContextFile)[] = [
  cursor, claudeCode, gemini, augment,
  { agent: 'gemini-code-assist', label: 'Gemini Code Assist', file: '.aiexclude', format: 'aiexclude', extensions: ['google.geminicodeassist'], workspaceMarks: [], homeMarks: [] },
  { agent: 'aider', label: 'Aider', file: '.aiderignore', format: 'gitignore', extensions: [], workspaceMarks: ['.aider.conf.yml', '.aider.chat.history.md'], homeMarks: ['.aider.conf.yml'] },
  windsurf,
  { agent: 'roo', label: 'Roo Code', file: '.rooignore', format: 'gitignore', extensions: ['rooveterinaryinc.roo-cline'], workspaceMarks: ['.roo', '.roomodes'], homeMarks: [] },
  cline,
  { agent: 'jetbrains-ai', label: 'JetBrains AI Assistant', file: '.aiignore', format: 'gitignore', extensions: [], workspaceMarks: ['.idea'], homeMarks: [] },
  { agent: 'continue', label: 'Continue', file: '.continueignore', format: 'gitignore', extensions: ['continue.continue'], workspaceMarks: ['.continue', '.continuerc.json'], homeMarks: ['.continue'] },
  kiro,
];

export const AGENT_CONTEXT_FILES: readonly AgentContextFile[] = IN_ORDER
  .map((entry) => ('hook' in entry ? entry.contextFile : entry))
  .filter((file): file is AgentContextFile => file !== undefined);

export interface AgentSigns {
  readonly appName: string;
  readonly extensions: ReadonlySet<string>;
  /** True when the path (relative to the workspace folder or to home) exists. */
  readonly inWorkspace: (path: string) => boolean;
  readonly inHome: (path: string) => boolean;
}

/** The user's own list, and the agents a workspace adds to it. */
export interface AgentChoice {
  readonly user: readonly string[];
  readonly workspace: readonly string[];
}

/**
 * The agents whose files Airlock keeps: the ones the user named, or, when they named none, the
 * ones in use here — an agent's file already present counts as in use. A workspace can only add:
 * dropping an agent would take Airlock's lines out of its file.
 */
export function enabledAgents(choice: AgentChoice, signs: AgentSigns): AgentContextFile[] {
  const found = (a: AgentContextFile): boolean => (a.appName?.test(signs.appName) ?? false) || a.extensions.some((e) => signs.extensions.has(e)) ||
    signs.inWorkspace(a.file) || a.workspaceMarks.some(signs.inWorkspace) || a.homeMarks.some(signs.inHome);
  return AGENT_CONTEXT_FILES.filter((a) => choice.workspace.includes(a.agent) || (choice.user.length > 0 ? choice.user.includes(a.agent) : found(a)));
}
