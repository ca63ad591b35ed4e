import type { OrderEvent } from '../../src/core/events';
import type { Status } from '../../src/core/status';
import { STATUSES } from '../../src/core/status';
import type { Rng } from '../../src/lib/rng';
import { createRng } from '../../src/lib/rng';

/** One line of a generated NDJSON file and what the core should make of it. */
export type WireLine =
  | { readonly kind: 'event'; readonly text: string; readonly event: OrderEvent }
  | { readonly kind: 'reject'; readonly text: string; readonly field: string }
  | { readonly kind: 'blank'; readonly text: string };

const T0 = Date.UTC(2025, 10, 23);
const ENGINES = ['eng-1', 'eng-2', ''] as const;

/** The same instant in each `ts` form the wire allows; every one reads back to `ms` exactly. */
function formatTs(rng: Rng, ms: number): string | number {
  const iso = new Date(ms).toISOString();
  switch (rng.int(0, 5)) {
    case 0:
      return iso;
    case 1:
      return iso.slice(0, -1); // no offset: UTC
    case 2:
      return `${iso.slice(0, 10)} ${iso.slice(11, 23)}${String(rng.int(0, 999)).padStart(3, '0')}`; // Python str(datetime), µs
    case 3: {
      const shifted = new Date(ms + 2 * 3_600_000).toISOString();
      return `${shifted.slice(0, -1)}+02:00`;
    }
    default:
      return ms / 1000; // Python time.time()
  }
}

interface Live {
  readonly id: string;
  readonly engine: string;
  readonly size: number;
  status: Status;
  value: number;
}

/** Lines an engine with bugs, a flaky link and a careless operator would produce. */
const BROKEN: readonly { text: (id: string) => string; field: string }[] = [
  { text: () => '{"type":"order_created",', field: 'invalid JSON' },
  { text: () => '[1,2,3]', field: 'not a JSON object' },
  {
    text: (id) =>
      JSON.stringify({
        type: 'order_created',
        client_order_id: id,
        ts: 1763856000,
        symbol: 'X',
        side: 'buy',
        size_usd: -5,
        route: 'paper',
      }),
    field: 'size_usd',
  },
  { text: (id) => JSON.stringify({ type: 'order_cancelled', client_order_id: id, ts: 1763856000 }), field: 'type' },
  { text: (id) => JSON.stringify({ type: 'order_transition', client_order_id: id, ts: 'yesterday', status: 'OPEN' }), field: 'ts' },
  { text: (id) => JSON.stringify({ type: 'order_transition', client_order_id: id, ts: 1763856000, status: 'DONE' }), field: 'status' },
  {
    text: (id) => JSON.stringify({ type: 'order_fill', client_order_id: id, ts: 1763856000, filled_size: 1, filled_value: 1, fees: -1 }),
    field: 'fees',
  },
  {
    text: () => JSON.stringify({ type: 'order_fill', client_order_id: '', ts: 1763856000, filled_size: 1, filled_value: 1, fees: 0 }),
    field: 'client_order_id',
  },
];

/**
 * A seeded, engine-like NDJSON stream: orders go through real lifecycles (fills as cumulative
 * totals, dry runs, rejects), interleaved with unknown ids, forbidden moves, regressions, second
 * creations, re-sent lines (same seq), unparseable lines and blank lines.
 */
export function randomWireStream(seed: number, lineCount: number): WireLine[] {
  const rng = createRng(seed);
  const lines: WireLine[] = [];
  const live: Live[] = [];
  const sent: Extract<WireLine, { kind: 'event' }>[] = [];
  const seq = new Map<string, number>();
  let clock = T0;
  let made = 0;

  const emit = (event: OrderEvent): void => {
    const next = (seq.get(event.engine) ?? 0) + 1;
    const withSeq = rng.chance(0.9) ? (seq.set(event.engine, next), { ...event, seq: next }) : event;
    const wire: Record<string, unknown> = { ...withSeq, ts: formatTs(rng, event.ts) };
    if (event.engine === '' && rng.chance(0.5)) delete wire.engine;
    if (rng.chance(0.1)) wire.python_extra = { note: 'ignored' };
    const line = { kind: 'event' as const, text: JSON.stringify(wire), event: withSeq };
    lines.push(line);
    sent.push(line);
  };

  while (lines.length < lineCount) {
    clock += rng.int(0, 4000);
    const roll = rng.next();
    const order = live.length > 0 ? rng.pick(live) : undefined;
    const base = { ts: clock, engine: order?.engine ?? rng.pick(ENGINES) };
    if (order === undefined || roll < 0.18) {
      const o: Live = {
        id: `coid_${seed}_${made++}`,
        engine: rng.pick(ENGINES),
        size: rng.pick([100, 1000, 2500.5]),
        status: 'NEW',
        value: 0,
      };
      live.push(o);
      emit({
        type: 'order_created',
        client_order_id: o.id,
        ts: clock,
        engine: o.engine,
        symbol: rng.pick(['BTC-USD', 'ETH-USD']),
        side: rng.pick(['buy', 'sell'] as const),
        size_usd: o.size,
        route: rng.pick(['live', 'paper', 'dry_run']),
      });
    } else if (roll < 0.55) {
      const full = rng.chance(0.3);
      const value = full ? order.size * rng.pick([0.999, 1, 1.0005, 1.2]) : order.value + rng.int(0, Math.floor(order.size / 3));
      order.value = Math.max(order.value, value);
      if (order.status === 'NEW' && rng.chance(0.8)) order.status = 'OPEN';
      const regress = rng.chance(0.05) && value > 0;
      const v = regress ? value / 2 : value;
      emit({
        type: 'order_fill',
        client_order_id: order.id,
        ...base,
        engine: order.engine,
        filled_size: v / 50_000,
        filled_value: v,
        fees: v * 0.004,
      });
    } else if (roll < 0.8) {
      const status = rng.chance(0.85) ? rng.pick(nextOf(order.status)) : rng.pick(STATUSES);
      order.status = status;
      emit({
        type: 'order_transition',
        client_order_id: order.id,
        ...base,
        engine: order.engine,
        status,
        ...(status === 'OPEN' ? { order_id: `x_${order.id}` } : {}),
        ...(status === 'REJECTED' ? { reason: 'min notional' } : {}),
      });
    } else if (roll < 0.86) {
      emit({ type: 'order_transition', client_order_id: `ghost_${rng.int(0, 99)}`, ...base, status: 'OPEN' });
    } else if (roll < 0.92 && sent.length > 0) {
      lines.push(rng.pick(sent)); // a re-sent line: the same seq again (or, without seq, applied again)
    } else if (roll < 0.97) {
      const broken = rng.pick(BROKEN);
      lines.push({ kind: 'reject', text: broken.text(order.id), field: broken.field });
    } else {
      lines.push({ kind: 'blank', text: rng.pick(['', '   ', '\t']) });
    }
  }
  return lines;
}

function nextOf(status: Status): readonly Status[] {
  if (status === 'NEW') return ['OPEN', 'OPEN', 'OPEN', 'REJECTED', 'FAILED'];
  if (status === 'OPEN') return ['PARTIAL_FILL', 'FILLED', 'CANCELED', 'EXPIRED'];
  if (status === 'PARTIAL_FILL') return ['FILLED', 'CANCELED', 'EXPIRED'];
  return ['OPEN'];
}

/** The file as bytes: `\n` or `\r\n` line ends, with or without a final newline. */
export function toNdjson(lines: readonly WireLine[], options: { crlf?: boolean; finalNewline?: boolean } = {}): string {
  const eol = options.crlf === true ? '\r\n' : '\n';
  return lines.map((l) => l.text).join(eol) + (options.finalNewline === false ? '' : eol);
}
