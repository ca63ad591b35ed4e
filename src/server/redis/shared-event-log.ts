import type { LogItem } from '../event-log';
import { MemoryEventLog } from '../event-log';
import type { EventPosition } from './stream-id';
import { compareEventPositions, parseEventPosition } from './stream-id';

/**
 * The relay's resume log in Redis mode: the newest `capacity` events of the shared stream, as
 * this relay applied them, numbered with the cluster rseq (the same number on every relay) and
 * carrying their place in the stream (the SSE id: see `eventPositionId`). Older history stays readable from Redis itself.
 */
export class SharedEventLog extends MemoryEventLog {
  /** `logId`: the cluster's numbering is one for every relay on the same Redis keys. */
  constructor(capacity: number, logId: string) {
    super(capacity, logId);
  }

  /**
   * Appends a stream entry, its event given as the wire JSON the stream holds; a jump in rseq
   * (trimmed or lost history) restarts the log there.
   */
  appendEntry(rseq: number, id: string | undefined, at: number, eventJson: string): LogItem {
    if (rseq !== this.last + 1) this.resetTo(rseq - 1);
    return this.putJson(rseq, id, at, eventJson);
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
      const itemId = this.slots[(r - 1) % this.capacity]?.id;
      return itemId === undefined ? undefined : parseEventPosition(itemId);
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
