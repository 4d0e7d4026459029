// One run at a time of a view's slow refresh (the doctor's check, the workspace's file listing).
// Asked while one runs, one more follows it: what changed meanwhile may not be in the running one's
// result. Pure: no editor.

export class Rerun {
  private running: Promise<void> | undefined;
  private again = false;

  constructor(private readonly run: () => Promise<void>) {}

  get busy(): boolean {
    return this.running !== undefined;
  }

  request(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.run().finally(() => {
      this.running = undefined;
      if (this.again) {
        this.again = false;
        // Nobody waits on the follow-up: its failure is the run's to report (the views say it in their rows).
        this.request().catch(() => undefined);
      }
    });
    return this.running;
  }
}
