import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OrderJson } from '../src/protocol/order-json';
import type { RunningRelay } from '../src/server/relay';
import { startClusterRelay, waitReady } from './support/cluster-relays';
import { eventually } from './support/eventually';
import { created, filled, moved, T0 } from './support/event-builders';
import type { RedisServerHandle } from './support/redis-server';
import { startRedisServer } from './support/redis-server';
import { ndjson, postEvents } from './support/relay-post';

/** Every finished order a relay's /api/history answers (page by page), newest first. */
async function historyIds(relay: RunningRelay, query = ''): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const response = await fetch(`${relay.url}/api/history?limit=500${query}${cursor === null ? '' : `&cursor=${cursor}`}`);
    expect(response.status).toBe(200);
    const page = (await response.json()) as { orders: OrderJson[]; next_cursor: string | null };
    ids.push(...page.orders.map((o) => o.client_order_id));
    cursor = page.next_cursor;
  } while (cursor !== null);
  return ids;
}

const ORDERS = 1_200;

describe('--store mode: each relay keeps its own history (and alerts) in its data directory', () => {
  let redis: RedisServerHandle;
  const relays: RunningRelay[] = [];
  const dirs: string[] = [];

  beforeAll(async () => {
    redis = await startRedisServer();
  });

  afterAll(async () => {
    await Promise.all(relays.splice(0).map((r) => r.close()));
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    await redis.stop();
  });

  it('orders finished through one relay are in every relay’s history, identical, after cleanup took them from the book and after a restart', async () => {
    const dir = (): string => {
      const d = mkdtempSync(join(tmpdir(), 'orderwatch-cluster-history-'));
      dirs.push(d);
      return d;
    };
    const dirA = dir();
    const dirB = dir();
    const config = { keepTerminal: 10 };
    relays.push(await startClusterRelay(redis.url, { tag: 'history' }, { ...config, dataDir: dirA }));
    relays.push(await startClusterRelay(redis.url, { tag: 'history' }, { ...config, dataDir: dirB }));
    await Promise.all(relays.map((r) => waitReady(r)));
    const [a, b] = relays as [RunningRelay, RunningRelay];
    const events = [];
    for (let i = 0; i < ORDERS; i++) {
      const id = `h${String(i).padStart(4, '0')}`;
      const ts = T0 + i * 1_000;
      events.push(created(id, { engine: 'e1', ts }), moved(id, 'OPEN', { engine: 'e1', ts }));
      events.push(i % 4 === 0 ? moved(id, 'REJECTED', { engine: 'e1', ts: ts + 500 }) : filled(id, 1000, { engine: 'e1', ts: ts + 500 }));
    }
    expect((await postEvents(a.url, ndjson(events))).reply.accepted).toBe(3 * ORDERS);
    await eventually(() => b.state.log.lastRseq === 3 * ORDERS, 'B at the last event');
    // Cleanup took most finished orders from each book (past --keep-terminal and its slack); history has them all.
    expect(b.state.book.orders.size).toBeLessThan(ORDERS / 2);
    let fromA: string[] = [];
    let fromB: string[] = [];
    await eventually(async () => {
      [fromA, fromB] = await Promise.all([historyIds(a), historyIds(b)]);
      return fromA.length === ORDERS && fromB.length === ORDERS;
    }, 'both histories to hold every finished order');
    expect(fromB).toEqual(fromA);
    expect(fromA[0]).toBe('h1199');
    expect((await historyIds(b, '&status=REJECTED')).slice(0, 3)).toEqual(['h1196', 'h1192', 'h1188']);

    // B restarts on its data directory: its history is still there.
    await b.close();
    relays.splice(relays.indexOf(b), 1);
    const again = await startClusterRelay(redis.url, { tag: 'history' }, { ...config, dataDir: dirB });
    relays.push(again);
    await waitReady(again);
    expect(await historyIds(again)).toEqual(fromA);
  });

  it('without a data directory a cluster relay says it has no history', async () => {
    const relay = await startClusterRelay(redis.url, { tag: 'history-none' });
    relays.push(relay);
    await waitReady(relay);
    const response = await fetch(`${relay.url}/api/history`);
    expect(response.status).toBe(404);
  });
});
