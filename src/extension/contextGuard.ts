// Keeps the agents' own guards in place: syncs the ignore files on the command, at start-up and
// when the policy changes (airlock.context.syncIgnoreFiles), and watches them and the hook
// configurations Airlock installed. An agent that deletes Airlock's block, its Read rules or its
// hook gets them put back, and the human gets a warning naming the file; each restore is audited.
import { mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as vscode from 'vscode';
import { AGENT_LABELS } from '../cli/hook/types';
import { auditRecord } from '../core/audit';
import type { Verdict } from '../core/verdict';
import { stateDirectory } from '../gate/stateDir';
import type { AgentHooks } from './agentHooks';
import type { AuditLog } from './auditLog';
import { localFolders, type IgnoreSync, type SyncResult } from './ignoreSync';
import type { Settings } from './settings';

type Trigger = 'command' | 'startup' | 'settings' | 'watch';

/** Events from one save arrive in a burst; one sync answers them all. */
const DEBOUNCE_MS = 250;

const TAMPER_SUMMARY = 'Removed or weakened Airlock\'s guard against agents reading secret files';
const TAMPER_VERDICT: Verdict = {
  decision: 'deny', risk: 'high', environment: { tier: 'unknown' }, confirmation: 'none',
  findings: [{
    rule: 'airlock.tamper', category: 'secrets', severity: 'high', summary: TAMPER_SUMMARY,
    hint: 'Change what agents may read in the airlock.protectedPaths and airlock.allowedPaths settings.', span: [0, 0], environment: { tier: 'unknown' },
  }],
};

export class ContextGuard implements vscode.Disposable {
  private watchers: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();
  /** Files Airlock has written: one that disappears was deleted, not never made. */
  private readonly written = new Set<string>();
  /** Errors already shown, so a broken file is not reported on every event. */
  private readonly shownErrors = new Set<string>();

  constructor(
    private readonly sync: IgnoreSync,
    private readonly hooks: AgentHooks,
    private readonly audit: AuditLog,
    private readonly log: vscode.LogOutputChannel,
    private readonly settings: () => Settings,
  ) {}

  /** The command: always runs, whatever the setting says, and reports every file. */
  async syncNow(): Promise<void> {
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Airlock: syncing agent ignore files' }, () => this.enqueue('command'));
  }

  start(): void {
    this.schedule('startup');
  }

  /** The policy or the agent list changed. */
  settingsChanged(e: vscode.ConfigurationChangeEvent): void {
    if (!['airlock.protectedPaths', 'airlock.allowedPaths', 'airlock.context'].some((k) => e.affectsConfiguration(k))) return;
    this.schedule('settings');
  }

  private schedule(trigger: Trigger): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.enqueue(trigger).catch((error: unknown) => this.log.error(`agent ignore files: ${error instanceof Error ? error.message : String(error)}`));
    }, trigger === 'watch' ? DEBOUNCE_MS : 0);
  }

  /** One run at a time: a watcher event during a sync waits for it. */
  private enqueue(trigger: Trigger): Promise<void> {
    this.running = this.running.then(() => this.run(trigger), () => this.run(trigger));
    return this.running;
  }

  private async run(trigger: Trigger): Promise<void> {
    const folders = localFolders();
    // The hooks are watched whatever the setting: it is about the ignore files only.
    const syncing = trigger === 'command' || this.settings().syncIgnoreFiles;
    const results: SyncResult[] = [];
    if (syncing) for (const folder of folders) results.push(...await this.sync.syncFolder(folder));
    for (const folder of folders) this.restoreHooks(folder);
    this.report(results, trigger);
    this.watch(folders, syncing);
  }

  private report(results: readonly SyncResult[], trigger: Trigger): void {
    const created: SyncResult[] = [];
    for (const r of results) {
      const rel = relative(r.folder, r.path);
      this.log.info(`${rel}: ${r.status}${r.detail ? ` (${r.detail})` : ''}${r.error ? ` — ${r.error}` : ''}`);
      const deleted = r.status === 'created' && trigger === 'watch' && this.written.has(r.path);
      if (r.status === 'restored' || deleted) this.tampered(`the protected paths in ${rel}`, r.path, deleted ? 'the file was deleted' : r.detail ?? 'Airlock\'s lines were removed or changed');
      else if (r.status === 'created') created.push(r);
      else if (r.status === 'failed') this.failed(rel, r.error ?? 'unknown error');
      if (r.status === 'removed') this.written.delete(r.path);
      else if (r.status !== 'failed') this.written.add(r.path);
    }
    if (trigger === 'command') {
      const kept = results.filter((r) => r.status !== 'removed' && r.status !== 'failed').map((r) => relative(r.folder, r.path));
      void vscode.window.showInformationMessage(kept.length > 0
        ? `Airlock: agents' ignore files hold the protected paths: ${kept.join(', ')}.`
        : 'Airlock found no AI agent in this workspace. Name the agents in the setting airlock.context.agents, then sync again.');
    } else if (created.length > 0) {
      void vscode.window.showInformationMessage(`Airlock keeps secret files out of ${[...new Set(created.map((r) => r.agent.label))].join(', ')}: it wrote the protected paths into ${created.map((r) => relative(r.folder, r.path)).join(', ')}.`);
    }
  }

  /** `what`: "the protected paths in .cursorignore", "the Cursor hook in .cursor/hooks.json". */
  private tampered(what: string, path: string, detail: string, advice = 'To change what agents may read, edit the airlock.protectedPaths setting.'): void {
    const reason = `Airlock restored ${what}: ${detail}`;
    this.log.warn(reason);
    this.audit.append(auditRecord({ time: new Date(), source: 'observer', actor: 'unknown', kind: 'write', subject: path, verdict: TAMPER_VERDICT, decision: 'deny', decidedBy: 'policy', reason }));
    void vscode.window.showWarningMessage(`${reason}. ${advice}`);
  }

  private failed(rel: string, error: string): void {
    const key = `${rel}\n${error}`;
    if (this.shownErrors.has(key)) return;
    this.shownErrors.add(key);
    void vscode.window.showErrorMessage(`Airlock could not update ${rel}: ${error}`);
  }

  private restoreHooks(folder: string): void {
    for (const hook of this.hooks.installedHooks(folder)) {
      if (!this.hooks.restoreHook(hook, folder)) continue;
      this.tampered(`the ${AGENT_LABELS[hook.agent]} hook in ${hook.scope === 'project' ? relative(folder, hook.file) : hook.file}`, hook.file, 'someone had removed it', 'To take it out on purpose, run airlock uninstall.');
    }
  }

  /** Watches the enabled agents' files (when syncing is on) and the installed hooks' files. */
  private watch(folders: readonly string[], ignoreFiles: boolean): void {
    this.disposeWatchers();
    const files = new Set<string>();
    for (const folder of folders) {
      if (ignoreFiles) for (const agent of this.sync.agents(folder)) files.add(vscode.Uri.joinPath(vscode.Uri.file(folder), agent.file).fsPath);
      for (const hook of this.hooks.installedHooks(folder)) files.add(hook.file);
    }
    const changed = (): void => this.schedule('watch');
    for (const file of files) {
      const uri = vscode.Uri.file(file);
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.joinPath(uri, '..'), uri.path.split('/').pop() ?? ''));
      this.watchers.push(watcher, watcher.onDidChange(changed), watcher.onDidCreate(changed), watcher.onDidDelete(changed));
    }
    // `airlock install` from a terminal records a backup: its hook file is watched from then on.
    // The folder must exist to be watched.
    const backupDir = join(stateDirectory(), 'backups');
    try {
      mkdirSync(backupDir, { recursive: true, mode: 0o700 });
    } catch (error) {
      this.log.warn(`cannot watch ${backupDir} for new hooks: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    const backups = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(backupDir), '*.json'), false, true, false);
    this.watchers.push(backups, backups.onDidCreate(changed), backups.onDidDelete(changed));
  }

  private disposeWatchers(): void {
    for (const d of this.watchers) d.dispose();
    this.watchers = [];
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.disposeWatchers();
  }
}
