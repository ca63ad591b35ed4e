import type { OrderEvent } from '../../core/events';
import { createEventMix } from '../../engine/event-mix';
import { decodeEvent, decodeLine } from '../../protocol/decode';
import { toNdjsonLine } from '../../protocol/encode';
import type { RawEntry } from './stream-entry';
import { encodeEventPayload, EVENT_FIELD, parseEntry } from './stream-entry';

const AT = 1_764_000_000_123;

/** An event as the ingesting relay holds it: through the full wire decode, as ingest does. */
function ingested(event: OrderEvent): OrderEvent {
  const decoded = decodeLine(toNdjsonLine(event));
  if (!decoded.ok) throw new Error(decoded.error);
  return decoded.event;
}

function entry(payload: string, rseq: number | string = 7): RawEntry {
  return ['1764000000000-0', [EVENT_FIELD, `${rseq} ${AT} ${payload}`]];
}

const created = { type: 'order_created', client_order_id: 'a', ts: 1_764_000_000.5, engine: 'e', symbol: 'BTC-USD', side: 'buy', size_usd: 10, route: 'r' };

describe('stream entries', () => {
  it('read back every event of the engine mix exactly as the full decode reads it, payload kept as its JSON', () => {
    for (const event of createEventMix({ seed: 11, orders: 300, engines: 2 })) {
      const canonical = ingested(event);
      const payload = encodeEventPayload(canonical);
      const read = parseEntry(entry(payload, 42));
      const full = decodeEvent(JSON.parse(payload));
      if (!full.ok || read.kind !== 'event') throw new Error(`not read: ${payload}`);
      expect(read.stored).toMatchObject({ rseq: 42, at: AT, json: payload });
      expect(read.stored.event).toEqual(full.event);
      expect(read.stored.event).toEqual(canonical);
    }
  });

  it('reads a day rollover marker', () => {
    expect(parseEntry(['5-1', ['next', 'ow:{t}:2026-11-25:ev']])).toEqual({ kind: 'next', id: '5-1', stream: 'ow:{t}:2026-11-25:ev' });
  });

  it.each([
    ['not JSON', '{"type":'],
    ['not an object', '[1,2]'],
    ['an unknown type', JSON.stringify({ ...created, type: 'order_deleted' })],
    ['a prototype key and nothing else', '{"type":"order_created","__proto__":{"x":1}}'],
    ['a missing field', JSON.stringify({ ...created, route: undefined })],
    ['a wrong field type', JSON.stringify({ ...created, size_usd: '10' })],
    ['a status the core does not know', JSON.stringify({ type: 'order_transition', client_order_id: 'a', ts: 1, engine: 'e', status: 'GONE' })],
    ['a negative fill', JSON.stringify({ type: 'order_fill', client_order_id: 'a', ts: 1, engine: 'e', filled_size: -1, filled_value: 0, fees: 0 })],
    ['a fractional seq', JSON.stringify({ ...created, seq: 1.5 })],
  ])('counts an entry whose payload has %s as bad, without throwing', (_, payload) => {
    expect(parseEntry(entry(payload)).kind).toBe('bad');
  });

  it.each([
    ['a field wire v1 does not know', { ...created, note: 'x' }],
    ['no engine', { ...created, engine: undefined }],
    ['an ISO-8601 ts', { ...created, ts: '2025-11-24T16:00:00.500Z' }],
  ])('re-encodes a valid payload that is not in the canonical form (%s)', (_, payload) => {
    const read = parseEntry(entry(JSON.stringify(payload)));
    if (read.kind !== 'event') throw new Error(`not read: ${read.kind}`);
    expect(read.stored.json).toBe(encodeEventPayload(read.stored.event));
    expect(JSON.parse(read.stored.json)).toMatchObject({ ts: 1_764_000_000.5, engine: payload.engine ?? '' });
    expect(JSON.parse(read.stored.json)).not.toHaveProperty('note');
  });

  it.each([
    ['no event field', ['1-0', ['r', '1', 'a', '2', 'e', JSON.stringify(created)]] as RawEntry],
    ['no rseq', entry(JSON.stringify(created), 'x')],
    ['rseq 0', entry(JSON.stringify(created), 0)],
    ['nothing after the arrival time', ['1-0', [EVENT_FIELD, '7 123']] as RawEntry],
    ['an empty field list', ['1-0', []] as RawEntry],
  ])('counts an entry with %s as bad', (_, raw) => {
    expect(parseEntry(raw).kind).toBe('bad');
  });

  it('keeps ts in epoch ms, rounded as the wire decode rounds it', () => {
    const read = parseEntry(entry(JSON.stringify({ ...created, ts: 1_764_000_000.0004 })));
    expect(read.kind === 'event' && read.stored.event.ts).toBe(1_764_000_000_000);
  });
});
