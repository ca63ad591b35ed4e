import type { Redis } from 'ioredis';
import type { RawEntry, StoredEvent } from './stream-entry';
import { parseEntry } from './stream-entry';

/** Events strictly after `after` and up to `upTo` (inclusive) in one stream, at most `limit`. */
export async function readRange(
  redis: Redis,
  stream: string,
  after: string,
  upTo: string,
  limit: number,
): Promise<StoredEvent[]> {
  const raw = (await redis.xrange(stream, `(${after}`, upTo, 'COUNT', limit)) as RawEntry[];
  const events: StoredEvent[] = [];
  for (const item of raw) {
    const entry = parseEntry(item);
    if (entry.kind === 'event') events.push(entry.stored);
  }
  return events;
}
