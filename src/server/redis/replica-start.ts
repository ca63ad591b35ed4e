import type { Redis } from 'ioredis';
import type { BookOptions, OrderBook } from '../../core/book';
import { createBook } from '../../core/book';
import type { ClusterKeys } from './redis-keys';
import { decodeSnapshot } from './snapshot-codec';
import { snapshotBytes } from './snapshot-gzip';
import type { StreamCursor } from './stream-follower';
import { ZERO_ID } from './stream-id';

export interface StartPoint {
  readonly book: OrderBook;
  readonly cursor: StreamCursor;
  /** Cluster rseq of the state the book holds. */
  readonly rseq: number;
  /** The newest entry of the current stream when we looked: ready once we are past it. */
  readonly target: string | undefined;
  /** Why the stored snapshot was not used, when there was one. */
  readonly snapshotError: string | undefined;
}

/**
 * Where a (re)starting relay begins: the stored snapshot and the stream position it stands
 * for, or, without a usable snapshot, an empty book at the start of the current day's stream.
 */
export async function findStartPoint(redis: Redis, keys: ClusterKeys, todayStream: string, bookOptions: BookOptions): Promise<StartPoint> {
  const [stored, current] = await Promise.all([redis.getBuffer(keys.snapshot), redis.hget(keys.meta, 'stream')]);
  const stream = current ?? todayStream;
  const newest = (await redis.xrevrange(stream, '+', '-', 'COUNT', 1)) as [string, string[]][];
  const target = newest[0]?.[0];
  let snapshotError: string | undefined;
  if (stored !== null) {
    const decoded = decodeSnapshot(await snapshotBytes(stored), bookOptions);
    if (!('error' in decoded)) {
      const { position, book } = decoded;
      return { book, cursor: { stream: position.stream, id: position.id }, rseq: position.rseq, target, snapshotError };
    }
    snapshotError = decoded.error;
  }
  return { book: createBook(bookOptions), cursor: { stream, id: ZERO_ID }, rseq: 0, target, snapshotError };
}
