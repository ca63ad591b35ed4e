import { randomUUID } from 'node:crypto';
/**
 * One accepted event as the relay streams it: the stream item `{"rseq":…,"at":…,"event":{…}}`
 * is put together from these by string concatenation, never by re-encoding the event.
 */
export interface LogItem {
  readonly rseq: number;
  /** Arrival time at the relay, epoch ms. */
  readonly at: number;
  /** The wire event as JSON. */
  readonly event: string;
  /** The SSE id when it is not the rseq: the Redis stream entry id in `--store` mode. */
  readonly id?: string | undefined;
}

/**
 * The relay's event log: what resume (`Last-Event-ID`) reads from. The in-memory ring below is
 * the default; a shared log (Redis Streams, issue 6) implements the same contract.
 */
export interface EventLog {
  /** Appends an accepted event (wire form) and returns its rseq, the next one. */
  append(at: number, wireEvent: Readonly<Record<string, unknown>>): number;
  /**
   * Up to `limit` items after `rseq`, oldest first; `[]` when `rseq` is the newest.
   * `'gone'` when events after `rseq` are no longer all kept, or `rseq` is ahead of the log
   * (a client of an earlier relay process): the reader needs a snapshot.
   */
  readAfter(rseq: number, limit: number): readonly LogItem[] | 'gone';
  /** Oldest rseq still readable (`lastRseq + 1` when empty). */
  readonly firstRseq: number;
  /** Events it keeps at most. */
  readonly capacity: number;
  /** Newest rseq handed out; 0 before the first event. */
  readonly lastRseq: number;
  /**
   * Names this numbering of rseq. A restarted in-memory relay numbers from 1 again under a new
   * id, so a client resuming with an rseq of the old numbering gets a snapshot instead of
   * another process's events.
   */
  readonly logId: string;
}

/**
 * A bounded ring: memory is `capacity` events however long the relay runs. It is kept in
 * columns, not as an item object per event: a relay keeps 100,000 events while thousands a
 * second arrive, and every object that outlives a young-generation collection is copied and
 * traced by the garbage collector. Items are made when read.
 */
export class MemoryEventLog implements EventLog {
  private readonly events: (string | undefined)[];
  private readonly ats: Float64Array;
  protected last = 0;
  /** The first rseq this log holds since its last reset. */
  protected base = 1;

  constructor(
    readonly capacity: number,
    readonly logId: string = randomUUID(),
  ) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`log capacity must be an integer ≥ 1, got ${capacity}`);
    this.events = new Array<string | undefined>(capacity);
    this.ats = new Float64Array(capacity);
  }

  append(at: number, wireEvent: Readonly<Record<string, unknown>>): number {
    const rseq = this.last + 1;
    this.put(rseq, at, JSON.stringify(wireEvent));
    return rseq;
  }

  /** Forgets everything and continues after `rseq`. */
  resetTo(rseq: number): void {
    this.events.fill(undefined);
    this.last = rseq;
    this.base = rseq + 1;
  }

  /** Stores event `rseq` (its wire JSON); returns its slot in the ring. */
  protected put(rseq: number, at: number, eventJson: string): number {
    this.last = rseq;
    const slot = (rseq - 1) % this.capacity;
    this.events[slot] = eventJson;
    this.ats[slot] = at;
    return slot;
  }

  /** The SSE id of the event in `slot`, when it is not its rseq. */
  protected idAt(_slot: number): string | undefined {
    return undefined;
  }

  readAfter(rseq: number, limit: number): readonly LogItem[] | 'gone' {
    if (!Number.isInteger(rseq) || rseq < this.firstRseq - 1 || rseq > this.last) return 'gone';
    const end = Math.min(this.last, rseq + Math.max(0, limit));
    const out: LogItem[] = [];
    for (let r = rseq + 1; r <= end; r++) {
      const slot = (r - 1) % this.capacity;
      out.push({ rseq: r, at: this.ats[slot]!, event: this.events[slot]!, id: this.idAt(slot) });
    }
    return out;
  }

  get firstRseq(): number {
    return Math.max(this.base, this.last - this.capacity + 1);
  }

  get lastRseq(): number {
    return this.last;
  }
}
