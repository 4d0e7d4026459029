// One modal at a time: requests wait their turn in order, each within its own deadline, and the
// line is bounded so a burst cannot pile up work without end. A request whose deadline passes
// while it waits is answered at once and never shown; one whose deadline passes while shown is
// answered too, and its job is told (the signal) so it can close what it still has open.
export interface QueueOptions {
  /** Requests allowed to wait behind the one being shown. */
  readonly maxWaiting: number;
  /** Called whenever the number of unanswered requests changes. */
  readonly onChange?: (pending: number) => void;
}

export type Outcome<T> =
  | { readonly kind: 'done'; readonly value: T }
  /** `shown`: the job had started (its dialog was on screen); else it timed out waiting its turn. */
  | { readonly kind: 'timeout'; readonly shown: boolean; readonly ahead: number }
  | { readonly kind: 'overflow' }
  | { readonly kind: 'error'; readonly error: unknown };

/** What the editor answers for a request, by how its turn in the queue ended; every message says what really happened. */
export function queuedAnswer(outcome: Outcome<'allow' | 'deny'>, timeoutMs: number, maxWaiting: number): { decision: 'allow' | 'deny'; decidedBy: 'human' | 'timeout' | 'policy' | 'error'; reason: string } {
  const seconds = Math.round(timeoutMs / 1000);
  switch (outcome.kind) {
    case 'done':
      return { decision: outcome.value, decidedBy: 'human', reason: outcome.value === 'allow' ? 'Allowed once in the editor.' : 'Denied in the editor.' };
    case 'timeout':
      if (!outcome.shown) {
        return {
          decision: 'deny', decidedBy: 'timeout',
          reason: `Airlock was answering ${outcome.ahead} other request${outcome.ahead === 1 ? '' : 's'} first; this one was never shown, and its ${seconds} s ran out while it waited. Try again.`,
        };
      }
      return { decision: 'deny', decidedBy: 'timeout', reason: `Nobody answered the dialog within ${seconds} s.` };
    case 'overflow':
      return { decision: 'deny', decidedBy: 'policy', reason: `Airlock is answering ${maxWaiting} requests already; this one was denied without being shown. Try again.` };
    case 'error':
      return { decision: 'deny', decidedBy: 'error', reason: `The approval dialog failed: ${outcome.error instanceof Error ? outcome.error.message : String(outcome.error)}` };
  }
}

export class RequestQueue {
  private tail: Promise<void> = Promise.resolve();
  private unanswered = 0;
  private waiting = 0;

  constructor(private readonly options: QueueOptions) {}

  /** Requests not answered yet: waiting, or on screen. */
  get pending(): number {
    return this.unanswered;
  }

  private changed(delta: number): void {
    this.unanswered += delta;
    this.options.onChange?.(this.unanswered);
  }

  /**
   * Runs `job` when the requests before it are done, unless `deadline` (ms since the epoch) has
   * passed by then. Past the deadline the caller gets `timeout` at once; a job still running is
   * aborted through its signal, and the next request waits until it returns.
   */
  run<T>(job: (signal: AbortSignal) => Promise<T>, deadline: number, now: () => number = Date.now): Promise<Outcome<T>> {
    if (this.waiting >= this.options.maxWaiting) return Promise.resolve({ kind: 'overflow' });
    // Requests answered before this one: what it waits behind, for an honest message.
    const ahead = this.unanswered;
    this.waiting++;
    this.changed(1);
    let release!: () => void;
    const turn = this.tail;
    this.tail = new Promise<void>((resolve) => { release = resolve; });
    const abort = new AbortController();
    return new Promise<Outcome<T>>((resolve) => {
      let settled = false;
      let started = false;
      const settle = (outcome: Outcome<T>): void => {
        if (settled) return;
        settled = true;
        if (!started) this.waiting--;
        this.changed(-1);
        resolve(outcome);
      };
      const timer = setTimeout(() => {
        settle({ kind: 'timeout', shown: started, ahead });
        abort.abort();
      }, Math.max(0, deadline - now()));
      void turn.then(async () => {
        if (settled) {
          release();
          return;
        }
        started = true;
        this.waiting--;
        try {
          settle({ kind: 'done', value: await job(abort.signal) });
        } catch (error) {
          settle({ kind: 'error', error });
        } finally {
          clearTimeout(timer);
          release();
        }
      });
    });
  }
}
