import { eventually } from './eventually';
import { applyEvent } from '../../src/core/apply';
import { createBook } from '../../src/core/book';
import { cleanupAfterEvent } from '../../src/core/cleanup';
import type { OrderBook } from '../../src/core/book';
import { restoreBook } from '../../src/core/restore';
import { anomalyFromJson, orderFromJson } from '../../src/protocol/order-json';
import type { AnomalyKind } from '../../src/core/anomaly';
import { decodeEvent } from '../../src/protocol/decode';
import { emptyTally, ingestLine } from '../../src/protocol/ingest';
import { LineSplitter } from '../../src/protocol/line-splitter';
import type { RunningRelay } from '../../src/server/relay';
import type { RelayConfig } from '../../src/server/relay-config';
import { startRelay } from '../../src/server/relay';
import type { RedisTuning } from '../../src/server/redis/open-replica';
import { bookState } from './book-state';
import type { SseClient } from './sse-client';
import { readSnapshots } from './snapshot-reader';

/** A relay in Redis mode on a free loopback port, quiet, with fast heartbeats. */
export function startClusterRelay(redisUrl: string, tuning: RedisTuning, config: Partial<RelayConfig> = {}): Promise<RunningRelay> {
  return startRelay({ port: 0, logLevel: 'silent', heartbeatMs: 200, store: redisUrl, storeTuning: tuning, ...config });
}

export interface Healthz {
  status: string;
  ready: boolean;
  degraded: boolean;
  rseq: number;
}

export async function healthz(url: string): Promise<{ code: number; body: Healthz }> {
  const response = await fetch(`${url}/api/healthz`);
  return { code: response.status, body: (await response.json()) as Healthz };
}

export function waitReady(relay: RunningRelay, timeoutMs = 10_000): Promise<void> {
  return eventually(async () => (await healthz(relay.url)).body.ready, `${relay.url} ready`, timeoutMs);
}

/** What the replay CLI computes over an NDJSON body (with `--keep-terminal`, when given): the same rules, one book. */
export function replayBook(ndjsonText: string, keepTerminal?: number): OrderBook {
  const book = createBook({ anomalyLimit: Number.POSITIVE_INFINITY });
  const splitter = new LineSplitter();
  const tally = emptyTally();
  const bytes = new TextEncoder().encode(ndjsonText);
  for (const line of [...splitter.push(bytes), ...splitter.end()]) {
    if (ingestLine(book, line, tally) !== undefined && keepTerminal !== undefined) cleanupAfterEvent(book, keepTerminal);
  }
  return book;
}

/**
 * What a dashboard following this stream holds: its latest snapshot plus the events after
 * it, applied with the core, like the browser does. Also the rseqs it applied, for gap checks.
 */
export function clientBook(client: SseClient): { book: OrderBook; rseqs: number[] } {
  const snap = readSnapshots(client.messages).at(-1);
  const book =
    snap === undefined
      ? createBook()
      : restoreBook({
          orders: snap.orders.map(orderFromJson),
          anomalies: snap.anomalies.map(anomalyFromJson),
          lastSeq: snap.last_seq,
          anomalyCounts: snap.anomaly_counts as Record<AnomalyKind, number>,
        });
  const from = snap?.rseq ?? 0;
  const rseqs: number[] = [];
  for (const item of client.items) {
    if (item.rseq <= from) continue;
    const decoded = decodeEvent(item.event);
    if (!decoded.ok) throw new Error(`stream item ${item.rseq} does not decode: ${decoded.error}`);
    applyEvent(book, decoded.event);
    rseqs.push(item.rseq);
  }
  return { book, rseqs };
}

/** The comparable state (orders, summary, anomaly counts, last seqs). */
export function comparable(book: OrderBook) {
  const { orders, summary, anomalyCounts, lastSeq } = bookState(book);
  return { orders: orders.sort((a, b) => a.client_order_id.localeCompare(b.client_order_id)), summary, anomalyCounts, lastSeq };
}
