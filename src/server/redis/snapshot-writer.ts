import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { ClusterKeys } from './redis-keys';
import type { SnapshotLine, SnapshotPosition } from './snapshot-codec';
import { gzipLines } from './snapshot-gzip';

/**
 * Replaces the snapshot only when the new one is newer than the stored one (two relays may
 * finish out of order if a lock expired under a slow writer) and releases the lock only when
 * it is still ours.
 */
const PUBLISH_LUA = `
local stored = tonumber(redis.call('HGET', KEYS[3], 'snap_rseq') or '-1')
local published = 0
if tonumber(ARGV[2]) > stored then
  redis.call('RENAME', KEYS[1], KEYS[2])
  redis.call('EXPIRE', KEYS[2], ARGV[3])
  redis.call('HSET', KEYS[3], 'snap_rseq', ARGV[2])
  published = 1
else
  redis.call('DEL', KEYS[1])
end
if redis.call('GET', KEYS[4]) == ARGV[1] then redis.call('DEL', KEYS[4]) end
return published
`;

export interface SnapshotWriteOptions {
  readonly keys: ClusterKeys;
  readonly ttlSeconds: number;
  /** How long the writer lock lives if its holder dies mid-write. */
  readonly lockMs: number;
  readonly now: number;
}

export type SnapshotWriteResult = 'written' | 'locked' | 'stale';

/** The book held still while it is written: its position and its snapshot lines. */
export interface FrozenBook {
  readonly position: SnapshotPosition;
  readonly lines: Iterable<SnapshotLine>;
  /** Lets the book move again; safe to call more than once. */
  release(): void;
}

/**
 * Writes the book as the cluster snapshot, if no other relay is writing one right now
 * (SET NX PX). `freeze` is called only once the lock is held; the caller keeps the book still
 * until `release` (the replica pauses applying; events wait in Redis meanwhile), which lets
 * this yield to the event loop between pieces. The snapshot is stored gzipped under a private
 * key and renamed into place, so readers never see half of one.
 */
export async function writeSnapshot(redis: Redis, freeze: () => FrozenBook, options: SnapshotWriteOptions): Promise<SnapshotWriteResult> {
  const { keys } = options;
  const token = randomUUID();
  const locked = await redis.set(keys.snapshotLock, token, 'PX', options.lockMs, 'NX');
  if (locked !== 'OK') return 'locked';
  const tmp = `${keys.snapshotTmp}:${token}`;
  const frozen = freeze();
  const { position } = frozen;
  try {
    // The book may move again as soon as its lines are made; compressing and storing them need not wait.
    const body = await gzipLines(frozen.lines, () => frozen.release());
    await redis.set(tmp, body);
    const published = await redis.eval(
      PUBLISH_LUA,
      4,
      tmp,
      keys.snapshot,
      keys.meta,
      keys.snapshotLock,
      token,
      position.rseq,
      options.ttlSeconds,
    );
    return published === 1 ? 'written' : 'stale';
  } catch (error) {
    await redis.del(tmp).catch(() => 0);
    throw error;
  } finally {
    frozen.release();
  }
}
