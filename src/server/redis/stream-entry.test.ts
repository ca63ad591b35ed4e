import type { OrderEvent } from '../../core/events';
import { createEventMix } from '../../../test/support/event-mix';
import { decodeEvent, decodeLine } from '../../protocol/decode';
import { toNdjsonLine } from '../../protocol/encode';
import type { RawEntry } from './stream-entry';
import type { StoredEvent } from './stream-entry';
import { idAtPlace } from './stream-id';
import { BATCH_FIELD, batchFields, joinInParts } from './entry-parts';
import { canonicalPayload, encodeEventPayload, parseEntry } from './stream-entry';

const AT = 1_764_000_000_123;

/** An event as the ingesting relay holds it: through the full wire decode, as ingest does. */
function ingested(event: OrderEvent): OrderEvent {
  const decoded = decodeLine(toNdjsonLine(event));
  if (!decoded.ok) throw new Error(decoded.error);
  return decoded.event;
}

const ID = '1764000000000-0';

function entry(payload: string, rseq: number | string = 7): RawEntry {
  return [ID, [BATCH_FIELD, `${rseq} ${AT}\n${payload}`]];
}

/** The one event of a one-event entry; fails the test when it was not read. */
function only(raw: RawEntry): StoredEvent {
  const read = parseEntry(raw);
  if (read.kind !== 'events' || read.events.length !== 1) throw new Error(`not read: ${JSON.stringify(read)}`);
  return read.events[0]!;
}

/** True when the entry's one payload was counted as bad, nothing applied and nothing thrown. */
function unreadable(raw: RawEntry): boolean {
  const read = parseEntry(raw);
  return read.kind === 'bad' || (read.kind === 'events' && read.events.length === 0 && read.bad === 1);
}

const created = {
  type: 'order_created',
  client_order_id: 'a',
  ts: 1_764_000_000.5,
  engine: 'e',
  symbol: 'BTC-USD',
  side: 'buy',
  size_usd: 10,
  route: 'r',
};

describe('stream entries', () => {
  it('read back every event of the engine mix exactly as the full decode reads it, payload kept as its JSON', () => {
    for (const event of createEventMix({ seed: 11, orders: 300, engines: 2 })) {
      const canonical = ingested(event);
      const payload = encodeEventPayload(canonical);
      const read = only(entry(payload, 42));
      const full = decodeEvent(JSON.parse(payload));
      if (!full.ok) throw new Error(`not read: ${payload}`);
      expect(read).toMatchObject({ rseq: 42, at: AT, json: payload, entry: ID, place: -1 });
      expect(read.event).toEqual(full.event);
      expect(read.event).toEqual(canonical);
    }
  });

  it('reads an entry in parts exactly as the same events in one part, places and rseqs running across parts', () => {
    const events = [...createEventMix({ seed: 5, orders: 40, engines: 2 })].slice(0, 50).map(ingested);
    const payloads = events.map(encodeEventPayload);
    const whole = parseEntry([ID, batchFields(100, AT, [payloads.join('\n')])]);
    for (const limit of [1, 300, 2_000]) {
      const fields = batchFields(100, AT, joinInParts(payloads, limit));
      expect(fields.length).toBeGreaterThan(2);
      expect(parseEntry([ID, fields])).toEqual(whole);
    }
    if (whole.kind !== 'events') throw new Error(whole.kind);
    expect(whole.events.map((e) => e.rseq)).toEqual(payloads.map((_, k) => 100 + k));
  });

  it('counts an entry with fields out of place as bad instead of reading some of it', () => {
    const [a, b] = [
      encodeEventPayload(ingested(created as OrderEvent)),
      encodeEventPayload(ingested({ ...created, client_order_id: 'b' } as OrderEvent)),
    ];
    expect(parseEntry([ID, ['evp', `1 ${AT}\n${a}`, 'evp', b]]).kind).toBe('events');
    for (const fields of [
      ['evp', `1 ${AT}\n${a}`, 'other', 'x', 'evp', b],
      ['evs', `1 ${AT}\n${a}`, 'evs', b],
      ['evp', `1 ${AT}\n${a}`, 'evs', b],
      ['evp', `1 ${AT}\n${a}`, 'evp'],
    ]) {
      expect(parseEntry([ID, fields]).kind, fields.join(' | ')).toBe('bad');
    }
  });

  it('reads a batch entry as its events, numbered from the first rseq, each with its place as id', () => {
    const events = [...createEventMix({ seed: 3, orders: 5, engines: 1 })].slice(0, 4).map(ingested);
    const read = parseEntry([ID, batchFields(100, AT, joinInParts(events.map(encodeEventPayload)))]);
    if (read.kind !== 'events') throw new Error(read.kind);
    expect(read.events.map((e) => [e.rseq, idAtPlace(e.entry, e.place), e.at])).toEqual([
      [100, `${ID}:0`, AT],
      [101, `${ID}:1`, AT],
      [102, `${ID}:2`, AT],
      [103, ID, AT],
    ]);
    expect(read.events.map((e) => e.event)).toEqual(events);
    expect(read.bad).toBe(0);
  });

  it('skips and counts an unreadable payload inside a batch, keeping the rseqs of the others', () => {
    const good = encodeEventPayload(ingested(created as unknown as OrderEvent));
    const read = parseEntry([ID, batchFields(10, AT, [[good, '{"type":', good].join('\n')])]);
    if (read.kind !== 'events') throw new Error(read.kind);
    expect(read.events.map((e) => [e.rseq, idAtPlace(e.entry, e.place)])).toEqual([
      [10, `${ID}:0`],
      [12, ID],
    ]);
    expect(read.bad).toBe(1);
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
    [
      'a status the core does not know',
      JSON.stringify({ type: 'order_transition', client_order_id: 'a', ts: 1, engine: 'e', status: 'GONE' }),
    ],
    [
      'a negative fill',
      JSON.stringify({ type: 'order_fill', client_order_id: 'a', ts: 1, engine: 'e', filled_size: -1, filled_value: 0, fees: 0 }),
    ],
    ['a fractional seq', JSON.stringify({ ...created, seq: 1.5 })],
  ])('counts an entry whose payload has %s as bad, without throwing', (_, payload) => {
    expect(unreadable(entry(payload))).toBe(true);
  });

  it.each([
    ['a field wire v1 does not know', { ...created, note: 'x' }],
    ['no engine', { ...created, engine: undefined }],
    ['an ISO-8601 ts', { ...created, ts: '2025-11-24T16:00:00.500Z' }],
  ])('re-encodes a valid payload that is not in the canonical form (%s)', (_, payload) => {
    const read = only(entry(JSON.stringify(payload)));
    expect(read.json).toBe(encodeEventPayload(read.event));
    expect(JSON.parse(read.json)).toMatchObject({ ts: 1_764_000_000.5, engine: payload.engine ?? '' });
    expect(JSON.parse(read.json)).not.toHaveProperty('note');
  });

  it.each([
    ['the three-field format of older relays', ['1-0', ['r', '1', 'a', '2', 'e', JSON.stringify(created)]] as RawEntry],
    ['the one-event format of older relays', ['1-0', ['ev', `1 2 ${JSON.stringify(created)}`]] as RawEntry],
    ['no rseq', entry(JSON.stringify(created), 'x')],
    ['rseq 0', entry(JSON.stringify(created), 0)],
    ['no line after the header', ['1-0', [BATCH_FIELD, '7 123']] as RawEntry],
    ['no arrival time', ['1-0', [BATCH_FIELD, `7\n${JSON.stringify(created)}`]] as RawEntry],
    ['an empty field list', ['1-0', []] as RawEntry],
  ])('counts an entry with %s as bad', (_, raw) => {
    expect(parseEntry(raw).kind).toBe('bad');
  });

  it('counts an entry with an empty payload line as one bad event', () => {
    expect(unreadable([ID, [BATCH_FIELD, '7 123\n']])).toBe(true);
  });

  it('re-encodes a canonical payload holding a raw CR, which would break an SSE line', () => {
    const payload = JSON.stringify(created).replace(',', ',\r');
    expect(only(entry(payload)).json).toBe(JSON.stringify(created));
  });

  it('keeps ts in epoch ms, rounded as the wire decode rounds it', () => {
    expect(only(entry(JSON.stringify({ ...created, ts: 1_764_000_000.0004 }))).event.ts).toBe(1_764_000_000_000);
  });

  describe("canonicalPayload (what ingest stores for an engine's line)", () => {
    const stored = (text: string): string => {
      const parsed: unknown = JSON.parse(text);
      const decoded = decodeEvent(parsed);
      if (!decoded.ok) throw new Error(decoded.error);
      return canonicalPayload(text, parsed, decoded.event);
    };

    it('keeps a line already in the canonical form as it came, spaces and key order included', () => {
      const text = `{ "ts": 1764000000.5, "type": "order_created", "engine": "e", "client_order_id": "a", "symbol": "BTC-USD", "side": "buy", "size_usd": 10, "route": "paper" }`;
      expect(stored(text)).toBe(text);
      expect(only(entry(stored(text))).event).toEqual(only(entry(encodeEventPayload(only(entry(text)).event))).event);
    });

    it.each([
      ['a field wire v1 does not know', JSON.stringify({ ...created, note: 'x' })],
      ['no engine', JSON.stringify({ ...created, engine: undefined })],
      ['an ISO-8601 ts', JSON.stringify({ ...created, ts: '2025-11-24T16:00:00.500Z' })],
      ['a raw CR', JSON.stringify(created).replace(',', ',\r')],
      ['padding beyond 4 KiB', `${JSON.stringify(created)}${' '.repeat(5_000)}`],
    ])('re-encodes a line with %s', (_, text) => {
      const parsed: unknown = JSON.parse(text);
      const decoded = decodeEvent(parsed);
      if (!decoded.ok) throw new Error(decoded.error);
      expect(stored(text)).toBe(encodeEventPayload(decoded.event));
    });
  });
});
