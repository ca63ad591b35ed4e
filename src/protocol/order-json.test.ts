import { describe, expect, it } from 'vitest';
import { created, filled, moved, T0 } from '../../test/support/event-builders';
import type { Anomaly } from '../core/anomaly';
import { applyEvent } from '../core/apply';
import { createBook } from '../core/book';
import type { Order } from '../core/order';
import { createRng } from '../lib/rng';
import type { AnomalyJson, OrderJson } from './order-json';
import { readIsoMs } from './iso-time';
import { anomalyFromJson, anomalyToJson, orderFromJson, orderToJson } from './order-json';

/** Orders in every shape the wire carries: filled in steps, rejected with a reason, implicit opens, and an anomaly. */
function busyBook() {
  const book = createBook();
  const e = { engine: 'eng-1' };
  applyEvent(book, created('a', { ...e, seq: 1, ts: T0 + 125 }));
  applyEvent(book, moved('a', 'OPEN', { ...e, seq: 2, order_id: 'x-a', ts: T0 + 400 }));
  applyEvent(book, filled('a', 400, { ...e, seq: 3, ts: T0 + 1500 }));
  applyEvent(book, filled('a', 1000, { ...e, seq: 4, ts: T0 + 3000 }));
  applyEvent(book, created('b', { ...e, seq: 5, side: 'sell', size_usd: 250.5, route: 'live' }));
  applyEvent(book, moved('b', 'REJECTED', { ...e, seq: 6, reason: 'min notional', ts: T0 + 50 }));
  applyEvent(book, created('c', { engine: 'eng-2', seq: 1 }));
  applyEvent(book, filled('c', 3, { engine: 'eng-2', seq: 2 }));
  applyEvent(book, moved('ghost', 'OPEN', { engine: 'eng-2', seq: 3 }));
  return book;
}

/** Through JSON text, as the relay sends it: what survives is what the wire really carries. */
const throughText = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const withoutRev = ({ rev: _rev, ...rest }: Order) => rest;

describe('order JSON', () => {
  it('orderToJson writes ISO-8601 UTC strings and null for what has not happened', () => {
    const json = orderToJson(busyBook().orders.get('c')!);
    expect(json).toMatchObject({ created_at: '2025-11-23T00:00:00.000Z', completed_at: null, first_fill_at: '2025-11-23T00:00:02.000Z' });
    expect(json.avg_price).toBeCloseTo(100_000, 6);
    expect(json.history[0]).toEqual({ from: 'NEW', to: 'OPEN', at: '2025-11-23T00:00:02.000Z', cause: 'implicit' });
    expect(json).not.toHaveProperty('rev');
  });

  it('orderFromJson(orderToJson(o)) equals o, field by field, history and fills included', () => {
    const orders = [...busyBook().orders.values()];
    expect(orders.some((o) => o.fills.length > 1 && o.history.length > 1)).toBe(true);
    expect(orders.some((o) => o.history.some((h) => h.reason !== undefined))).toBe(true);
    for (const order of orders) expect(withoutRev(orderFromJson(throughText(orderToJson(order))))).toEqual(withoutRev(order));
  });

  it('null timestamps stay null both ways, and a decoded order starts at rev 0', () => {
    const order = busyBook().orders.get('b')!;
    const open = { ...order, status: 'NEW', submitted_at: null, first_fill_at: null, completed_at: null, rev: 7 } satisfies Order;
    const json: OrderJson = throughText(orderToJson(open));
    expect(json).toMatchObject({ submitted_at: null, first_fill_at: null, completed_at: null });
    expect(orderFromJson(json)).toEqual({ ...open, rev: 0 });
  });

  it('a history entry without a reason gets no reason key back (not one set to undefined)', () => {
    const order = busyBook().orders.get('a')!;
    const back = orderFromJson(throughText(orderToJson(order)));
    expect(back.history.every((h) => 'reason' in h === (h.reason !== undefined))).toBe(true);
  });

  it('anomalyFromJson(anomalyToJson(a)) equals a', () => {
    const anomalies: Anomaly[] = [
      ...busyBook().anomalies.toArray(),
      { kind: 'overfill', client_order_id: 'z', engine: '', seq: null, ts: T0 + 999, detail: 'filled 2 of 1' },
    ];
    expect(anomalies.length).toBeGreaterThan(1);
    for (const anomaly of anomalies) {
      const json: AnomalyJson = throughText(anomalyToJson(anomaly));
      expect(json.ts).toBe(new Date(anomaly.ts).toISOString());
      expect(anomalyFromJson(json)).toEqual(anomaly);
    }
  });
});

describe('order JSON times', () => {
  it('read back as written: toISOString output across three centuries (seeded)', () => {
    const seed = 11;
    const rng = createRng(seed);
    for (let i = 0; i < 20_000; i++) {
      const ms = Math.floor(rng.next() * 8.64e12); // 1970 to about 2243
      const s = new Date(ms).toISOString();
      expect(readIsoMs(s), `seed ${seed}: ${s}`).toBe(ms);
    }
  });

  it('read back at month ends, leap days, century years and the epoch', () => {
    for (const s of [
      '1970-01-01T00:00:00.000Z',
      '2000-02-29T23:59:59.999Z',
      '2100-03-01T00:00:00.000Z',
      '2024-12-31T12:00:00.000Z',
      '1999-12-31T23:59:59.999Z',
    ]) {
      expect(readIsoMs(s), s).toBe(Date.parse(s));
    }
  });
});
