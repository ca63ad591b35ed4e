import type { AnomalyJson, OrderJson } from '../../src/protocol/order-json';
import { orderToJson } from '../../src/protocol/order-json';
import type { Order } from '../../src/core/order';
import { ordersFromColumns } from '../../src/protocol/snapshot-columns-decode';

/** A relay snapshot (v2) put back together in the readable shape of /api/orders, for assertions. */
export interface ReadableSnapshot {
  readonly v: number;
  readonly rseq: number;
  readonly log_id: string;
  readonly now: number;
  readonly stale_after: number;
  readonly heartbeat_ms: number;
  readonly keep_terminal: number;
  readonly order_count: number;
  readonly summary: Record<string, unknown> & { by_status: Record<string, number>; total_orders: number };
  readonly anomaly_counts: Record<string, number>;
  readonly last_seq: Record<string, number>;
  readonly anomalies: AnomalyJson[];
  readonly orders: OrderJson[];
}

interface Message {
  readonly event?: string | undefined;
  readonly data: string;
}

/**
 * Every complete snapshot in `messages` (snapshot, snapshot_orders…, snapshot_end), in order.
 * Strict, unlike the browser: an unreadable block or a count that does not add up throws.
 */
export function readSnapshots(messages: readonly Message[]): ReadableSnapshot[] {
  const out: ReadableSnapshot[] = [];
  let head: Omit<ReadableSnapshot, 'orders'> | null = null;
  let orders: Order[] = [];
  for (const m of messages) {
    if (m.event === 'snapshot') {
      head = JSON.parse(m.data) as Omit<ReadableSnapshot, 'orders'>;
      orders = [];
    } else if (m.event === 'snapshot_orders') {
      if (head === null) throw new Error('snapshot_orders without a snapshot head');
      const skipped = ordersFromColumns(JSON.parse(m.data) as unknown, orders);
      if (skipped > 0) throw new Error(`snapshot block with ${skipped} unreadable orders`);
    } else if (m.event === 'snapshot_end') {
      if (head === null) throw new Error('snapshot_end without a snapshot head');
      if (orders.length !== head.order_count) throw new Error(`snapshot announced ${head.order_count} orders, sent ${orders.length}`);
      if ((JSON.parse(m.data) as { rseq: unknown }).rseq !== head.rseq) throw new Error('snapshot_end names another rseq');
      out.push({ ...head, orders: orders.map(orderToJson) });
      head = null;
    }
  }
  return out;
}

/** The one snapshot in SSE text as the relay writes it. */
export function readSnapshotText(text: string): ReadableSnapshot {
  const messages = text
    .split('\n\n')
    .filter((m) => m.trim() !== '')
    .map((m) => ({ event: /^event: (.*)$/m.exec(m)?.[1], data: /^data: (.*)$/m.exec(m)?.[1] ?? '' }));
  const [snapshot, ...more] = readSnapshots(messages);
  if (snapshot === undefined || more.length > 0) throw new Error(`expected one snapshot, got ${more.length + (snapshot ? 1 : 0)}`);
  return snapshot;
}
