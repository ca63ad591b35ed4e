import { Redis } from 'ioredis';
import type { RedisServerHandle } from '../../../test/support/redis-server';
import { startRedisServer } from '../../../test/support/redis-server';
import type { OrderEvent } from '../../core/events';
import { createEventMix } from '../../../test/support/event-mix';
import { toNdjsonLine } from '../../protocol/encode';
import { emptyTally } from '../../protocol/ingest';
import type { RedisStore } from './open-replica';
import { openRedisStore } from './open-replica';
import { PART_CHARS } from './entry-parts';
import { MAX_EVENTS_PER_ENTRY, RedisIngest } from './redis-ingest';
import type { RawEntry } from './stream-entry';
import { parseEntry } from './stream-entry';

function eventCount(entry: RawEntry): number {
  const read = parseEntry(entry);
  return read.kind === 'events' ? read.events.length : -1;
}

let server: RedisServerHandle;
let admin: Redis;
let store: RedisStore;
const NOW = Date.parse('2026-11-24T15:00:00Z');

beforeAll(async () => {
  server = await startRedisServer();
  admin = new Redis(server.url);
  store = await openRedisStore({ url: server.url, tag: 'ingest', now: () => NOW });
  const deadline = Date.now() + 5_000;
  while (!store.replica.health.ready && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
});

afterAll(async () => {
  await store.close();
  await admin.quit();
  await server.stop();
});

describe('RedisIngest', () => {
  it('splits a large batch into entries of at most MAX_EVENTS_PER_ENTRY events, all applied and counted', async () => {
    const count = MAX_EVENTS_PER_ENTRY * 2 + 7;
    const lines: OrderEvent[] = [];
    const mix = createEventMix({ seed: 4, orders: Number.POSITIVE_INFINITY, engines: 2 })[Symbol.iterator]();
    for (let i = 0; i < count; i++) lines.push(mix.next().value);
    const ingest = new RedisIngest(
      store.replica,
      () => NOW,
      () => undefined,
      () => undefined,
    );
    const tally = emptyTally();
    await ingest.accept(
      lines.map((event, i) => ({ line: i + 1, text: toNdjsonLine(event).trimEnd() })),
      tally,
    );
    await ingest.settle(tally);
    expect(tally.accepted).toBe(count);
    const entries = (await admin.xrange('ow:{ingest}:2026-11-24:ev', '-', '+')) as RawEntry[];
    expect(entries.map(eventCount)).toEqual([MAX_EVENTS_PER_ENTRY, MAX_EVENTS_PER_ENTRY, 7]);
    // Full entries travel and are stored in parts, each an ordinary (not large-object) string.
    expect(entries[0]![1][0]).toBe('evp');
    expect(Math.max(...entries.flatMap(([, fields]) => fields.map((field) => field.length)))).toBeLessThanOrEqual(PART_CHARS + 40);
    expect(store.replica.position.rseq).toBe(count);
  });
});
