import { describe, expect, it } from 'vitest';
import { finishedOrders } from '../../test/support/dom/memory-history';
import type { Order } from '../core/order';
import { NO_HISTORY_FILTERS } from './history-params';
import type { HistoryLoader, HistoryReply, HistoryState, HistoryStore } from './history-store';
import { createHistoryStore, MAX_HISTORY_LOADED } from './history-store';

const T0 = Date.parse('2026-12-03T08:00:00Z');
const [BASE] = finishedOrders(1, T0);

/** Pages of `total` orders (cursor = offset), each `{...BASE, client_order_id: 'o<n>'}`, or what `reply` says. */
function pager(total: number, reply?: (offset: number) => HistoryReply | Promise<HistoryReply>): HistoryLoader {
  return (request) => {
    const offset = request.cursor === null ? 0 : Number(request.cursor);
    if (reply !== undefined) return Promise.resolve(reply(offset));
    const orders: Order[] = [];
    for (let i = offset; i < Math.min(total, offset + request.limit); i++) orders.push({ ...BASE!, client_order_id: `o${i}` });
    const next = offset + request.limit < total ? String(offset + request.limit) : null;
    return Promise.resolve({ ok: true, orders, nextCursor: next, skipped: 0, skipReason: null });
  };
}

function settle(history: HistoryStore): Promise<HistoryState> {
  return new Promise((resolve) => {
    const check = (s: HistoryState): boolean => s.list.phase !== 'loading';
    if (check(history.store.getState())) return resolve(history.store.getState());
    const stop = history.store.subscribe((s) => {
      if (check(s)) {
        stop();
        resolve(s);
      }
    });
  });
}

describe('history store', () => {
  it('stops at MAX_HISTORY_LOADED orders and says the list was capped, not ended', async () => {
    const history = createHistoryStore(pager(MAX_HISTORY_LOADED + 250));
    history.show(NO_HISTORY_FILTERS);
    let s = await settle(history);
    for (let pages = 0; s.list.phase === 'ready' && pages < 200; pages++) {
      history.loadMore();
      s = await settle(history);
    }
    expect(s.list.orders).toHaveLength(MAX_HISTORY_LOADED);
    expect(s.list).toMatchObject({ phase: 'end', capped: true });
  });

  it('keeps each order once when pages overlap, and adds up unreadable rows', async () => {
    const page = (offset: number): HistoryReply => ({
      ok: true,
      orders: [
        { ...BASE!, client_order_id: `o${offset}` },
        { ...BASE!, client_order_id: `o${offset + 1}` },
      ],
      nextCursor: offset === 0 ? '1' : null,
      skipped: 1,
      skipReason: `orders[2].symbol: too long (page ${offset})`,
    });
    const history = createHistoryStore(pager(0, page));
    history.show(NO_HISTORY_FILTERS);
    await settle(history);
    history.loadMore();
    const s = await settle(history);
    expect(s.list.orders.map((o) => o.client_order_id)).toEqual(['o0', 'o1', 'o2']);
    expect(s.list).toMatchObject({ skipped: 2, skipReason: 'orders[2].symbol: too long (page 0)', phase: 'end' });
  });

  it('a loader that throws is an error with a retry, never a stuck "loading…"', async () => {
    let calls = 0;
    const history = createHistoryStore((request, signal) => {
      calls++;
      return calls === 1 ? Promise.reject(new Error('boom')) : pager(3)(request, signal);
    });
    history.show(NO_HISTORY_FILTERS);
    expect((await settle(history)).list).toMatchObject({ phase: 'error', error: 'boom' });
    history.loadMore();
    expect(calls).toBe(1);
    history.retry();
    expect((await settle(history)).list).toMatchObject({ phase: 'end', error: null });
    expect(history.store.getState().list.orders).toHaveLength(3);
  });

  it('keeps the newest 50 lookups, and finds a loaded row without asking', async () => {
    let asked = 0;
    const history = createHistoryStore((request, signal) => {
      asked++;
      return pager(3)(request, signal);
    });
    history.show(NO_HISTORY_FILTERS);
    await settle(history);
    asked = 0;
    history.lookup('o1');
    expect(asked).toBe(0);
    expect(history.store.getState().lookups.o1).toMatchObject({ state: 'found' });
    for (let i = 0; i < 60; i++) history.lookup(`x${i}`);
    const lookups = Object.keys(history.store.getState().lookups);
    expect(lookups).toHaveLength(50);
    expect(lookups.at(-1)).toBe('x59');
    expect(lookups).not.toContain('o1');
  });
});
