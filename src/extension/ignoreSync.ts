// "Airlock: Sync Agent Ignore Files": the one protected-path policy written into each enabled
// agent's own mechanism — a managed block in its ignore file, or Claude Code's `permissions.deny`
// Read rules — so agents that never ask Airlock still skip secret files. The translation and the
// merging are pure (src/core/secrets); this file reads and writes the files and says what it did.
import { existsSync, lstatSync, realpathSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, relative } from 'node:path';
import * as vscode from 'vscode';
import { ConfigError, applyChanges, parseConfig, readText, removeFile, writeText } from '../agents/install/jsonFile';
import { AGENT_CONTEXT_FILES, enabledAgents, type AgentContextFile } from '../agents/contextFiles';
import { claudeReadDenyRules, mergeDenyRules } from '../core/secrets/claudeRules';
import { exposureOf, ignoreLines, type IgnorePolicy } from '../core/secrets/ignoreLines';
import { hasBlock, mergeBlock, removeBlock } from '../core/secrets/managedBlock';
import type { Settings } from './settings';

export type SyncStatus = 'created' | 'updated' | 'unchanged' | 'restored' | 'removed' | 'failed';

export interface SyncResult {
  readonly agent: AgentContextFile;
  readonly folder: string;
  readonly path: string;
  readonly status: SyncStatus;
  /** The file was there before this sync. */
  readonly existed: boolean;
  /** What someone else had changed, in words, when the status is `restored`. */
  readonly detail?: string;
  readonly error?: string;
}

/** Claude's rules carry no mark; which ones Airlock added is remembered per file. */
const CLAUDE_RULES_KEY = 'airlock.claudeDenyRules';

export class IgnoreSync {
  constructor(private readonly state: vscode.Memento, private readonly settings: () => Settings) {}

  /** The agents whose files are kept in this folder: chosen in the setting, or found here. */
  agents(folder: string): AgentContextFile[] {
    const home = homedir();
    return enabledAgents(this.settings().contextAgents, {
      appName: vscode.env.appName,
      extensions: new Set(vscode.extensions.all.map((e) => e.id.toLowerCase())),
      inWorkspace: (p) => existsSync(join(folder, p)),
      inHome: (p) => existsSync(join(home, p)),
    });
  }

  /** Writes every enabled agent's file; removes Airlock's lines from agents no longer enabled. */
  async syncFolder(folder: string): Promise<SyncResult[]> {
    const enabled = this.agents(folder);
    const results: SyncResult[] = [];
    for (const agent of AGENT_CONTEXT_FILES) {
      results.push(await this.syncFile(folder, agent, enabled.includes(agent)));
    }
    return results.filter((r) => r.status !== 'unchanged' || enabled.includes(r.agent));
  }

  async syncFile(folder: string, agent: AgentContextFile, enabled: boolean): Promise<SyncResult> {
    const path = join(folder, agent.file);
    const s = this.settings();
    const policy: IgnorePolicy = { protectedPaths: s.protectedPaths, allowedPaths: s.allowedPaths, root: folder };
    const existed = existsSync(path);
    try {
      outsideLink(folder, path);
      if (agent.format === 'claude-settings') return await this.syncClaude(folder, agent, path, enabled ? claudeReadDenyRules(s.protectedPaths, s.allowedPaths) : []);
      const text = readText(path);
      if (!enabled) {
        if (text === undefined || !hasBlock(text)) return { agent, folder, path, status: 'unchanged', existed };
        const rest = removeBlock(text);
        if (rest === '') removeFile(path);
        else writeText(path, rest);
        return { agent, folder, path, status: 'removed', existed };
      }
      const merged = mergeBlock(text, ignoreLines(policy, agent.format), agent.format === 'gitignore' ? exposureOf(policy) : undefined);
      if (merged.text !== text) writeText(path, merged.text);
      const detail = [
        ...(merged.kept.length > 0 ? [`lines added inside Airlock's block were kept above it: ${merged.kept.join(', ')}`] : []),
        ...(merged.disabled.length > 0 ? [`lines that exposed protected files were turned into comments: ${merged.disabled.join(', ')}`] : []),
      ].join('; ');
      return { agent, folder, path, status: merged.status, existed, ...(detail ? { detail } : {}) };
    } catch (error) {
      return { agent, folder, path, status: 'failed', existed, error: error instanceof Error ? error.message : String(error) };
    }
  }

  private async syncClaude(folder: string, agent: AgentContextFile, path: string, wanted: readonly string[]): Promise<SyncResult> {
    const remembered = this.state.get<Record<string, string[]>>(CLAUDE_RULES_KEY) ?? {};
    const oursBefore = remembered[path] ?? [];
    const text = readText(path);
    if (text === undefined && wanted.length === 0) return { agent, folder, path, status: 'unchanged', existed: false };
    // A file that does not parse is never written (ConfigError names it and the line).
    const config = parseConfig(path, text ?? '');
    const permissions = config.permissions;
    if (permissions !== undefined && (typeof permissions !== 'object' || permissions === null || Array.isArray(permissions))) throw new ConfigError(`${path}: "permissions" is not an object; Airlock left the file untouched`);
    const deny = (permissions as Record<string, unknown> | undefined)?.deny;
    if (deny !== undefined && !Array.isArray(deny)) throw new ConfigError(`${path}: "permissions.deny" is not a list; Airlock left the file untouched`);
    const merged = mergeDenyRules(deny ?? [], wanted, oursBefore);
    if (merged.added.length > 0 || merged.removed.length > 0) writeText(path, applyChanges(text ?? '', [{ path: ['permissions', 'deny'], value: merged.deny }]));
    await this.state.update(CLAUDE_RULES_KEY, { ...remembered, [path]: [...merged.ours] });
    const existed = text !== undefined;
    if (merged.added.length === 0 && merged.removed.length === 0) return { agent, folder, path, status: 'unchanged', existed };
    if (wanted.length === 0) return { agent, folder, path, status: 'removed', existed };
    if (merged.restored.length > 0) return { agent, folder, path, status: 'restored', existed, detail: `${merged.restored.length} of Airlock's Read deny rules had been removed` };
    return { agent, folder, path, status: !existed || oursBefore.length === 0 ? 'created' : 'updated', existed };
  }
}

/**
 * An agent's file that is a link to somewhere outside the folder is not Airlock's to write: an
 * agent could point `.cursorignore` at `~/.bashrc`.
 */
function outsideLink(folder: string, path: string): void {
  let link = false;
  try {
    link = lstatSync(path).isSymbolicLink();
  } catch {
    return;
  }
  if (!link) return;
  const target = existsSync(path) ? realpathSync(path) : path;
  const rel = relative(realpathSync(folder), target);
  if (rel.startsWith('..') || rel === '' || rel.startsWith('/')) throw new ConfigError(`${path} is a link to ${target}, outside the workspace folder; Airlock left it alone`);
}

/** The folders Airlock keeps files in: every local workspace folder. */
export function localFolders(): string[] {
  return (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath);
}
