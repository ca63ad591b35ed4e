import { describe, expect, it } from 'vitest';
import { created, filled, moved, T0 } from '../../test/support/event-builders';
import { zeroByAnomalyKind } from './anomaly';
import type { AlertRulesConfig, RuleInputs } from './alert-rules';
import { DEFAULT_ALERT_RULES, evaluateRules } from './alert-rules';
import { applyEvent } from './apply';
import type { OrderBook } from './book';
import { createBook } from './book';
import type { OrderEvent } from './events';
import { thresholdsOf } from './stale-rules';

const CONFIG: AlertRulesConfig = { ...DEFAULT_ALERT_RULES, stale: thresholdsOf(300, { newAckSec: 30 }) };
const STALE_ONLY: AlertRulesConfig = { ...CONFIG, engineSilentAfterSec: null };

function bookOf(...events: OrderEvent[]): OrderBook {
  const book = createBook();
  for (const e of events) applyEvent(book, e);
  return book;
}

function inputs(book: OrderBook, now: number, extra: Partial<RuleInputs> = {}): RuleInputs {
  return { book, now, anomaliesLastMinute: zeroByAnomalyKind(), finished: { total: 0, failed: 0 }, degraded: null, ...extra };
}

const keys = (book: OrderBook, now: number, extra: Partial<RuleInputs> = {}, config = CONFIG) =>
  evaluateRules(inputs(book, now, extra), config, () => false).conditions.map((c) => c.key);

describe('alert rules, on an injected clock', () => {
  it('stale_order: per order by the stale rules, dated from when the limit was crossed, with its reason', () => {
    const book = bookOf(created('a', { engine: 'e1', ts: T0 }), created('b', { engine: 'e1', ts: T0 + 20_000 }));
    expect(keys(book, T0 + 30_000, {}, STALE_ONLY)).toEqual([]);
    const found = evaluateRules(inputs(book, T0 + 31_000), STALE_ONLY, () => false);
    expect(found.conditions).toEqual([
      {
        key: 'stale_order:a',
        rule: 'stale_order',
        subject: { kind: 'order', id: 'a', engine: 'e1', symbol: 'BTC-USD' },
        summary: 'a BTC-USD: NEW not acknowledged within 30 s',
        since: T0 + 30_000,
      },
    ]);
    expect(found.staleTotal).toBe(1);
    // Acknowledged, it is fine until the overall age limit.
    applyEvent(book, moved('a', 'OPEN', { engine: 'e1', ts: T0 + 32_000 }));
    expect(keys(book, T0 + 299_000, {}, STALE_ONLY)).toEqual(['stale_order:b']);
    expect(
      evaluateRules(inputs(book, T0 + 301_000), STALE_ONLY, () => false).conditions.find((c) => c.key === 'stale_order:a'),
    ).toMatchObject({
      summary: 'a BTC-USD: still OPEN after 300 s',
      since: T0 + 300_000,
    });
    // A finished order is never stale.
    applyEvent(book, filled('a', 1000, { engine: 'e1', ts: T0 + 302_000 }));
    expect(keys(book, T0 + 400_000, {}, STALE_ONLY)).not.toContain('stale_order:a');
  });

  it('stale_order: past maxOrderAlerts only orders that already have an alert keep one; the total still counts them all', () => {
    const book = bookOf(...['a', 'b', 'c', 'd'].map((id) => created(id, { ts: T0 })));
    const config = { ...CONFIG, maxOrderAlerts: 2 };
    const kept = new Set(['stale_order:d']);
    const found = evaluateRules(inputs(book, T0 + 60_000), config, (key) => kept.has(key));
    expect(found.conditions.map((c) => c.key)).toEqual(['stale_order:a', 'stale_order:b', 'stale_order:d']);
    expect(found.staleTotal).toBe(4);
  });

  it('engine_silent: fires after the limit with active orders, clears when the engine speaks (a heartbeat is enough)', () => {
    const book = bookOf(created('a', { engine: 'e1', ts: T0 }), moved('a', 'OPEN', { engine: 'e1', ts: T0 + 1_000 }));
    const noStale = { ...CONFIG, stale: null };
    expect(keys(book, T0 + 61_000, {}, noStale)).toEqual([]);
    const silent = evaluateRules(inputs(book, T0 + 61_001), noStale, () => false);
    expect(silent.conditions).toMatchObject([
      { key: 'engine_silent:e1', since: T0 + 61_000, summary: 'engine e1 has sent nothing for over 60 s with 1 active orders' },
    ]);
    expect(silent.engines).toEqual([{ engine: 'e1', last_ts: T0 + 1_000, active: 1, stale: 0, rejected: 0, silent: true }]);
    applyEvent(book, { type: 'engine_heartbeat', engine: 'e1', ts: T0 + 62_000 });
    expect(keys(book, T0 + 63_000, {}, noStale)).toEqual([]);
  });

  it('engine_silent: an engine with nothing active is watched for engineWatchSec after its last event, then forgotten', () => {
    const book = bookOf(
      created('a', { engine: 'e2', ts: T0 }),
      moved('a', 'OPEN', { engine: 'e2', ts: T0 }),
      moved('a', 'CANCELED', { engine: 'e2', ts: T0 }),
    );
    expect(keys(book, T0 + 120_000)).toEqual(['engine_silent:e2']);
    expect(keys(book, T0 + 3_600_001)).toEqual([]);
  });

  it('anomaly_burst: more than the limit of one kind in the last minute', () => {
    const book = createBook();
    const burst = { ...zeroByAnomalyKind(), unknown_order: 21, overfill: 20 };
    expect(keys(book, T0, { anomaliesLastMinute: burst })).toEqual(['anomaly_burst:unknown_order']);
  });

  it('reject_rate: above the percentage of finished orders, and only with enough of them to be a rate', () => {
    const book = createBook();
    expect(keys(book, T0, { finished: { total: 100, failed: 20 } })).toEqual([]);
    expect(keys(book, T0, { finished: { total: 100, failed: 21 } })).toEqual(['reject_rate:relay']);
    expect(keys(book, T0, { finished: { total: 10, failed: 10 } })).toEqual([]);
  });

  it('feed_degraded: while the store is failing, from when it began', () => {
    const found = evaluateRules(inputs(createBook(), T0, { degraded: { reason: 'disk full', since: T0 - 5_000 } }), CONFIG, () => false);
    expect(found.conditions).toMatchObject([
      { key: 'feed_degraded:relay', since: T0 - 5_000, summary: "the relay's event store is failing: disk full" },
    ]);
  });

  it('a rule set to null is off', () => {
    const book = bookOf(created('a', { engine: 'e1', ts: T0 }));
    const off = { ...CONFIG, stale: null, engineSilentAfterSec: null, anomalyBurstPerMin: null, rejectRatePct: null, feedDegraded: false };
    const everything = { finished: { total: 100, failed: 100 }, degraded: { reason: 'x', since: T0 } };
    expect(keys(book, T0 + 9_999_000, everything, off)).toEqual([]);
  });
});
