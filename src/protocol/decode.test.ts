import { describe, expect, it } from 'vitest';
import { decodeEvent, decodeLine, decodeWithSchema, eventOf } from './decode';

const created = {
  type: 'order_created',
  client_order_id: 'coid_abc123',
  ts: 1763856000.125,
  seq: 1,
  engine: 'eng-1',
  symbol: 'BTC-USD',
  side: 'buy',
  size_usd: 1000,
  route: 'live',
};
const transition = {
  type: 'order_transition',
  client_order_id: 'coid_abc123',
  ts: '2025-11-23T00:00:00.400Z',
  seq: 2,
  engine: 'eng-1',
  status: 'OPEN',
  order_id: 'exch_456',
};
const fill = {
  type: 'order_fill',
  client_order_id: 'coid_abc123',
  ts: 1763856001.5,
  seq: 3,
  engine: 'eng-1',
  filled_size: 0.004,
  filled_value: 400,
  fees: 1.6,
};

function errorOf(value: unknown): string {
  const d = decodeEvent(value);
  if (d.ok) throw new Error(`expected a rejection, got ${JSON.stringify(d.event)}`);
  return d.error;
}

describe('decode: the documented examples', () => {
  it('reads all three types, ts to epoch ms', () => {
    expect(decodeEvent(created)).toEqual({ ok: true, event: { ...created, ts: 1763856000125 } });
    expect(decodeEvent(transition)).toEqual({ ok: true, event: { ...transition, ts: 1763856000400 } });
    expect(decodeEvent(fill)).toEqual({ ok: true, event: { ...fill, ts: 1763856001500 } });
  });

  it('engine defaults to "", seq, order_id and reason stay optional, unknown fields are dropped', () => {
    const { seq: _s, engine: _e, ...bare } = created;
    const d = decodeEvent({ ...bare, python_extra: { x: 1 } });
    expect(d).toEqual({ ok: true, event: { ...bare, engine: '', ts: 1763856000125 } });
    const t = decodeEvent({ type: 'order_transition', client_order_id: 'a', ts: 1, status: 'CANCELED', reason: 'user' });
    expect(t.ok && t.event).toEqual({
      type: 'order_transition',
      client_order_id: 'a',
      ts: 1000,
      engine: '',
      status: 'CANCELED',
      reason: 'user',
    });
  });

  it('reads an engine_heartbeat: engine and ts required, seq optional, no order named', () => {
    const beat = { type: 'engine_heartbeat', engine: 'eng-1', ts: 1763856010, seq: 9 };
    expect(decodeEvent(beat)).toEqual({ ok: true, event: { ...beat, ts: 1763856010000 } });
    expect(decodeWithSchema(beat)).toEqual(decodeEvent(beat));
    expect(decodeEvent({ type: 'engine_heartbeat', ts: 1 })).toEqual({ ok: false, error: 'engine: is required' });
    expect(decodeEvent({ type: 'engine_heartbeat', ts: 1, engine: '' })).toEqual({
      ok: false,
      error: 'engine: must be a non-empty string',
    });
    expect(decodeEvent({ type: 'engine_heartbeat', engine: 'e' })).toEqual({ ok: false, error: 'ts: is required' });
  });
});

describe('eventOf', () => {
  it('is decodeEvent without the result object: the event, or undefined for what it rejects', () => {
    const values: unknown[] = [
      created,
      transition,
      fill,
      { ...fill, fees: -1 },
      { ...created, side: 'hold' },
      { ...transition, ts: '2025-11-23 00:00' },
      null,
      [],
      'x',
      7,
      {},
    ];
    for (const value of values) {
      const decoded = decodeEvent(value);
      expect(eventOf(value)).toEqual(decoded.ok ? decoded.event : undefined);
    }
    expect(eventOf(fill)).toBeDefined();
    expect(eventOf({ ...fill, fees: -1 })).toBeUndefined();
  });
});

describe('decode: rule 1 rejections name the field', () => {
  it.each([
    [{ ...created, size_usd: 0 }, 'size_usd: must be > 0'],
    [{ ...created, size_usd: -5 }, 'size_usd: must be > 0'],
    [{ ...created, size_usd: '100' }, 'size_usd: Invalid input: expected number, received string'],
    [{ ...created, size_usd: undefined }, 'size_usd: is required'],
    [{ ...created, symbol: '' }, 'symbol: must be a non-empty string'],
    [{ ...created, client_order_id: '' }, 'client_order_id: must be a non-empty string'],
    [{ ...created, client_order_id: 7 }, 'client_order_id: Invalid input: expected string, received number'],
    [{ ...created, route: undefined }, 'route: is required'],
    [{ ...created, engine: 5 }, 'engine: Invalid input: expected string, received number'],
    [{ ...created, seq: 1.5 }, 'seq: must be an integer'],
    [{ ...created, seq: 2 ** 60 }, 'seq: must be an integer'],
    [{ ...created, ts: undefined }, 'ts: is required'],
    [{ ...created, ts: null }, 'ts: must be an ISO-8601 string or Unix epoch seconds'],
    [{ ...created, ts: 'soon' }, 'ts: unreadable timestamp "soon" (want ISO-8601 or Unix epoch seconds)'],
    [{ ...created, ts: -1 }, 'ts: unreadable timestamp -1 (want ISO-8601 or Unix epoch seconds)'],
    [{ ...fill, fees: -0.01 }, 'fees: must be ≥ 0'],
    [{ ...fill, filled_value: undefined }, 'filled_value: is required'],
  ])('%j → %s', (value, error) => {
    expect(errorOf(value)).toBe(error);
  });

  it.each([
    [{ ...created, side: 'hold' }, /^side: /],
    [{ ...transition, status: 'DONE' }, /^status: .*"PARTIAL_FILL"/],
    [
      { ...created, type: 'order_deleted' },
      /^type: unknown event type "order_deleted" \(want one of order_created, order_transition, order_fill, engine_heartbeat\)$/,
    ],
    [{ ...created, type: undefined }, /^type: unknown event type missing/],
    [{ ...created, type: 'toString' }, /^type: unknown event type "toString"/],
  ])('%j → %s', (value, pattern) => {
    expect(errorOf(value)).toMatch(pattern);
  });

  it.each([
    [null, 'not a JSON object (got null)'],
    [[created], 'not a JSON object (got array)'],
    ['order_created', 'not a JSON object (got string)'],
    [42, 'not a JSON object (got number)'],
  ])('%j is not an object', (value, error) => {
    expect(errorOf(value)).toBe(error);
  });
});

describe('decodeLine', () => {
  it('parses JSON then checks it', () => {
    expect(decodeLine(JSON.stringify(fill)).ok).toBe(true);
    expect(decodeLine('{"type":')).toMatchObject({ ok: false, error: expect.stringMatching(/^invalid JSON \(/) });
  });

  it('a number too large for a double becomes Infinity and is rejected as non-finite', () => {
    const d = decodeLine('{"type":"order_fill","client_order_id":"a","ts":1,"filled_size":1e999,"filled_value":0,"fees":0}');
    expect(d).toMatchObject({ ok: false, error: expect.stringMatching(/^filled_size: /) });
    expect(d.ok || d.error).not.toMatch(/required/);
  });

  it('keeps the error short for a huge malformed line', () => {
    const d = decodeLine(`{"x": ${'1'.repeat(5000)}`);
    expect(d.ok || d.error.length).toBeLessThanOrEqual(200);
  });
});
