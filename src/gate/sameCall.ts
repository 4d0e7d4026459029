// One tool call can reach the decision service more than once: an agent that runs its own hook
// file and Claude's (VS Code, Cursor and Copilot CLI read `.claude/settings.json`), or Cursor,
// whose preToolUse and beforeShellExecution both see a shell call. A person is asked once per
// call: a request joins the same call's request still waiting for its answer, or takes the answer
// given moments ago.
//
// Two requests are the same call when the same agent asks about the same subject in the same
// folder and their call ids (the payload's tool_use_id) do not differ. An answer is taken over
// only where one of the two carries an id: two requests with none may be two calls the agent made
// one after the other, and each is asked about.

export interface CallKey {
  readonly actor: string;
  readonly kind: string;
  readonly subject: string;
  readonly cwd?: string;
  readonly callId?: string;
}

interface Entry<R> {
  readonly base: string;
  readonly callId: string | undefined;
  readonly answer: Promise<R>;
  /** When the answer came; undefined while it is awaited. */
  at?: number;
}

/** How long an answer stands for a second request about the same call. */
export const SAME_CALL_MS = 30_000;
/** Entries kept: a burst of distinct calls forgets the oldest, which only costs a second dialog. */
const MAX_ENTRIES = 200;

export class SameCall<R> {
  private readonly entries: Entry<R>[] = [];

  constructor(private readonly now: () => number = Date.now, private readonly windowMs = SAME_CALL_MS) {}

  /** The answer of `key`'s call: one already asked for, or `ask()`'s. */
  run(key: CallKey, ask: () => Promise<R>): Promise<R> {
    const base = JSON.stringify([key.actor, key.kind, key.subject, key.cwd ?? '']);
    const now = this.now();
    this.forget(now);
    // The newest first: a later call with the same words has its own answer.
    for (let i = this.entries.length - 1; i >= 0; i--) {
      const entry = this.entries[i];
      if (entry.base !== base) continue;
      if (entry.callId !== undefined && key.callId !== undefined && entry.callId !== key.callId) continue;
      if (entry.at === undefined) return entry.answer;
      if (entry.callId !== undefined || key.callId !== undefined) return entry.answer;
    }
    const entry: Entry<R> = { base, callId: key.callId, answer: ask() };
    this.entries.push(entry);
    if (this.entries.length > MAX_ENTRIES) this.entries.splice(0, this.entries.length - MAX_ENTRIES);
    // A failed ask is no answer to share.
    entry.answer.then(() => { entry.at = this.now(); }, () => this.drop(entry));
    return entry.answer;
  }

  private forget(now: number): void {
    for (let i = this.entries.length - 1; i >= 0; i--) {
      const at = this.entries[i].at;
      if (at !== undefined && now - at > this.windowMs) this.entries.splice(i, 1);
    }
  }

  private drop(entry: Entry<R>): void {
    const i = this.entries.indexOf(entry);
    if (i >= 0) this.entries.splice(i, 1);
  }
}
