import type { OrderEvent } from '../src/core/events';
import { createEventMix } from '../test/support/event-mix';
import { toNdjsonLine } from '../src/protocol/encode';
import type { ChildMemory } from './relay-child';
import { LatencyHistogram } from './relay-latency';
import type { RelayProcess } from './relay-process';
import { StreamReader } from './relay-stream-reader';

export interface MemoryPoints {
  readonly start: ChildMemory;
  readonly mid: ChildMemory;
  readonly end: ChildMemory;
}

/** A seeded engine-like stream, endless: 3 engines, 2,000 orders in flight. */
export function eventSource(seed: number): Iterator<OrderEvent> {
  return createEventMix({ seed, orders: Number.POSITIVE_INFINITY, maxActive: 2_000, engines: 3 })[Symbol.iterator]();
}

function take(source: Iterator<OrderEvent>, n: number): string {
  let body = '';
  for (let i = 0; i < n; i++) {
    const next = source.next();
    if (next.done === true) break;
    body += toNdjsonLine(next.value);
  }
  return body;
}

interface Reply {
  accepted: number;
  duplicates: number;
  rejected: unknown[];
}

async function post(url: string, body: string): Promise<Reply> {
  const response = await fetch(`${url}/api/events`, { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body });
  if (response.status !== 200) throw new Error(`ingest: HTTP ${response.status}: ${(await response.text()).slice(0, 200)}`);
  return (await response.json()) as Reply;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Rejects after `ms` so a stuck stream fails the run instead of hanging the benchmark. */
function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export interface IngestResult {
  readonly events: number;
  /** Relay CPU time per accepted event (ingest + one client's stream; the forced GC excluded), µs. */
  readonly relayCpuUsPerEvent: number;
  readonly ingestPerSec: number;
  readonly deliveredPerSec: number;
  readonly memory: MemoryPoints;
}

/**
 * As fast as one poster can: pre-encoded 2,000-line POSTs, one after another (concurrent POSTs
 * could reorder an engine's seqs and turn events into duplicates), one stream client reading.
 * The forced collection halfway is subtracted from the timings.
 */
export async function runMaxIngest(relay: RelayProcess, seed: number, events: number): Promise<IngestResult> {
  const source = eventSource(seed);
  const bodies: string[] = [];
  for (let n = 0; n < events; n += 2_000) bodies.push(take(source, Math.min(2_000, events - n)));
  const start = await relay.memory(true);
  const reader = new StreamReader(relay.url, () => {});
  await reader.open();
  let accepted = 0;
  let mid: ChildMemory | undefined;
  let paused = 0;
  let gcCpuMs = 0;
  const t0 = performance.now();
  for (let i = 0; i < bodies.length; i++) {
    accepted += (await post(relay.url, bodies[i]!)).accepted;
    if (i === Math.floor(bodies.length / 2)) {
      const before = performance.now();
      const preGc = await relay.memory(false);
      mid = await relay.memory(true);
      gcCpuMs = mid.cpuMs - preGc.cpuMs;
      paused += performance.now() - before;
    }
  }
  const posted = performance.now();
  await within(reader.waitFor(accepted), 60_000, 'the stream client to receive every event');
  const delivered = performance.now();
  const busy = await relay.memory(false);
  reader.close();
  await sleep(200);
  const end = await relay.memory(true);
  return {
    events: accepted,
    relayCpuUsPerEvent: ((busy.cpuMs - start.cpuMs - gcCpuMs) * 1000) / accepted,
    ingestPerSec: accepted / ((posted - t0 - paused) / 1000),
    deliveredPerSec: accepted / ((delivered - t0 - paused) / 1000),
    memory: { start, mid: mid ?? start, end },
  };
}

export interface LatencyResult {
  readonly clients: number;
  readonly sent: number;
  readonly achievedPerSec: number;
  readonly samples: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  /** From the relay's arrival stamp (`at`) to the reader, first reader only: the relay's own share. */
  readonly relayToClientP50Ms: number;
  readonly relayToClientP99Ms: number;
  /** Clients that received every event. */
  readonly complete: number;
  readonly droppedByRelay: number;
  /** Share of one core the relay used while the rate ran (1 = a whole core). */
  readonly relayCpuShare: number;
  /** POST round trips as the poster saw them. */
  readonly postP50Ms: number;
  readonly postP99Ms: number;
  /** CPU this (poster + readers) process used per second of the run, as a share of one core. */
  readonly benchCpuShare: number;
  readonly memory: MemoryPoints;
}

export interface LatencyPlan {
  readonly clients: number;
  readonly ratePerSec: number;
  readonly seconds: number;
  readonly seed: number;
  /** Items sent in the first second (JIT warm-up) are not sampled. */
  readonly warmupMs: number;
}

const TICK_MS = 10;
const MAX_POST = 5_000;
/** Items sent just after the mid-run forced collection are not sampled: that pause is the benchmark's own. */
const GC_SHADOW_MS = 500;

/**
 * A steady rate in 10 ms batches from one poster; N readers time each item from the moment its
 * POST was sent (poster and readers share this process's clock) to the moment its bytes arrived.
 * POSTs go one at a time, so relay sequence k is the k-th event sent.
 */
export async function runLatency(relay: RelayProcess, plan: LatencyPlan): Promise<LatencyResult> {
  const total = plan.ratePerSec * plan.seconds;
  const sentAt = new Float64Array(total + 1).fill(Number.NaN);
  const histogram = new LatencyHistogram();
  const start = await relay.memory(true);
  const onItems = (from: number, to: number, at: number): void => {
    for (let r = from; r <= to && r <= total; r++) {
      const t = sentAt[r]!;
      if (!Number.isNaN(t)) histogram.add(at - t);
    }
  };
  const relaySide = new LatencyHistogram();
  let sampling = false;
  const onRelayArrival = (relayAt: number, wall: number): void => {
    if (sampling) relaySide.add(wall - relayAt);
  };
  const readers = Array.from(
    { length: plan.clients },
    (_, i) => new StreamReader(relay.url, onItems, i === 0 ? onRelayArrival : undefined),
  );
  await Promise.all(readers.map((r) => r.open()));
  const source = eventSource(plan.seed);
  const posts = new LatencyHistogram();
  const benchCpu = process.cpuUsage();
  let sent = 0;
  let mid: ChildMemory | undefined;
  let shadowUntil = 0;
  const t0 = performance.now();
  while (sent < total) {
    // A poster that fell behind catches up in POSTs of at most MAX_POST lines (the relay caps bodies at 5 MB).
    const due = Math.min(total, sent + MAX_POST, Math.floor(((performance.now() - t0) * plan.ratePerSec) / 1000));
    if (due > sent) {
      const body = take(source, due - sent);
      const now = performance.now();
      const sample = now - t0 >= plan.warmupMs && now >= shadowUntil;
      sampling = sample;
      for (let r = sent + 1; r <= due; r++) sentAt[r] = sample ? now : Number.NaN;
      const reply = await post(relay.url, body);
      posts.add(performance.now() - now);
      if (reply.accepted !== due - sent) throw new Error(`relay accepted ${reply.accepted} of ${due - sent}: rseqs no longer match sends`);
      sent = due;
    }
    if (mid === undefined && sent >= total / 2) {
      mid = await relay.memory(true);
      shadowUntil = performance.now() + GC_SHADOW_MS;
    }
    const behind = Math.floor(((performance.now() - t0) * plan.ratePerSec) / 1000) - sent;
    if (behind < MAX_POST) await sleep(TICK_MS - ((performance.now() - t0) % TICK_MS));
  }
  const elapsed = performance.now() - t0;
  const benchCpuUsed = process.cpuUsage(benchCpu);
  const relayBusy = await relay.memory(false);
  const outcomes = await Promise.allSettled(readers.map((r) => within(r.waitFor(total), 30_000, 'every reader to catch up')));
  for (const r of readers) r.close();
  await sleep(200);
  const end = await relay.memory(true);
  return {
    clients: plan.clients,
    sent,
    achievedPerSec: sent / (elapsed / 1000),
    samples: histogram.count,
    p50Ms: histogram.percentile(0.5),
    p99Ms: histogram.percentile(0.99),
    maxMs: histogram.maxMs,
    relayToClientP50Ms: relaySide.percentile(0.5),
    relayToClientP99Ms: relaySide.percentile(0.99),
    complete: outcomes.filter((o) => o.status === 'fulfilled').length,
    droppedByRelay: end.droppedClients,
    relayCpuShare: (relayBusy.cpuMs - start.cpuMs) / elapsed,
    postP50Ms: posts.percentile(0.5),
    postP99Ms: posts.percentile(0.99),
    benchCpuShare: (benchCpuUsed.user + benchCpuUsed.system) / 1000 / elapsed,
    memory: { start, mid: mid ?? start, end },
  };
}
