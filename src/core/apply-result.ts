import type { Order } from './order';

/**
 * - `applied`: the book changed (possibly with anomalies recorded too);
 * - `unchanged`: looked at, changed nothing (a flagged anomaly or a no-op);
 * - `duplicate`: skipped by the per-engine seq rule.
 */
export type ApplyOutcome = 'applied' | 'unchanged' | 'duplicate';

/**
 * What one `applyEvent` did. The book owns a single one and overwrites it on each event (an
 * object per event was a third of the core's garbage): read it before applying the next event to
 * the same book, copy it to keep it.
 */
export interface ApplyResult {
  readonly outcome: ApplyOutcome;
  /** The order the event touched, when it exists. */
  readonly order: Order | undefined;
  /** Anomalies this event recorded. */
  readonly anomalies: number;
}

/** The book's side of ApplyResult: only `applyEvent` writes it. */
export interface ApplyResultSlot {
  outcome: ApplyOutcome;
  order: Order | undefined;
  anomalies: number;
}
