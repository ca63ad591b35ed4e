import type { OrderEvent } from '../../core/events';
import { createEventMix } from '../../../test/support/event-mix';
import { decodeLine } from '../../protocol/decode';
import { toNdjsonLine } from '../../protocol/encode';
import type { AppendResult } from './append-script';
import { OwnEntries } from './own-entries';
import type { RawEntry } from './stream-entry';
import { batchFields, joinInParts } from './entry-parts';
import { encodeEventPayload, parseEntry } from './stream-entry';

const AT = 1_764_000_000_123;

function ingested(event: OrderEvent): OrderEvent {
  const decoded = decodeLine(toNdjsonLine(event));
  if (!decoded.ok) throw new Error(decoded.error);
  return decoded.event;
}

const raw = (id: string, rseq: number, at: number, payloads: readonly string[]): RawEntry => [
  id,
  batchFields(rseq, at, joinInParts(payloads)),
];

describe('OwnEntries', () => {
  const events = [...createEventMix({ seed: 9, orders: 40, engines: 2 })].slice(0, 60).map(ingested);
  const payloads = events.map(encodeEventPayload);
  const result = (id: string | undefined, dropped: number[] = []): AppendResult => ({
    id,
    accepted: 60 - dropped.length,
    duplicates: dropped.length,
    firstRseq: 20,
    dropped,
  });

  it('gives back an entry this relay sent exactly as the full read of it, before or after the reply', () => {
    for (const replied of [false, true]) {
      const own = new OwnEntries(10);
      const sent = own.begin(AT, events, payloads);
      if (replied) own.settled(sent, result('5-0'), () => false);
      const stored = raw('5-0', 20, AT, payloads);
      expect(own.take(stored)).toEqual(parseEntry(stored));
      expect(own.take(stored)).toBeUndefined();
    }
  });

  it('takes an entry this relay sent in parts, and not one whose later part differs', () => {
    const own = new OwnEntries(10);
    const many = Array.from({ length: 40 }, () => payloads).flat();
    const manyEvents = Array.from({ length: 40 }, () => events).flat();
    const sent = own.begin(AT, manyEvents, many);
    expect(sent.parts.length).toBeGreaterThan(2);
    const stored: RawEntry = ['5-0', batchFields(20, AT, sent.parts)];
    const altered: RawEntry = ['5-0', stored[1].map((field, f) => (f === stored[1].length - 1 ? field.replace('"', "'") : field))];
    expect(own.take(altered)).toBeUndefined();
    const renamed: RawEntry = ['5-0', stored[1].map((field, f) => (f % 2 === 0 ? 'evs' : field))];
    expect(own.take(renamed)).toBeUndefined();
    expect(own.take(stored)).toEqual(parseEntry(stored));
  });

  it('does not take an entry that differs from what was sent by a byte, nor one with duplicates dropped', () => {
    const own = new OwnEntries(10);
    own.begin(AT, events, payloads);
    expect(own.take(raw('5-0', 20, AT + 1, payloads))).toBeUndefined();
    expect(own.take(raw('5-0', 20, AT, [...payloads.slice(0, -1), payloads.at(-1)!.replace('"', "'")]))).toBeUndefined();
    expect(own.take(raw('5-0', 20, AT, payloads.slice(1)))).toBeUndefined();
    const withDuplicates = own.begin(AT + 5, events, payloads);
    own.settled(withDuplicates, result('6-0', [0]), () => false);
    expect(own.take(raw('6-0', 20, AT + 5, payloads.slice(1)))).toBeUndefined();
  });

  it('forgets batches that failed, that the reader passed, and the oldest beyond its limit', () => {
    const own = new OwnEntries(2);
    const failed = own.begin(AT, events, payloads);
    own.settled(failed, undefined, () => false);
    expect(own.size).toBe(0);
    for (const at of [1, 2, 3]) own.settled(own.begin(at, events, payloads), result(`${at}-0`), () => false);
    expect(own.size).toBe(2);
    own.forgetPassed((id) => id === '2-0');
    expect(own.take(raw('2-0', 1, 2, payloads))).toBeUndefined();
    expect(own.take(raw('3-0', 1, 3, payloads))?.kind).toBe('events');
  });
});
