// "Airlock: Install Agent Hooks": finds the agents on this machine or in this workspace, lets the
// user pick, and runs the same installer as `airlock install`. On first activation where an agent
// is found without Airlock's hook, one notification offers it; dismissed, it never returns. The
// stable launcher the hooks run is pointed at this version of the extension on every activation.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { AGENT_IDS, type AgentId } from '../agents/types';
import { AGENTS, AGENT_LABELS, TARGETS } from '../agents/index';
import type { InstallIo } from '../agents/install/install';
import { launcherPath } from '../agents/install/launcher';
import type { Scope } from '../agents/hookFiles';
import type { HookCheck } from '../cli/install/doctor';
import { parseDoctorJson } from './views/agentRows';

/**
 * The installer (JSON editing, the secret globs for Claude's deny rules) is evaluated on first
 * use, after activation, not while the window starts.
 */
type Installer = typeof import('../agents/install/install') & typeof import('../agents/install/jsonFile') & typeof import('../agents/install/targetConfig');

function installer(): Installer {
  /* eslint-disable @typescript-eslint/no-require-imports -- deferred on purpose, see above */
  return { ...require('../agents/install/install'), ...require('../agents/install/jsonFile'), ...require('../agents/install/targetConfig') } as Installer;
  /* eslint-enable @typescript-eslint/no-require-imports */
}

const OFFERED = 'airlock.hooksOffered';

/** The folder whose project hooks the editor checks and writes: the first one on disk. */
export function projectFolder(): string | undefined {
  return vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === 'file')?.uri.fsPath;
}

export function detectAgents(folder: string | undefined, home = homedir()): AgentId[] {
  return AGENT_IDS.filter((a) => existsSync(join(home, AGENTS[a].traces.user)) || (folder !== undefined && existsSync(join(folder, AGENTS[a].traces.project))));
}


function hookIn(agent: AgentId, file: string): boolean {
  const { readTargetConfig, readText } = installer();
  try {
    const text = readText(file);
    return text !== undefined && TARGETS[agent].commands(readTargetConfig(TARGETS[agent], file, text)).length > 0;
  } catch {
    // a malformed file holds no hook we can see
    return false;
  }
}

/**
 * Airlock's entry is there exactly as the installer writes it: a hook taken out, or weakened (a
 * narrower matcher, a shorter timeout, Cursor's failClosed turned off), is not intact.
 */
function hookIntact(agent: AgentId, file: string, scope: Scope): boolean {
  const { hookCommand, readTargetConfig, readText } = installer();
  try {
    const text = readText(file);
    if (text === undefined) return false;
    return TARGETS[agent].install(readTargetConfig(TARGETS[agent], file, text), hookCommand(launcherPath(process.env), agent, scope), { denyRules: [] }).changes.length === 0;
  } catch {
    return false;
  }
}

function hasHook(agent: AgentId, folder: string | undefined, env: NodeJS.ProcessEnv): boolean {
  return (['project', 'user'] as const).some((scope) => (scope === 'user' || folder !== undefined) && hookIn(agent, TARGETS[agent].file(scope, folder ?? '', env)));
}

/** A hook configuration Airlock installed into: its backup record says so. */
export interface InstalledHook {
  readonly agent: AgentId;
  readonly scope: Scope;
  readonly file: string;
}

export class AgentHooks implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();

  constructor(private readonly context: vscode.ExtensionContext, private readonly output: vscode.LogOutputChannel) {}

  private io(): InstallIo {
    return {
      env: process.env, out: (line) => this.output.appendLine(line),
      // The editor's own runtime runs the CLI (ELECTRON_RUN_AS_NODE is set by the launcher).
      node: process.execPath, cli: join(this.context.extensionUri.fsPath, 'dist', 'cli.js'),
    };
  }

  /** `only`: the agents already chosen (the Agents section's Install), so no list is shown. */
  async installInteractively(only?: readonly AgentId[]): Promise<void> {
    const unsupported = installer().unsupportedPlatform(process.platform);
    if (unsupported) {
      void vscode.window.showErrorMessage(`Airlock: ${unsupported}`);
      return;
    }
    const folder = projectFolder();
    const found = detectAgents(folder);
    const items = AGENT_IDS.map((agent) => ({ label: AGENT_LABELS[agent], agent, picked: found.includes(agent), description: found.includes(agent) ? 'found here' : undefined }));
    const picked = only ? items.filter((i) => only.includes(i.agent)) : await vscode.window.showQuickPick(items, { canPickMany: true, title: 'Airlock: install agent hooks', placeHolder: 'Which agents should ask Airlock before they run a command?' });
    if (!picked || picked.length === 0) return;
    const scope = folder ? await vscode.window.showQuickPick([
      { label: 'This project', description: 'the agents\' settings files in this folder', scope: 'project' as const },
      { label: 'Every project', description: 'the agents\' settings in your home directory', scope: 'user' as const },
    ], { title: `Airlock: where to install ${picked.length === 1 ? `${picked[0]?.label ?? ''}'s hook` : 'the hooks'}` }) : { scope: 'user' as const };
    if (!scope) return;
    this.output.appendLine(`installing hooks (${scope.scope}) for ${picked.map((p) => p.label).join(', ')}`);
    const code = installer().install({ agents: picked.map((p) => p.agent), scope: scope.scope, dir: folder ?? homedir() }, this.io());
    await this.context.globalState.update(OFFERED, true);
    this.changed.fire();
    if (code === 0) void vscode.window.showInformationMessage(`Airlock: hooks installed for ${picked.map((p) => p.label).join(', ')}.`);
    else {
      this.output.show(true);
      void vscode.window.showErrorMessage('Airlock: some hooks could not be installed (a settings file is not valid JSON or could not be written, or a hook file is your own). See the Airlock output.');
    }
  }

  /** "Airlock: Remove Agent Hooks": the hooks Airlock installed, picked and taken out (their files as they were before). */
  async removeInteractively(only?: AgentId): Promise<void> {
    const folder = projectFolder();
    const hooks = this.installedHooks(folder).filter((h) => only === undefined || h.agent === only);
    if (hooks.length === 0) {
      void vscode.window.showInformationMessage(`Airlock: no ${only ? `${AGENT_LABELS[only]} ` : ''}hooks installed by Airlock were found for this folder or your user.`);
      return;
    }
    const items = hooks.map((hook) => ({ label: AGENT_LABELS[hook.agent], description: hook.scope === 'project' ? 'this project' : 'every project', detail: hook.file, hook }));
    const picked = only ? items : await vscode.window.showQuickPick(items, { canPickMany: true, title: 'Airlock: remove agent hooks', placeHolder: 'Which hooks should Airlock take out? Those agents will then run commands without asking.' });
    if (!picked || picked.length === 0) return;
    const remove = 'Remove';
    const sure = await vscode.window.showWarningMessage(`Remove Airlock's hook from ${picked.map((p) => `${p.label} (${p.description})`).join(', ')}?`,
      { modal: true, detail: 'Their commands, file reads and MCP calls will run without Airlock asking. Each file gets back what it held before Airlock was installed.' }, remove);
    if (sure !== remove) return;
    let failed = 0;
    for (const { hook } of picked) {
      failed += installer().uninstall({ agents: [hook.agent], scope: hook.scope, dir: hook.scope === 'project' && folder ? folder : homedir() }, this.io());
    }
    this.changed.fire();
    if (failed === 0) void vscode.window.showInformationMessage(`Airlock: hooks removed from ${picked.map((p) => p.label).join(', ')}.`);
    else {
      this.output.show(true);
      void vscode.window.showErrorMessage('Airlock: some hooks could not be removed. See the Airlock output.');
    }
  }

  /** "Airlock: Run Doctor": `airlock doctor` for this folder, its report in the Airlock output. */
  async runDoctor(): Promise<void> {
    const folder = projectFolder() ?? homedir();
    const code = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Airlock: checking agent hooks, the terminal gate and the audit log…' }, async () => {
      this.output.appendLine(`airlock doctor --dir ${folder}`);
      const run = await this.runCli(['doctor', '--dir', folder], folder);
      for (const line of `${run.stdout}${run.stderr}`.split('\n')) if (line !== '') this.output.appendLine(line);
      return run.code;
    });
    this.output.show(true);
    if (code === 0) void vscode.window.showInformationMessage('Airlock: the doctor found nothing wrong (its report is in the Airlock output).');
    else void vscode.window.showWarningMessage('Airlock: the doctor found something to fix; its report is in the Airlock output.');
    this.changed.fire();
  }

  /** Each agent's hook in this folder and for the user, as `airlock doctor --json` finds it (installed, current, answering). */
  async check(folder: string | undefined): Promise<HookCheck[]> {
    const dir = folder ?? homedir();
    const run = await this.runCli(['doctor', '--json', '--dir', dir], dir);
    if (run.code === null) throw new Error(run.stderr.trim() || 'the doctor did not finish');
    return parseDoctorJson(run.stdout.trim(), AGENT_IDS);
  }

  /** The CLI run by the editor's own runtime as plain Node; never rejects. `code` null: it could not run. */
  private runCli(args: readonly string[], cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
    const { cli, node } = this.io();
    return new Promise((resolve) => {
      const child = spawn(node, [cli, ...args], { env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, cwd });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
      child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
      child.on('error', (error) => resolve({ code: null, stdout, stderr: `could not run the Airlock CLI: ${error.message}` }));
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
  }

  /** Fires after hooks were installed, repaired or removed from the editor. */
  readonly onDidChange = this.changed.event;

  /** The Agents section's Install: one agent, the scope picked. */
  async installOne(agent: AgentId): Promise<void> {
    await this.installInteractively([agent]);
  }

  /** The Agents section's Repair: the installer run again where the hook is broken. */
  repair(agent: AgentId, scopes: readonly Scope[]): void {
    const folder = projectFolder();
    const lines: string[] = [];
    let failed = 0;
    for (const scope of scopes) {
      // Machine-wide files need an administrator: the view says how, it does not try.
      if (scope === 'managed') {
        lines.push(`${AGENT_LABELS[agent]} (managed): repair it as an administrator with \`airlock install --agent ${agent} --scope managed\``);
        failed++;
        continue;
      }
      failed += installer().install({ agents: [agent], scope, dir: scope === 'project' && folder ? folder : homedir() }, { ...this.io(), out: (line) => lines.push(line) });
    }
    for (const line of lines) this.output.appendLine(line);
    this.changed.fire();
    if (failed === 0) void vscode.window.showInformationMessage(`Airlock: ${AGENT_LABELS[agent]}'s hook is repaired.`);
    else {
      this.output.show(true);
      void vscode.window.showErrorMessage(`Airlock: ${AGENT_LABELS[agent]}'s hook could not be repaired: ${lines.at(-1) ?? 'see the Airlock output'}.`);
    }
  }

  /** The Agents section's Remove: one agent's hooks, after a confirmation. */
  async removeOne(agent: AgentId): Promise<void> {
    await this.removeInteractively(agent);
  }

  /** The files Airlock installed hooks into, for this folder and for the user. */
  installedHooks(folder: string | undefined): InstalledHook[] {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- deferred with the installer, see above
    const { readBackup } = require('../agents/install/backups') as typeof import('../agents/install/backups');
    const out: InstalledHook[] = [];
    for (const agent of AGENT_IDS) {
      for (const scope of ['project', 'user'] as const) {
        if (scope === 'project' && !folder) continue;
        const file = TARGETS[agent].file(scope, folder ?? homedir(), process.env);
        if (readBackup(file, process.env)) out.push({ agent, scope, file });
      }
    }
    return out;
  }

  /**
   * Puts the hook back when someone removed or weakened it in a file Airlock installed into. `failed` with
   * the installer's words when the file cannot take it (made invalid JSON): the hook is gone.
   */
  restoreHook(hook: InstalledHook, folder: string | undefined): { readonly restored: boolean; readonly failed?: string } {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- deferred with the installer, see above
    const { readBackup } = require('../agents/install/backups') as typeof import('../agents/install/backups');
    // No backup record any more: `airlock uninstall` took the hook out, on purpose.
    if (hookIntact(hook.agent, hook.file, hook.scope) || !readBackup(hook.file, process.env)) return { restored: false };
    const lines: string[] = [];
    const code = installer().install({ agents: [hook.agent], scope: hook.scope, dir: hook.scope === 'project' && folder ? folder : homedir() }, { ...this.io(), out: (line) => lines.push(line) });
    for (const line of lines) this.output.appendLine(line);
    if (code === 0 && hookIntact(hook.agent, hook.file, hook.scope)) return { restored: true };
    return { restored: false, failed: lines.at(-1) ?? 'the installer could not write it' };
  }

  dispose(): void {
    this.changed.dispose();
  }

  /** One offer, on the first activation where an agent is found without Airlock's hook. */
  async offerOnce(): Promise<void> {
    // Hooks Airlock cannot start here would only block the agent: nothing to offer.
    if (this.context.globalState.get<boolean>(OFFERED) || installer().unsupportedPlatform(process.platform)) return;
    const folder = projectFolder();
    const missing = detectAgents(folder).filter((a) => !hasHook(a, folder, process.env));
    if (missing.length === 0) return;
    await this.context.globalState.update(OFFERED, true);
    const choice = await vscode.window.showInformationMessage(
      `Airlock found ${missing.map((a) => AGENT_LABELS[a]).join(', ')} without its hook. Install it so destructive commands wait for your approval?`,
      'Install Hooks', 'Not Now');
    if (choice === 'Install Hooks') await this.installInteractively();
  }
}
