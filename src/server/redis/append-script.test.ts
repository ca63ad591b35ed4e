import { Redis } from 'ioredis';
import fc from 'fast-check';
import type { RedisServerHandle } from '../../../test/support/redis-server';
import { startRedisServer } from '../../../test/support/redis-server';
import type { AppendItem, AppendOptions } from './append-script';
import { appendBatch } from './append-script';
import { joinInParts } from './entry-parts';
import { clusterKeys } from './redis-keys';
import { compareStreamIds } from './stream-id';

let server: RedisServerHandle;
let redis: Redis;
const keys = clusterKeys('append-test');
const options: AppendOptions = { keys, maxLen: 1_000, ttlSeconds: 3_600, rolloverHourUtc: 0 };
const NOV_24 = Date.parse('2026-11-24T15:00:00Z');
const NOV_25 = Date.parse('2026-11-25T00:00:01Z');

// Non-ASCII in every payload: the script splits parts on newline bytes of UTF-8 text.
const item = (engine: string, seq: number | undefined): AppendItem => ({
  engine,
  seq,
  payload: JSON.stringify({ engine, seq: seq ?? null, note: 'ø 日本' }),
});

/** The payloads an entry holds, in order, whichever fields they came in, and its field names. */
function storedPayloads(fields: readonly string[]): { names: string[]; payloads: string[] } {
  const names: string[] = [];
  const texts: string[] = [];
  for (let f = 0; f < fields.length; f += 2) {
    names.push(fields[f]!);
    texts.push(f === 0 ? fields[1]!.slice(fields[1]!.indexOf('\n') + 1) : fields[f + 1]!);
  }
  return { names, payloads: texts.flatMap((text) => text.split('\n')) };
}

beforeAll(async () => {
  server = await startRedisServer();
  redis = new Redis(server.url);
});

afterAll(async () => {
  await redis.quit();
  await server.stop();
});

beforeEach(async () => {
  await redis.flushdb();
});

describe('appendBatch (Lua dedup + XADD)', () => {
  it('takes each (engine, seq) once, even when the batch is sent again', async () => {
    const batch = [item('e1', 1), item('e1', 2), item('e2', 1)];
    const first = await appendBatch(redis, batch, NOV_24, options);
    expect(first).toMatchObject({ accepted: 3, duplicates: 0, firstRseq: 1, dropped: [] });
    const retried = await appendBatch(redis, [...batch, item('e1', 3)], NOV_24, options);
    expect(retried).toMatchObject({ accepted: 1, duplicates: 3, firstRseq: 4, dropped: [0, 1, 2] });
    const entries = (await redis.xrange(keys.stream('2026-11-24'), '-', '+')) as [string, string[]][];
    expect(entries.map(([id]) => id)).toEqual([first.id, retried.id]);
    expect(entries[1]![1]).toEqual(['evs', `4 ${NOV_24}\n${item('e1', 3).payload}`]);
    expect(await redis.hgetall(keys.lastSeq)).toEqual({ e1: '3', e2: '1' });
  });

  it('tells a dozen engines in one batch apart (places of two digits) and takes extreme seqs', async () => {
    const engines = Array.from({ length: 12 }, (_, k) => `e${k}`);
    const batch = engines.flatMap((engine, k) => [
      item(engine, Number.MIN_SAFE_INTEGER + k),
      item(engine, Number.MAX_SAFE_INTEGER - 11 + k),
    ]);
    expect(await appendBatch(redis, batch, NOV_24, options)).toMatchObject({ accepted: 24, dropped: [] });
    expect(await redis.hgetall(keys.lastSeq)).toEqual(
      Object.fromEntries(engines.map((engine, k) => [engine, String(Number.MAX_SAFE_INTEGER - 11 + k)])),
    );
    const again = await appendBatch(
      redis,
      [...batch.slice(22), item('e11', Number.MAX_SAFE_INTEGER), item('e0', undefined)],
      NOV_24,
      options,
    );
    expect(again).toMatchObject({ accepted: 1, dropped: [0, 1, 2] });
  });

  it('adds nothing when every event is a duplicate', async () => {
    await appendBatch(redis, [item('e', 1)], NOV_24, options);
    expect(await appendBatch(redis, [item('e', 1)], NOV_24, options)).toMatchObject({
      id: undefined,
      accepted: 0,
      duplicates: 1,
      dropped: [0],
    });
    expect(await redis.xlen(keys.stream('2026-11-24'))).toBe(1);
  });

  it('drops a seq at or below the highest inside one batch too, and never dedups events without seq', async () => {
    const batch = [item('e', 5), item('e', 5), item('e', 4), item('e', undefined), item('e', undefined)];
    expect(await appendBatch(redis, batch, NOV_24, options)).toMatchObject({ accepted: 3, duplicates: 2, dropped: [1, 2] });
    const [entry] = (await redis.xrange(keys.stream('2026-11-24'), '-', '+')) as [string, string[]][];
    expect(entry![1][1]!.split('\n').slice(1)).toEqual([batch[0]!.payload, batch[3]!.payload, batch[4]!.payload]);
  });

  it('numbers accepted events 1, 2, 3 … across batches (the cluster rseq), one entry per batch', async () => {
    await appendBatch(redis, [item('a', 1), item('a', 1), item('a', 2)], NOV_24, options);
    await appendBatch(redis, [item('b', 1)], NOV_24, options);
    const entries = (await redis.xrange(keys.stream('2026-11-24'), '-', '+')) as [string, string[]][];
    expect(entries.map(([, fields]) => fields[1]!.split(' ')[0])).toEqual(['1', '3']);
    expect(entries[0]![1]).toEqual(['evs', `1 ${NOV_24}\n${item('a', 1).payload}\n${item('a', 2).payload}`]);
    expect(await redis.hget(keys.meta, 'rseq')).toBe('3');
  });

  it('rolls over to the next day with a marker, ids still increasing', async () => {
    const before = (await appendBatch(redis, [item('a', 1)], NOV_24, options)).id!;
    const after = (await appendBatch(redis, [item('a', 2)], NOV_25, options)).id!;
    const old = (await redis.xrange(keys.stream('2026-11-24'), '-', '+')) as [string, string[]][];
    expect(old.at(-1)?.[1]).toEqual(['next', keys.stream('2026-11-25')]);
    expect(compareStreamIds(after, old.at(-1)![0])).toBeGreaterThan(0);
    expect(compareStreamIds(after, before)).toBeGreaterThan(0);
    expect(await redis.hget(keys.meta, 'stream')).toBe(keys.stream('2026-11-25'));
  });

  it('keeps a relay whose clock is still on yesterday writing to the current day', async () => {
    await appendBatch(redis, [item('a', 1)], NOV_25, options);
    await appendBatch(redis, [item('a', 2)], NOV_24, options);
    expect(await redis.exists(keys.stream('2026-11-24'))).toBe(0);
    expect(await redis.xlen(keys.stream('2026-11-25'))).toBe(2);
  });

  it('refuses a relay whose clock is days behind the cluster', async () => {
    await appendBatch(redis, [item('a', 1)], NOV_25 + 3 * 86_400_000, options);
    await expect(appendBatch(redis, [item('a', 2)], NOV_24, options)).rejects.toThrow(/OWCLOCK/);
  });

  it('caps the stream (in entries) and gives every key an expiry', async () => {
    for (let i = 0; i < 3_000; i += 2) await appendBatch(redis, [item('a', i + 1), item('a', i + 2)], NOV_24, { ...options, maxLen: 500 });
    expect(await redis.xlen(keys.stream('2026-11-24'))).toBeLessThan(1_000);
    for (const key of [keys.stream('2026-11-24'), keys.lastSeq, keys.meta]) {
      expect(await redis.ttl(key)).toBeGreaterThan(3_000);
    }
  });
});

describe('appendBatch: the dedup rule, batch after batch', () => {
  /** The dedup rule event by event (docs/protocol.md rule 2): what the script must do, however it groups them. */
  function expectedDrops(highest: Map<string, number>, batch: readonly AppendItem[]): number[] {
    const dropped: number[] = [];
    batch.forEach(({ engine, seq }, k) => {
      if (seq === undefined) return;
      const seen = highest.get(engine);
      if (seen !== undefined && seq <= seen) dropped.push(k);
      else highest.set(engine, seq);
    });
    return dropped;
  }

  // Engine names are any string on the wire, and more than nine of them give places of two digits.
  const engines = ['a', 'b c', 'd\ne', '', '1 2\n', 'é', ...Array.from({ length: 8 }, (_, k) => `engine-${k}`)];
  const seq = fc.oneof(
    fc.integer({ min: -3, max: 12 }),
    fc.constantFrom(Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER - 1, Number.MAX_SAFE_INTEGER),
  );
  const event = fc.record({ engine: fc.constantFrom(...engines), seq: fc.option(seq, { nil: undefined }) });
  // Runs of consecutive seqs are what engines send; scattered ones, repeats and gaps are what retries and bugs send.
  const run = fc
    .tuple(fc.constantFrom(...engines), fc.integer({ min: -3, max: 12 }), fc.integer({ min: 1, max: 6 }))
    .map(([engine, from, n]) => Array.from({ length: n }, (_, k) => ({ engine, seq: from + k })));
  const batch = fc
    .array(
      fc.oneof(
        event.map((e) => [e]),
        run,
      ),
      { minLength: 1, maxLength: 6 },
    )
    .map((parts) => parts.flat());

  it('drops exactly the events the per-event rule drops, batch after batch, and stores the rest in order in whatever parts', async () => {
    await fc.assert(
      // Small parts, so that batches travel in several and duplicates fall in any of them.
      fc.asyncProperty(fc.array(batch, { minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 120 }), async (batches, partChars) => {
        await redis.flushdb();
        const highest = new Map<string, number>();
        for (const events of batches) {
          const items = events.map(({ engine, seq }) => item(engine, seq));
          const dropped = expectedDrops(highest, items);
          const result = await appendBatch(
            redis,
            items,
            NOV_24,
            options,
            joinInParts(
              items.map((i) => i.payload),
              partChars,
            ),
          );
          expect(result.dropped).toEqual(dropped);
          expect(result.accepted).toBe(items.length - dropped.length);
          if (result.id === undefined) continue;
          const [entry] = (await redis.xrange(keys.stream('2026-11-24'), result.id, result.id)) as [string, string[]][];
          const { names, payloads } = storedPayloads(entry![1]);
          expect(payloads).toEqual(items.filter((_, k) => !dropped.includes(k)).map((i) => i.payload));
          expect(new Set(names)).toEqual(new Set([names.length === 1 ? 'evs' : 'evp']));
        }
        const stored = await redis.hgetall(keys.lastSeq);
        expect(stored).toEqual(Object.fromEntries([...highest].map(([engine, seq]) => [engine, String(seq)])));
      }),
      { numRuns: 60 },
    );
  });
});
