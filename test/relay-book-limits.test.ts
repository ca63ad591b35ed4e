import type { RunningRelay } from '../src/server/relay';
import { startRelay } from '../src/server/relay';
import { MAX_HEAD_BYTES } from '../src/protocol/snapshot-messages';
import { startClusterRelay, waitReady } from './support/cluster-relays';
import { eventually } from './support/eventually';
import { created, moved } from './support/event-builders';
import { useRedisFixture } from './support/redis-fixture';
import { ndjson, postEvents } from './support/relay-post';
import { SseClient } from './support/sse-client';

/** `count` engines of 64-byte names (the longest the wire takes), one order_created each. */
function manyEngines(count: number, from = 0) {
  return Array.from({ length: count }, (_, i) =>
    created(`o-${from + i}`, { engine: `${String(from + i).padStart(6, '0')}${'e'.repeat(58)}`, seq: 1 }),
  );
}

async function metric(url: string, line: RegExp): Promise<string | undefined> {
  return (await (await fetch(`${url}/metrics`)).text()).split('\n').find((l) => line.test(l));
}

describe('the book bounded by engines and active orders', () => {
  let relay: RunningRelay | undefined;
  afterEach(async () => {
    await relay?.close();
    relay = undefined;
  });

  it('refuses events from engines past --max-engines with a reason, keeping the good lines around them', async () => {
    relay = await startRelay({ port: 0, logLevel: 'silent', maxEngines: 5_000 });
    const { status, reply } = await postEvents(relay.url, ndjson(manyEngines(5_003)));
    expect(status).toBe(200);
    expect(reply.accepted).toBe(5_000);
    expect(reply.rejected.map((r) => r.line)).toEqual([5_001, 5_002, 5_003]);
    expect(reply.rejected[0]!.error).toMatch(/engine limit reached: 5000 distinct engines .*--max-engines/);
    // Known engines go on; a duplicate from a known engine is still a duplicate, not a refusal.
    const known = manyEngines(1)[0]!;
    const more = await postEvents(
      relay.url,
      ndjson([moved('o-0', 'OPEN', { engine: known.engine, seq: 2 }), { ...known, seq: 1 }, ...manyEngines(1, 9_000)]),
    );
    expect(more.reply).toMatchObject({ accepted: 1, duplicates: 1 });
    expect(more.reply.rejected.map((r) => r.line)).toEqual([3]);
    expect(relay.state.book.lastSeq.size).toBe(5_000);
    expect(relay.state.log.lastRseq).toBe(5_001);
    expect(await metric(relay.url, /^orderwatch_events_refused_total\{limit="max_engines"\}/)).toBe(
      'orderwatch_events_refused_total{limit="max_engines"} 4',
    );
    expect(await metric(relay.url, /^orderwatch_engines /)).toBe('orderwatch_engines 5000');
    // A new dashboard still gets a whole snapshot; the head lists engine seqs only up to its
    // bound (5,000 of 64 bytes do not fit), says so, and names no refused engine.
    const client = await SseClient.open(`${relay.url}/api/stream`);
    const snapshot = await client.first<{ orders: unknown[] }>('snapshot');
    expect(snapshot.orders).toHaveLength(5_000);
    const headText = client.messages.find((m) => m.event === 'snapshot')!.data;
    expect(Buffer.byteLength(headText)).toBeLessThanOrEqual(MAX_HEAD_BYTES);
    const head = JSON.parse(headText) as { last_seq: Record<string, number>; last_seq_complete?: boolean };
    expect(head.last_seq_complete).toBe(false);
    expect(Object.keys(head.last_seq).length).toBeGreaterThan(1_000);
    expect(Object.keys(head.last_seq)).not.toContain(manyEngines(1, 9_000)[0]!.engine);
    client.close();
  });

  it('refuses order_created past --max-active-orders; finishing orders makes room again', async () => {
    relay = await startRelay({ port: 0, logLevel: 'silent', maxActiveOrders: 3 });
    const first = await postEvents(relay.url, ndjson(['a', 'b', 'c', 'd'].map((id) => created(id))));
    expect(first.reply.accepted).toBe(3);
    expect(first.reply.rejected).toEqual([
      { line: 4, error: expect.stringMatching(/active order limit reached: 3 active orders \(--max-active-orders\)/) as unknown },
    ]);
    // A second order_created for an existing order grows nothing: it is the usual anomaly.
    const again = await postEvents(relay.url, ndjson([created('a'), moved('a', 'REJECTED'), created('d')]));
    expect(again.reply).toMatchObject({ accepted: 3, anomalies: 1, rejected: [] });
    expect(relay.state.book.orders.has('d')).toBe(true);
    expect(await metric(relay.url, /^orderwatch_events_refused_total\{limit="max_active_orders"\}/)).toBe(
      'orderwatch_events_refused_total{limit="max_active_orders"} 1',
    );
  });
});

describe('the same bounds in cluster mode (--store)', () => {
  const redis = useRedisFixture();

  it('are checked before the append, so no relay of the cluster applies a refused event', async () => {
    const a = await startClusterRelay(redis.url(), { tag: 'limits' }, { maxEngines: 3, maxActiveOrders: 1_000 });
    const b = await startClusterRelay(redis.url(), { tag: 'limits' }, { maxEngines: 3 });
    redis.relays.push(a, b);
    await Promise.all([waitReady(a), waitReady(b)]);
    const { status, reply } = await postEvents(a.url, ndjson(manyEngines(5)));
    expect(status).toBe(200);
    expect(reply.accepted).toBe(3);
    expect(reply.rejected.map((r) => r.line)).toEqual([4, 5]);
    expect(reply.rejected[0]!.error).toMatch(/--max-engines/);
    await eventually(() => b.state.log.lastRseq === 3, 'the peer applied the accepted events');
    expect(b.state.book.lastSeq.size).toBe(3);
    expect(a.state.totals.refused.max_engines).toBe(2);
  });
});
