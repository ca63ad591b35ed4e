import { Redis } from 'ioredis';
import type { OrderEvent } from '../src/core/events';
import type { RunningRelay } from '../src/server/relay';
import { comparable, replayBook, startClusterRelay, waitReady } from './support/cluster-relays';
import { eventually } from './support/eventually';
import { created, filled, moved, T0 } from './support/event-builders';
import { useRedisFixture } from './support/redis-fixture';
import { ndjson, postEvents } from './support/relay-post';

const KEEP = 10;
const TUNING = { tag: 'cleanup', snapshotEveryEvents: 600, snapshotEveryMs: 60_000 };

/** Orders o0… created, opened and filled; completions share timestamps ten at a time. */
function finishedOrders(from: number, to: number): OrderEvent[] {
  const events: OrderEvent[] = [];
  for (let i = from; i < to; i++) {
    const id = `o${String(i).padStart(5, '0')}`;
    events.push(
      created(id, { ts: T0 + i }),
      moved(id, 'OPEN', { ts: T0 + i + 1 }),
      filled(id, 1000, { ts: T0 + 10_000 + Math.floor(i / 10) }),
    );
  }
  return events;
}

describe('cleanup on relays sharing one Redis', () => {
  const redis = useRedisFixture();
  const { relays } = redis;

  it('happens at the same event on every relay, a restarted one included: same orders, same anomalies for late events', async () => {
    const start = () => startClusterRelay(redis.url(), TUNING, { keepTerminal: KEEP });
    relays.push(await start(), await start());
    await Promise.all(relays.map((r) => waitReady(r)));
    const [a, b] = relays as [RunningRelay, RunningRelay];
    // 1,300 finished orders: past keep + slack (1,010) once, so each relay cleans up once, mid-stream.
    const body: string[] = [];
    for (let from = 0; from < 1_300; from += 100) body.push(ndjson(finishedOrders(from, from + 100)));
    // Then events about orders that are gone by now (unknown there) and some that are still kept.
    body.push(
      ndjson([
        filled('o00003', 2000, { ts: T0 + 20_000 }),
        moved('o00004', 'CANCELED', { ts: T0 + 20_000 }),
        moved('o01299', 'CANCELED', { ts: T0 + 20_000 }),
      ]),
    );
    for (const [i, chunk] of body.entries()) expect((await postEvents((i % 2 === 0 ? a : b).url, chunk)).status).toBe(200);

    const expected = comparable(replayBook(body.join(''), KEEP));
    const total = 1_300 * 3 + 3;
    // A relay that starts now loads the stored snapshot (taken after the cleanup) and reads the tail.
    const admin = new Redis(redis.url());
    await eventually(
      async () => Number(await admin.hget('ow:{cleanup}:meta', 'snap_rseq')) > 3_100,
      'a cluster snapshot after the cleanup',
      15_000,
    );
    admin.disconnect();
    const late = await start();
    relays.push(late);
    await waitReady(late);
    await eventually(() => relays.every((r) => r.state.log.lastRseq === total), 'every relay at the last rseq');
    expect(expected.orders.length).toBeLessThan(1_300);
    expect(expected.anomalyCounts.unknown_order).toBe(2);
    for (const relay of relays) expect(comparable(relay.state.book)).toEqual(expected);
    expect(late.state.log.firstRseq).toBeGreaterThan(3_100);
  });
});
