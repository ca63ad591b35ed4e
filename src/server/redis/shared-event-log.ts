import type { EventLog, LogItem } from '../event-log';
import { compareStreamIds, parseStreamId } from './stream-id';

/**
 * The relay's resume log in Redis mode: the newest `capacity` events of the shared stream, as
 * this relay applied them, numbered with the cluster rseq (the same number on every relay) and
 * carrying their stream entry id (the SSE id). Older history stays readable from Redis itself.
 */
export class SharedEventLog implements EventLog {
  private readonly slots: (LogItem | undefined)[];
  private last = 0;
  /** The first rseq this log holds since its last reset (a restore or a gap). */
  private base = 1;

  /** `logId`: the cluster's numbering is one for every relay on the same Redis keys. */
  constructor(
    readonly capacity: number,
    readonly logId: string,
  ) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`log capacity must be an integer ≥ 1, got ${capacity}`);
    this.slots = new Array<LogItem | undefined>(capacity);
  }

  /** Forgets everything and continues after `rseq` (the state was restored from a snapshot). */
  resetTo(rseq: number): void {
    this.slots.fill(undefined);
    this.last = rseq;
    this.base = rseq + 1;
  }

  /** Generic append (EventLog contract): the next cluster rseq, no entry id. */
  append(at: number, wireEvent: Readonly<Record<string, unknown>>): LogItem {
    return this.appendEntry(this.last + 1, undefined, at, wireEvent);
  }

  /** Appends a stream entry; a jump in rseq (trimmed or lost history) restarts the log there. */
  appendEntry(rseq: number, id: string | undefined, at: number, wireEvent: Readonly<Record<string, unknown>>): LogItem {
    if (rseq !== this.last + 1) this.resetTo(rseq - 1);
    this.last = rseq;
    const item: LogItem = { rseq, id, at, json: `{"rseq":${rseq},"at":${at},"event":${JSON.stringify(wireEvent)}}` };
    this.slots[(rseq - 1) % this.capacity] = item;
    return item;
  }

  readAfter(rseq: number, limit: number): readonly LogItem[] | 'gone' {
    if (!Number.isInteger(rseq) || rseq < this.firstRseq - 1 || rseq > this.last) return 'gone';
    const end = Math.min(this.last, rseq + Math.max(0, limit));
    const out: LogItem[] = [];
    for (let r = rseq + 1; r <= end; r++) out.push(this.slots[(r - 1) % this.capacity]!);
    return out;
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

  get firstRseq(): number {
    return Math.max(this.base, this.last - this.capacity + 1);
  }

  get lastRseq(): number {
    return this.last;
  }
}
