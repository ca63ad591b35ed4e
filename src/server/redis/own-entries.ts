import type { OrderEvent } from '../../core/events';
import type { StoredEvent, StreamEntry } from './stream-entry';
import { compareStreamIds, eventPositionId } from './stream-id';

interface OwnEntry {
  readonly firstRseq: number;
  readonly at: number;
  readonly events: readonly OrderEvent[];
  readonly payloads: readonly string[];
}

/**
 * The entries this relay appended, kept as it decoded them until its own reader reaches them.
 * Every relay reads every entry back and runs the full wire decode on it, because anything can
 * write to Redis; an entry this relay wrote itself holds payloads it encoded from events it had
 * just decoded, under an id its own XADD returned (stream ids only grow, so no other writer can
 * put anything else there). Reading those back needs neither JSON.parse nor the decode: a third
 * of the cluster's read-back work with three relays. An entry the reader reaches before the
 * append's reply arrives is simply decoded as any other.
 */
export class OwnEntries {
  private readonly entries = new Map<string, OwnEntry>();

  constructor(private readonly limit: number) {}

  get size(): number {
    return this.entries.size;
  }

  /**
   * `events[k]` was sent as `payloads[k]`; all but the `dropped` indexes (duplicates) went into
   * entry `id`, numbered from `firstRseq`.
   */
  remember(id: string, firstRseq: number, at: number, events: readonly OrderEvent[], payloads: readonly string[], dropped: readonly number[]): void {
    if (dropped.length > 0) {
      const skip = new Set(dropped);
      events = events.filter((_, k) => !skip.has(k));
      payloads = payloads.filter((_, k) => !skip.has(k));
    }
    this.entries.set(id, { firstRseq, at, events, payloads });
    if (this.entries.size > this.limit) {
      const oldest = this.entries.keys().next();
      if (oldest.done !== true) this.entries.delete(oldest.value);
    }
  }

  /** The entry as the reader would have read it, when this relay wrote it; forgotten once taken. */
  take(id: string): StreamEntry | undefined {
    const own = this.entries.get(id);
    if (own === undefined) return undefined;
    this.entries.delete(id);
    const count = own.events.length;
    const events: StoredEvent[] = new Array<StoredEvent>(count);
    for (let k = 0; k < count; k++) {
      events[k] = { id: eventPositionId(id, k, count), rseq: own.firstRseq + k, at: own.at, event: own.events[k]!, json: own.payloads[k]! };
    }
    return { kind: 'events', id, events, bad: 0 };
  }

  /** Forgets entries the reader has passed without taking them (it read them before the reply came). */
  forgetUpTo(cursor: string): void {
    for (const id of this.entries.keys()) {
      if (compareStreamIds(id, cursor) > 0) break;
      this.entries.delete(id);
    }
  }
}
