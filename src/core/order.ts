import type { Status } from './status';

export type Side = 'buy' | 'sell';

/** Why a status changed: an explicit engine transition, a fill's auto-transition, or implied by a fill on a NEW order. */
export type Cause = 'transition' | 'fill' | 'implicit';

export interface HistoryEntry {
  readonly from: Status;
  readonly to: Status;
  /** Epoch milliseconds. */
  readonly at: number;
  readonly cause: Cause;
  /** The engine's stated reason, when it gave one (e.g. a reject reason). */
  readonly reason?: string;
}

/** One cumulative fill report, as the engine sent it. */
export interface FillEntry {
  readonly at: number;
  readonly filled_size: number;
  readonly filled_value: number;
  readonly fees: number;
}

/**
 * An order's full state. Timestamps are epoch milliseconds (null until they happen).
 * Mutated in place by the book: `rev` increases on every change so views can tell.
 */
export interface Order {
  readonly client_order_id: string;
  order_id: string | null;
  readonly engine: string;
  readonly symbol: string;
  readonly side: Side;
  readonly size_usd: number;
  readonly route: string;
  status: Status;
  filled_size: number;
  filled_value: number;
  fees: number;
  avg_price: number | null;
  fill_pct: number;
  readonly created_at: number;
  submitted_at: number | null;
  first_fill_at: number | null;
  completed_at: number | null;
  last_update_at: number;
  /** Replaced (never mutated in place) on each change, so each array is exactly as long as it needs. */
  history: readonly HistoryEntry[];
  /** The newest MAX_FILLS_KEPT fill reports; replaced like `history`. */
  fills: readonly FillEntry[];
  rev: number;
}

/** Fills kept per order for its timeline; older ones are summarised by the cumulative totals. */
export const MAX_FILLS_KEPT = 64;

/**
 * A copy of `items` plus `item`, keeping the newest `max`. Exact capacity on purpose: `push`
 * reserves 16 spare slots per array, which across 100k held orders was a fifth of the heap.
 * @example appendExact([1, 2], 3, 2) // [2, 3]
 */
export function appendExact<T>(items: readonly T[], item: T, max = Number.POSITIVE_INFINITY): T[] {
  const skip = items.length >= max ? items.length - max + 1 : 0;
  const n = items.length - skip;
  const out = new Array<T>(n + 1);
  for (let i = 0; i < n; i++) out[i] = items[i + skip]!;
  out[n] = item;
  return out;
}
