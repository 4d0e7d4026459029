// The Explorer shows which files are kept from AI agents: a badge and a tooltip on every file the
// protected-path policy covers (the git extension's FileDecorationProvider shape), and the
// context-menu commands Protect from Agents / Stop Protecting, which edit the setting at the
// level that may make that change (src/core/secrets/protectEdit.ts).
import * as vscode from 'vscode';
import { isProtectedPath } from '../core/secrets/paths';
import { folderGlob, isProtectedFolder, protectEdit, unprotectEdits, type SettingEdit } from '../core/secrets/protectEdit';
import type { Settings } from './settings';

export class ProtectedFileDecorations implements vscode.FileDecorationProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<undefined>();
  readonly onDidChangeFileDecorations = this.changed.event;

  constructor(private readonly settings: () => Settings) {}

  provideFileDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
    if (uri.scheme !== 'file') return undefined;
    const s = this.settings();
    // A folder is protected when a pattern covers it whole; asking costs no stat of the path.
    if (!isProtectedPath(uri.fsPath, s.protectedPaths, s.allowedPaths) && !isProtectedFolder(uri.fsPath, s.protectedPaths, s.allowedPaths)) return undefined;
    return { badge: '🔒', tooltip: 'Protected from AI agents (Airlock)', propagate: false };
  }

  /** The policy changed: every file may look different. */
  refresh(): void {
    this.changed.fire(undefined);
  }

  dispose(): void {
    this.changed.dispose();
  }
}

function relativePath(uri: vscode.Uri): { rel: string; folder: vscode.WorkspaceFolder } | undefined {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  return folder ? { rel: vscode.workspace.asRelativePath(uri, false), folder } : undefined;
}

function pathSettings(folder: vscode.WorkspaceFolder): { userProtected: string[]; workspaceProtected: string[]; userAllowed: string[] } {
  const config = vscode.workspace.getConfiguration('airlock', folder);
  const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  return {
    userProtected: list(config.inspect('protectedPaths')?.globalValue),
    workspaceProtected: list(config.inspect('protectedPaths')?.workspaceValue),
    userAllowed: list(config.inspect('allowedPaths')?.globalValue),
  };
}

async function apply(folder: vscode.WorkspaceFolder, edits: readonly SettingEdit[]): Promise<void> {
  const config = vscode.workspace.getConfiguration('airlock', folder);
  for (const e of edits) {
    await config.update(e.key, e.value, e.level === 'user' ? vscode.ConfigurationTarget.Global : vscode.ConfigurationTarget.Workspace);
  }
}

interface Target {
  /** The file's path, or the folder's glob, relative to its workspace folder. */
  readonly rel: string;
  readonly folder: vscode.WorkspaceFolder;
  readonly isFolder: boolean;
}

/** The file or folder a command acts on: the Explorer's, or the active editor's; it must be in the workspace. */
async function target(uri: vscode.Uri | undefined): Promise<Target | undefined> {
  const file = uri ?? vscode.window.activeTextEditor?.document.uri;
  const where = file && relativePath(file);
  if (!file || !where || where.rel === '' || where.rel === file.fsPath) {
    void vscode.window.showWarningMessage('Airlock: choose a file or folder inside the workspace.');
    return undefined;
  }
  const isFolder = await vscode.workspace.fs.stat(file).then((s) => (s.type & vscode.FileType.Directory) !== 0, () => false);
  return { rel: isFolder ? folderGlob(where.rel) : where.rel, folder: where.folder, isFolder };
}

export async function protectFromAgents(uri: vscode.Uri | undefined): Promise<void> {
  const where = await target(uri);
  if (!where) return;
  const layers = pathSettings(where.folder);
  const extra = [...layers.userProtected, ...layers.workspaceProtected];
  const covers = (globs: string[]): boolean => (where.isFolder ? isProtectedFolder(where.rel.replace(/\/\*\*$/, ''), globs, layers.userAllowed) : isProtectedPath(where.rel, globs, layers.userAllowed));
  // Asked from the palette (or before the Explorer's list was made): a second pattern would only clutter the setting.
  if (covers(extra)) {
    void vscode.window.showInformationMessage(`Airlock: ${where.rel} is already protected from AI agents (see Protected Files in the Airlock view).`);
    return;
  }
  // Templates and public keys (`.env.example`, `id_rsa.pub`) are Airlock's built-in exceptions, which no pattern overrides.
  if (!covers([...extra, where.rel])) {
    void vscode.window.showWarningMessage(`Airlock: ${where.rel} cannot be protected: ${layers.userAllowed.length > 0 ? 'your airlock.allowedPaths or ' : ''}Airlock's built-in exceptions (templates such as .env.example, public keys) let agents read it. Nothing was changed.`);
    return;
  }
  const edit = protectEdit(where.rel, layers);
  if (edit) await apply(where.folder, [edit]);
  void vscode.window.showInformationMessage(`Airlock: ${where.rel} is protected from AI agents (workspace setting airlock.protectedPaths).`);
}

export async function stopProtecting(uri: vscode.Uri | undefined): Promise<void> {
  const where = await target(uri);
  if (!where) return;
  const { edits, needsException } = unprotectEdits(where.rel, pathSettings(where.folder), where.isFolder);
  if (needsException) {
    const allow = 'Let agents read it';
    const choice = await vscode.window.showWarningMessage(
      `${where.rel} looks like ${where.isFolder ? 'a folder of secrets' : 'a secret file'} (one of Airlock's built-in patterns or a broader one of yours). Let AI agents read it?`,
      { modal: true, detail: 'This adds an exception to your user settings (airlock.allowedPaths); a workspace cannot lift protection.' },
      allow,
    );
    if (choice !== allow) return;
  }
  await apply(where.folder, edits);
  void vscode.window.showInformationMessage(`Airlock: ${where.rel} is no longer protected from AI agents.`);
}
