import type { RunningRelay } from '../../src/server/relay';
import type { RedisServerHandle } from './redis-server';
import { startRedisServer } from './redis-server';

export interface RedisFixture {
  /** The Redis of this file's tests (started before the first). */
  readonly url: () => string;
  /** Relays the tests start: closed after the last test, before Redis stops. */
  readonly relays: RunningRelay[];
}

/** Registers a Redis for the calling test file and the relays its tests push; both stopped at the end. */
export function useRedisFixture(): RedisFixture {
  let redis: RedisServerHandle | undefined;
  const relays: RunningRelay[] = [];
  beforeAll(async () => {
    redis = await startRedisServer();
  });
  afterAll(async () => {
    await Promise.all(relays.splice(0).map((r) => r.close()));
    await redis?.stop();
  });
  return {
    url: () => {
      if (redis === undefined) throw new Error('Redis is not started yet: call url() inside a test');
      return redis.url;
    },
    relays,
  };
}
