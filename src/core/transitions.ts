import type { Status } from './status';

/**
 * Every move the lifecycle allows, as data. Fill-driven auto-transitions are checked
 * against this same table; nothing else decides what is legal.
 */
export const TRANSITIONS = {
  NEW: ['OPEN', 'FAILED', 'REJECTED'],
  OPEN: ['PARTIAL_FILL', 'FILLED', 'CANCELED', 'EXPIRED', 'REJECTED'],
  PARTIAL_FILL: ['FILLED', 'CANCELED', 'EXPIRED'],
  FILLED: [],
  CANCELED: [],
  EXPIRED: [],
  REJECTED: [],
  FAILED: [],
} as const satisfies Record<Status, readonly Status[]>;

const ALLOWED: Readonly<Record<Status, ReadonlySet<Status>>> = {
  NEW: new Set(TRANSITIONS.NEW),
  OPEN: new Set(TRANSITIONS.OPEN),
  PARTIAL_FILL: new Set(TRANSITIONS.PARTIAL_FILL),
  FILLED: new Set(),
  CANCELED: new Set(),
  EXPIRED: new Set(),
  REJECTED: new Set(),
  FAILED: new Set(),
};

/** @example canTransition('NEW', 'OPEN') // true; canTransition('NEW', 'FILLED') // false */
export function canTransition(from: Status, to: Status): boolean {
  return ALLOWED[from].has(to);
}
