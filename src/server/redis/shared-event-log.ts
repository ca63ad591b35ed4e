import type { LogItem } from '../event-log';
import { MemoryEventLog } from '../event-log';
import { compareStreamIds, parseStreamId } from './stream-id';

/**
 * The relay's resume log in Redis mode: the newest `capacity` events of the shared stream, as
 * this relay applied them, numbered with the cluster rseq (the same number on every relay) and
 * carrying their stream entry id (the SSE id). Older history stays readable from Redis itself.
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
   * The rseq of the event with entry id `id`, when it is still in this log; an id between two
   * kept entries maps to the one before it (nothing was sent in between). Binary search: the
   * ring is in id order.
   */
  rseqOfId(id: string): number | undefined {
    if (parseStreamId(id) === undefined || this.last < this.firstRseq) return undefined;
    let lo = this.firstRseq;
    let hi = this.last;
    const idAt = (r: number): string | undefined => this.slots[(r - 1) % this.capacity]?.id;
    const first = idAt(lo);
    if (first === undefined || compareStreamIds(id, first) < 0) return undefined;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      const midId = idAt(mid);
      if (midId !== undefined && compareStreamIds(midId, id) <= 0) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}
