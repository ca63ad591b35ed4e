import type { FillEntry } from '../../core/order';
import { MAX_FILLS_KEPT } from '../../core/order';

export interface FillRow {
  readonly key: number;
  readonly at: number;
  /** This report's increments over the previous one. */
  readonly size: number;
  readonly value: number;
  readonly fees: number;
  /** Price of the increment: value / size; null when the size did not move. */
  readonly price: number | null;
  /** Cumulative totals as the engine reported them. */
  readonly cumSize: number;
  readonly cumValue: number;
  readonly cumFees: number;
  readonly cumPct: number;
}

export interface FillTable {
  readonly rows: readonly FillRow[];
  /** True when older fills were dropped (the first kept row's increment then covers them). */
  readonly truncated: boolean;
}

/** Cumulative fill reports with the increments computed between consecutive reports. */
/** `fills` is replaced, never mutated, by each fill (core/fills.ts): a new array is the one sign of a change. */
export function fillRows(fills: readonly FillEntry[], sizeUsd: number): FillTable {
  let size = 0;
  let value = 0;
  let fees = 0;
  const rows = fills.map((f, i): FillRow => {
    const row: FillRow = {
      key: i,
      at: f.at,
      size: f.filled_size - size,
      value: f.filled_value - value,
      fees: f.fees - fees,
      price: f.filled_size - size > 0 ? (f.filled_value - value) / (f.filled_size - size) : null,
      cumSize: f.filled_size,
      cumValue: f.filled_value,
      cumFees: f.fees,
      cumPct: Math.min(100, (f.filled_value / sizeUsd) * 100),
    };
    size = f.filled_size;
    value = f.filled_value;
    fees = f.fees;
    return row;
  });
  return { rows, truncated: fills.length >= MAX_FILLS_KEPT };
}
