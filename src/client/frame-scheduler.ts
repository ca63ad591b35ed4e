import type { Clock } from '../lib/clock';
import { systemClock } from '../platform/system-clock';
import type { Scheduler } from '../store/dashboard-store';

export interface FrameDeps {
  readonly requestAnimationFrame: (fn: () => void) => unknown;
  readonly clock: Clock;
}

/**
 * Runs each callback on the next animation frame, or after `fallbackMs` when no frame comes:
 * a hidden tab gets no frames, and its book must still follow the feed (the title's stale
 * count and the data behind it stay true).
 */
export function createFrameScheduler(deps: FrameDeps, fallbackMs = 250): Scheduler {
  return {
    now: () => deps.clock.now(),
    frame(fn) {
      let done = false;
      const run = (): void => {
        if (done) return;
        done = true;
        cancel();
        fn();
      };
      const cancel = deps.clock.after(fallbackMs, run);
      deps.requestAnimationFrame(run);
    },
  };
}

export function browserFrameScheduler(): Scheduler {
  return createFrameScheduler({
    requestAnimationFrame: (fn) => window.requestAnimationFrame(fn),
    clock: systemClock,
  });
}
