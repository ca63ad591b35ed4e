import type { OrderEvent } from '../../core/events';
import { createEventMix } from '../../engine/event-mix';
import { decodeLine } from '../../protocol/decode';
import { toNdjsonLine } from '../../protocol/encode';
import { OwnEntries } from './own-entries';
import { BATCH_FIELD, batchValue, encodeEventPayload, parseEntry } from './stream-entry';

const AT = 1_764_000_000_123;

function ingested(event: OrderEvent): OrderEvent {
  const decoded = decodeLine(toNdjsonLine(event));
  if (!decoded.ok) throw new Error(decoded.error);
  return decoded.event;
}

describe('OwnEntries', () => {
  const events = [...createEventMix({ seed: 9, orders: 40, engines: 2 })].slice(0, 60).map(ingested);
  const payloads = events.map(encodeEventPayload);

  it('gives back an entry this relay wrote exactly as the full read of the stored entry', () => {
    const own = new OwnEntries(10);
    own.remember('5-0', 20, AT, events, payloads, []);
    const stored = parseEntry(['5-0', [BATCH_FIELD, batchValue(20, AT, payloads)]]);
    expect(own.take('5-0')).toEqual(stored);
    expect(own.take('5-0')).toBeUndefined();
  });

  it('leaves out the duplicates the script dropped, numbering the rest as the entry does', () => {
    const own = new OwnEntries(10);
    own.remember('5-0', 20, AT, events, payloads, [0, 3]);
    const kept = payloads.filter((_, k) => k !== 0 && k !== 3);
    expect(own.take('5-0')).toEqual(parseEntry(['5-0', [BATCH_FIELD, batchValue(20, AT, kept)]]));
  });

  it('forgets what the reader passed without taking, and the oldest beyond its limit', () => {
    const own = new OwnEntries(2);
    for (const id of ['1-0', '2-0', '3-0']) own.remember(id, 1, AT, events.slice(0, 1), payloads.slice(0, 1), []);
    expect(own.size).toBe(2);
    expect(own.take('1-0')).toBeUndefined();
    own.forgetUpTo('2-0');
    expect(own.take('2-0')).toBeUndefined();
    expect(own.take('3-0')?.kind).toBe('events');
  });
});
