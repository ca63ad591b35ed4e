import { Redis } from 'ioredis';
import type { RedisServerHandle } from '../../../test/support/redis-server';
import { startRedisServer } from '../../../test/support/redis-server';
import type { OrderEvent } from '../../core/events';
import { summarize } from '../../core/summary';
import type { RedisStore } from './open-replica';
import { openRedisStore } from './open-replica';
import { eventually } from '../../../test/support/eventually';
import { created as createdEvent, moved } from '../../../test/support/event-builders';

let server: RedisServerHandle;
let admin: Redis;
const stores: RedisStore[] = [];
const NOW = Date.parse('2026-11-24T15:00:00Z');

const created = (id: string, seq: number): OrderEvent => createdEvent(id, { ts: NOW, seq, engine: 'e1', size_usd: 100 });
const opened = (id: string, seq: number): OrderEvent => moved(id, 'OPEN', { ts: NOW + 1, seq, engine: 'e1' });

async function open(tag: string, extra: Partial<Parameters<typeof openRedisStore>[0]> = {}): Promise<RedisStore> {
  const store = await openRedisStore({ url: server.url, tag, now: () => NOW, ...extra });
  stores.push(store);
  return store;
}

beforeAll(async () => {
  server = await startRedisServer();
  admin = new Redis(server.url);
});

afterEach(async () => {
  await Promise.all(stores.splice(0).map((s) => s.close()));
});

afterAll(async () => {
  await admin.quit();
  await server.stop();
});

describe('ClusterReplica on a real Redis', () => {
  it('gives every relay the same book, in stream order', async () => {
    const a = await open('same-book');
    const b = await open('same-book');
    await eventually(() => a.replica.health.ready && b.replica.health.ready, 'both replicas ready');
    const { id } = await a.replica.append([created('o1', 1), opened('o1', 2), created('o2', 3)], NOW);
    expect(await b.replica.waitFor(id!, 2_000)).toBe(true);
    await a.replica.waitFor(id!, 2_000);
    for (const store of [a, b]) {
      expect(store.replica.book.orders.get('o1')?.status).toBe('OPEN');
      expect(summarize(store.replica.book).total_orders).toBe(2);
      expect(store.replica.position.rseq).toBe(3);
    }
  });

  it('reports the anomalies of its own appends once applied', async () => {
    const a = await open('anomalies');
    await eventually(() => a.replica.health.ready, 'replica a ready');
    const { id } = await a.replica.append([opened('ghost', 1), opened('ghost2', 2)], NOW);
    await a.replica.waitFor(id!, 2_000);
    expect(a.replica.anomaliesOf([id!])).toBe(2);
  });

  it('restarts from the snapshot plus the tail', async () => {
    const a = await open('restart', { snapshotEveryEvents: 5, snapshotEveryMs: 60_000 });
    await eventually(() => a.replica.health.ready, 'replica a ready');
    const first = await a.replica.append(
      Array.from({ length: 10 }, (_, i) => created(`s${i}`, i + 1)),
      NOW,
    );
    await a.replica.waitFor(first.id!, 2_000);
    await eventually(() => a.replica.counters.snapshotsWritten > 0, 'a snapshot written');
    const tail = await a.replica.append([opened('s0', 11), created('t1', 12)], NOW);
    await a.replica.waitFor(tail.id!, 2_000);

    // Only the snapshot can now bring the first ten orders back.
    await admin.xdel('ow:{restart}:2026-11-24:ev', first.id!);

    const b = await open('restart');
    await eventually(() => b.replica.health.ready, 'replica b ready');
    expect(Number(await admin.hget('ow:{restart}:meta', 'snap_rseq'))).toBeGreaterThanOrEqual(10);
    expect(b.replica.book.orders.size).toBe(11);
    expect(b.replica.book.orders.get('s0')?.status).toBe('OPEN');
    expect(b.replica.position.rseq).toBe(12);
    expect(b.replica.counters.rseqGaps).toBe(0);
  });

  it('stays degraded after Redis hands out rseqs it had already used (lost history)', async () => {
    const a = await open('lost');
    await eventually(() => a.replica.health.ready, 'replica a ready');
    const { id } = await a.replica.append([created('l1', 1), created('l2', 2)], NOW);
    await a.replica.waitFor(id!, 2_000);
    expect(a.replica.health.degraded).toBe(false);
    // What a Redis restarted from an AOF missing its last second would do: number from 1 again.
    const payload = JSON.stringify({
      type: 'order_created',
      client_order_id: 'x',
      ts: NOW / 1000,
      engine: 'e',
      symbol: 'S',
      side: 'buy',
      size_usd: 1,
      route: 'r',
    });
    await admin.xadd('ow:{lost}:2026-11-24:ev', '*', 'evs', `1 ${NOW}\n${payload}`);
    await eventually(() => a.replica.health.degraded, 'replica a degraded');
    expect(a.replica.health.error).toMatch(/lost history/);
    expect(a.replica.counters.rseqGaps).toBe(1);
  });
});
