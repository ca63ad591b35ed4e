import { useContext, useSyncExternalStore } from 'react';
import { RelayClockContext } from './dashboard-context-value';

/** Timer functions the clock needs; tests pass fakes. */
export interface ClockTimers {
  readonly setInterval: (fn: () => void, ms: number) => unknown;
  readonly clearInterval: (handle: unknown) => void;
}

/**
 * One 1 Hz clock for the whole page, on the relay's time. Every age timer reads the same
 * value, so all rows tick together and nothing runs per row. The interval runs only while
 * something is subscribed.
 */
export interface RelayClock {
  subscribe(listener: () => void): () => void;
  /** Relay-clock epoch ms as of the last tick (stable between ticks). */
  now(): number;
  /** Re-reads the relay time at once (after a snapshot moved the clock offset). */
  tick(): void;
}

export function createRelayClock(
  relayNow: () => number,
  timers: ClockTimers = { setInterval: (fn, ms) => globalThis.setInterval(fn, ms), clearInterval: (h) => globalThis.clearInterval(h as number) },
  periodMs = 1000,
): RelayClock {
  const listeners = new Set<() => void>();
  let current = relayNow();
  let handle: unknown = null;
  const tick = (): void => {
    current = relayNow();
    for (const listener of listeners) listener();
  };
  return {
    subscribe(listener) {
      listeners.add(listener);
      if (handle === null) {
        current = relayNow();
        handle = timers.setInterval(tick, periodMs);
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && handle !== null) {
          timers.clearInterval(handle);
          handle = null;
        }
      };
    },
    now: () => current,
    tick,
  };
}

/** The page's relay clock itself, for work that follows its ticks without re-rendering. */
export function useRelayClock(): RelayClock {
  const clock = useContext(RelayClockContext);
  if (clock === null) throw new Error('the relay clock needs a <DashboardProvider>');
  return clock;
}

/** The relay's clock (epoch ms), re-rendering the caller once per second. */
export function useRelayNow(): number {
  const clock = useRelayClock();
  return useSyncExternalStore(clock.subscribe, clock.now, clock.now);
}
