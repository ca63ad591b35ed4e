const BUCKET_MS = 0.1;
const MAX_MS = 10_000;

/**
 * Latency samples in 0.1 ms buckets up to 10 s (anything slower lands in the last one):
 * constant memory however many million items 100 clients receive.
 */
export class LatencyHistogram {
  private readonly buckets = new Uint32Array(MAX_MS / BUCKET_MS + 1);
  count = 0;
  maxMs = 0;

  add(ms: number): void {
    const i = Math.min(this.buckets.length - 1, Math.max(0, Math.round(ms / BUCKET_MS)));
    this.buckets[i]!++;
    this.count++;
    if (ms > this.maxMs) this.maxMs = ms;
  }

  /** The value below which `p` (0–1) of the samples fall; NaN when empty. */
  percentile(p: number): number {
    if (this.count === 0) return Number.NaN;
    const rank = Math.ceil(p * this.count);
    let seen = 0;
    for (let i = 0; i < this.buckets.length; i++) {
      seen += this.buckets[i]!;
      if (seen >= rank) return i * BUCKET_MS;
    }
    return MAX_MS;
  }
}
