import type { RedisOptions } from 'ioredis';
import type { BookOptions } from '../../core/book';
import { ClusterReplica } from './cluster-replica';
import { clusterKeys, DEFAULT_TAG } from './redis-keys';
import { parseRedisUrl } from './redis-url';
import type { ReplicaSink } from './replica-sink';

/** What an operator may tune about the Redis store (all optional). */
export interface RedisTuning {
  /** Hash tag shared by every key; two desks on one Redis use two tags. */
  readonly tag?: string;
  /** `MAXLEN ~` of each day's stream. Keep it well above `snapshotEveryEvents`. */
  readonly maxLen?: number;
  /** Keys expire this many days after their last write. */
  readonly retentionDays?: number;
  /** Hour (UTC) at which the trading day, and so the stream, rolls over. */
  readonly rolloverHourUtc?: number;
  readonly snapshotEveryMs?: number;
  readonly snapshotEveryEvents?: number;
}

export interface RedisStoreConfig extends RedisTuning {
  /** `redis://HOST:PORT[/DB]`. */
  readonly url: string;
  readonly bookOptions?: BookOptions;
  /** Where the stream goes; a bare book when absent. */
  readonly sink?: ReplicaSink;
  readonly now?: () => number;
  readonly log?: (fields: Record<string, unknown>, message: string) => void;
  /** Names the connections in CLIENT LIST, e.g. the relay's host:port. */
  readonly name?: string;
}

export interface RedisStore {
  readonly replica: ClusterReplica;
  close(): Promise<void>;
}

export const DEFAULT_MAX_LEN = 2_000_000;

/**
 * Connects a relay to the cluster's Redis. ioredis is imported here, lazily, so a relay
 * without `--store` never loads it. Two connections: one for commands, one held by XREAD BLOCK.
 * No offline queue: while Redis is away a command fails at once and ingest can answer 503,
 * instead of piling up requests that would run later in surprising order.
 */
export async function openRedisStore(config: RedisStoreConfig): Promise<RedisStore> {
  const target = parseRedisUrl(config.url);
  const { Redis } = await import('ioredis');
  const options: RedisOptions = {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    retryStrategy: (times) => Math.min(50 * times, 1_000),
    db: target.db,
    connectionName: `orderwatch${config.name === undefined ? '' : `:${config.name}`}`,
  };
  const commands = new Redis(config.url, options);
  const reader = new Redis(config.url, options);
  // ioredis emits 'error' on every failed reconnect; the replica's health reports them instead.
  commands.on('error', () => undefined);
  reader.on('error', () => undefined);
  const retentionDays = config.retentionDays ?? 7;
  const replica = new ClusterReplica(
    { commands, reader },
    {
      keys: clusterKeys(config.tag ?? DEFAULT_TAG),
      maxLen: config.maxLen ?? DEFAULT_MAX_LEN,
      ttlSeconds: Math.round(retentionDays * 86_400),
      rolloverHourUtc: config.rolloverHourUtc ?? 0,
      snapshotEveryMs: config.snapshotEveryMs,
      snapshotEveryEvents: config.snapshotEveryEvents,
      bookOptions: config.bookOptions,
      now: config.now ?? Date.now,
      log: config.log,
    },
    config.sink,
  );
  replica.start();
  return {
    replica,
    close: async () => {
      replica.stop();
      reader.disconnect();
      await commands.quit().catch(() => commands.disconnect());
    },
  };
}
