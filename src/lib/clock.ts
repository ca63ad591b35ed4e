/** Stops the timer it came from; calling it again does nothing. */
export type Cancel = () => void;

/**
 * Time and timers: the one shape everything that reads the time or waits takes, so a test steps
 * time (test/support/manual-clock.ts) instead of waiting for it.
 */
export interface Clock {
  /** Epoch milliseconds. */
  readonly now: () => number;
  /** Runs `fn` once, `ms` from now. */
  readonly after: (ms: number, fn: () => void) => Cancel;
  /** Runs `fn` every `ms` until cancelled. */
  readonly every: (ms: number, fn: () => void) => Cancel;
}
