import { MemoryEventLog } from '../event-log';
import type { EventPosition } from './stream-id';
import { compareEventPositions, idAtPlace, parseEventPosition, parseStreamId } from './stream-id';

/**
 * The relay's resume log in Redis mode: the newest `capacity` events of the shared stream, as
 * this relay applied them, numbered with the cluster rseq (the same number on every relay) and
 * carrying their place in the stream (the SSE id: see `idAtPlace`). Older history stays readable from Redis itself.
 */
export class SharedEventLog extends MemoryEventLog {
  /** Each kept event's stream entry (one string shared by all of an entry's events) … */
  private readonly entries: (string | undefined)[];
  /** … and its place in it; −1 for the entry's last event, whose SSE id is the bare entry id. */
  private readonly places: Int32Array;

  /** `logId`: the cluster's numbering is one for every relay on the same Redis keys. */
  constructor(capacity: number, logId: string, byteBudget?: number) {
    super(capacity, logId, byteBudget);
    this.entries = new Array<string | undefined>(capacity);
    this.places = new Int32Array(capacity);
  }

  /**
   * Appends the event at `place` (`placeInEntry`) of stream entry `entry`, given as the wire JSON
   * the stream holds; a jump in rseq (trimmed or lost history) restarts the log there. Its SSE
   * id is made only when the event is read: most never need one (a message carries its last).
   */
  appendEntry(rseq: number, entry: string, place: number, at: number, eventJson: string): number {
    if (rseq !== this.last + 1) this.resetTo(rseq - 1);
    const slot = this.put(rseq, at, eventJson);
    this.entries[slot] = entry;
    this.places[slot] = place;
    return rseq;
  }

  override resetTo(rseq: number): void {
    super.resetTo(rseq);
    this.entries.fill(undefined);
  }

  protected override idAt(slot: number): string | undefined {
    const entry = this.entries[slot];
    if (entry === undefined) return undefined;
    return idAtPlace(entry, this.places[slot]!);
  }

  /**
   * The rseq of the event at position `id` (an SSE id: entry id, or `<entry id>:<k>`), when it
   * is still in this log; a position between two kept events maps to the one before it (nothing
   * was sent in between), a bare entry id to its entry's last event. Binary search: the ring is
   * in stream order.
   */
  rseqOfId(id: string): number | undefined {
    const wanted = parseEventPosition(id);
    if (wanted === undefined || this.last < this.firstRseq) return undefined;
    let lo = this.firstRseq;
    let hi = this.last;
    const at = (r: number): EventPosition | undefined => {
      const slot = (r - 1) % this.capacity;
      const entry = this.entries[slot];
      const streamId = entry === undefined ? undefined : parseStreamId(entry);
      if (entry === undefined || streamId === undefined) return undefined;
      const place = this.places[slot]!;
      return { ...streamId, entry, k: place < 0 ? Number.POSITIVE_INFINITY : place };
    };
    const first = at(lo);
    if (first === undefined || compareEventPositions(wanted, first) < 0) return undefined;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      const midAt = at(mid);
      if (midAt !== undefined && compareEventPositions(midAt, wanted) <= 0) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}
