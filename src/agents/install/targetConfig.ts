// An agent's hook file as install, uninstall and doctor read and change it: JSON edited in place
// (jsonFile.ts), or a whole script Airlock owns (Cline's `PreToolUse`), read as `{script}`. A
// script without Airlock's marker is the user's own hook: refused, never overwritten.
import type { AgentTarget, Change } from '../hookFiles';
import { ConfigError, applyChanges, parseConfig } from './jsonFile';

export function readTargetConfig(target: AgentTarget, file: string, text: string): Record<string, unknown> {
  if (!target.script) return parseConfig(file, text);
  if (text.trim() === '') return {};
  if (!text.includes(target.script.marker)) {
    throw new ConfigError(`${file} is a hook of your own, not Airlock's; Airlock left it untouched. ${target.script.whenTheirs}`);
  }
  return { script: text };
}

/** The file's next text; a script target's only key is `script`, and without it the file is empty. */
export function applyTargetChanges(target: AgentTarget, text: string, changes: readonly Change[]): string {
  if (!target.script) return applyChanges(text, changes);
  let out = text;
  for (const change of changes) if (change.path.length === 1 && change.path[0] === 'script') out = typeof change.value === 'string' ? change.value : '';
  return out;
}
