// The editor's side of settingsGuard.ts: it keeps the user-level `airlock.*` values a person last
// confirmed (in global state, so a loosening made while the editor was closed is caught at the next
// start), reads the settings held to them, and asks in a modal when the user's settings loosen.
// Apply takes the change; anything else writes the confirmed values back. Each answer is audited.
import * as vscode from 'vscode';
import { auditRecord } from '../core/audit';
import type { AuditStore } from '../gate/auditStore';
import { shorten } from './approvalText';
import { readSettings, type Inspect, type Layers, type Settings } from './settings';
import { guardedInspect, loosened, userValues, type Loosened, type TrustedValues } from './settingsGuard';

const CONFIRMED = 'airlock.confirmedUserSettings';
const APPLY = 'Apply the change';
const KEEP = 'Keep the stricter settings';

export class ConfirmedSettings {
  private confirmed: TrustedValues;
  private asking = false;

  constructor(private readonly state: vscode.Memento, private readonly audit: AuditStore, private readonly applied: () => void) {
    const stored = state.get<TrustedValues>(CONFIRMED);
    // The first start has nothing confirmed yet: what the user has now is the starting point.
    this.confirmed = stored ?? userValues(this.inspect());
    if (!stored) void state.update(CONFIRMED, this.confirmed);
  }

  /**
   * The layers read once per key and run: activation reads every key twice, and each read costs the
   * extension host a merge. Dropped when the run ends, and by check(), which every configuration
   * change calls first (the host applies a change and announces it within one run).
   */
  private layers: Map<string, Layers | undefined> | undefined;

  private inspect(): Inspect {
    let seen = this.layers;
    if (!seen) {
      const fresh = new Map<string, Layers | undefined>();
      seen = this.layers = fresh;
      queueMicrotask(() => {
        if (this.layers === fresh) this.layers = undefined;
      });
    }
    const known = seen;
    const config = vscode.workspace.getConfiguration('airlock');
    return (key) => {
      if (!known.has(key)) known.set(key, config.inspect(key));
      return known.get(key);
    };
  }

  /** The settings in effect: the user's values held to the confirmed ones, with the workspace's tightening. */
  read(): Settings {
    return readSettings(guardedInspect(this.inspect(), this.confirmed));
  }

  /** After the configuration changed (or at start): take a tightening at once, ask about a loosening. */
  check(): void {
    // A change is applied and announced within one run (two of them may be): read it afresh.
    this.layers = undefined;
    const now = userValues(this.inspect());
    const looser = loosened(this.confirmed, now);
    if (looser.length === 0) {
      this.confirm(now);
      return;
    }
    if (!this.asking) void this.ask(looser);
  }

  private confirm(values: TrustedValues): void {
    this.confirmed = values;
    void this.state.update(CONFIRMED, values);
  }

  private async ask(looser: readonly Loosened[]): Promise<void> {
    this.asking = true;
    // What the dialog shows is what Apply takes: a change made while it is open is asked about next.
    const shown = userValues(this.inspect());
    try {
      const lines = looser.slice(0, 8).map((l) => `• ${l.key}: ${shorten(l.from, 120)} → ${shorten(l.to, 120)}`);
      if (looser.length > 8) lines.push(`• and ${looser.length - 8} more`);
      const choice = await vscode.window.showWarningMessage(
        'Your Airlock settings were changed to give agents more room.',
        { modal: true, detail: `${lines.join('\n')}\n\nAn agent running as you can edit your settings file too, so Airlock keeps the stricter values until you apply the change. Keep them, and Airlock writes them back.` },
        APPLY, KEEP,
      );
      const subject = `user settings: ${looser.map((l) => `${l.key} ${shorten(l.from, 120)} → ${shorten(l.to, 120)}`).join('; ')}`;
      if (choice === APPLY) {
        const keys = looser.map((l) => l.key.slice('airlock.'.length));
        this.confirm({ ...this.confirmed, ...Object.fromEntries(keys.map((k) => [k, shown[k]])) });
        this.record(subject, 'allow', 'Applied in the editor.');
      } else {
        const config = vscode.workspace.getConfiguration('airlock');
        for (const l of looser) await config.update(l.key.slice('airlock.'.length), this.confirmed[l.key.slice('airlock.'.length)], vscode.ConfigurationTarget.Global);
        this.record(subject, 'deny', 'Kept the stricter settings; they were written back.');
      }
      this.applied();
    } finally {
      this.asking = false;
    }
    // A change made while the dialog was open is judged now.
    this.check();
  }

  private record(subject: string, decision: 'allow' | 'deny', reason: string): void {
    const summary = 'Loosens Airlock\'s own settings (its tier policy, exceptions, environments or gate)';
    this.audit.keep(auditRecord({
      time: new Date(), source: 'observer', actor: 'unknown', kind: 'write', subject, decision, decidedBy: 'human', reason,
      verdict: {
        decision: 'confirm', risk: 'high', environment: { tier: 'unknown' }, confirmation: 'click',
        findings: [{ rule: 'airlock.settings-loosened', category: 'shell', severity: 'high', summary, hint: 'Change Airlock\'s settings yourself, in the Settings editor', span: [0, 0], environment: { tier: 'unknown' } }],
      },
    }));
  }
}
