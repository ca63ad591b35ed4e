import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { ANOMALY_KINDS } from '../core/anomaly';
import { isStale } from '../core/queries';
import { STATUSES } from '../core/status';
import type { ConnectionCaps, RefusedKind } from './connection-caps';
import type { RelayState } from './relay-state';
import { mirrorCounter, mirrorCounterByLabel } from './prom-mirror';

export interface RelayMetrics {
  readonly registry: Registry;
  readonly bytesStreamed: Counter;
  readonly lag: Histogram;
}

export interface RelayMetricsDeps {
  readonly state: RelayState;
  /** Open streams and ingests, and what the caps refused. */
  readonly caps?: ConnectionCaps;
  readonly now: () => number;
  readonly staleAfterSec: number;
  readonly clients: () => number;
  /** Bytes queued for all stream clients (bounded by --stream-bytes-total). */
  readonly streamQueued?: () => number;
  /** Stream clients dropped, by why. */
  readonly drops?: () => Readonly<Record<string, number>>;
}

/**
 * Prometheus metrics on a registry of their own (several relays can live in one test process).
 * Totals the core already keeps are read at scrape time rather than counted twice.
 */
export function createRelayMetrics(deps: RelayMetricsDeps): RelayMetrics {
  const registry = new Registry();
  const { state } = deps;
  const book = state.book;
  const mirror = (name: string, help: string, read: () => number): void => mirrorCounter(registry, name, help, read);
  mirror('orderwatch_events_accepted_total', 'Events accepted (passed validation and dedup)', () => state.totals.accepted);
  mirror('orderwatch_events_rejected_total', 'Lines rejected (invalid JSON or schema)', () => state.totals.rejected);
  mirror(
    'orderwatch_events_duplicate_total',
    'Events skipped as duplicates (seq at or below the engine high-water mark)',
    () => book.duplicates,
  );
  mirror(
    'orderwatch_ingest_internal_errors_total',
    'Lines whose handling threw in the relay (a bug: each is logged with its line number); also in rejected',
    () => state.totals.internalErrors,
  );
  mirror('orderwatch_orders_evicted_total', 'Terminal orders removed by cleanup', () => state.totals.evicted);
  mirrorCounterByLabel(registry, 'orderwatch_anomalies_total', 'Anomalies recorded, by kind', 'kind', () =>
    ANOMALY_KINDS.map((kind) => [kind, book.anomalyCounts[kind]] as const),
  );
  new Gauge({
    name: 'orderwatch_orders',
    help: 'Orders in the relay book, by status',
    labelNames: ['status'],
    registers: [registry],
    collect() {
      for (const status of STATUSES) this.set({ status }, book.byStatus[status]);
    },
  });
  new Gauge({
    name: 'orderwatch_orders_stale',
    help: 'Active orders older than the stale threshold',
    registers: [registry],
    collect() {
      const now = deps.now();
      let stale = 0;
      for (const order of book.orders.values()) if (isStale(order, now, deps.staleAfterSec)) stale++;
      this.set(stale);
    },
  });
  new Gauge({
    name: 'orderwatch_stream_clients',
    help: 'Connected stream clients',
    registers: [registry],
    collect() {
      this.set(deps.clients());
    },
  });
  new Gauge({
    name: 'orderwatch_relay_rseq',
    help: 'Newest relay sequence number',
    registers: [registry],
    collect() {
      this.set(state.log.lastRseq);
    },
  });
  mirrorCounterByLabel(
    registry,
    'orderwatch_events_refused_total',
    'Lines refused by a memory bound (--max-engines, --max-active-orders), by limit; also in rejected',
    'limit',
    () => (['max_engines', 'max_active_orders'] as const).map((limit) => [limit, state.totals.refused[limit]] as const),
  );
  if (deps.caps !== undefined) registerCapMetrics(registry, deps.caps);
  new Gauge({
    name: 'orderwatch_engines',
    help: 'Distinct engines the book tracks (bounded by --max-engines)',
    registers: [registry],
    collect() {
      this.set(book.engines.size);
    },
  });
  new Gauge({
    name: 'orderwatch_log_bytes',
    help: 'JSON bytes of the events the resume log holds (bounded by --log-bytes)',
    registers: [registry],
    collect() {
      this.set(state.log.bytesHeld);
    },
  });
  new Gauge({
    name: 'orderwatch_log_first_rseq',
    help: 'Oldest rseq a client can still resume after (older ones get a snapshot)',
    registers: [registry],
    collect() {
      this.set(state.log.firstRseq);
    },
  });
  new Gauge({
    name: 'orderwatch_stream_queued_bytes',
    help: 'Bytes queued for all stream clients, not yet taken by their sockets (bounded by --stream-bytes-total)',
    registers: [registry],
    collect() {
      this.set(deps.streamQueued?.() ?? 0);
    },
  });
  mirrorCounterByLabel(
    registry,
    'orderwatch_stream_clients_dropped_total',
    'Stream clients dropped: slow (live queue over --client-queue-bytes), stalled (took nothing for 3 heartbeats), total (largest backlog past --stream-bytes-total), other',
    'reason',
    () => Object.entries(deps.drops?.() ?? {}),
  );
  const bytesStreamed = new Counter({
    name: 'orderwatch_stream_bytes_total',
    help: 'Bytes queued to stream clients',
    registers: [registry],
  });
  const lag = new Histogram({
    name: 'orderwatch_ingest_to_send_seconds',
    help: 'From an event arriving to its fan-out message being queued to clients (oldest event of each message)',
    buckets: [0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [registry],
  });
  return { registry, bytesStreamed, lag };
}

function registerCapMetrics(registry: Registry, caps: ConnectionCaps): void {
  const limits: readonly RefusedKind[] = ['max_clients', 'max_clients_per_address', 'max_ingests'];
  mirrorCounterByLabel(
    registry,
    'orderwatch_connections_refused_total',
    'Streams and ingest requests answered 503 by a cap (--max-clients, --max-clients-per-address, --max-ingests), by cap',
    'limit',
    () => limits.map((limit) => [limit, caps.refused[limit]] as const),
  );
  new Gauge({
    name: 'orderwatch_ingests_open',
    help: 'POST /api/events requests being read (bounded by --max-ingests)',
    registers: [registry],
    collect() {
      this.set(caps.openIngests);
    },
  });
}
