import type { ThroughputPoint } from '../../store/stats';

/** The chart never spans less than this many minutes: a few points would read as noise. */
export const MIN_SPAN_MINUTES = 15;

const isEmpty = (p: ThroughputPoint): boolean => p.created === 0 && p.transitions === 0 && p.fees === 0 && p.filledValue === 0;

/**
 * The minutes worth drawing: from the first minute anything happened (at least the last
 * MIN_SPAN_MINUTES), so a relay or an engine in its first hour does not draw an hour of zeros
 * with a spike at the right edge. `full` says whether the whole hour is shown.
 */
export function throughputSpan(points: readonly ThroughputPoint[]): {
  readonly points: readonly ThroughputPoint[];
  readonly full: boolean;
} {
  const first = points.findIndex((p) => !isEmpty(p));
  const start = first < 0 ? points.length - MIN_SPAN_MINUTES : Math.min(first, points.length - MIN_SPAN_MINUTES);
  if (start <= 0) return { points, full: true };
  return { points: points.slice(start), full: false };
}
