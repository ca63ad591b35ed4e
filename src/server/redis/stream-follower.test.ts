import type { Redis } from 'ioredis';
import { clusterKeys } from './redis-keys';
import type { RawEntry } from './stream-entry';
import { batchFields } from './entry-parts';
import { StreamFollower } from './stream-follower';

const payload = JSON.stringify({
  type: 'order_created',
  client_order_id: 'a',
  ts: 1,
  engine: 'e',
  symbol: 'S',
  side: 'buy',
  size_usd: 1,
  route: 'r',
});
const entry = (n: number): RawEntry => [`${n}-0`, batchFields(n, 0, [payload])];

/** A follower over scripted XREAD replies, on a clock that only the follower's sleeps move. */
function scripted(replies: RawEntry[][], batchSize: number) {
  let clock = 0;
  const sleeps: number[] = [];
  const reads: number[] = [];
  const reader = {
    xread: async () => {
      reads.push(clock);
      clock += 2; // each read takes 2 ms
      const next = replies.shift();
      if (next === undefined) follower.stop();
      return next === undefined ? null : [['s', next]];
    },
  } as unknown as Redis;
  const follower = new StreamFollower(
    {
      reader,
      commands: { hget: async () => 's' } as unknown as Redis,
      keys: clusterKeys('t'),
      batchSize,
      blockMs: 1_000,
      coalesceMs: 20,
      now: () => clock,
      onEntries: () => undefined,
      onHealthy: () => undefined,
      onError: (error) => {
        throw error;
      },
      sleep: async (ms) => {
        sleeps.push(ms);
        clock += ms;
      },
    },
    { stream: 's', id: '0-0' },
  );
  return { follower, sleeps, reads };
}

describe('StreamFollower', () => {
  it('once caught up, reads again only 20 ms after the last read began, so a burst goes out as one message', async () => {
    const { follower, sleeps, reads } = scripted([[entry(1)], [entry(2), entry(3)]], 10);
    await follower.run();
    expect(sleeps).toEqual([18, 18]);
    expect(reads).toEqual([0, 20, 40]);
    expect(follower.position.id).toBe('3-0');
  });

  it('reads on at once while a reply is full (the relay is behind)', async () => {
    const { follower, sleeps } = scripted([[entry(1), entry(2)], [entry(3), entry(4)], [entry(5)]], 2);
    await follower.run();
    expect(sleeps).toEqual([18]);
    expect(follower.position.id).toBe('5-0');
  });
});
