// A shield with the number of decisions waiting; the error background while a production request
// waits, and a warning while the audit log cannot be written. Clicking it opens the audit log.
import * as vscode from 'vscode';
import { CommandId } from './commands';

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('airlock.status', vscode.StatusBarAlignment.Left, 100);

  constructor() {
    this.item.name = 'Airlock';
    this.item.command = CommandId.ShowAuditLog;
    this.render();
    this.item.show();
  }

  private waiting = 0;
  private production = false;
  private problem: string | undefined;
  private gap: string | undefined;

  /** What of Airlock does not guard this machine (coverageGap), shown instead of "guarding". */
  coverage(gap: string | undefined): void {
    this.gap = gap;
    this.render();
  }

  update(waiting: number, production: boolean): void {
    this.waiting = waiting;
    this.production = production;
    this.render();
  }

  /** Why the audit log cannot be written (flagged requests are denied meanwhile); undefined once it can. */
  auditProblem(problem: string | undefined): void {
    if (problem !== undefined && this.problem === undefined) void vscode.window.showErrorMessage(`${problem}. Until it can, Airlock denies every request it would ask you about; decisions are queued and written later.`);
    this.problem = problem;
    this.render();
  }

  private render(): void {
    const waiting = this.waiting;
    this.item.text = `${this.problem ? '$(warning)' : '$(shield)'}${waiting > 0 ? ` ${waiting}` : ''}`;
    const state = waiting > 0 ? `Airlock: ${waiting} request${waiting === 1 ? '' : 's'} waiting for you.` : this.gap === undefined ? 'Airlock is guarding this window.' : `${this.gap} (Airlock: What Guards This Machine)`;
    this.item.tooltip = `${state}${this.problem ? ` ${this.problem}: flagged requests are denied until it can be written.` : ''} Click for the audit log.`;
    this.item.backgroundColor = this.production ? new vscode.ThemeColor('statusBarItem.errorBackground') : this.problem ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
  }

  dispose(): void {
    this.item.dispose();
  }
}
