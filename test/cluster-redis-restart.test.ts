import { generateEvents, ndjsonChunks } from './support/event-mix';
import type { RunningRelay } from '../src/server/relay';
import { clientBook, comparable, healthz, replayBook, startClusterRelay, waitReady } from './support/cluster-relays';
import { eventually } from './support/eventually';
import type { RedisServerHandle } from './support/redis-server';
import { startRedisServer } from './support/redis-server';
import { postEvents } from './support/relay-post';
import { SseClient } from './support/sse-client';

describe('Redis restarted mid-stream', () => {
  let redis: RedisServerHandle;
  const relays: RunningRelay[] = [];
  const clients: SseClient[] = [];

  beforeAll(async () => {
    // A crash (SIGKILL) loses nothing acknowledged only with fsync on every write.
    redis = await startRedisServer({ appendfsync: 'always' });
  });

  afterAll(async () => {
    for (const c of clients.splice(0)) c.close();
    await Promise.all(relays.splice(0).map((r) => r.close()));
    await redis.stop();
  });

  it('ingest answers 503 + Retry-After, dashboards see degraded heartbeats, then everyone catches up', async () => {
    const a = await startClusterRelay(redis.url, { tag: 'outage' });
    const b = await startClusterRelay(redis.url, { tag: 'outage' });
    relays.push(a, b);
    await Promise.all([waitReady(a), waitReady(b)]);
    const dashboard = await SseClient.open(`${b.url}/api/stream`);
    clients.push(dashboard);

    const chunks = [...ndjsonChunks(generateEvents({ seed: 21, orders: 150, engines: 2, faults: 0.03 }), 60)];
    const crashAt = Math.floor(chunks.length / 2);
    let body = '';
    let accepted = 0;
    for (const [i, chunk] of chunks.entries()) {
      if (i === crashAt) {
        await redis.kill();
        const refused = await postEvents(a.url, chunk);
        expect(refused.status).toBe(503);
        expect(
          Number(
            (
              await fetch(`${a.url}/api/events`, { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body: chunk })
            ).headers.get('retry-after'),
          ),
        ).toBeGreaterThan(0);
        await eventually(async () => (await healthz(b.url)).body.status === 'degraded', 'b degraded');
        const seen = dashboard.messages.length;
        await dashboard.until(
          () => dashboard.messages.slice(seen).some((m) => m.event === 'heartbeat' && JSON.parse(m.data).degraded === true),
          'a degraded heartbeat',
        );
        // A relay starting while Redis is away is not ready and refuses stream clients.
        const late = await startClusterRelay(redis.url, { tag: 'outage' });
        relays.push(late);
        expect((await healthz(late.url)).code).toBe(503);
        const early = await fetch(`${late.url}/api/stream`);
        expect(early.status).toBe(503);
        expect(early.headers.get('retry-after')).not.toBeNull();
        await early.body?.cancel();
        await redis.restart();
      }
      // The engine's emitter: retry with backoff until the relay takes the batch.
      for (let attempt = 0; ; attempt++) {
        const { status, reply } = await postEvents(a.url, chunk);
        if (status === 200 || status === 400) {
          accepted += reply.accepted;
          break;
        }
        expect(status).toBe(503);
        if (attempt > 100) throw new Error('relay never took the batch back');
        await new Promise((r) => setTimeout(r, 100));
      }
      body += chunk;
    }

    const expected = comparable(replayBook(body));
    await eventually(() => relays.every((r) => r.state.log.lastRseq === accepted), 'every relay caught up', 20_000);
    await Promise.all(relays.map((r) => waitReady(r)));
    for (const relay of relays) {
      expect(comparable(relay.state.book)).toEqual(expected);
      expect((await healthz(relay.url)).body.status).toBe('ok');
    }
    await dashboard.reach(accepted);
    const { book, rseqs } = clientBook(dashboard);
    expect(rseqs).toEqual(Array.from({ length: rseqs.length }, (_, i) => rseqs[0]! + i));
    expect(comparable(book)).toEqual(expected);
  });
});
