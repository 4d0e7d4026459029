// The decision service: the IPC server the gates ask (src/gate), one discovery file and published
// policy per workspace root, and for each request the policy's answer or the human's. Requests
// wait in a bounded queue so only one modal shows at a time; every decision is audited.
import * as vscode from 'vscode';
import { auditRecord, type AuditRecord } from '../core/audit';
import { discoveryFile, policyFile, publishWindow, unpublishWindow, watchDiscovery, windowsDirectory } from '../gate/discovery';
import { PROTOCOL_VERSION, requestDeadline, type DecisionRequest, type DecisionResponse } from '../gate/protocol';
import { writePublishedPolicy } from '../gate/publishedPolicy';
import { Grants } from '../gate/grants';
import { SameCall } from '../gate/sameCall';
import { startDecisionServer, type DecisionServer } from '../gate/server';
import { askPerson } from './askPerson';
import type { AuditStore } from '../gate/auditStore';
import { queueRecord } from '../gate/auditQueue';
import { actionFor } from './decide';
import { RequestQueue, queuedAnswer } from './requestQueue';
import type { Settings } from './settings';
import type { StatusBar } from './statusBar';
import type { TerminalDirectory } from './terminals';
import { shorten, shownSubject } from './approvalText';

/** Requests that may wait behind the one on screen; more are denied at once. */
const MAX_WAITING = 100;
/** How long a terminal line the gate answered counts as gated for the observer. */
const GATED_FOR_MS = 5 * 60 * 1000;

export class DecisionService implements vscode.Disposable {
  private readonly queue = new RequestQueue({ maxWaiting: MAX_WAITING, onChange: () => this.refreshStatus() });
  private readonly published = new Set<string>();
  private readonly dir = windowsDirectory();
  private productionWaiting = 0;
  private server: DecisionServer | undefined;
  private readonly grants = new Grants();
  /** One dialog per agent tool call, however many of the agent's hooks ask about it. */
  private readonly sameCall = new SameCall<DecisionResponse>();
  /** Terminal lines the gate answered lately, for the observer (which sees every line run). */
  private readonly gated: { readonly line: string; readonly time: number }[] = [];
  private watcher: { close(): void } | undefined;
  /** Set once the window is closing: a start that finishes afterwards publishes nothing. */
  private disposed = false;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly settings: () => Settings,
    private readonly audit: AuditStore,
    private readonly status: StatusBar,
    private readonly terminals: TerminalDirectory,
  ) {}

  /**
   * Whether a line the observer saw start was allowed by the terminal gate lately — the very line
   * (a shell guard asks about whole lines; a shim's approval covers its own command, not the line).
   */
  wasGated(line: string, now = Date.now()): boolean {
    const seen = line.trim();
    return this.gated.some((g) => now - g.time < GATED_FOR_MS && g.line === seen);
  }

  /**
   * This window's discovery file for its first folder (the terminals' AIRLOCK_IPC), named even when
   * the socket did not start: a terminal that carries it and finds no window answering denies what
   * it flags, where one without it would let whoever types at the terminal (an agent can) confirm.
   */
  get ipcFile(): string | undefined {
    const root = this.roots()[0];
    return root ? discoveryFile(this.dir, root) : undefined;
  }

  /** False when the window closed while the socket was starting: then nothing is published for it. */
  async start(): Promise<boolean> {
    const server = await startDecisionServer((request) => this.decide(request), { roots: this.roots() });
    if (this.disposed) {
      void server.close();
      return false;
    }
    this.server = server;
    this.publish();
    this.watcher = watchDiscovery(this.dir, () => this.published, () => this.publish(), {
      token: () => this.server?.token,
      report: (root, reason) => this.planted(root, reason),
    });
    return true;
  }

  /** Something wrote a discovery file for one of this window's folders that no editor window serves. */
  private planted(root: string, reason: string): void {
    const file = discoveryFile(this.dir, root);
    const summary = 'Replaced Airlock\'s discovery file with one whose server is not an editor window: hooks would have taken its answers';
    this.audit.keep(auditRecord({
      time: new Date(), source: 'observer', actor: 'unknown', kind: 'write', subject: file, decision: 'deny', decidedBy: 'policy', reason: `${reason}; Airlock put its own back`,
      verdict: {
        decision: 'deny', risk: 'critical', environment: { tier: 'unknown' }, confirmation: 'none',
        findings: [{ rule: 'airlock.tamper', category: 'shell', severity: 'critical', summary, hint: 'Find and stop the process that wrote it', span: [0, 0], environment: { tier: 'unknown' } }],
      },
    }));
    void vscode.window.showWarningMessage(`Airlock: something replaced its discovery file for ${root} with one pointing at another server (${reason}). Airlock put its own back; check what runs in your terminals.`);
  }

  private roots(): string[] {
    return (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath);
  }

  /** (Re)writes the discovery file and policy of every root; removes those of roots that left. */
  publish(): void {
    const server = this.server;
    if (!server) return;
    const roots = this.roots();
    const settings = this.settings();
    for (const root of roots) {
      publishWindow(this.dir, { version: PROTOCOL_VERSION, root, socket: server.socket, token: server.token, pid: process.pid });
      writePublishedPolicy(policyFile(this.dir, root), {
        version: PROTOCOL_VERSION, protectedPaths: settings.protectedPaths, allowedPaths: settings.allowedPaths,
        environments: settings.environments, timeoutSeconds: settings.timeoutSeconds, tierRules: settings.tierRules,
      });
      this.published.add(root);
    }
    for (const root of [...this.published]) {
      if (!roots.includes(root)) {
        unpublishWindow(this.dir, root, server.token);
        this.published.delete(root);
      }
    }
  }

  private decide(request: DecisionRequest): Promise<DecisionResponse> {
    if (request.source !== 'hook') return this.decideOnce(request);
    return this.sameCall.run(request, () => this.decideOnce(request));
  }

  private async decideOnce(asked: DecisionRequest): Promise<DecisionResponse> {
    let request = asked;
    if (request.source === 'terminal' || request.source === 'task') {
      const covering = this.grants.covering(request.grant, request.subject, request.cwd, request.verdict);
      if (covering) return this.answer(request, { decision: 'allow', decidedBy: 'human', reason: `Covered by the approval of "${shorten(shownSubject(covering), 120)}".` });
      // The client could not tell who runs its shell; the terminal it runs in can.
      if (request.actor === 'terminal') {
        const identity = await this.terminals.identify(request.pid);
        if (identity) request = { ...request, actor: identity.actor, source: identity.source };
      }
    }
    const action = actionFor(request, this.settings());
    if (action.kind !== 'ask') return this.answer(request, { decision: action.kind, decidedBy: 'policy', reason: `Airlock in the editor: ${action.reason}` });
    const production = request.verdict.environment.tier === 'production';
    if (production) this.productionWaiting++;
    const outcome = await this.queue.run((signal) => askPerson(request, action.confirmation, signal, {
      extensionUri: this.extensionUri,
      recent: () => this.audit.recent(2000).filter((r) => r.subject === request.subject).slice(-10).reverse(),
    }), requestDeadline(request));
    if (production) this.productionWaiting--;
    this.refreshStatus();
    const answer = queuedAnswer(outcome, request.timeoutMs, MAX_WAITING);
    const terminal = request.source === 'terminal' || request.source === 'task';
    const grant = answer.decision === 'allow' && terminal ? { grant: this.grants.issue(request.subject, request.cwd, request.verdict) } : {};
    return this.answer(request, { ...answer, ...grant });
  }

  private answer(request: DecisionRequest, response: DecisionResponse): DecisionResponse {
    const record = (r: DecisionResponse): AuditRecord => auditRecord({
      time: new Date(), source: request.source, actor: request.actor, kind: request.kind, subject: request.subject,
      tool: request.tool, cwd: request.cwd, verdict: request.verdict, decision: r.decision, decidedBy: r.decidedBy, reason: r.reason,
    });
    const written = this.audit.append(record(response));
    // Every request here is flagged: without its record it is denied (the status bar says why).
    const kept: DecisionResponse = written.ok || response.decision !== 'allow' ? response : {
      decision: 'deny', decidedBy: 'error', reason: `${written.problem}. While its audit log cannot be written, Airlock denies what it flags; the record is queued.`,
    };
    if (!written.ok) {
      if (response.decision === 'allow') void vscode.window.showErrorMessage(`Airlock denied what you allowed, because it could not write its audit log: ${written.problem}. Run "airlock doctor" or free the disk, then ask the agent to try again.`);
      const queued = queueRecord(record(kept), process.env);
      if (!queued.ok) void vscode.window.showErrorMessage(`Airlock could not keep the record of this decision anywhere: ${queued.problem}`);
    }
    // Only a line really allowed is one the observer need not stop again.
    if (kept.decision === 'allow' && (request.source === 'terminal' || request.source === 'task')) {
      this.gated.push({ line: request.subject.trim(), time: Date.now() });
      if (this.gated.length > 500) this.gated.splice(0, this.gated.length - 500);
    }
    return kept;
  }

  private refreshStatus(): void {
    this.status.update(this.queue.pending, this.productionWaiting > 0);
  }

  dispose(): void {
    this.disposed = true;
    const server = this.server;
    if (!server) return;
    this.watcher?.close();
    for (const root of this.published) unpublishWindow(this.dir, root, server.token);
    this.published.clear();
    void server.close();
  }
}
