import type { OrderBook } from '../core/book';
import { anomalyToJson } from '../protocol/order-json';

/** Anomalies one page lists at most, and its bytes: like a stream message, never a huge one. */
export const MAX_PAGE_ANOMALIES = 1_000;
export const MAX_PAGE_BYTES = 1024 * 1024;
export const DEFAULT_PAGE_ANOMALIES = 200;

export type PageQuery =
  { readonly ok: true; readonly before: number; readonly limit: number } | { readonly ok: false; readonly error: string };

/** `before` and `limit` from `GET /api/anomalies`; `before` absent means "from the newest". */
export function readPageQuery(book: OrderBook, before: string | undefined, limit: string | undefined): PageQuery {
  const b = before === undefined ? book.anomalyTotal + 1 : Number(before);
  if (before !== undefined && (before.trim() === '' || !Number.isInteger(b) || b < 1))
    return { ok: false, error: `before: want an anomaly number ≥ 1 (a snapshot's anomalies_first), got ${before}` };
  const l = limit === undefined ? DEFAULT_PAGE_ANOMALIES : Number(limit);
  if (limit !== undefined && (limit.trim() === '' || !Number.isInteger(l) || l < 1 || l > MAX_PAGE_ANOMALIES))
    return { ok: false, error: `limit: want an integer from 1 to ${MAX_PAGE_ANOMALIES}, got ${limit}` };
  return { ok: true, before: b, limit: l };
}

/**
 * The anomalies numbered below `before` (anomaly n is the n-th the book recorded), newest
 * `limit` of them within MAX_PAGE_BYTES, listed oldest first, as JSON:
 * `{"anomalies":[…],"first":n,"held_from":m,"total":t}`. `first` is the number of the first
 * listed (ask `before=first` for the page before); `held_from` the oldest the relay still
 * holds, so `first <= held_from` means there is nothing older to ask for.
 */
export function anomalyPageJson(book: OrderBook, before: number, limit: number): string {
  const held = book.anomalies.toArray();
  const heldFrom = book.anomalyTotal - held.length + 1;
  const end = Math.max(0, Math.min(held.length, before - heldFrom));
  const out: string[] = [];
  let bytes = 0;
  for (let i = end - 1; i >= 0 && out.length < limit; i--) {
    const json = JSON.stringify(anomalyToJson(held[i]!));
    bytes += Buffer.byteLength(json) + 1;
    if (bytes > MAX_PAGE_BYTES && out.length > 0) break;
    out.push(json);
  }
  out.reverse();
  return `{"anomalies":[${out.join(',')}],"first":${heldFrom + end - out.length},"held_from":${heldFrom},"total":${book.anomalyTotal}}`;
}
