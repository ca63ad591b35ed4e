import { generateEvents, toNdjson } from './support/event-mix';
import type { RunningRelay } from '../src/server/relay';
import { comparable, replayBook, startClusterRelay, waitReady } from './support/cluster-relays';
import { eventually } from './support/eventually';
import { useRedisFixture } from './support/redis-fixture';
import { postEvents } from './support/relay-post';

describe('an engine batch retried through a second relay', () => {
  const redis = useRedisFixture();
  const { relays } = redis;

  async function pair(tag: string): Promise<[RunningRelay, RunningRelay]> {
    const a = await startClusterRelay(redis.url(), { tag });
    const b = await startClusterRelay(redis.url(), { tag });
    relays.push(a, b);
    await Promise.all([waitReady(a), waitReady(b)]);
    return [a, b];
  }

  it('is applied once: the second relay reports every event a duplicate', async () => {
    const [a, b] = await pair('retry-after');
    const batch = toNdjson(generateEvents({ seed: 3, orders: 80, engines: 2 }));
    const first = await postEvents(a.url, batch);
    const again = await postEvents(b.url, batch);
    expect(first.reply.accepted).toBeGreaterThan(0);
    expect(again.reply).toMatchObject({ accepted: 0, duplicates: first.reply.accepted });
    const metrics = await (await fetch(`${b.url}/metrics`)).text();
    expect(metrics).toMatch(new RegExp(`^orderwatch_events_duplicate_total ${first.reply.accepted}$`, 'm'));
    expect(metrics).toMatch(/^orderwatch_store_ready 1$/m);
    const expected = comparable(replayBook(batch));
    await eventually(
      () => a.state.log.lastRseq === first.reply.accepted && b.state.log.lastRseq === first.reply.accepted,
      'both relays applied the batch',
    );
    expect(comparable(a.state.book)).toEqual(expected);
    expect(comparable(b.state.book)).toEqual(expected);
  });

  it('is applied once even when both copies arrive at the same moment', async () => {
    const [a, b] = await pair('retry-race');
    const batch = toNdjson(generateEvents({ seed: 4, orders: 80, engines: 2 }));
    const replies = await Promise.all([postEvents(a.url, batch), postEvents(b.url, batch)]);
    const accepted = replies[0].reply.accepted + replies[1].reply.accepted;
    const total = replayBook(batch).eventsSeen;
    expect(accepted).toBe(total);
    expect(replies[0].reply.duplicates + replies[1].reply.duplicates).toBe(total);
    await eventually(() => b.state.log.lastRseq === total && a.state.log.lastRseq === total, 'both relays applied the batch');
    expect(comparable(b.state.book)).toEqual(comparable(replayBook(batch)));
  });
});
