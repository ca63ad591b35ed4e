import type { OrderBook } from '../../core/book';
import type { RelayState } from '../relay-state';
import { copyBookInto } from './copy-book';
import type { ReplicaSink } from './replica-sink';
import type { SharedEventLog } from './shared-event-log';
import type { StoredEvent } from './stream-entry';

/**
 * Puts the shared stream into the relay's own state: each event goes through the same step as
 * a locally ingested one (snapshot pre-images, core, log, fan-out), numbered with the cluster
 * rseq and carrying its entry id, so the hub and the SSE format work unchanged.
 */
export class RelaySink implements ReplicaSink {
  /** The event being applied, for `logCurrent`: one bound function instead of a closure per event. */
  private current: StoredEvent | undefined;
  private readonly logCurrent = (): number => {
    const stored = this.current!;
    return this.log.appendEntry(stored.rseq, stored.entry, stored.place, stored.at, stored.json);
  };

  constructor(
    private readonly state: RelayState,
    private readonly log: SharedEventLog,
  ) {}

  get book(): OrderBook {
    return this.state.book;
  }

  restore(book: OrderBook, rseq: number): void {
    copyBookInto(this.state.book, book);
    this.log.resetTo(rseq);
  }

  apply(stored: StoredEvent): number {
    this.current = stored;
    const anomalies = this.state.applyAccepted(stored.event, this.logCurrent).anomalies;
    this.current = undefined;
    return anomalies;
  }
}
