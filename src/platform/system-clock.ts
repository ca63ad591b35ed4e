import type { Clock } from '../lib/clock';

// The host's clocks and timers, kept out of src/lib so lib and core stay free of host globals
// (test/core-boundary.test.ts); everything else takes a Clock and is handed one of these.

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
