// A shield with the number of decisions waiting; the error background while a production request
// waits. Clicking it opens the audit log.
import * as vscode from 'vscode';
import { CommandId } from './commands';

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('airlock.status', vscode.StatusBarAlignment.Left, 100);

  constructor() {
    this.item.name = 'Airlock';
    this.item.command = CommandId.ShowAuditLog;
    this.update(0, false);
    this.item.show();
  }

  update(waiting: number, production: boolean): void {
    this.item.text = waiting > 0 ? `$(shield) ${waiting}` : '$(shield)';
    this.item.tooltip = waiting > 0 ? `Airlock: ${waiting} request${waiting === 1 ? '' : 's'} waiting for you` : 'Airlock is guarding this window. Click for the audit log.';
    this.item.backgroundColor = production ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
  }

  dispose(): void {
    this.item.dispose();
  }
}
