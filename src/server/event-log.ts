import { randomUUID } from 'node:crypto';
/**
 * One accepted event as the relay keeps and streams it. `json` is the stream item
 * `{"rseq":…,"at":…,"event":{…}}`, serialized once so fan-out to many clients is string
 * concatenation, never re-encoding.
 */
export interface LogItem {
  readonly rseq: number;
  /** Arrival time at the relay, epoch ms. */
  readonly at: number;
  /**
   * The wire event as JSON. The message item (`{rseq, at, event}`) is put together only when it
   * is sent: a relay keeps 100,000 of these, and most are never sent again.
   */
  readonly event: string;
  /** The SSE id when it is not the rseq: the Redis stream entry id in `--store` mode. */
  readonly id?: string | undefined;
}

/**
 * The relay's event log: what resume (`Last-Event-ID`) reads from. The in-memory ring below is
 * the default; a shared log (Redis Streams, issue 6) implements the same contract.
 */
export interface EventLog {
  /** Appends an accepted event (wire form) and returns it numbered with the next rseq. */
  append(at: number, wireEvent: Readonly<Record<string, unknown>>): LogItem;
  /**
   * Up to `limit` items after `rseq`, oldest first; `[]` when `rseq` is the newest.
   * `'gone'` when events after `rseq` are no longer all kept, or `rseq` is ahead of the log
   * (a client of an earlier relay process): the reader needs a snapshot.
   */
  readAfter(rseq: number, limit: number): readonly LogItem[] | 'gone';
  /** Oldest rseq still readable (`lastRseq + 1` when empty). */
  readonly firstRseq: number;
  /** Newest rseq handed out; 0 before the first event. */
  readonly lastRseq: number;
  /**
   * Names this numbering of rseq. A restarted in-memory relay numbers from 1 again under a new
   * id, so a client resuming with an rseq of the old numbering gets a snapshot instead of
   * another process's events.
   */
  readonly logId: string;
}

/** A bounded ring: memory is `capacity` items however long the relay runs. */
export class MemoryEventLog implements EventLog {
  protected readonly slots: (LogItem | undefined)[];
  protected last = 0;
  /** The first rseq this log holds since its last reset. */
  protected base = 1;

  constructor(
    readonly capacity: number,
    readonly logId: string = randomUUID(),
  ) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`log capacity must be an integer ≥ 1, got ${capacity}`);
    this.slots = new Array<LogItem | undefined>(capacity);
  }

  append(at: number, wireEvent: Readonly<Record<string, unknown>>): LogItem {
    return this.put(this.last + 1, undefined, at, wireEvent);
  }

  /** Forgets everything and continues after `rseq`. */
  resetTo(rseq: number): void {
    this.slots.fill(undefined);
    this.last = rseq;
    this.base = rseq + 1;
  }

  protected put(rseq: number, id: string | undefined, at: number, wireEvent: Readonly<Record<string, unknown>>): LogItem {
    return this.putJson(rseq, id, at, JSON.stringify(wireEvent));
  }

  /** `eventJson` is the wire event already serialized (the Redis stream stores it so). */
  protected putJson(rseq: number, id: string | undefined, at: number, eventJson: string): LogItem {
    this.last = rseq;
    const item: LogItem = { rseq, id, at, event: eventJson };
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

  get firstRseq(): number {
    return Math.max(this.base, this.last - this.capacity + 1);
  }

  get lastRseq(): number {
    return this.last;
  }
}
