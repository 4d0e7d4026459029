// Delivers the terminal gate to every terminal and shell task the editor starts, through the
// extension's environment variable collection (shown in the terminal's environment hover): the
// shim directory first on PATH, the gate client (the editor's own Node, as git's askpass runs),
// the bash guard through PROMPT_COMMAND and BASH_ENV, the zsh guard through ZDOTDIR. Turning the
// gate off clears all of it for new terminals.
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import type * as vscode from 'vscode';
import { gateGenerator } from './firstUse';
import type { Settings } from './settings';

const STAMP = '.stamp';

/** Writes the files that differ from what is on disk (atomically) and removes shims no rule names any more. */
function writeGate(dir: string, protectedPaths: readonly string[], dist: string): boolean {
  // The generator and the rule tables it reads load after activation (see extension.ts).
  const { gateFiles, ARG_FILTERS, GUARD_SCRIPT_FILES: names } = gateGenerator();
  const scripts = { bash: readFileSync(join(dist, names.bash), 'utf8'), zsh: readFileSync(join(dist, names.zsh), 'utf8'), hidden: readFileSync(join(dist, names.hidden), 'utf8') };
  const files = gateFiles(dir, ARG_FILTERS, protectedPaths, scripts, { node: process.execPath, cli: join(dist, 'cli.js') });
  const stamp = createHash('sha256').update(JSON.stringify(files)).digest('hex');
  try {
    // The stamp says what was written; every file must still be there (a removed file is repaired).
    if (readFileSync(join(dir, STAMP), 'utf8') === stamp && files.every((f) => existsSync(join(dir, f.path)))) return false;
  } catch {
    // first run, or the directory was removed: write everything
  }
  const keep = new Set(files.map((f) => f.path));
  for (const file of files) {
    const path = join(dir, file.path);
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    const temp = `${path}.${process.pid}.tmp`;
    writeFileSync(temp, file.text, { mode: file.executable ? 0o755 : 0o644 });
    chmodSync(temp, file.executable ? 0o755 : 0o644);
    renameSync(temp, path);
  }
  for (const name of readdirSync(join(dir, 'bin'))) if (!keep.has(`bin/${name}`)) rmSync(join(dir, 'bin', name), { force: true });
  writeFileSync(join(dir, STAMP), stamp);
  return true;
}

export class TerminalGate {
  private readonly dir: string;

  constructor(private readonly context: vscode.ExtensionContext, private readonly log: vscode.LogOutputChannel) {
    this.dir = join(context.globalStorageUri.fsPath, 'gate');
  }

  /** The gate for new terminals as the settings say; `ipcFile` is this window's discovery file. */
  update(settings: Settings, ipcFile: string | undefined): void {
    const env = this.context.environmentVariableCollection;
    if (!settings.terminalGate) {
      env.clear();
      this.log.info('terminal gate off: new terminals start without it');
      return;
    }
    if (writeGate(this.dir, settings.protectedPaths, join(this.context.extensionPath, 'dist'))) this.log.info(`terminal gate written to ${this.dir}`);
    const layout = gateGenerator().gateLayout(this.dir);
    env.description = 'Airlock checks the commands run here before they run and asks you about destructive ones';
    env.prepend('PATH', layout.shims + delimiter);
    env.replace('AIRLOCK_NODE', process.execPath);
    env.replace('AIRLOCK_CLI', join(this.context.extensionPath, 'dist', 'cli.js'));
    if (ipcFile) env.replace('AIRLOCK_IPC', ipcFile);
    else env.delete('AIRLOCK_IPC');
    const userBashEnv = process.env.BASH_ENV;
    env.replace('BASH_ENV', layout.bashGuard);
    if (userBashEnv && userBashEnv !== layout.bashGuard) env.replace('AIRLOCK_USER_BASH_ENV', userBashEnv);
    env.prepend('PROMPT_COMMAND', gateGenerator().promptCommand(layout));
    const userZdotdir = process.env.ZDOTDIR;
    env.replace('ZDOTDIR', layout.zdotdir);
    env.replace('AIRLOCK_USER_ZDOTDIR', userZdotdir && userZdotdir !== layout.zdotdir ? userZdotdir : homedir());
  }
}
