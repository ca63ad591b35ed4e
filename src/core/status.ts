/** The eight lifecycle statuses, in the order the engine's write-up lists them. */
export const STATUSES = ['NEW', 'OPEN', 'PARTIAL_FILL', 'FILLED', 'CANCELED', 'EXPIRED', 'REJECTED', 'FAILED'] as const;

export type Status = (typeof STATUSES)[number];

/** Still working on the exchange (or about to be). */
export const ACTIVE_STATUSES = ['NEW', 'OPEN', 'PARTIAL_FILL'] as const satisfies readonly Status[];

/** Final: nothing may change an order once it is here. */
export const TERMINAL_STATUSES = ['FILLED', 'CANCELED', 'EXPIRED', 'REJECTED', 'FAILED'] as const satisfies readonly Status[];

const STATUS_SET: ReadonlySet<string> = new Set(STATUSES);
const ACTIVE_SET: ReadonlySet<Status> = new Set(ACTIVE_STATUSES);

export function isStatus(value: unknown): value is Status {
  return typeof value === 'string' && STATUS_SET.has(value);
}

export function isActive(status: Status): boolean {
  return ACTIVE_SET.has(status);
}

export function isTerminal(status: Status): boolean {
  return !ACTIVE_SET.has(status);
}

/** A fresh `{NEW: 0, OPEN: 0, …}` counter with every status present. */
export function zeroByStatus(): Record<Status, number> {
  return { NEW: 0, OPEN: 0, PARTIAL_FILL: 0, FILLED: 0, CANCELED: 0, EXPIRED: 0, REJECTED: 0, FAILED: 0 };
}
