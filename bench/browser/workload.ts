import type { OrderEvent } from '../../src/core/events';
import { createEventMix } from '../../test/support/event-mix';
import { toNdjsonLine } from '../../src/protocol/encode';

export interface Workload {
  readonly name: string;
  /** Orders in the book before the page opens (the snapshot it renders first). */
  readonly orders: number;
  /** Events per second while measuring. */
  readonly rate: number;
  /** Leave ~2 % of orders active forever (default true); the soak turns it off so its book levels out. */
  readonly abandon?: boolean;
}

export const PROBE_ID = 'probe-order';
/** Probe fills show as "7,7xx,xxx.00" in the Filled column: a value nothing else on the page reaches. */
export const PROBE_BASE = 7_700_000;

/**
 * One seeded stream per workload: the first part fills the book to `orders` orders (about one in
 * nine finishes on the way), the rest keeps going at the workload's rate; same seed, same events
 * for every variant. The probe order is the oldest in the book, so the default sort (stale first,
 * oldest first) keeps it on the first row.
 */
export class WorkloadStream {
  private readonly mix: Iterator<OrderEvent>;
  private probeSeq = 0;
  private created = 0;

  constructor(
    readonly workload: Workload,
    seed: number,
    private readonly startTs: number,
  ) {
    this.mix = createEventMix({ seed, orders: Number.POSITIVE_INFINITY, maxActive: workload.orders, startTs, abandon: workload.abandon })[
      Symbol.iterator
    ]();
  }

  /** NDJSON chunks until `orders` orders exist, the probe order first. */
  *preload(linesPerChunk = 5_000): Generator<string> {
    let chunk = this.probeCreated();
    let lines = 3;
    while (this.created < this.workload.orders) {
      chunk += this.nextLine();
      if (++lines >= linesPerChunk) {
        yield chunk;
        chunk = '';
        lines = 0;
      }
    }
    if (chunk !== '') yield chunk;
  }

  nextLine(): string {
    const next = this.mix.next();
    if (next.done === true) throw new Error('the event mix ended');
    if (next.value.type === 'order_created') this.created++;
    return toNdjsonLine(next.value);
  }

  /** The k-th probe update: its Filled value becomes PROBE_BASE + k (k = 0 is in the preload). */
  probeLine(k: number, ts: number): string {
    const value = PROBE_BASE + k;
    return toNdjsonLine({
      type: 'order_fill',
      client_order_id: PROBE_ID,
      ts,
      seq: ++this.probeSeq,
      engine: 'probe',
      filled_size: value / 100,
      filled_value: value,
      fees: 0,
    });
  }

  private probeCreated(): string {
    const ts = this.startTs - 3 * 3_600_000;
    return (
      toNdjsonLine({
        type: 'order_created',
        client_order_id: PROBE_ID,
        ts,
        seq: ++this.probeSeq,
        engine: 'probe',
        symbol: 'PROBE-USD',
        side: 'buy',
        size_usd: 1e12,
        route: 'bench',
      }) +
      toNdjsonLine({
        type: 'order_transition',
        client_order_id: PROBE_ID,
        ts,
        seq: ++this.probeSeq,
        engine: 'probe',
        status: 'OPEN',
        order_id: 'probe-x',
      }) +
      this.probeLine(0, ts)
    );
  }
}
