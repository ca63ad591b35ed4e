import type { Status } from '../../core/status';
import { STATUSES } from '../../core/status';

export interface DonutSlice {
  readonly status: Status;
  /** SVG path in a 100 × 100 box, clockwise from twelve o'clock. */
  readonly path: string;
  /** Share of the total, 0–1. */
  readonly share: number;
}

const C = 50;

function point(radius: number, turn: number): string {
  const angle = turn * 2 * Math.PI;
  return `${(C + radius * Math.sin(angle)).toFixed(3)} ${(C - radius * Math.cos(angle)).toFixed(3)}`;
}

/** One ring segment from turn `a` to turn `b` (0–1, clockwise). A full ring is two halves: an arc cannot end where it starts. */
function segment(outer: number, inner: number, a: number, b: number): string {
  if (b - a >= 0.99999) return `${segment(outer, inner, 0, 0.5)} ${segment(outer, inner, 0.5, 1)}`;
  const large = b - a > 0.5 ? 1 : 0;
  return `M ${point(outer, a)} A ${outer} ${outer} 0 ${large} 1 ${point(outer, b)} L ${point(inner, b)} A ${inner} ${inner} 0 ${large} 0 ${point(inner, a)} Z`;
}

/**
 * The status donut's slices, in status order, for the statuses present. Plain geometry: the
 * chart library's pie cost a measurable share of the page's main thread for eight arcs drawn
 * once a second.
 * @example donutSlices({ ...zeroByStatus(), FILLED: 3, OPEN: 1 }, 48, 30) // OPEN 0–¼ turn, FILLED ¼–1
 */
export function donutSlices(counts: Readonly<Record<Status, number>>, outer = 48, inner = 30): DonutSlice[] {
  let total = 0;
  for (const s of STATUSES) total += Math.max(0, counts[s]);
  if (total === 0) return [];
  const out: DonutSlice[] = [];
  let at = 0;
  for (const status of STATUSES) {
    const n = Math.max(0, counts[status]);
    if (n === 0) continue;
    const share = n / total;
    out.push({ status, share, path: segment(outer, inner, at, at + share) });
    at += share;
  }
  return out;
}
