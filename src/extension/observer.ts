// The last line of defence: what runs in a terminal or a process task without passing the gate (a
// shell without the guard — fish, pwsh, a `process` task) is classified as it starts; a flagged
// agent's command is interrupted (Ctrl+C, or the task terminated), shown and audited "not gated".
// It has already started: this only limits the damage (DESIGN.md section 1).
import * as vscode from 'vscode';
import { actorOfTerminal } from '../core/actor';
import { auditRecord } from '../core/audit';
import type { Verdict } from '../core/verdict';
import { shellLine } from '../gate/shellQuote';
import { actorName, shorten, shownSubject } from './approvalText';
import type { AuditStore } from '../gate/auditStore';
import type { Settings } from './settings';

export interface ObserverDeps {
  readonly settings: () => Settings;
  readonly audit: AuditStore;
  readonly wasGated: (line: string) => boolean;
  readonly classify: (line: string, cwd: string | undefined) => Promise<Verdict>;
  readonly log: vscode.LogOutputChannel;
}

export class Observer implements vscode.Disposable {
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly deps: ObserverDeps) {
    this.subscriptions = [
      vscode.window.onDidStartTerminalShellExecution((e) => this.guarded(this.onShellExecution(e))),
      vscode.tasks.onDidStartTaskProcess((e) => this.guarded(this.onTaskProcess(e))),
    ];
  }

  private guarded(work: Promise<void>): void {
    work.catch((error: unknown) => this.deps.log.error(`observer: ${error instanceof Error ? error.message : String(error)}`));
  }

  private async onShellExecution(e: vscode.TerminalShellExecutionStartEvent): Promise<void> {
    const line = e.execution.commandLine.value;
    if (line.trim() === '' || this.deps.wasGated(line)) return;
    const verdict = await this.deps.classify(line, e.execution.cwd?.fsPath);
    if (verdict.findings.length === 0) return;
    const options = e.terminal.creationOptions as vscode.TerminalOptions;
    const actor = actorOfTerminal({ name: e.terminal.name, hidden: options.hideFromUser === true });
    const person = actor === 'human' && this.deps.settings().gateScope === 'agents';
    if (!person) e.terminal.sendText('\x03', false);
    this.report(line, verdict, actor, person, `terminal "${e.terminal.name}"`);
  }

  private async onTaskProcess(e: vscode.TaskProcessStartEvent): Promise<void> {
    // Shell tasks run bash with BASH_ENV (gated as they run); a process task runs no shell at all.
    const execution = e.execution.task.execution;
    // Read by shape: the execution may come back from the task system as a plain object.
    if (!execution || !('process' in execution) || typeof execution.process !== 'string') return;
    const line = shellLine([execution.process, ...execution.args]);
    const verdict = await this.deps.classify(line, execution.options?.cwd);
    if (verdict.findings.length === 0) return;
    e.execution.terminate();
    this.report(line, verdict, 'task', false, `task "${e.execution.task.name}"`);
  }

  private report(line: string, verdict: Verdict, actor: string, person: boolean, where: string): void {
    const reason = person
      ? 'Run by a person at their own terminal without the gate (gate scope "agents"): allowed, audited.'
      : `Not gated: it started in ${where} without Airlock's gate, so it was interrupted as it started.`;
    this.deps.audit.keep(auditRecord({
      time: new Date(), source: 'observer', actor, kind: 'command', subject: line, verdict,
      decision: person ? 'allow' : 'deny', decidedBy: 'policy', reason,
    }));
    if (person) return;
    const env = verdict.environment.tier.toUpperCase();
    void vscode.window.showWarningMessage(
      `Airlock interrupted a ${env} command that ran without its gate in ${where} (${actorName(actor)}): ${shorten(shownSubject(line), 120)}. It may have done part of its work already — check, and use bash or zsh for agents' terminals.`,
    );
    this.deps.log.warn(`observer: interrupted ${shorten(shownSubject(line), 200)} in ${where}`);
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}
