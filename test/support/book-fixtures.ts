import { applyEvent } from '../../src/core/apply';
import type { OrderBook } from '../../src/core/book';
import { createBook } from '../../src/core/book';
import { scanBook } from '../../src/store/book-scan';
import type { StaleEntry, StaleThresholds } from '../../src/core/stale-rules';
import { staleTop } from '../../src/core/stale-rules';
import type { Side } from '../../src/core/order';
import type { Status } from '../../src/core/status';

/** Test support: builds books through the real core, so fixtures obey the lifecycle rules. */
export interface OrderSpec {
  readonly id: string;
  readonly createdAt: number;
  readonly status?: Status;
  readonly symbol?: string;
  readonly side?: Side;
  readonly engine?: string;
  readonly route?: string;
  readonly sizeUsd?: number;
  /** Filled value in USD (the order opens first when > 0). */
  readonly filled?: number;
  readonly orderId?: string;
  /** When the last status change happened (default createdAt + 1 s). */
  readonly updatedAt?: number;
}

export function addOrder(book: OrderBook, spec: OrderSpec): void {
  const engine = spec.engine ?? 'eng-1';
  const base = { client_order_id: spec.id, engine };
  const at = spec.updatedAt ?? spec.createdAt + 1000;
  applyEvent(book, {
    ...base,
    type: 'order_created',
    ts: spec.createdAt,
    symbol: spec.symbol ?? 'BTC-USD',
    side: spec.side ?? 'buy',
    size_usd: spec.sizeUsd ?? 1000,
    route: spec.route ?? 'paper',
  });
  const status = spec.status ?? 'NEW';
  if (status === 'NEW') return;
  if (status === 'REJECTED' || status === 'FAILED') {
    applyEvent(book, { ...base, type: 'order_transition', ts: at, status });
    return;
  }
  applyEvent(book, { ...base, type: 'order_transition', ts: at, status: 'OPEN', order_id: spec.orderId ?? `x-${spec.id}` });
  if ((spec.filled ?? 0) > 0)
    applyEvent(book, {
      ...base,
      type: 'order_fill',
      ts: at,
      filled_size: (spec.filled ?? 0) / 100,
      filled_value: spec.filled ?? 0,
      fees: 0.1,
    });
  if (status === 'CANCELED' || status === 'EXPIRED' || (status === 'FILLED' && (spec.filled ?? 0) < (spec.sizeUsd ?? 1000))) {
    applyEvent(book, { ...base, type: 'order_transition', ts: at, status });
  }
}

export function bookOf(specs: readonly OrderSpec[]): OrderBook {
  const book = createBook();
  for (const spec of specs) addOrder(book, spec);
  return book;
}

/** Every stale order of `book`, worst first with its reason, as the stale panel lists them. */
export function staleEntriesOf(book: OrderBook, now: number, t: StaleThresholds): StaleEntry[] {
  return staleTop(scanBook(book, now, t).stale, now, t, Infinity).entries;
}
