import type { Cause, Order } from '../../core/order';
import type { Status } from '../../core/status';
import { isTerminal } from '../../core/status';

export interface TimelineRow {
  /** Stable key: position in the history (0 is creation). */
  readonly key: number;
  readonly at: number;
  readonly status: Status;
  readonly from: Status | null;
  readonly cause: Cause | 'created';
  readonly reason: string | undefined;
  /** Time spent in this status: until the next change, or until `now` for the current one; null once final. */
  readonly durationMs: number | null;
  readonly current: boolean;
}

/**
 * Creation, then every status change, each with the time spent in the state it entered.
 * The current state's time runs to `now` (it ticks); a terminal state has no duration.
 * @example buildTimeline(order, now).map((r) => r.status) // ['NEW', 'OPEN', 'FILLED']
 */
export function buildTimeline(order: Order, now: number): TimelineRow[] {
  const rows: TimelineRow[] = [];
  const { history } = order;
  const entered: { at: number; status: Status; from: Status | null; cause: Cause | 'created'; reason: string | undefined }[] = [
    { at: order.created_at, status: history[0]?.from ?? order.status, from: null, cause: 'created', reason: undefined },
  ];
  for (const h of history) entered.push({ at: h.at, status: h.to, from: h.from, cause: h.cause, reason: h.reason });
  for (let i = 0; i < entered.length; i++) {
    const e = entered[i]!;
    const next = entered[i + 1];
    const current = next === undefined;
    let durationMs: number | null;
    if (next !== undefined) durationMs = Math.max(0, next.at - e.at);
    else durationMs = isTerminal(e.status) ? null : Math.max(0, now - e.at);
    rows.push({ key: i, ...e, durationMs, current });
  }
  return rows;
}

/** "created", "engine", "fill", "implied by a fill": what moved the order, in words. */
export function describeCause(cause: TimelineRow['cause']): string {
  switch (cause) {
    case 'created':
      return 'order created';
    case 'transition':
      return 'engine transition';
    case 'fill':
      return 'fill (auto)';
    case 'implicit':
      return 'implied by a fill';
  }
}
