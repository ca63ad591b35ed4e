import { generateEvents, ndjsonChunks } from './support/event-mix';
import { comparable, healthz, replayBook } from './support/cluster-relays';
import { eventually } from './support/eventually';
import { clientBook } from './support/cluster-relays';
import type { RedisServerHandle } from './support/redis-server';
import { startRedisServer } from './support/redis-server';
import type { RelayProcess } from './support/relay-process';
import { startRelayProcess } from './support/relay-process';
import { postEvents } from './support/relay-post';
import { SseClient } from './support/sse-client';

describe('a relay killed mid-stream', () => {
  let redis: RedisServerHandle;
  const relays: RelayProcess[] = [];
  const clients: SseClient[] = [];

  beforeAll(async () => {
    redis = await startRedisServer();
  });

  afterAll(async () => {
    for (const c of clients.splice(0)) c.close();
    await Promise.all(relays.splice(0).map((r) => r.kill()));
    await redis.stop();
  });

  it('its dashboards resume on another relay with no event lost or repeated', async () => {
    const args = ['--no-sim', '--store', redis.url, '--heartbeat-ms', '200'];
    const [a, b] = await Promise.all([startRelayProcess(args), startRelayProcess(args)]);
    relays.push(a, b);
    await eventually(async () => (await healthz(a.url)).body.ready && (await healthz(b.url)).body.ready, 'both relays ready');

    // The browser resumes with the rseq it holds; a native EventSource with the last SSE id.
    const byRseq = await SseClient.open(`${a.url}/api/stream`);
    const byEntryId = await SseClient.open(`${a.url}/api/stream`);
    clients.push(byRseq, byEntryId);

    const chunks = [...ndjsonChunks(generateEvents({ seed: 5, orders: 400, engines: 2, faults: 0.03 }), 40)];
    let body = '';
    let accepted = 0;
    let killedAt = 0;
    for (const [i, chunk] of chunks.entries()) {
      body += chunk;
      const { reply } = await postEvents(b.url, chunk);
      accepted += reply.accepted;
      if (i === Math.floor(chunks.length / 3)) {
        await byRseq.reach(accepted);
        killedAt = accepted;
        await a.kill();
      }
    }
    await Promise.all([byRseq.ended, byEntryId.ended]);
    expect(byRseq.items.at(-1)?.rseq).toBeGreaterThanOrEqual(killedAt);

    const lastRseq = String(byRseq.items.at(-1)!.rseq);
    const lastId = byEntryId.messages.filter((m) => m.event === 'events').at(-1)!.id!;
    expect(lastId).toMatch(/^\d+-\d+$/);
    const resumedByRseq = await SseClient.open(`${b.url}/api/stream`, { lastEventId: lastRseq });
    const resumedById = await SseClient.open(`${b.url}/api/stream`, { lastEventId: lastId });
    clients.push(resumedByRseq, resumedById);

    const expected = comparable(replayBook(body));
    for (const [before, after] of [
      [byRseq, resumedByRseq],
      [byEntryId, resumedById],
    ] as const) {
      await after.reach(accepted);
      // Exactly the missed events: no snapshot, and the rseqs continue where the dead relay stopped.
      expect(after.messages.some((m) => m.event === 'snapshot')).toBe(false);
      const rseqs = [...before.rseqs, ...after.rseqs];
      expect(rseqs).toEqual(Array.from({ length: accepted }, (_, i) => i + 1));
      const joined = { messages: before.messages, items: [...before.items, ...after.items] } as unknown as SseClient;
      expect(comparable(clientBook(joined).book)).toEqual(expected);
    }
  });
});
