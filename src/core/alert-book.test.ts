import { describe, expect, it } from 'vitest';
import type { AlertCondition } from './alert-book';
import { act, allAlerts, CLUSTER_SKEW_MS, createAlertBook, keyOfId, reconcile, remoteTarget } from './alert-book';
import { compareAlerts } from './alert';

const T = Date.UTC(2026, 11, 3, 12);
const stale = (id: string, since = T - 1_000, engine = 'e1'): AlertCondition => ({
  key: `stale_order:${id}`,
  rule: 'stale_order',
  subject: { kind: 'order', id, engine, symbol: 'BTC-USD' },
  summary: `${id} BTC-USD: still OPEN after 300 s`,
  since,
});

describe('alert book: fire, resolve, acknowledge, snooze, silence', () => {
  it('a new condition fires once, with an id of its key and start; it resolves when the condition ends', () => {
    const book = createAlertBook();
    const [fired] = reconcile(book, [stale('a')], T);
    expect(fired).toMatchObject({ id: `stale_order:a@${T - 1_000}`, state: 'firing', severity: 'warning', started_at: T - 1_000 });
    expect(reconcile(book, [stale('a')], T + 1_000)).toEqual([]);
    const [resolved] = reconcile(book, [], T + 2_000);
    expect(resolved).toMatchObject({ id: fired!.id, state: 'resolved', resolved_at: T + 2_000 });
    expect(book.open.size).toBe(0);
    // It comes back: a new episode, a new alert.
    const [again] = reconcile(book, [stale('a', T + 5_000)], T + 6_000);
    expect(again!.id).not.toBe(fired!.id);
  });

  it('an acknowledgement holds while the condition does, whatever its wording; unack returns it to firing', () => {
    const book = createAlertBook();
    const [fired] = reconcile(book, [stale('a')], T);
    const acked = act(book, { type: 'ack', id: fired!.id, by: 'Dana', comment: 'on it', at: T + 10 }, T + 10);
    expect(acked).toMatchObject({ ok: true, changed: [{ state: 'acknowledged', ack: { by: 'Dana', at: T + 10, comment: 'on it' } }] });
    expect(reconcile(book, [{ ...stale('a'), summary: 'reworded', since: T + 500 }], T + 1_000)).toEqual([]);
    expect(book.open.get('stale_order:a')).toMatchObject({ state: 'acknowledged', id: fired!.id });
    const unacked = act(book, { type: 'unack', id: fired!.id, by: 'Dana', at: T + 2_000 }, T + 2_000);
    expect(unacked).toMatchObject({ ok: true, changed: [{ state: 'firing', ack: null }] });
  });

  it('a snooze quiets an alert until its end, then it fires again by itself', () => {
    const book = createAlertBook();
    const [fired] = reconcile(book, [stale('a')], T);
    act(book, { type: 'snooze', id: fired!.id, by: 'Dana', until: T + 60_000, at: T }, T);
    expect(book.open.get('stale_order:a')!.state).toBe('snoozed');
    expect(reconcile(book, [stale('a')], T + 59_000)).toEqual([]);
    expect(reconcile(book, [stale('a')], T + 60_000)).toMatchObject([{ state: 'firing', snoozed_until: null }]);
  });

  it('a silence by matcher holds every matching alert, new ones too, until it ends or is lifted', () => {
    const book = createAlertBook();
    reconcile(book, [stale('a', T, 'e1'), stale('b', T, 'e2')], T);
    const silence = {
      id: 's1',
      matcher: { rule: 'stale_order' as const, engine: 'e1' },
      ends_at: T + 60_000,
      by: 'Sam',
      comment: 'e1 maintenance',
      created_at: T,
    };
    const result = act(book, { type: 'silence', silence }, T);
    expect(result.ok && result.changed.map((a) => [a.key, a.state, a.silenced_by])).toEqual([['stale_order:a', 'snoozed', 's1']]);
    expect(reconcile(book, [stale('a', T, 'e1'), stale('b', T, 'e2'), stale('c', T, 'e1')], T + 1_000)).toMatchObject([
      { key: 'stale_order:c', state: 'snoozed', silenced_by: 's1' },
    ]);
    const lifted = act(book, { type: 'unsilence', silence_id: 's1', by: 'Sam', at: T + 2_000 }, T + 2_000);
    expect(lifted.ok && lifted.changed.map((a) => a.state)).toEqual(['firing', 'firing']);
    // A silence that ran out is dropped at the next evaluation, waking what it held.
    act(book, { type: 'silence', silence: { ...silence, id: 's2', ends_at: T + 3_000 } }, T + 2_500);
    expect(reconcile(book, [stale('a', T, 'e1'), stale('b', T, 'e2'), stale('c', T, 'e1')], T + 3_000).map((a) => a.state)).toEqual([
      'firing',
      'firing',
    ]);
    expect(book.silences.size).toBe(0);
  });

  it('refuses to act on an unknown alert (404) or a resolved one (409), naming it', () => {
    const book = createAlertBook();
    const [fired] = reconcile(book, [stale('a')], T);
    reconcile(book, [], T + 1);
    expect(act(book, { type: 'ack', id: fired!.id, by: 'x', comment: '', at: T }, T)).toEqual({
      ok: false,
      status: 409,
      error: `alert ${fired!.id} is resolved: its condition ended`,
    });
    expect(act(book, { type: 'ack', id: 'nope', by: 'x', comment: '', at: T }, T)).toEqual({
      ok: false,
      status: 404,
      error: 'no alert nope',
    });
  });

  it('keeps at most resolvedLimit resolved alerts, and sorts firing first, newest first', () => {
    const book = createAlertBook(3);
    for (let i = 0; i < 5; i++) {
      reconcile(book, [stale(`o${i}`, T + i)], T + i);
      reconcile(book, [], T + i);
    }
    expect(book.resolved.map((a) => a.subject.id)).toEqual(['o2', 'o3', 'o4']);
    const [x] = reconcile(book, [stale('x', T - 50), stale('y', T + 50)], T + 100);
    act(book, { type: 'ack', id: x!.id, by: 'd', comment: '', at: T }, T + 100);
    expect(
      allAlerts(book)
        .sort(compareAlerts)
        .map((a) => `${a.subject.id}:${a.state}`),
    ).toEqual(['y:firing', 'x:acknowledged', 'o4:resolved', 'o3:resolved', 'o2:resolved']);
  });
});

describe('alert book: another relay’s action', () => {
  const burst = (since: number): AlertCondition => ({
    key: 'anomaly_burst:late_event',
    rule: 'anomaly_burst',
    subject: { kind: 'relay', id: 'late_event', engine: null, symbol: null },
    summary: '25 late_event anomalies in the last minute (limit 20)',
    since,
  });

  it('an order alert is addressed by its id, the same on every relay', () => {
    const book = createAlertBook();
    const [fired] = reconcile(book, [stale('a')], T);
    const action = { type: 'ack', id: fired!.id, by: 'Dana', comment: '', at: T } as const;
    expect(remoteTarget(book, action)).toBe(action);
    expect(remoteTarget(book, { ...action, id: 'stale_order:a@1' })).toBeUndefined();
  });

  it('a relay-wide alert, dated by each relay, is matched by its condition when this episode began by the action', () => {
    const book = createAlertBook();
    const [here] = reconcile(book, [burst(T + 2_000)], T + 2_000);
    const elsewhere = { type: 'ack', id: `anomaly_burst:late_event@${T}`, by: 'Dana', comment: 'known', at: T + 1_000 } as const;
    expect(remoteTarget(book, elsewhere)).toEqual({ ...elsewhere, id: here!.id });
    // An acknowledgement given long before this episode began was about an earlier one.
    expect(remoteTarget(book, { ...elsewhere, at: T + 2_000 - CLUSTER_SKEW_MS - 1 })).toBeUndefined();
    // Another condition's key never matches.
    expect(remoteTarget(book, { ...elsewhere, id: `anomaly_burst:unknown_order@${T}` })).toBeUndefined();
  });

  it('keyOfId reads the condition from an id, even when the key holds an @', () => {
    expect(keyOfId('stale_order:a@b@1764763200000')).toBe('stale_order:a@b');
  });
});
