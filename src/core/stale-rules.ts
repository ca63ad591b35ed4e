import type { Order } from '../core/order';
import { ageSeconds, isStale } from '../core/queries';
import { isActive } from '../core/status';
import { formatAge } from '../lib/format';

/**
 * What the overall limit measures: `age` since the order was created (the core's rule), or `idle`
 * time since its last update, so a PARTIAL_FILL that filled seconds ago is not stale however old.
 */
export type StaleBasis = 'age' | 'idle';

/**
 * When an active order counts as stale. `staleAfterSec` is the overall limit, on `basis` (age
 * when absent); the others are optional, stricter limits per status (null = off).
 */
export interface StaleThresholds {
  readonly staleAfterSec: number;
  readonly basis?: StaleBasis | undefined;
  /** NEW and not acknowledged (no OPEN yet) for longer than this. */
  readonly newAckSec: number | null;
  /** OPEN without any fill for longer than this since it was submitted. */
  readonly openNoFillSec: number | null;
  /** PARTIAL_FILL without a new fill for longer than this. */
  readonly partialNoFillSec: number | null;
}

export const DEFAULT_STALE_AFTER_SEC = 300;

export function thresholdsOf(staleAfterSec: number, rules: Partial<Omit<StaleThresholds, 'staleAfterSec'>> = {}): StaleThresholds {
  return {
    staleAfterSec,
    newAckSec: rules.newAckSec ?? null,
    openNoFillSec: rules.openNoFillSec ?? null,
    partialNoFillSec: rules.partialNoFillSec ?? null,
  };
}

function lastFillAt(order: Order): number {
  const last = order.fills[order.fills.length - 1];
  return last?.at ?? order.first_fill_at ?? order.last_update_at;
}

type Breach = {
  readonly kind: 'new' | 'open' | 'partial' | 'age' | 'idle';
  readonly seconds: number;
  readonly limit: number;
  /** When the rule was first broken (epoch ms): the clock it measures from plus its limit. */
  readonly since: number;
};

/** The rule an order breaks, per-status rules first (they say more about what is wrong). */
function breach(order: Order, now: number, t: StaleThresholds): Breach | null {
  if (!isActive(order.status)) return null;
  if (order.status === 'NEW' && t.newAckSec !== null) {
    const seconds = (now - order.created_at) / 1000;
    if (seconds > t.newAckSec) return { kind: 'new', seconds, limit: t.newAckSec, since: order.created_at + t.newAckSec * 1000 };
  }
  if (order.status === 'OPEN' && t.openNoFillSec !== null) {
    const from = order.submitted_at ?? order.created_at;
    const seconds = (now - from) / 1000;
    if (seconds > t.openNoFillSec) return { kind: 'open', seconds, limit: t.openNoFillSec, since: from + t.openNoFillSec * 1000 };
  }
  if (order.status === 'PARTIAL_FILL' && t.partialNoFillSec !== null) {
    const from = lastFillAt(order);
    const seconds = (now - from) / 1000;
    if (seconds > t.partialNoFillSec)
      return { kind: 'partial', seconds, limit: t.partialNoFillSec, since: from + t.partialNoFillSec * 1000 };
  }
  if (t.basis === 'idle') {
    const seconds = (now - order.last_update_at) / 1000;
    if (seconds > t.staleAfterSec)
      return { kind: 'idle', seconds, limit: t.staleAfterSec, since: order.last_update_at + t.staleAfterSec * 1000 };
    return null;
  }
  if (isStale(order, now, t.staleAfterSec)) {
    return {
      kind: 'age',
      seconds: (now - order.created_at) / 1000,
      limit: t.staleAfterSec,
      since: order.created_at + t.staleAfterSec * 1000,
    };
  }
  return null;
}

/**
 * True when any rule marks the order stale, the same rules as `breach`. Allocates nothing: it
 * runs for every order of a 100k book several times a second.
 */
export function isStaleOrder(order: Order, now: number, t: StaleThresholds): boolean {
  if (!isActive(order.status)) return false;
  if (order.status === 'NEW' && t.newAckSec !== null && (now - order.created_at) / 1000 > t.newAckSec) return true;
  if (order.status === 'OPEN' && t.openNoFillSec !== null && (now - (order.submitted_at ?? order.created_at)) / 1000 > t.openNoFillSec)
    return true;
  if (order.status === 'PARTIAL_FILL' && t.partialNoFillSec !== null && (now - lastFillAt(order)) / 1000 > t.partialNoFillSec) return true;
  if (t.basis === 'idle') return (now - order.last_update_at) / 1000 > t.staleAfterSec;
  // The core's isStale, its activity check already done above.
  return ageSeconds(order, now) > t.staleAfterSec;
}

/**
 * Why an order is stale in words that do not change while it stays so (an alert's summary), and
 * when that began; null when it is not stale.
 * @example staleCause(order, now, thresholdsOf(300, { newAckSec: 30 })) // { text: "NEW not acknowledged within 30 s", since: … }
 */
export function staleCause(order: Order, now: number, t: StaleThresholds): { readonly text: string; readonly since: number } | null {
  const b = breach(order, now, t);
  if (b === null) return null;
  switch (b.kind) {
    case 'new':
      return { text: `NEW not acknowledged within ${b.limit} s`, since: b.since };
    case 'open':
      return { text: `OPEN with no fill within ${b.limit} s`, since: b.since };
    case 'partial':
      return { text: `PARTIAL_FILL with no new fill within ${b.limit} s`, since: b.since };
    case 'age':
      return { text: `still ${order.status} after ${b.limit} s`, since: b.since };
    case 'idle':
      return { text: `${order.status} with no update within ${b.limit} s`, since: b.since };
  }
}

/**
 * Why an order is stale, in words an operator reads at a glance, or null when it is not.
 * @example staleReason(order, now, thresholdsOf(300, { newAckSec: 30 })) // "NEW for 42 s — not acknowledged"
 */
export function staleReason(order: Order, now: number, t: StaleThresholds): string | null {
  const b = breach(order, now, t);
  if (b === null) return null;
  const age = formatAge(b.seconds);
  switch (b.kind) {
    case 'new':
      return `NEW for ${age} — not acknowledged`;
    case 'open':
      return `OPEN for ${age} — no fill (limit ${b.limit} s)`;
    case 'partial':
      return `no new fill for ${age} — over ${b.limit} s limit`;
    case 'age':
      return `active for ${age} — over ${b.limit} s limit`;
    case 'idle':
      return `no update for ${age} — over ${b.limit} s limit`;
  }
}

export interface StaleEntry {
  readonly order: Order;
  readonly reason: string;
  /** Seconds since creation, for display. */
  readonly ageSec: number;
}

export interface StaleTop {
  /** The worst `limit` stale orders, worst first, with their reasons. */
  readonly entries: StaleEntry[];
  /** How many orders are stale in all. */
  readonly total: number;
}

/**
 * The first `limit` of `stale` (already worst first) with their reasons. Reasons (strings) are
 * built only for those shown: on a busy book nearly every active order may be stale, and a
 * reason for each of 100k orders every second was most of the stale panel's cost.
 */
export function staleTop(stale: readonly Order[], now: number, t: StaleThresholds, limit: number): StaleTop {
  const entries: StaleEntry[] = [];
  for (let i = 0; i < stale.length && i < limit; i++) {
    const order = stale[i]!;
    entries.push({ order, reason: staleReason(order, now, t) ?? '', ageSec: (now - order.created_at) / 1000 });
  }
  return { entries, total: stale.length };
}
