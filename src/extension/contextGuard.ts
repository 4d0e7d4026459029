// Keeps the agents' own guards in place: syncs the ignore files on the command, at start-up and
// when the policy changes (airlock.context.syncIgnoreFiles), and watches them and the hook
// configurations Airlock installed. An agent that deletes Airlock's block, its Read rules or its
// hook gets them put back, and the human gets a warning naming the file; each restore is audited.
import { mkdirSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import * as vscode from 'vscode';
import { AGENT_LABELS } from '../agents/index';
import { auditRecord } from '../core/audit';
import type { Verdict } from '../core/verdict';
import { stateDirectory } from '../gate/stateDir';
import type { AgentHooks } from './agentHooks';
import type { AuditStore } from '../gate/auditStore';
import { untranslatable } from '../core/secrets/ignoreLines';
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

/** Files Airlock has written, across sessions: one found without its block was tampered with. */
const WRITTEN_KEY = 'airlock.writtenContextFiles';

export class ContextGuard implements vscode.Disposable {
  /** One watcher per file, kept while the file stays watched: events between runs are not lost. */
  private readonly watchers = new Map<string, vscode.Disposable[]>();
  private readonly timers = new Map<Trigger, NodeJS.Timeout>();
  private running: Promise<void> = Promise.resolve();
  /** Errors already shown, so a broken file is not reported on every event. */
  private readonly shownErrors = new Set<string>();
  private disposed = false;

  constructor(
    private readonly sync: IgnoreSync,
    private readonly hooks: AgentHooks,
    private readonly audit: AuditStore,
    private readonly log: vscode.LogOutputChannel,
    private readonly settings: () => Settings,
    private readonly state: vscode.Memento,
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

  /** A pending run of each kind: a file event does not swallow a settings change. */
  private schedule(trigger: Trigger): void {
    clearTimeout(this.timers.get(trigger));
    this.timers.set(trigger, setTimeout(() => {
      this.timers.delete(trigger);
      this.enqueue(trigger).catch((error: unknown) => this.log.error(`agent ignore files: ${error instanceof Error ? error.message : String(error)}`));
    }, trigger === 'watch' ? DEBOUNCE_MS : 0));
  }

  /** One run at a time: a watcher event during a sync waits for it. */
  private enqueue(trigger: Trigger): Promise<void> {
    this.running = this.running.then(() => this.run(trigger), () => this.run(trigger));
    return this.running;
  }

  private async run(trigger: Trigger): Promise<void> {
    if (this.disposed) return;
    const folders = localFolders();
    // Written by themselves only in a trusted workspace; the command works anywhere. The hooks are
    // watched whatever the setting: it is about the ignore files only.
    const syncing = trigger === 'command' || (this.settings().syncIgnoreFiles && vscode.workspace.isTrusted);
    const results: SyncResult[] = [];
    if (syncing) for (const folder of folders) results.push(...await this.sync.syncFolder(folder));
    for (const folder of folders) this.restoreHooks(folder);
    await this.report(results, trigger);
    if (!this.disposed) this.watch(folders, syncing);
  }

  private async report(results: readonly SyncResult[], trigger: Trigger): Promise<void> {
    const written = new Set(this.state.get<string[]>(WRITTEN_KEY) ?? []);
    const created: SyncResult[] = [];
    for (const r of results) {
      const rel = relative(r.folder, r.path);
      this.log.info(`${rel}: ${r.status}${r.detail ? ` (${r.detail})` : ''}${r.error ? ` — ${r.error}` : ''}`);
      // Airlock wrote this file before and now had to write its lines again from nothing.
      const lost = r.status === 'created' && written.has(r.path);
      if (r.status === 'restored' || lost) {
        this.tampered(`the protected paths in ${rel}`, r.path, lost ? (r.existed ? 'Airlock\'s lines had been removed' : 'the file had been deleted') : r.detail ?? 'Airlock\'s lines had been removed or changed');
      } else if (r.status === 'created') created.push(r);
      if (r.status === 'failed') this.failed(rel, r.path, r.error ?? 'unknown error', written.has(r.path) ? `${r.agent.label} may read protected files` : undefined);
      else this.shownErrors.delete(r.path);
      if (r.status === 'removed') written.delete(r.path);
      else if (r.status !== 'failed') written.add(r.path);
    }
    await this.state.update(WRITTEN_KEY, [...written]);
    if (trigger === 'command') {
      const kept = results.filter((r) => r.status !== 'removed' && r.status !== 'failed').map((r) => relative(r.folder, r.path));
      const s = this.settings();
      const outside = localFolders().flatMap((root) => untranslatable({ protectedPaths: s.protectedPaths, allowedPaths: s.allowedPaths, root }));
      const note = outside.length > 0 ? ` ${[...new Set(outside)].length} of your patterns (${[...new Set(outside)].slice(0, 3).join(', ')}) name paths outside the workspace or use extended globs: the hooks and the terminal gate guard them, no ignore file can.` : '';
      void vscode.window.showInformationMessage(kept.length > 0
        ? `Airlock: agents' ignore files hold the protected paths: ${kept.join(', ')}.${note}`
        : 'Airlock found no AI agent in this workspace. Name the agents in the setting airlock.context.agents, then sync again.');
    } else if (created.length > 0) {
      void vscode.window.showInformationMessage(`Airlock keeps secret files out of ${[...new Set(created.map((r) => r.agent.label))].join(', ')}: it wrote the protected paths into ${created.map((r) => relative(r.folder, r.path)).join(', ')}.`);
    }
  }

  /** `what`: "the protected paths in .cursorignore", "the Cursor hook in .cursor/hooks.json". */
  private tampered(what: string, path: string, detail: string, advice = 'To change what agents may read, edit the airlock.protectedPaths setting.'): void {
    const reason = `Airlock restored ${what}: ${detail}`;
    this.log.warn(reason);
    this.record(path, reason);
    void vscode.window.showWarningMessage(`${reason}. ${advice}`);
  }

  private record(path: string, reason: string): void {
    this.audit.keep(auditRecord({ time: new Date(), source: 'observer', actor: 'unknown', kind: 'write', subject: path, verdict: TAMPER_VERDICT, decision: 'deny', decidedBy: 'policy', reason }));
  }

  /**
   * A file Airlock kept that it can no longer write (made invalid JSON, made a link) has lost its
   * protection: that is audited, and said once until the file is fixed.
   */
  private failed(rel: string, path: string, error: string, lost: string | undefined): void {
    if (this.shownErrors.has(path)) return;
    this.shownErrors.add(path);
    if (lost) this.record(path, `Airlock could not restore ${rel} (${lost}): ${error}`);
    void vscode.window.showErrorMessage(`Airlock could not update ${rel}${lost ? `, so ${lost}` : ''}: ${error}`);
  }

  private restoreHooks(folder: string): void {
    for (const hook of this.hooks.installedHooks(folder)) {
      const where = hook.scope === 'project' ? relative(folder, hook.file) : hook.file;
      const { restored, failed } = this.hooks.restoreHook(hook, folder);
      if (restored) this.tampered(`the ${AGENT_LABELS[hook.agent]} hook in ${where}`, hook.file, 'someone had removed or changed it', 'To take it out on purpose, run airlock uninstall.');
      else if (failed) this.failed(where, hook.file, failed, `${AGENT_LABELS[hook.agent]} runs without Airlock's hook`);
      else this.shownErrors.delete(hook.file);
    }
  }

  /** Watches the enabled agents' files (when syncing is on), the installed hooks' files and the backup folder. */
  private watch(folders: readonly string[], ignoreFiles: boolean): void {
    const files = new Set<string>();
    for (const folder of folders) {
      if (ignoreFiles) for (const agent of this.sync.agents(folder)) files.add(join(folder, agent.file));
      for (const hook of this.hooks.installedHooks(folder)) files.add(hook.file);
    }
    // `airlock install` from a terminal records a backup: its hook file is watched from then on.
    // The folder must exist to be watched.
    const backups = join(stateDirectory(), 'backups');
    try {
      mkdirSync(backups, { recursive: true, mode: 0o700 });
      files.add(join(backups, '*.json'));
    } catch (error) {
      this.log.warn(`cannot watch ${backups} for new hooks: ${error instanceof Error ? error.message : String(error)}`);
    }
    for (const [file, disposables] of this.watchers) {
      if (files.has(file)) continue;
      for (const d of disposables) d.dispose();
      this.watchers.delete(file);
    }
    const changed = (): void => this.schedule('watch');
    for (const file of files) {
      if (this.watchers.has(file)) continue;
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(dirname(file)), basename(file)));
      this.watchers.set(file, [watcher, watcher.onDidChange(changed), watcher.onDidCreate(changed), watcher.onDidDelete(changed)]);
    }
  }

  dispose(): void {
    this.disposed = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    for (const disposables of this.watchers.values()) for (const d of disposables) d.dispose();
    this.watchers.clear();
  }
}
