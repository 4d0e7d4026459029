// The Airlock view's Protected files section: the files of this workspace the protected-path
// policy keeps from agents (with the pattern that covers each), then the patterns themselves —
// built in, yours, this workspace's — and the exceptions. The same list sets the Explorer's context
// key, so Protect shows only on what is not protected and Stop Protecting only on what is.
import * as vscode from 'vscode';
import { DEFAULT_SECRET_ALLOW_GLOBS, DEFAULT_SECRET_GLOBS } from '../../core/secrets/paths';
import { coveredFiles, coveredFolders, type CoveredFile, type PathLayers } from '../../core/secrets/protectedList';
import { Rerun } from './rerun';

/** The Explorer's `when` reads it: `resourcePath in airlock.protectedResources`. */
const CONTEXT_KEY = 'airlock.protectedResources';
/** Enough for any project; beyond it the section says the list is partial. */
const FILE_LIMIT = 50_000;
/** What the section lists (the context key holds them all). */
const SHOWN_LIMIT = 500;
/** Folders no one keeps secrets meant for agents in, and too big to list each time. */
const SKIPPED = '{**/node_modules/**,**/.git/**}';

type Node =
  | { readonly kind: 'files' }
  | { readonly kind: 'file'; readonly file: CoveredFile; readonly uri: vscode.Uri }
  | { readonly kind: 'patterns'; readonly title: string; readonly patterns: readonly string[]; readonly empty: string; readonly tooltip: string }
  | { readonly kind: 'pattern'; readonly pattern: string; readonly source: string }
  | { readonly kind: 'note'; readonly text: string };

export class ProtectedFilesView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private files: { readonly covered: CoveredFile[]; readonly partial: boolean } | undefined;
  private readonly listings = new Rerun(() => this.list().catch((error: unknown) => {
    // Said in the section; the Explorer keeps offering Protect (never Stop Protecting) meanwhile.
    this.problem = error instanceof Error ? error.message : String(error);
    this.changed.fire(undefined);
  }));
  private problem: string | undefined;
  private readonly watcher = vscode.workspace.createFileSystemWatcher('**/*', false, true, false);
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly listeners: vscode.Disposable[];

  constructor() {
    // A file created or deleted may change the list: read again, once things settle.
    const later = (): void => {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => void this.refresh(), 1000);
    };
    this.listeners = [this.watcher.onDidCreate(later), this.watcher.onDidDelete(later)];
  }

  /** Lists the workspace's files again (the policy or the files changed). */
  refresh(): Promise<void> {
    return this.listings.request();
  }

  private async list(): Promise<void> {
    const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
    // Every file, ignored ones included (an ignored .env is the usual secret): only the skipped folders are left out.
    const uris = folders.length === 0 ? [] : await vscode.workspace.findFiles('**/*', SKIPPED, FILE_LIMIT);
    const all = uris.map((uri) => ({ path: uri.fsPath, rel: vscode.workspace.asRelativePath(uri, folders.length > 1) }));
    const layers = pathLayers();
    const covered = coveredFiles(all, layers);
    const folderPaths = coveredFolders(covered, folders.map((f) => f.uri.fsPath), layers);
    this.files = { covered, partial: uris.length >= FILE_LIMIT };
    this.problem = undefined;
    const keys: Record<string, true> = {};
    for (const path of [...covered.map((f) => f.path), ...folderPaths]) keys[path] = true;
    await vscode.commands.executeCommand('setContext', CONTEXT_KEY, keys);
    this.changed.fire(undefined);
  }

  getChildren(node?: Node): Node[] {
    if (!node) {
      const layers = pathLayers();
      return [
        { kind: 'files' },
        { kind: 'patterns', title: 'Built-in patterns', patterns: DEFAULT_SECRET_GLOBS, empty: '', tooltip: 'Airlock protects files matching these wherever they are. Stop Protecting a file adds an exception to your user settings.' },
        { kind: 'patterns', title: 'Your patterns', patterns: layers.user, empty: 'None yet: right-click a file in the Explorer and choose Protect from Agents', tooltip: 'Your user setting airlock.protectedPaths: they apply in every project.' },
        { kind: 'patterns', title: 'This workspace\'s patterns', patterns: layers.workspace, empty: 'None: Protect from Agents adds them here, shared with your team', tooltip: 'The workspace setting airlock.protectedPaths. A workspace can add protection, never take it away.' },
        { kind: 'patterns', title: 'Exceptions', patterns: [...layers.userAllowed, ...DEFAULT_SECRET_ALLOW_GLOBS], empty: '', tooltip: 'Files agents may read although a pattern above matches: yours (user setting airlock.allowedPaths) first, then the built-in templates and public keys.' },
      ];
    }
    if (node.kind === 'files') {
      if (this.problem) return [{ kind: 'note', text: `Could not list this workspace's files: ${this.problem}` }];
      if (!this.files) {
        if (!this.listings.busy) void this.refresh();
        return [{ kind: 'note', text: 'Listing this workspace\'s files…' }];
      }
      const { covered, partial } = this.files;
      if (covered.length === 0) return [{ kind: 'note', text: (vscode.workspace.workspaceFolders ?? []).length === 0 ? 'Open a folder to see which of its files are protected' : 'No file in this workspace matches a pattern' }];
      return [
        ...covered.slice(0, SHOWN_LIMIT).map((file) => ({ kind: 'file' as const, file, uri: vscode.Uri.file(file.path) })),
        ...(covered.length > SHOWN_LIMIT ? [{ kind: 'note' as const, text: `…and ${covered.length - SHOWN_LIMIT} more` }] : []),
        ...(partial ? [{ kind: 'note' as const, text: `Only the first ${FILE_LIMIT} files of this workspace were read` }] : []),
      ];
    }
    if (node.kind === 'patterns') {
      const source = node.title;
      return node.patterns.length === 0 ? [{ kind: 'note', text: node.empty }] : node.patterns.map((pattern) => ({ kind: 'pattern', pattern, source }));
    }
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    switch (node.kind) {
      case 'files': {
        const count = this.files ? ` (${this.files.covered.length}${this.files.partial ? '+' : ''})` : '';
        const item = new vscode.TreeItem(`Protected files in this workspace${count}`, vscode.TreeItemCollapsibleState.Expanded);
        item.tooltip = 'Agents with Airlock\'s hook cannot read, search, copy or send these; they are also written into the agents\' ignore files.';
        item.id = 'protected:files';
        return item;
      }
      case 'file': {
        const item = new vscode.TreeItem(node.uri);
        item.label = node.file.rel;
        item.description = node.file.source === 'built-in' ? `built-in: ${node.file.pattern}` : node.file.source === 'yours' ? `yours: ${node.file.pattern}` : `workspace: ${node.file.pattern}`;
        item.tooltip = `${node.file.rel} is protected from AI agents by the ${node.file.source === 'built-in' ? 'built-in' : node.file.source === 'yours' ? 'user setting\'s' : 'workspace setting\'s'} pattern ${node.file.pattern}`;
        item.contextValue = 'protectedFile';
        item.command = { command: 'vscode.open', title: 'Open', arguments: [node.uri] };
        return item;
      }
      case 'patterns': {
        const item = new vscode.TreeItem(`${node.title} (${node.patterns.length})`, vscode.TreeItemCollapsibleState.Collapsed);
        item.tooltip = node.tooltip;
        item.id = `protected:${node.title}`;
        return item;
      }
      case 'pattern': {
        const item = new vscode.TreeItem(node.pattern);
        item.iconPath = new vscode.ThemeIcon('symbol-string');
        item.tooltip = `${node.source}: ${node.pattern}`;
        return item;
      }
      case 'note': {
        const item = new vscode.TreeItem(node.text);
        item.iconPath = new vscode.ThemeIcon('info');
        item.tooltip = node.text;
        return item;
      }
    }
  }

  /** The file a row of this section stands for (its context menu's Stop Protecting). */
  static uriOf(node: unknown): vscode.Uri | undefined {
    const n = node as Node | undefined;
    return n?.kind === 'file' ? n.uri : undefined;
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const l of this.listeners) l.dispose();
    this.watcher.dispose();
    this.changed.dispose();
  }
}

/** The protected-path settings by level, as the Explorer commands read them. */
function pathLayers(): PathLayers {
  const config = vscode.workspace.getConfiguration('airlock');
  const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  const workspace = [...list(config.inspect('protectedPaths')?.workspaceValue), ...(vscode.workspace.workspaceFolders ?? []).flatMap((f) => list(vscode.workspace.getConfiguration('airlock', f).inspect('protectedPaths')?.workspaceFolderValue))];
  return {
    user: list(config.inspect('protectedPaths')?.globalValue),
    workspace: [...new Set(workspace)],
    userAllowed: list(config.inspect('allowedPaths')?.globalValue),
  };
}
