import type { AnomalyKind } from '../../core/anomaly';

/** Each kind in words an operator can act on: what the engine did wrong. */
export const ANOMALY_TEXT: Readonly<Record<AnomalyKind, { readonly label: string; readonly meaning: string }>> = {
  invalid_transition: { label: 'Invalid transition', meaning: 'a status move the lifecycle forbids' },
  unknown_order: { label: 'Unknown order', meaning: 'an event for an order never created' },
  duplicate_order: { label: 'Duplicate order', meaning: 'order_created for an id that exists' },
  fill_after_terminal: { label: 'Fill after terminal', meaning: 'a fill on a finished order' },
  fill_regression: { label: 'Fill regression', meaning: 'cumulative totals went down' },
  fill_before_open: { label: 'Fill before open', meaning: 'a fill while NEW (opened implicitly)' },
  overfill: { label: 'Overfill', meaning: 'filled beyond 100.1% of size' },
  future_timestamp: { label: 'Future timestamp', meaning: "ts ahead of the relay's clock (engine clock wrong)" },
};
