interface Waiter {
  readonly id: string;
  readonly resolve: (reached: boolean) => void;
  readonly timer: NodeJS.Timeout;
}

/**
 * Callers waiting for this relay to reach a stream position: an ingest reply waiting for its
 * own events to be applied, a client resuming with an id from a relay that is further ahead.
 */
export class PositionWaiters {
  private waiting: Waiter[] = [];

  add(id: string, timeoutMs: number): Promise<boolean> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiting = this.waiting.filter((w) => w.timer !== timer);
        resolve(false);
      }, timeoutMs);
      this.waiting.push({ id, resolve, timer });
    });
  }

  /** Resolves every waiter whose position has been reached. */
  release(reached: (id: string) => boolean): void {
    if (this.waiting.length === 0) return;
    const still: Waiter[] = [];
    for (const waiter of this.waiting) {
      if (reached(waiter.id)) {
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
