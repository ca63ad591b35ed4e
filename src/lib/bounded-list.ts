/**
 * An append-only list that keeps only the newest `limit` items, in O(1) amortised per push.
 * `Infinity` keeps everything. Used for anything that lives for days (anomaly logs, event logs).
 */
export class BoundedList<T> {
  private items: T[] = [];
  private head = 0;
  private dropped = 0;

  constructor(readonly limit: number) {
    if (!(limit >= 0)) throw new RangeError(`BoundedList limit must be >= 0, got ${limit}`);
  }

  push(item: T): void {
    if (this.limit === 0) {
      this.dropped++;
      return;
    }
    this.items.push(item);
    if (this.items.length - this.head > this.limit) {
      this.head++;
      this.dropped++;
      // Compact once the dead prefix is as long as the live part, so memory stays ~2×limit.
      if (this.head >= this.limit && this.head > 1024) {
        this.items = this.items.slice(this.head);
        this.head = 0;
      }
    }
  }

  get size(): number {
    return this.items.length - this.head;
  }

  /** How many items were pushed out to respect the limit. */
  get droppedCount(): number {
    return this.dropped;
  }

  /** Oldest first. */
  toArray(): T[] {
    return this.items.slice(this.head);
  }

  /** The newest `n` items, oldest first. */
  tail(n: number): T[] {
    return this.items.slice(Math.max(this.head, this.items.length - n));
  }

  clear(): void {
    this.items = [];
    this.head = 0;
  }
}
