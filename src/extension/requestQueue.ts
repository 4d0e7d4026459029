// One modal at a time: requests wait their turn in order, each within its own deadline, and the
// line is bounded so a burst cannot pile up work without end. A request whose deadline passes
// while it waits is answered without ever being shown.
export interface QueueOptions {
  /** Requests allowed to wait behind the one being shown. */
  readonly maxWaiting: number;
}

export type Outcome<T> = { readonly kind: 'done'; readonly value: T } | { readonly kind: 'timeout' } | { readonly kind: 'overflow' };

export class RequestQueue {
  private tail: Promise<void> = Promise.resolve();
  private waiting = 0;
  private active = 0;

  constructor(private readonly options: QueueOptions) {}

  /** How many requests are waiting or being shown (the status bar's count). */
  get pending(): number {
    return this.waiting + this.active;
  }

  /**
   * Runs `job` when the requests before it are done, unless `deadline` (ms since the epoch) has
   * passed by then. The job itself must finish by the deadline: past it the caller gets
   * `timeout` while the job (an open modal) may still be showing.
   */
  run<T>(job: () => Promise<T>, deadline: number, now: () => number = Date.now): Promise<Outcome<T>> {
    if (this.waiting >= this.options.maxWaiting) return Promise.resolve({ kind: 'overflow' });
    this.waiting++;
    let release!: () => void;
    const turn = this.tail;
    this.tail = new Promise<void>((resolve) => { release = resolve; });
    return new Promise<Outcome<T>>((resolve) => {
      let settled = false;
      const settle = (outcome: Outcome<T>): void => {
        if (!settled) {
          settled = true;
          resolve(outcome);
        }
      };
      const timer = setTimeout(() => settle({ kind: 'timeout' }), Math.max(0, deadline - now()));
      void turn.then(async () => {
        this.waiting--;
        if (settled) {
          release();
          return;
        }
        this.active++;
        try {
          settle({ kind: 'done', value: await job() });
        } catch {
          settle({ kind: 'timeout' });
        } finally {
          this.active--;
          clearTimeout(timer);
          release();
        }
      });
    });
  }
}
