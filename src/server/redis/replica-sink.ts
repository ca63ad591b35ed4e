import { applyEvent } from '../../core/apply';
import type { BookOptions, OrderBook } from '../../core/book';
import { createBook } from '../../core/book';
import type { StoredEvent } from './stream-entry';

/** Where a replica puts what it reads: the relay's state, or a plain book. */
export interface ReplicaSink {
  /** The book snapshots are written from; it must not change while the replica is frozen. */
  readonly book: OrderBook;
  /** Takes over a book restored from the stored snapshot, standing at cluster `rseq`. */
  restore(book: OrderBook, rseq: number): void;
  /** Applies one event of the stream, in order; returns the anomalies it recorded. */
  apply(stored: StoredEvent): number;
}

/** A bare book: for tools and tests that want the cluster state without a relay around it. */
export class BookSink implements ReplicaSink {
  book: OrderBook;

  constructor(options: BookOptions = {}) {
    this.book = createBook(options);
  }

  restore(book: OrderBook): void {
    this.book = book;
  }

  apply(stored: StoredEvent): number {
    return applyEvent(this.book, stored.event).anomalies;
  }
}
