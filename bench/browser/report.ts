import type { RunResult, Variant } from './run-variant';
import type { Workload } from './workload';

export interface VariantSummary {
  readonly runs: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly probes: number;
  readonly missed: number;
  readonly busy: number;
  readonly rendererCpu: number;
  readonly fps: number;
  readonly loaf: number;
  readonly scrollFps: number | null;
  readonly scrollBusy: number | null;
  readonly scrollLoaf: number | null;
  readonly heapMb: number;
  readonly domNodes: number;
  readonly firstRenderMs: number | null;
  readonly ordersInBook: number;
  readonly eventsPerSec: number;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const mean = (xs: readonly number[]): number => (xs.length === 0 ? Number.NaN : xs.reduce((a, b) => a + b, 0) / xs.length);
const meanOrNull = (xs: readonly (number | null)[]): number | null => {
  const present = xs.filter((x): x is number => x !== null);
  return present.length === 0 ? null : mean(present);
};

/** Pools the latency samples of a variant's runs; averages the rest. */
export function summarize(runs: readonly RunResult[]): VariantSummary {
  const latency = runs.flatMap((r) => r.live.latencyMs).sort((a, b) => a - b);
  return {
    runs: runs.length,
    p50: percentile(latency, 50),
    p95: percentile(latency, 95),
    p99: percentile(latency, 99),
    probes: latency.length,
    missed: runs.reduce((n, r) => n + r.live.probesMissed, 0),
    busy: mean(runs.map((r) => r.live.busyMsPerSec)),
    rendererCpu: mean(runs.map((r) => r.live.rendererCpuMsPerSec)),
    fps: mean(runs.map((r) => r.live.fps)),
    loaf: mean(runs.map((r) => r.live.loafBlockingMsPerSec)),
    scrollFps: meanOrNull(runs.map((r) => r.scroll?.fps ?? null)),
    scrollBusy: meanOrNull(runs.map((r) => r.scroll?.busyMsPerSec ?? null)),
    scrollLoaf: meanOrNull(runs.map((r) => r.scroll?.loafBlockingMsPerSec ?? null)),
    heapMb: mean(runs.map((r) => r.heapMb)),
    domNodes: mean(runs.map((r) => r.domNodes)),
    firstRenderMs: meanOrNull(runs.map((r) => r.firstRenderMs)),
    ordersInBook: mean(runs.map((r) => r.ordersInBook)),
    eventsPerSec: mean(runs.map((r) => r.eventsPerSecSent)),
  };
}

interface Row {
  readonly label: string;
  readonly pick: (s: VariantSummary) => number | null;
  /** The goal at 100,000 orders × 5,000/s; lower is better unless `higher`. */
  readonly goal?: number;
  readonly higher?: boolean;
}

export const ROWS: readonly Row[] = [
  { label: 'event→screen p50 (ms)', pick: (s) => s.p50, goal: 30 },
  { label: 'event→screen p95 (ms)', pick: (s) => s.p95, goal: 45 },
  { label: 'event→screen p99 (ms)', pick: (s) => s.p99 },
  { label: 'main thread busy (ms/s)', pick: (s) => s.busy, goal: 250 },
  { label: 'renderer CPU, all threads (ms/s)', pick: (s) => s.rendererCpu },
  { label: 'fps', pick: (s) => s.fps, higher: true },
  { label: 'LoAF blocking (ms/s)', pick: (s) => s.loaf },
  { label: 'scrolling: fps', pick: (s) => s.scrollFps, goal: 58, higher: true },
  { label: 'scrolling: busy (ms/s)', pick: (s) => s.scrollBusy },
  { label: 'scrolling: LoAF blocking (ms/s)', pick: (s) => s.scrollLoaf },
  { label: 'JS heap after GC (MB)', pick: (s) => s.heapMb, goal: 120 },
  { label: 'DOM elements', pick: (s) => s.domNodes },
  { label: 'first full render (ms)', pick: (s) => s.firstRenderMs, goal: 1000 },
];

const show = (v: number | null): string =>
  v === null || Number.isNaN(v) ? '—' : v >= 100 ? Math.round(v).toLocaleString('en-US') : v.toFixed(1);

/** The better of two figures, with the 3% a 60 Hz frame clock rounds by for "higher" rows. */
const atLeastAsGood = (row: Row, ours: number, other: number | null): boolean =>
  other === null || (row.higher ? ours >= other * 0.97 : ours <= other);

const ratioText = (o: number | null, peer: number | null): string =>
  o !== null && peer !== null && peer !== 0 && !Number.isNaN(o) && !Number.isNaN(peer) ? `${(o / peer).toFixed(2)}×` : '—';

/**
 * One table per workload: our page, AG Grid, Perspective, no table, the goal, our ratio to each
 * peer, and whether the goal holds with both peers beaten.
 */
export function printWorkload(
  workload: Workload,
  byVariant: Partial<Record<Variant, VariantSummary>>,
  goalsApply: boolean,
  log: (line: string) => void,
): void {
  const ours = byVariant.orderwatch;
  const peers = [byVariant.aggrid, byVariant.perspective];
  const none = byVariant['no-table'];
  const header = ['figure', 'orderwatch', 'AG Grid', 'Perspective', 'no table', 'goal', 'ours/AG', 'ours/Psp', 'ok'];
  const rows = ROWS.map((row) => {
    const o = ours ? row.pick(ours) : null;
    const [a, p] = peers.map((peer) => (peer ? row.pick(peer) : null));
    let ok = '';
    if (goalsApply && row.goal !== undefined && o !== null) {
      // The 60 fps goal allows the rounding of a 60 Hz frame clock.
      const meetsGoal = row.higher ? o >= row.goal * 0.97 : o <= row.goal;
      ok = meetsGoal && atLeastAsGood(row, o, a ?? null) && atLeastAsGood(row, o, p ?? null) ? 'yes' : 'NO';
    }
    const goal = row.goal === undefined ? '' : `${row.higher ? '≥' : '≤'} ${row.goal}`;
    return [
      row.label,
      show(o),
      show(a ?? null),
      show(p ?? null),
      show(none ? row.pick(none) : null),
      goalsApply ? goal : '',
      ratioText(o, a ?? null),
      ratioText(o, p ?? null),
      ok,
    ];
  });
  const widths = header.map((_, c) => Math.max(header[c]!.length, ...rows.map((r) => r[c]!.length)));
  const line = (r: string[]): string => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join(' | ');
  log('');
  // The workload line from our page's runs, or from whichever variant ran (--variants).
  const any = ours ?? peers.find((peer) => peer !== undefined) ?? none;
  log(
    `${workload.name}: ${workload.orders.toLocaleString('en-US')} orders × ${workload.rate.toLocaleString('en-US')} events/s` +
      `  (sent ${show(any?.eventsPerSec ?? null)}/s; book ${show(any?.ordersInBook ?? null)} orders; probes ${any?.probes ?? 0} seen, ${any?.missed ?? 0} missed)`,
  );
  log(line(header));
  log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const r of rows) log(line(r));
}
