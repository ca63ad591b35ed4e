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

const timers: Omit<Clock, 'now'> = {
  after(ms, fn) {
    const handle = globalThis.setTimeout(fn, ms);
    return () => globalThis.clearTimeout(handle);
  },
  every(ms, fn) {
    const handle = globalThis.setInterval(fn, ms);
    return () => globalThis.clearInterval(handle);
  },
};

/** The wall clock: what ages and the relay's timestamps are measured on. */
export const systemClock: Clock = { now: () => Date.now(), ...timers };

/**
 * Sub-millisecond and never set back (an NTP step cannot make a slice look negative): for
 * measuring how long work took, where only differences matter.
 */
export const monotonicClock: Clock = { now: () => performance.timeOrigin + performance.now(), ...timers };
