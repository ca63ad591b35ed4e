import { Redis } from 'ioredis';
import { startClusterRelay, waitReady } from '../../../test/support/cluster-relays';
import { created as createdEvent } from '../../../test/support/event-builders';
import { eventually } from '../../../test/support/eventually';
import { postEvents } from '../../../test/support/relay-post';
import type { RedisServerHandle } from '../../../test/support/redis-server';
import { startRedisServer } from '../../../test/support/redis-server';
import { SseClient } from '../../../test/support/sse-client';
import type { OrderEvent } from '../../core/events';
import { toNdjsonLine } from '../../protocol/encode';
import type { RunningRelay } from '../relay';

let server: RedisServerHandle;
let admin: Redis;
const relays: RunningRelay[] = [];
const clients: SseClient[] = [];

const created = (i: number): OrderEvent => createdEvent(`r${i}`, { ts: Date.now(), seq: i, engine: 'e1', size_usd: 10 });

beforeAll(async () => {
  server = await startRedisServer();
  admin = new Redis(server.url);
});

afterAll(async () => {
  for (const client of clients) client.close();
  await Promise.all(relays.map((r) => r.close()));
  await admin.quit();
  await server.stop();
});

describe('resuming inside a batch entry', () => {
  it('gives a client resuming on another relay exactly the events after <entry id>:<k>', async () => {
    const a = await startClusterRelay(server.url, { tag: 'resume-in-entry' });
    const b = await startClusterRelay(server.url, { tag: 'resume-in-entry' });
    relays.push(a, b);
    await Promise.all([waitReady(a), waitReady(b)]);
    const { reply } = await postEvents(a.url, Array.from({ length: 10 }, (_, i) => toNdjsonLine(created(i + 1))).join(''));
    expect(reply.accepted).toBe(10);
    const keys = await admin.keys('ow:{resume-in-entry}:*:ev');
    const entries = (await admin.xrange(keys[0]!, '-', '+')) as [string, string[]][];
    expect(entries).toHaveLength(1);
    const entry = entries[0]![0];
    await eventually(() => b.state.log.lastRseq === 10, 'relay B applied the entry');

    const mid = await SseClient.open(`${b.url}/api/stream`, { lastEventId: `${entry}:3` });
    const whole = await SseClient.open(`${b.url}/api/stream`, { lastEventId: entry });
    clients.push(mid, whole);
    await mid.until(() => mid.rseqs.length >= 6, 'the rest of the entry');
    expect(mid.rseqs).toEqual([5, 6, 7, 8, 9, 10]);
    expect(mid.messages.filter((m) => m.event === 'events').at(-1)?.id).toBe(entry);

    await postEvents(a.url, toNdjsonLine(created(11)));
    await whole.until(() => whole.rseqs.length >= 1, 'the next entry');
    expect(whole.rseqs).toEqual([11]);
    expect([...mid.messages, ...whole.messages].some((m) => m.event === 'snapshot')).toBe(false);
  });
});
