import { generateEvents, ndjsonChunks } from './support/event-mix';
import type { RunningRelay } from '../src/server/relay';
import { clientBook, comparable, replayBook, startClusterRelay, waitReady } from './support/cluster-relays';
import { eventually } from './support/eventually';
import type { RedisServerHandle } from './support/redis-server';
import { startRedisServer } from './support/redis-server';
import { postEvents } from './support/relay-post';
import { SseClient } from './support/sse-client';

describe('three relays on one Redis', () => {
  let redis: RedisServerHandle;
  const relays: RunningRelay[] = [];
  const clients: SseClient[] = [];

  beforeAll(async () => {
    redis = await startRedisServer();
  });

  afterAll(async () => {
    for (const c of clients.splice(0)) c.close();
    await Promise.all(relays.splice(0).map((r) => r.close()));
    await redis.stop();
  });

  it('an engine posting to A: B, C and their dashboards end in the replay CLI state', async () => {
    for (let i = 0; i < 3; i++) relays.push(await startClusterRelay(redis.url, { tag: 'consistency' }));
    await Promise.all(relays.map((r) => waitReady(r)));
    const [a, b, c] = relays as [RunningRelay, RunningRelay, RunningRelay];
    const early = [b, b, c].map((r) => SseClient.open(`${r.url}/api/stream`));
    clients.push(...(await Promise.all(early)));

    // A seeded engine-like mix with faults: duplicate seqs, invalid moves, regressions, unknown ids.
    const chunks = [...ndjsonChunks(generateEvents({ seed: 11, orders: 300, engines: 3, faults: 0.08 }), 150)];
    chunks.splice(2, 0, '{"type":"order_created"}\nnot json\n');
    let body = '';
    let accepted = 0;
    for (const [i, chunk] of chunks.entries()) {
      body += chunk;
      const { status, reply } = await postEvents(a.url, chunk);
      expect(status === 200 || (status === 400 && reply.accepted === 0)).toBe(true);
      accepted += reply.accepted;
      // A dashboard opened mid-stream starts from a snapshot.
      if (i === 4) clients.push(await SseClient.open(`${c.url}/api/stream`));
    }

    const expected = comparable(replayBook(body));
    await eventually(() => relays.every((r) => r.state.log.lastRseq === accepted), 'every relay at the last rseq');
    for (const relay of relays) expect(comparable(relay.state.book)).toEqual(expected);
    for (const client of clients) {
      await client.reach(accepted);
      const { book, rseqs } = clientBook(client);
      for (let i = 1; i < rseqs.length; i++) expect(rseqs[i]).toBe(rseqs[i - 1]! + 1);
      expect(comparable(book)).toEqual(expected);
    }
    // The SSE id of an events message is the stream entry id of its last event.
    const ids = clients[0]!.messages.filter((m) => m.event === 'events').map((m) => m.id);
    expect(ids.every((id) => /^\d+-\d+$/.test(id ?? ''))).toBe(true);
  });
});
