import { useContext, useSyncExternalStore } from 'react';
import type { Cancel, Clock } from '../lib/clock';
import { systemClock } from '../platform/system-clock';
import { RelayClockContext } from './dashboard-context-value';

/**
 * One 1 Hz clock for the whole page, on the relay's time. Every age timer reads the same
 * value, so all rows tick together and nothing runs per row. The interval runs only while
 * something is subscribed.
 */
export interface RelayClock {
  readonly subscribe: (listener: () => void) => () => void;
  /** Relay-clock epoch ms as of the last tick (stable between ticks). */
  readonly now: () => number;
  /** Re-reads the relay time at once (after a snapshot moved the clock offset). */
  readonly tick: () => void;
}

export function createRelayClock(relayNow: () => number, timers: Pick<Clock, 'every'> = systemClock, periodMs = 1000): RelayClock {
  const listeners = new Set<() => void>();
  let current = relayNow();
  let stop: Cancel | null = null;
  const tick = (): void => {
    current = relayNow();
    for (const listener of listeners) listener();
  };
  return {
    subscribe(listener) {
      listeners.add(listener);
      if (stop === null) {
        current = relayNow();
        stop = timers.every(periodMs, tick);
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && stop !== null) {
          stop();
          stop = null;
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
