import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHistoryClient } from '../src/client/history-client';
import type { OrderEvent } from '../src/core/events';
import type { RunningRelay } from '../src/server/relay';
import { startRelay } from '../src/server/relay';
import type { HistoryFilters } from '../src/store/history-params';
import { NO_HISTORY_FILTERS } from '../src/store/history-params';
import type { HistoryState, HistoryStore } from '../src/store/history-store';
import { createHistoryStore, HISTORY_PAGE_SIZE } from '../src/store/history-store';
import { created, filled, moved, T0 } from './support/event-builders';
import { ndjson, postEvents } from './support/relay-post';

/*
 * The History view's data path against a real relay with a journal on a loopback port: the
 * client's requests and decoding, and the store's paging by cursor, lookups and errors.
 */

const ORDERS = 250;

/** Order i: created at T0 + i s and finished half a second later; every fifth rejected, every fifth from 3 cancelled. */
function finishedOrders(): OrderEvent[] {
  const events: OrderEvent[] = [];
  for (let i = 0; i < ORDERS; i++) {
    const id = `hc${String(i).padStart(4, '0')}`;
    const at = T0 + i * 1_000;
    const common = { engine: `eng-${i % 2}`, ts: at };
    events.push(created(id, { ...common, symbol: i % 2 === 0 ? 'BTC-USD' : 'ETH-USD', side: i % 4 === 0 ? 'sell' : 'buy' }));
    if (i % 5 === 4) {
      events.push(moved(id, 'REJECTED', { ...common, ts: at + 500, reason: 'insufficient margin' }));
      continue;
    }
    events.push(moved(id, 'OPEN', { ...common, ts: at + 100, order_id: `ex-${i}` }));
    if (i % 5 === 3) events.push(moved(id, 'CANCELED', { ...common, ts: at + 500 }));
    else events.push(filled(id, 1_000, { ...common, ts: at + 500 }));
  }
  return events;
}

/** Resolves once the store's state satisfies `done` (bounded: fails after `ms` rather than hanging). */
function until(history: HistoryStore, done: (s: HistoryState) => boolean, ms = 10_000): Promise<HistoryState> {
  return new Promise((resolve, reject) => {
    if (done(history.store.getState())) return resolve(history.store.getState());
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`history state never matched: ${JSON.stringify(history.store.getState().list.phase)}`));
    }, ms);
    const stop = history.store.subscribe((s) => {
      if (!done(s)) return;
      clearTimeout(timer);
      stop();
      resolve(s);
    });
  });
}

const settled = (s: HistoryState): boolean => s.list.phase !== 'loading' && s.list.phase !== 'idle';

describe('history client and store against a relay with a journal', () => {
  let relay: RunningRelay | undefined;
  const dirs: string[] = [];
  afterEach(async () => {
    await relay?.close();
    relay = undefined;
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  async function started(extra: Parameters<typeof startRelay>[0] = {}, headers: Record<string, string> = {}): Promise<RunningRelay> {
    const dir = mkdtempSync(join(tmpdir(), 'orderwatch-history-client-'));
    dirs.push(dir);
    relay = await startRelay({ port: 0, logLevel: 'silent', dataDir: dir, keepTerminal: 10, ...extra });
    const { status } = await postEvents(relay.url, ndjson(finishedOrders()), headers);
    expect(status).toBe(200);
    return relay;
  }

  const storeFor = (r: RunningRelay, token: string | null = null): HistoryStore =>
    createHistoryStore(createHistoryClient({ fetch: (url, init) => fetch(url, init), baseUrl: r.url, token }));

  it('scrolls every finished order in once, newest first, page by page to the end', async () => {
    const history = storeFor(await started());
    history.show(NO_HISTORY_FILTERS);
    let s = await until(history, settled);
    expect(s.list.orders).toHaveLength(HISTORY_PAGE_SIZE);
    expect(s.list.phase).toBe('ready');
    for (let pages = 1; s.list.phase === 'ready' && pages < 10; pages++) {
      history.loadMore();
      s = await until(history, settled);
    }
    expect(s.list.phase).toBe('end');
    expect(s.list.error).toBeNull();
    const ids = s.list.orders.map((o) => o.client_order_id);
    expect(ids).toHaveLength(ORDERS);
    expect(new Set(ids).size).toBe(ORDERS);
    expect(ids[0]).toBe('hc0249');
    expect(ids[ORDERS - 1]).toBe('hc0000');
    // A full order each: its timeline and fills came with it.
    const first = s.list.orders.find((o) => o.client_order_id === 'hc0000')!;
    expect(first.history.map((h) => h.to)).toEqual(['OPEN', 'FILLED']);
    expect(first.fills).toHaveLength(1);
    expect(s.engines).toEqual(['eng-0', 'eng-1']);
    // loadMore at the end asks nothing more.
    history.loadMore();
    expect(history.store.getState().list.phase).toBe('end');
  });

  it('sends the filters: status, engine, side, symbol and a completion time range', async () => {
    const history = storeFor(await started());
    const filters: HistoryFilters = {
      ...NO_HISTORY_FILTERS,
      status: 'FILLED',
      engine: 'eng-0',
      side: 'sell',
      symbol: 'BTC-USD',
      from: T0 + 100_000,
      to: T0 + 200_000,
    };
    history.show(filters);
    const s = await until(history, settled);
    expect(s.list.phase).toBe('end');
    expect(s.list.orders.length).toBeGreaterThan(0);
    for (const o of s.list.orders) {
      expect(o).toMatchObject({ status: 'FILLED', engine: 'eng-0', side: 'sell', symbol: 'BTC-USD' });
      expect(o.completed_at!).toBeGreaterThanOrEqual(T0 + 100_000);
      expect(o.completed_at!).toBeLessThanOrEqual(T0 + 200_000);
    }
    // i in [100, 199], i % 4 == 0, i % 5 not 3 or 4: 25 multiples of 4, of which 10 are cancelled or rejected.
    expect(s.list.orders).toHaveLength(15);
  });

  it('a new search starts from its first page; the answer to the old one is dropped', async () => {
    const history = storeFor(await started());
    history.show(NO_HISTORY_FILTERS);
    history.show({ ...NO_HISTORY_FILTERS, search: 'hc0007' });
    const s = await until(history, settled);
    expect(s.list.orders.map((o) => o.client_order_id)).toEqual(['hc0007']);
    expect(s.list.phase).toBe('end');
  });

  it('looks up a finished order by client or exchange id, and says when there is none', async () => {
    const history = storeFor(await started());
    history.lookup('hc0001');
    // ex-120 … ex-129 start with it and finished later: the first five rows do not hold it.
    history.lookup('ex-12');
    history.lookup('nope-1');
    const s = await until(history, (st) => ['hc0001', 'ex-12', 'nope-1'].every((id) => st.lookups[id]?.state !== 'loading'));
    const found = s.lookups.hc0001;
    expect(found?.state).toBe('found');
    if (found?.state === 'found') expect(found.order.history.map((h) => h.to)).toEqual(['OPEN', 'FILLED']);
    const byExchangeId = s.lookups['ex-12'];
    expect(byExchangeId?.state === 'found' && byExchangeId.order.client_order_id).toBe('hc0012');
    expect(s.lookups['nope-1']).toEqual({ state: 'missing' });
  });

  it('a relay without a journal answers 404: the store shows it as an error with the relay’s words', async () => {
    relay = await startRelay({ port: 0, logLevel: 'silent', dataDir: 'none' });
    const history = storeFor(relay);
    history.show(NO_HISTORY_FILTERS);
    const s = await until(history, settled);
    expect(s.list.phase).toBe('error');
    expect(s.list.error).toMatch(/without a journal/);
    history.lookup('x');
    const l = await until(history, (st) => st.lookups.x?.state === 'error');
    expect(l.lookups.x).toMatchObject({ state: 'error' });
  });

  it('with VIEW_TOKEN set, the view token is sent; without it the error says so', async () => {
    const r = await started({ viewToken: 'view-secret', ingestToken: 'ingest-secret' }, { authorization: 'Bearer ingest-secret' });
    const without = storeFor(r);
    without.show(NO_HISTORY_FILTERS);
    expect((await until(without, settled)).list.error).toMatch(/not authorised/);
    const withToken = storeFor(r, 'view-secret');
    withToken.show(NO_HISTORY_FILTERS);
    const s = await until(withToken, settled);
    expect(s.list.error).toBeNull();
    expect(s.list.orders).toHaveLength(HISTORY_PAGE_SIZE);
  });

  it('a cursor the relay refuses is a 400 error value, and the retry of a good page still works', async () => {
    const r = await started();
    const load = createHistoryClient({ fetch: (url, init) => fetch(url, init), baseUrl: r.url, token: null });
    const reply = await load({ ...NO_HISTORY_FILTERS, limit: 10, cursor: 'not-a-cursor' }, new AbortController().signal);
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error).toMatch(/refused the search/);
    const good = await load({ ...NO_HISTORY_FILTERS, limit: 10, cursor: null }, new AbortController().signal);
    expect(good.ok && good.orders.length).toBe(10);
  });

  it('a relay that is not there is an error value, not a throw', async () => {
    const r = await started();
    const url = r.url;
    await r.close();
    relay = undefined;
    const load = createHistoryClient({ fetch: (u, init) => fetch(u, init), baseUrl: url, token: null });
    const reply = await load({ ...NO_HISTORY_FILTERS, limit: 10, cursor: null }, new AbortController().signal);
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/could not be reached/) as unknown });
  });
});
