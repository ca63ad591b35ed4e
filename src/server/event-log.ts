import { randomUUID } from 'node:crypto';
import type { EncodedItem } from '../protocol/stream-messages';
/**
 * One accepted event as the relay streams it (protocol/stream-messages.ts): the stream item
 * `{"rseq":…,"at":…,"event":{…}}` is put together from these by string concatenation, never by
 * re-encoding the event.
 */
export type LogItem = EncodedItem;

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
  /** JSON bytes of kept events it holds at most (the newest event is always kept). */
  readonly byteBudget: number;
  /** JSON bytes of the events it holds now. */
  readonly bytesHeld: number;
  /**
   * Called with the oldest rseq just before the log forgets it to stay within its budgets: the
   * fan-out sends what it has not yet sent before the log lets it go. One listener.
   */
  onForget(listener: (rseq: number) => void): void;
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
 * A bounded ring: memory is `capacity` events and `byteBudget` bytes of their JSON however long
 * the relay runs (a count alone let 100,000 events of 1 MiB each pile up). It is kept in
 * columns, not as an item object per event: a relay keeps 100,000 events while thousands a
 * second arrive, and every object that outlives a young-generation collection is copied and
 * traced by the garbage collector. Items are made when read.
 */
export class MemoryEventLog implements EventLog {
  private readonly events: (string | undefined)[];
  private readonly ats: Float64Array;
  /**
   * Bytes appended before each kept event (a running total): the bytes held from rseq r on are
   * `appended − starts[r]`, so the byte bound costs one number per slot and no per-event object.
   */
  private readonly starts: Float64Array;
  private appended = 0;
  protected last = 0;
  /** The first rseq this log holds since its last reset. */
  protected base = 1;
  /** The oldest rseq the byte budget still lets it keep. */
  private byteFloor = 1;
  private forgetListener: ((rseq: number) => void) | undefined;

  constructor(
    readonly capacity: number,
    readonly logId: string = randomUUID(),
    readonly byteBudget: number = Number.POSITIVE_INFINITY,
  ) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`log capacity must be an integer ≥ 1, got ${capacity}`);
    if (!(byteBudget >= 1)) throw new RangeError(`log byte budget must be ≥ 1, got ${byteBudget}`);
    this.events = new Array<string | undefined>(capacity);
    this.ats = new Float64Array(capacity);
    this.starts = new Float64Array(capacity);
  }

  onForget(listener: (rseq: number) => void): void {
    this.forgetListener = listener;
  }

  get bytesHeld(): number {
    return this.last < this.firstRseq ? 0 : this.appended - this.starts[(this.firstRseq - 1) % this.capacity]!;
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
    this.byteFloor = rseq + 1;
  }

  /** Stores event `rseq` (its wire JSON); returns its slot in the ring. */
  protected put(rseq: number, at: number, eventJson: string): number {
    const bytes = Buffer.byteLength(eventJson);
    // Before anything is overwritten or forgotten, so the listener can still read what goes.
    const first = this.firstRseq;
    if (
      this.forgetListener !== undefined &&
      this.last >= first &&
      (rseq - first >= this.capacity || this.bytesHeld + bytes > this.byteBudget)
    )
      this.forgetListener(first);
    this.last = rseq;
    const slot = (rseq - 1) % this.capacity;
    this.events[slot] = eventJson;
    this.ats[slot] = at;
    this.starts[slot] = this.appended;
    this.appended += bytes;
    this.forgetOverBudget();
    return slot;
  }

  /** Moves the floor past the oldest events until the rest fit the byte budget (the newest always stays). */
  private forgetOverBudget(): void {
    let floor = Math.max(this.byteFloor, this.last - this.capacity + 1, this.base);
    while (floor < this.last && this.appended - this.starts[(floor - 1) % this.capacity]! > this.byteBudget) {
      this.events[(floor - 1) % this.capacity] = undefined;
      floor++;
    }
    this.byteFloor = floor;
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
    return Math.max(this.base, this.last - this.capacity + 1, this.byteFloor);
  }

  get lastRseq(): number {
    return this.last;
  }
}
