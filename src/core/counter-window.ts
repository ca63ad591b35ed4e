/**
 * Counts over a sliding window from cumulative counters sampled on a clock: `sample` records the
 * totals at a time, `over` gives how much each grew in the last `windowMs`. Memory is one sample
 * per call within the window (the relay samples once a second).
 */
export class CounterWindow<K extends string> {
  private readonly samples: { at: number; totals: Readonly<Record<K, number>> }[] = [];

  constructor(private readonly windowMs: number) {}

  sample(at: number, totals: Readonly<Record<K, number>>): void {
    this.samples.push({ at, totals: { ...totals } });
    // Keep one sample at or before the window's start, so `over` always has a baseline.
    while (this.samples.length > 2 && this.samples[1]!.at <= at - this.windowMs) this.samples.shift();
  }

  /** Growth of each counter between the window's start (or the oldest sample) and the latest sample. */
  over(): Record<K, number> {
    const first = this.samples[0];
    const last = this.samples[this.samples.length - 1];
    const out = {} as Record<K, number>;
    if (first === undefined || last === undefined) return out;
    for (const key of Object.keys(last.totals) as K[]) out[key] = last.totals[key] - (first.totals[key] ?? 0);
    return out;
  }
}
