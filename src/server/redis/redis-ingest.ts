import type { OrderEvent } from '../../core/events';
import { decodeEvent, decodeLine, eventOf } from '../../protocol/decode';
import type { IngestTally, LineFault } from '../../protocol/ingest';
import { isolateLine } from '../../protocol/ingest';
import type { PendingGrowth } from '../book-limits';
import { noPendingGrowth } from '../book-limits';
import type { Line } from '../../protocol/line-splitter';
import type { ClusterReplica } from './cluster-replica';
import { canonicalPayload, encodeEventPayload } from './stream-entry';

/**
 * Events per stream entry at most. A request body usually arrives in pieces of a few hundred
 * lines, one entry each; a JSON array body is split so that no entry (which every relay reads
 * and applies in one go) holds more.
 */
export const MAX_EVENTS_PER_ENTRY = 2_000;

/** How long an ingest reply waits for this relay to apply what it appended (for `anomalies`). */
const SETTLE_MS = 5_000;

/**
 * Ingest in Redis mode, one request's worth. Rule 1 (decode) runs here as always; rule 2
 * (dedup) runs in Redis, atomically across relays; rules 3–7 run when every relay, this one
 * included, reads the event back from the stream. The reply therefore waits, at the end of the
 * request, until this relay has applied its own events, and reports their anomalies.
 */
export class RedisIngest {
  private lastId: string | undefined;
  /** The entries this request's events went into (one per append). */
  private readonly ids: string[] = [];

  constructor(
    private readonly replica: ClusterReplica,
    private readonly now: () => number,
    private readonly onRejected: (count: number) => void,
    /** Duplicates are found in Redis, not by the book: counted here for /metrics. */
    private readonly onDuplicates: (count: number) => void,
    /**
     * The relay's memory bounds, checked against this relay's book before anything is appended
     * (so no peer ever applies a refused event); `pending` counts the batch's own growth.
     */
    private readonly admit: (event: OrderEvent, pending: PendingGrowth) => string | undefined = () => undefined,
    private readonly onFault?: LineFault,
    /** The relay's clock check, before the event is shared: every relay applies the same stamped event. */
    private readonly stamp: (event: OrderEvent) => OrderEvent = (event) => event,
  ) {}

  /** Throws when Redis cannot take the batch; what was appended before stays appended. */
  async accept(lines: readonly Line[], tally: IngestTally): Promise<void> {
    const events: OrderEvent[] = [];
    const payloads: string[] = [];
    let rejected = 0;
    const pending = noPendingGrowth();
    for (const line of lines) {
      if ('error' in line) {
        tally.rejected.push({ line: line.line, error: line.error });
        rejected++;
        continue;
      }
      const before = tally.rejected.length;
      isolateLine(line.line, tally, () => this.check(line.text, line.line, tally, pending, events, payloads), this.onFault);
      rejected += tally.rejected.length - before;
    }
    if (rejected > 0) this.onRejected(rejected);
    if (events.length === 0) return;
    for (let from = 0; from < events.length; from += MAX_EVENTS_PER_ENTRY) {
      const to = from + MAX_EVENTS_PER_ENTRY;
      const appended = await this.replica.append(events.slice(from, to), this.now(), payloads.slice(from, to));
      if (appended.id !== undefined) {
        this.lastId = appended.id;
        this.ids.push(appended.id);
      }
      tally.accepted += appended.accepted;
      tally.duplicates += appended.duplicates;
      if (appended.duplicates > 0) this.onDuplicates(appended.duplicates);
    }
  }

  /** Rule 1 and the memory bounds for one line: its event and payload queued, or its rejection in `tally`. */
  private check(text: string, line: number, tally: IngestTally, pending: PendingGrowth, events: OrderEvent[], payloads: string[]): void {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      value = undefined;
    }
    const read = eventOf(value);
    const event = read === undefined ? undefined : this.stamp(read);
    const refused = event === undefined ? undefined : this.admit(event, pending);
    if (refused !== undefined) {
      tally.rejected.push({ line, error: refused });
      return;
    }
    if (event !== undefined) {
      events.push(event);
      // A stamped event (moved to the relay's clock) is not what the engine wrote: encode it afresh.
      payloads.push(event === read ? canonicalPayload(text, value, event) : encodeEventPayload(event));
      return;
    }
    // Decoded again only when rejected: the full decode words the error.
    const decoded = value === undefined ? decodeLine(text) : decodeEvent(value);
    tally.rejected.push({ line, error: decoded.ok ? 'invalid event' : decoded.error });
  }

  /** Waits until this relay has applied what the request appended, then counts anomalies. */
  async settle(tally: IngestTally): Promise<void> {
    if (this.lastId === undefined) return;
    await this.replica.waitFor(this.lastId, SETTLE_MS);
    tally.anomalies += this.replica.anomaliesOf(this.ids);
  }
}
