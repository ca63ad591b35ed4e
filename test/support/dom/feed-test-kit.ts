/** Shared by the feed client's tests: a dashboard, a scripted relay and message builders. */
import type { Order } from '../../../src/core/order';
import { createDashboard } from '../../../src/store/dashboard-store';
import type { Scheduler } from '../../../src/store/dashboard-store';
import { createFeed } from '../../../src/client/feed-client';
import { fakeFetch, snapshotMessages } from './fake-relay';
import { ManualClock } from '../manual-clock';
import { toWire } from '../../../src/protocol/encode';
import * as base from '../event-builders';

export const T0 = Date.parse('2026-11-24T12:00:00Z');

/** Stream items (rseq, arrival, the event in wire v1) over the one set of builders, engine e1. */
export function created(rseq: number, id: string, at = T0) {
  return { rseq, at, event: toWire(base.created(id, { ts: at, engine: 'e1' })) };
}
export function fill(rseq: number, id: string, value: number, at = T0) {
  return { rseq, at, event: toWire(base.filled(id, value, { ts: at, engine: 'e1', filled_size: value / 100, fees: 0 })) };
}
/** An open order as the relay's book would hold it. */
export function openOrder(id: string): Order {
  return {
    client_order_id: id,
    order_id: null,
    engine: 'e1',
    symbol: 'ETH-USD',
    side: 'sell',
    size_usd: 500,
    route: 'paper',
    status: 'OPEN',
    filled_size: 0,
    filled_value: 0,
    fees: 0,
    avg_price: null,
    fill_pct: 0,
    created_at: T0 - 60_000,
    submitted_at: null,
    first_fill_at: null,
    completed_at: null,
    last_update_at: T0,
    history: [],
    fills: [],
    rev: 0,
  };
}

/** The SSE text of a snapshot holding open orders `ids`; `extra` overrides head fields. */
export function snapshot(rseq: number, ids: string[] = [], extra: Record<string, unknown> = {}): string {
  return snapshotMessages(
    { rseq, now: T0, summary: {}, anomalies: [], anomaly_counts: {}, last_seq: {}, stale_after: 120, heartbeat_ms: 1000, ...extra },
    ids.map(openOrder),
  );
}

export function setup(options: { token?: string } = {}) {
  const clock = new ManualClock();
  const frames: (() => void)[] = [];
  const scheduler: Scheduler = { frame: (fn) => void frames.push(fn), now: clock.now };
  const dashboard = createDashboard(scheduler);
  const relay = fakeFetch();
  const feed = createFeed({ dashboard, fetch: relay.fetch, clock, random: () => 0.5, token: options.token ?? null });
  const frame = (): void => {
    for (const fn of frames.splice(0)) fn();
  };
  const status = () => dashboard.store.getState().feed.status;
  return { clock, frames, frame, dashboard, relay, feed, status };
}
