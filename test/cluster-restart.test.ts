import { Redis } from 'ioredis';
import { generateEvents, ndjsonChunks } from './support/event-mix';
import type { RunningRelay } from '../src/server/relay';
import { comparable, replayBook, startClusterRelay, waitReady } from './support/cluster-relays';
import { eventually } from './support/eventually';
import type { RedisServerHandle } from './support/redis-server';
import { startRedisServer } from './support/redis-server';
import { postEvents } from './support/relay-post';

describe('a relay restarted during the day', () => {
  let redis: RedisServerHandle;
  let admin: Redis;
  const relays: RunningRelay[] = [];

  beforeAll(async () => {
    redis = await startRedisServer();
    admin = new Redis(redis.url);
  });

  afterAll(async () => {
    await Promise.all(relays.splice(0).map((r) => r.close()));
    admin.disconnect();
    await redis.stop();
  });

  it('catches up from the cluster snapshot plus the stream tail before it reports ready', async () => {
    const tuning = { tag: 'restart', snapshotEveryEvents: 300, snapshotEveryMs: 60_000 };
    const a = await startClusterRelay(redis.url, tuning);
    let b = await startClusterRelay(redis.url, tuning);
    relays.push(a, b);
    await Promise.all([waitReady(a), waitReady(b)]);
    const chunks = [...ndjsonChunks(generateEvents({ seed: 9, orders: 500, engines: 2, faults: 0.02 }), 100)];
    const half = Math.floor(chunks.length / 2);
    let body = '';
    let accepted = 0;
    for (const chunk of chunks.slice(0, half)) {
      body += chunk;
      accepted += (await postEvents(a.url, chunk)).reply.accepted;
    }
    await eventually(async () => Number(await admin.hget('ow:{restart}:meta', 'snap_rseq')) > 0, 'a cluster snapshot', 15_000);

    await b.close();
    relays.splice(relays.indexOf(b), 1);
    for (const chunk of chunks.slice(half)) {
      body += chunk;
      accepted += (await postEvents(a.url, chunk)).reply.accepted;
    }
    const snapRseq = Number(await admin.hget('ow:{restart}:meta', 'snap_rseq'));
    expect(snapRseq).toBeLessThan(accepted);

    b = await startClusterRelay(redis.url, tuning);
    relays.push(b);
    await waitReady(b);
    // Ready means caught up: the whole day is there at once.
    expect(b.state.log.lastRseq).toBe(accepted);
    // It started from a snapshot (its log begins after one), not by replaying the stream from 1.
    expect(b.state.log.firstRseq).toBeGreaterThan(1);
    expect(comparable(b.state.book)).toEqual(comparable(replayBook(body)));
  });
});
