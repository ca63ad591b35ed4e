import type { ApplyResult } from '../core/apply';
import { applyEvent } from '../core/apply';
import type { OrderBook } from '../core/book';
import type { OrderEvent } from '../core/events';
import { decodeLine } from './decode';
import type { Line } from './line-splitter';

export interface Rejection {
  readonly line: number;
  readonly error: string;
}

/** What one batch of lines did: the ingest reply's body. */
export interface IngestTally {
  accepted: number;
  duplicates: number;
  anomalies: number;
  rejected: Rejection[];
}

export function emptyTally(): IngestTally {
  return { accepted: 0, duplicates: 0, anomalies: 0, rejected: [] };
}

/**
 * Decodes one line and applies it to the book (rules 1–7), updating the tally.
 * Returns the decoded event and its result when it passed dedup, so callers can log or
 * forward it; undefined when it was rejected or a duplicate.
 */
export function ingestLine(
  book: OrderBook,
  line: Line,
  tally: IngestTally,
  /** The relay's memory bounds: an error when the decoded event may not enter the book. */
  admit?: (event: OrderEvent) => string | undefined,
): { event: OrderEvent; result: ApplyResult } | undefined {
  if ('error' in line) {
    tally.rejected.push({ line: line.line, error: line.error });
    return undefined;
  }
  const decoded = decodeLine(line.text);
  if (!decoded.ok) {
    tally.rejected.push({ line: line.line, error: decoded.error });
    return undefined;
  }
  const refused = admit?.(decoded.event);
  if (refused !== undefined) {
    tally.rejected.push({ line: line.line, error: refused });
    return undefined;
  }
  const result = applyEvent(book, decoded.event);
  if (result.outcome === 'duplicate') {
    tally.duplicates++;
    return undefined;
  }
  tally.accepted++;
  tally.anomalies += result.anomalies;
  return { event: decoded.event, result };
}
