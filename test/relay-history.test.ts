import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { OrderEvent } from '../src/core/events';
import type { OrderJson } from '../src/protocol/order-json';
import type { RunningRelay } from '../src/server/relay';
import { startRelay } from '../src/server/relay';
import { created, filled, moved, T0 } from './support/event-builders';
import { ndjson, postEvents } from './support/relay-post';

interface Page {
  orders: OrderJson[];
  next_cursor: string | null;
}

const ORDERS = 1_500;
const SYMBOLS = ['BTC-USD', 'ETH-USD', 'SOL-USD'];

/** Order i: created at T0 + i s, finished (filled, cancelled or rejected) a second later. */
function finishedOrders(): OrderEvent[] {
  const events: OrderEvent[] = [];
  for (let i = 0; i < ORDERS; i++) {
    const id = `h${String(i).padStart(4, '0')}`;
    const at = T0 + i * 1_000;
    const common = { engine: `eng-${i % 2}`, ts: at };
    events.push(created(id, { ...common, symbol: SYMBOLS[i % 3]!, side: i % 4 === 0 ? 'sell' : 'buy' }));
    if (i % 5 === 4) {
      events.push(moved(id, 'REJECTED', { ...common, ts: at + 500, reason: 'insufficient margin' }));
      continue;
    }
    events.push(moved(id, 'OPEN', { ...common, ts: at + 100, order_id: `x-${i}` }));
    if (i % 5 === 3) events.push(moved(id, 'CANCELED', { ...common, ts: at + 500 }));
    else events.push(filled(id, 1_000, { ...common, ts: at + 500 }));
  }
  return events;
}

describe('GET /api/history: finished orders beyond the live book (issue 15)', () => {
  let relay: RunningRelay | undefined;
  const dirs: string[] = [];
  afterEach(async () => {
    await relay?.close();
    relay = undefined;
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  async function started(extra: Parameters<typeof startRelay>[0] = {}): Promise<RunningRelay> {
    const dir = mkdtempSync(join(tmpdir(), 'orderwatch-history-'));
    dirs.push(dir);
    relay = await startRelay({ port: 0, logLevel: 'silent', dataDir: dir, keepTerminal: 10, ...extra });
    const events = finishedOrders();
    for (let from = 0; from < events.length; from += 2_000) await postEvents(relay.url, ndjson(events.slice(from, from + 2_000)));
    return relay;
  }

  async function page(query: string, init?: RequestInit): Promise<{ status: number; body: Page & { error?: string } }> {
    const response = await fetch(`${relay!.url}/api/history?${query}`, init);
    return { status: response.status, body: (await response.json()) as Page & { error?: string } };
  }

  it('finds an order cleanup took from the live book, with its whole timeline', async () => {
    await started();
    expect(relay!.state.book.orders.has('h0000')).toBe(false);
    const { status, body } = await page('q=h0000');
    expect(status).toBe(200);
    expect(body.orders).toHaveLength(1);
    const [order] = body.orders;
    expect(order).toMatchObject({ client_order_id: 'h0000', status: 'FILLED', order_id: 'x-0', symbol: 'BTC-USD', side: 'sell' });
    expect(order!.history.map((h) => h.to)).toEqual(['OPEN', 'FILLED']);
    expect(order!.fills).toHaveLength(1);
  });

  it('pages newest first with a cursor: every finished order exactly once, in order', async () => {
    await started();
    const seen: string[] = [];
    let cursor: string | null = '';
    for (let pages = 0; cursor !== null && pages < 20; pages++) {
      const { body } = await page(`limit=100${cursor === '' ? '' : `&cursor=${cursor}`}`);
      seen.push(...body.orders.map((o) => o.client_order_id));
      cursor = body.next_cursor;
    }
    expect(cursor).toBeNull();
    expect(seen).toHaveLength(ORDERS);
    expect(seen).toEqual([...seen].sort().reverse());
    // A limit that divides the total exactly ends with an empty cursor, not an empty extra page.
    const second = (await page(`limit=500&cursor=${(await page('limit=500')).body.next_cursor}`)).body.next_cursor;
    const exact = await page(`limit=500&cursor=${second}`);
    expect(exact.body.orders).toHaveLength(500);
    expect(exact.body.next_cursor).toBeNull();
  });

  it('filters by status, engine, symbol, side, time range and q (id prefix, exchange id, symbol)', async () => {
    await started();
    const ids = async (query: string): Promise<string[]> => (await page(`limit=500&${query}`)).body.orders.map((o) => o.client_order_id);
    const all = finishedOrders().filter((e) => e.type === 'order_created');
    const expectIds = (pick: (i: number) => boolean): string[] =>
      all
        .map((e, i) => [e.client_order_id, i] as const)
        .filter(([, i]) => pick(i))
        .map(([id]) => id)
        .reverse()
        .slice(0, 500);
    expect(await ids('status=REJECTED')).toEqual(expectIds((i) => i % 5 === 4));
    expect(await ids('status=CANCELED&engine=eng-1')).toEqual(expectIds((i) => i % 5 === 3 && i % 2 === 1));
    expect(await ids('symbol=SOL-USD&side=sell')).toEqual(expectIds((i) => i % 3 === 2 && i % 4 === 0));
    // All three of status, engine and symbol take their own index: the same answer, and paged by the same cursor.
    const narrow = expectIds((i) => i % 5 === 3 && i % 2 === 1 && i % 3 === 0);
    expect(await ids('status=CANCELED&engine=eng-1&symbol=BTC-USD')).toEqual(narrow);
    const first = await page('status=CANCELED&engine=eng-1&symbol=BTC-USD&limit=7');
    const second = await page(`status=CANCELED&engine=eng-1&symbol=BTC-USD&limit=7&cursor=${first.body.next_cursor}`);
    expect([...first.body.orders, ...second.body.orders].map((o) => o.client_order_id)).toEqual(narrow.slice(0, 14));
    expect(await ids('q=h014')).toEqual(expectIds((i) => i >= 140 && i < 150));
    expect(await ids('q=x-77')).toEqual(['h0778', 'h0777', 'h0776', 'h0775', 'h0773', 'h0772', 'h0771', 'h0770', 'h0077']);
    const from = new Date(T0 + 100_000).toISOString();
    const to = String(T0 + 110_500);
    expect(await ids(`from=${from}&to=${to}`)).toEqual(expectIds((i) => i >= 100 && i <= 110));
  });

  it('names the parameter that is wrong', async () => {
    await started();
    for (const [query, error] of [
      ['status=DONE', /^status: want one of NEW, OPEN/],
      ['side=long', /^side: want buy or sell/],
      ['limit=0', /^limit: want an integer from 1 to 500/],
      ['limit=9999', /^limit: want an integer from 1 to 500/],
      ['from=yesterday', /^from: want an ISO-8601 time or epoch milliseconds/],
      ['cursor=bm90LWEtY3Vyc29y', /^cursor: not a cursor this relay gave out/],
    ] as const) {
      const { status, body } = await page(query);
      expect(status, query).toBe(400);
      expect(body.error, query).toMatch(error);
    }
  });

  it('needs the view token, survives a restart, and is 404 without a journal', async () => {
    await started({ viewToken: 'secret' });
    expect((await page('q=h0001')).status).toBe(401);
    const authorized = { headers: { authorization: 'Bearer secret' } };
    expect((await page('q=h0001', authorized)).body.orders).toHaveLength(1);
    const dir = dirs[0]!;
    await relay!.close();
    relay = await startRelay({ port: 0, logLevel: 'silent', dataDir: dir, viewToken: 'secret' });
    expect((await page('limit=500', authorized)).body.orders).toHaveLength(500);
    expect((await page('q=h1497', authorized)).body.orders[0]?.status).toBe('FILLED');
    await relay.close();
    relay = await startRelay({ port: 0, logLevel: 'silent' });
    const none = await page('q=h0001');
    expect(none.status).toBe(404);
    expect(none.body.error).toMatch(/without a journal/);
  });
});
