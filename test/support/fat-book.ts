import type { OrderEvent } from '../../src/core/events';
import { created, moved } from './event-builders';
import { ndjson, postEvents } from './relay-post';

/** Ids as long as the wire takes (128 bytes), distinct in their first characters. */
export const longId = (i: number): string => `${String(i).padStart(8, '0')}${'i'.repeat(120)}`;
/** A 1 KiB reason (the wire's longest), different for every order so no block table shares it. */
export const longReason = (i: number): string => `${i}:${'r'.repeat(1_020)}`.slice(0, 1_024);

/** Order `i` created and opened with a long reason: ~1.3 KB of wire JSON, ~1.2 KB in a snapshot block. */
export function fatOrder(i: number): OrderEvent[] {
  return [created(longId(i)), moved(longId(i), 'OPEN', { reason: longReason(i) })];
}

/** Posts `events` in bodies under the default 5 MiB limit; every one must be taken whole. */
export async function postInBatches(url: string, events: readonly OrderEvent[], perBatch = 3_000): Promise<void> {
  for (let from = 0; from < events.length; from += perBatch) {
    const { status, reply } = await postEvents(url, ndjson(events.slice(from, from + perBatch)));
    if (status !== 200 || reply.rejected.length > 0)
      throw new Error(`batch at ${from}: ${status} ${JSON.stringify(reply.rejected.slice(0, 2))}`);
  }
}
