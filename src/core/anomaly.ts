export const ANOMALY_KINDS = [
  'duplicate_order',
  'unknown_order',
  'invalid_transition',
  'fill_after_terminal',
  'fill_regression',
  'fill_before_open',
  'overfill',
  'future_timestamp',
] as const;

export type AnomalyKind = (typeof ANOMALY_KINDS)[number];

/** Something the engine sent that the lifecycle rules flag: where engine bugs surface. */
export interface Anomaly {
  readonly kind: AnomalyKind;
  readonly client_order_id: string;
  readonly engine: string;
  readonly seq: number | null;
  /** Epoch milliseconds of the event that raised it. */
  readonly ts: number;
  readonly detail: string;
}

export function zeroByAnomalyKind(): Record<AnomalyKind, number> {
  return {
    duplicate_order: 0,
    unknown_order: 0,
    invalid_transition: 0,
    fill_after_terminal: 0,
    fill_regression: 0,
    fill_before_open: 0,
    overfill: 0,
    future_timestamp: 0,
  };
}
