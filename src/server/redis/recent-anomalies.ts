/**
 * Anomaly counts of recently applied entries, so the relay that took a batch can report them in
 * its ingest reply once its own reader has applied the batch. Only non-zero counts are kept,
 * the oldest dropped past `limit`: an ingest reply waits milliseconds, not hours.
 */
export class RecentAnomalies {
  private readonly counts = new Map<string, number>();

  constructor(private readonly limit: number) {}

  record(id: string, anomalies: number): void {
    if (anomalies === 0) return;
    this.counts.set(id, anomalies);
    if (this.counts.size > this.limit) {
      const oldest = this.counts.keys().next();
      if (oldest.done !== true) this.counts.delete(oldest.value);
    }
  }

  get(id: string): number {
    return this.counts.get(id) ?? 0;
  }
}
