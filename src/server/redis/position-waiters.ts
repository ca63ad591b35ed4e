interface Waiter {
  readonly reached: () => boolean;
  readonly resolve: (reached: boolean) => void;
  readonly timer: NodeJS.Timeout;
}

/**
 * Callers waiting for this relay to reach a point of the stream: an ingest reply waiting for
 * its own events to be applied, a client resuming with an rseq from a relay further ahead.
 */
export class PositionWaiters {
  private waiting: Waiter[] = [];

  add(reached: () => boolean, timeoutMs: number): Promise<boolean> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiting = this.waiting.filter((w) => w.timer !== timer);
        resolve(false);
      }, timeoutMs);
      this.waiting.push({ reached, resolve, timer });
    });
  }

  /** Resolves every waiter whose point has been reached; called after each applied batch. */
  release(): void {
    if (this.waiting.length === 0) return;
    const still: Waiter[] = [];
    for (const waiter of this.waiting) {
      if (waiter.reached()) {
        clearTimeout(waiter.timer);
        waiter.resolve(true);
      } else {
        still.push(waiter);
      }
    }
    this.waiting = still;
  }

  failAll(): void {
    for (const waiter of this.waiting) {
      clearTimeout(waiter.timer);
      waiter.resolve(false);
    }
    this.waiting = [];
  }
}
