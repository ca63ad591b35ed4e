export interface OutboxOptions {
  /** Sends one NDJSON body; a rejection means "not delivered, try again later". */
  readonly post: (ndjson: string) => Promise<void>;
  readonly now: () => number;
  /** Lines held while the relay is unreachable; past this the producer is told to pause. Default 50,000. */
  readonly maxQueuedLines?: number;
  /** Lines per POST at most. Default 5,000. */
  readonly maxBatchLines?: number;
  /** First retry delay; it doubles per failure up to `maxBackoffMs`. Defaults 250 and 10,000. */
  readonly initialBackoffMs?: number;
  readonly maxBackoffMs?: number;
  readonly onPostError?: (error: unknown, failures: number) => void;
}

export interface OutboxStats {
  readonly queuedLines: number;
  readonly postedLines: number;
  readonly posts: number;
  readonly failures: number;
}

interface Chunk {
  readonly body: string;
  readonly lines: number;
}

/**
 * Holds encoded lines until the relay has taken them. A batch leaves the queue only after its
 * POST succeeded, so a busy or restarting relay costs time, never events (a retried batch the
 * relay did take is dropped there as a duplicate by seq). The queue is bounded by pausing the
 * producer (`hasRoom`), not by discarding: the simulator can simply generate later.
 */
export class Outbox {
  private readonly chunks: Chunk[] = [];
  private queued = 0;
  private inFlight: Promise<void> | undefined;
  private retryAt = 0;
  private consecutiveFailures = 0;
  private postedLines = 0;
  private posts = 0;
  private failures = 0;
  private readonly maxQueued: number;
  private readonly maxBatch: number;

  constructor(private readonly options: OutboxOptions) {
    this.maxQueued = options.maxQueuedLines ?? 50_000;
    this.maxBatch = options.maxBatchLines ?? 5_000;
  }

  hasRoom(): boolean {
    return this.queued < this.maxQueued;
  }

  /** Queues already-encoded NDJSON (`lines` lines, each ending in a newline). */
  push(body: string, lines: number): void {
    if (lines === 0) return;
    this.chunks.push({ body, lines });
    this.queued += lines;
  }

  /** Starts a POST when none is running and no backoff is pending. */
  pump(): void {
    if (this.inFlight !== undefined || this.chunks.length === 0) return;
    if (this.options.now() < this.retryAt) return;
    // The attempt never rejects: failures are counted and retried by the next pump.
    void this.send();
  }

  /**
   * Waits for the POSTs in flight, then makes one more attempt (ignoring backoff) at whatever
   * is left; stops at the first failure. Call after the producer has stopped.
   */
  async flush(): Promise<void> {
    await this.drain();
    if (this.chunks.length === 0) return;
    void this.send();
    await this.drain();
  }

  /** Until no POST is in flight (a success pumps the next batch at once). */
  private async drain(): Promise<void> {
    while (this.inFlight !== undefined) await this.inFlight;
  }

  stats(): OutboxStats {
    return { queuedLines: this.queued, postedLines: this.postedLines, posts: this.posts, failures: this.failures };
  }

  private send(): Promise<void> {
    let count = 0;
    let lines = 0;
    while (count < this.chunks.length && (count === 0 || lines + this.chunks[count]!.lines <= this.maxBatch)) {
      lines += this.chunks[count]!.lines;
      count++;
    }
    const body =
      count === 1
        ? this.chunks[0]!.body
        : this.chunks
            .slice(0, count)
            .map((c) => c.body)
            .join('');
    this.posts++;
    const attempt = this.options.post(body).then(
      () => {
        this.chunks.splice(0, count);
        this.queued -= lines;
        this.postedLines += lines;
        this.consecutiveFailures = 0;
        this.inFlight = undefined;
        this.pump();
      },
      (error: unknown) => {
        this.failures++;
        this.consecutiveFailures++;
        const initial = this.options.initialBackoffMs ?? 250;
        const delay = Math.min(this.options.maxBackoffMs ?? 10_000, initial * 2 ** (this.consecutiveFailures - 1));
        this.retryAt = this.options.now() + delay;
        this.inFlight = undefined;
        this.options.onPostError?.(error, this.consecutiveFailures);
      },
    );
    this.inFlight = attempt;
    return attempt;
  }
}
