import type { ApplyResult } from '../core/apply';
import { applyEvent } from '../core/apply';
import type { OrderBook } from '../core/book';
import type { OrderEvent } from '../core/events';
import { canonicalEvent } from '../core/events';
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

/** What a line that made the relay's own code throw is told: the fault is ours, the line is only rejected. */
export const INTERNAL_ERROR = 'internal error (logged on the relay with this line number)';

/** Told about a line whose handling threw, so the host can log it with the line number. */
export type LineFault = (line: number, error: unknown) => void;

/**
 * Runs one line's step; an exception becomes that line's rejection, never the request's
 * failure, so the lines after it are still read (a poison line must not stall an engine's queue).
 */
export function isolateLine<T>(line: number, tally: IngestTally, step: () => T, onFault?: LineFault): T | undefined {
  try {
    return step();
  } catch (error) {
    tally.rejected.push({ line, error: INTERNAL_ERROR });
    onFault?.(line, error);
    return undefined;
  }
}

/** What the relay adds to the plain ingest step; the replay CLI uses none of it. */
export interface IngestHooks {
  /** The relay's memory bounds: an error when the decoded event may not enter the book. */
  readonly admit?: ((event: OrderEvent) => string | undefined) | undefined;
  /** The relay's clock check (`stampReceipt`), before the event is applied and logged. */
  readonly stamp?: ((event: OrderEvent) => OrderEvent) | undefined;
  readonly onFault?: LineFault | undefined;
}

/**
 * An event stamped more than `maxAheadMs` past the relay's `now` is applied at `now` with its own
 * ts kept as `engine_ts` (the core flags it `future_timestamp`): a ts in year 9999 would leave
 * the order never stale and its age negative. An `engine_ts` an engine sent is dropped: only
 * the relay sets it.
 */
export function stampReceipt(event: OrderEvent, now: number, maxAheadMs: number): OrderEvent {
  if (event.ts - now > maxAheadMs) return { ...canonicalEvent(event), ts: now, engine_ts: event.ts };
  return event.engine_ts === undefined ? event : canonicalEvent({ ...event, engine_ts: undefined });
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
  hooks: IngestHooks = {},
): { event: OrderEvent; result: ApplyResult } | undefined {
  return isolateLine(line.line, tally, () => decodeAndApply(book, line, tally, hooks), hooks.onFault);
}

function decodeAndApply(
  book: OrderBook,
  line: Line,
  tally: IngestTally,
  hooks: IngestHooks,
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
  const refused = hooks.admit?.(decoded.event);
  if (refused !== undefined) {
    tally.rejected.push({ line: line.line, error: refused });
    return undefined;
  }
  const event = hooks.stamp === undefined ? decoded.event : hooks.stamp(decoded.event);
  const result = applyEvent(book, event);
  if (result.outcome === 'duplicate') {
    tally.duplicates++;
    return undefined;
  }
  tally.accepted++;
  tally.anomalies += result.anomalies;
  return { event, result };
}
