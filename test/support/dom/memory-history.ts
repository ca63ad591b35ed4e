import { applyEvent } from '../../../src/core/apply';
import { createBook } from '../../../src/core/book';
import type { Order } from '../../../src/core/order';
import type { HistoryLoader, HistoryReply, HistoryRequest } from '../../../src/store/history-store';
import { created, filled, moved } from '../stats-test-events';

/** `count` finished orders `h0000`…, built through the core; order i finished at start + i s. Newest first. */
export function finishedOrders(count: number, start: number): Order[] {
  const book = createBook();
  for (let i = 0; i < count; i++) {
    const id = `h${String(i).padStart(4, '0')}`;
    const at = start + i * 1_000;
    applyEvent(book, created(id, at, 1000, i % 2 === 0 ? 'BTC-USD' : 'ETH-USD'));
    applyEvent(book, moved(id, at + 100, 'OPEN'));
    if (i % 3 === 2) applyEvent(book, moved(id, at + 500, 'CANCELED', 'operator'));
    else applyEvent(book, filled(id, at + 500, 1000, 4));
  }
  return [...book.orders.values()].reverse();
}

/**
 * A relay's /api/history over a list, for view tests: the same paging contract (cursor = offset),
 * `q` as an id prefix, `status` filter. Answers can be failed or held to show loading and errors.
 */
export function memoryHistory(orders: readonly Order[]): {
  readonly load: HistoryLoader;
  readonly requests: HistoryRequest[];
  /** The next `n` answers are errors. */
  failNext(n: number): void;
  /** Answers wait until `release()`. */
  hold(): void;
  release(): void;
} {
  const requests: HistoryRequest[] = [];
  let failures = 0;
  let held: (() => void)[] | null = null;
  const answer = (r: HistoryRequest): HistoryReply => {
    if (failures > 0) {
      failures--;
      return { ok: false, error: 'the relay answered HTTP 503' };
    }
    const matching = orders.filter(
      (o) => (r.status === null || o.status === r.status) && (r.search === '' || o.client_order_id.startsWith(r.search)),
    );
    const from = r.cursor === null ? 0 : Number(r.cursor);
    const page = matching.slice(from, from + r.limit);
    const next = from + r.limit < matching.length ? String(from + r.limit) : null;
    return { ok: true, orders: page, nextCursor: next, skipped: 0, skipReason: null };
  };
  return {
    requests,
    load: (request) => {
      requests.push(request);
      if (held === null) return Promise.resolve(answer(request));
      const queue = held;
      return new Promise((resolve) => queue.push(() => resolve(answer(request))));
    },
    failNext: (n) => void (failures = n),
    hold: () => void (held ??= []),
    release: () => {
      const queue = held ?? [];
      held = null;
      for (const run of queue) run();
    },
  };
}
