// The launcher every agent's hook points at runs this version of Airlock: an update moves the
// extension's folder, so the launcher is rewritten at each start (when one was installed). Part of
// the core, not of the views: a hook must never run an older CLI because the views did not load.
import { join } from 'node:path';
import type * as vscode from 'vscode';
import { launcherPath, readLauncher, writeLauncher } from '../agents/install/launcher';

export function refreshLauncher(extensionUri: vscode.Uri, log: vscode.LogOutputChannel): void {
  const path = launcherPath(process.env);
  if (!readLauncher(path)) return;
  try {
    if (writeLauncher(path, { node: process.execPath, cli: join(extensionUri.fsPath, 'dist', 'cli.js') })) log.info(`launcher ${path} now runs this version of Airlock`);
  } catch (error) {
    log.error(`could not update the launcher ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
