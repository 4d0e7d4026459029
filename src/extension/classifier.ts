// The engine inside the extension, for the commands it judges itself (Check a Command Line, the
// observer). Loaded on first use — the engine and its rules are most of the bundle — so activation
// never pays for it; the parser's WebAssembly is read from the extension's dist/.
import { homedir } from 'node:os';
import * as vscode from 'vscode';
import { diskCredentialOrigins } from '../cli/credentialFiles';
import { DISK_PROJECT_FILES } from '../cli/projectFiles';
import { LazyEngine } from '../core/engine';
import { createBashParser } from '../core/shell/parser';
import type { Verdict } from '../core/verdict';
import type { Settings } from './settings';

let engine: LazyEngine | undefined;

export function classifyLine(extensionUri: vscode.Uri, settings: Settings, line: string, cwd: string | undefined): Promise<Verdict> {
  const read = async (file: string): Promise<Uint8Array> => vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'dist', file));
  engine ??= new LazyEngine(async () => createBashParser({ runtime: await read('tree-sitter.wasm'), bash: await read('tree-sitter-bash.wasm') }));
  return engine.classify(line, {
    cwd: cwd ?? vscode.workspace.workspaceFolders?.[0]?.uri.fsPath, environments: new Map(Object.entries(settings.environments)),
    paths: { protectedPaths: settings.protectedPaths, allowedPaths: settings.allowedPaths },
    // Fresh for each line: the files may have changed since the last one.
    credentialOrigins: diskCredentialOrigins({ roots: (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.fsPath), home: homedir() }),
    project: { files: DISK_PROJECT_FILES, home: homedir() },
  });
}
