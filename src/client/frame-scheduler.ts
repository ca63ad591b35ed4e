import type { Scheduler } from '../store/dashboard-store';

export interface FrameDeps {
  readonly requestAnimationFrame: (fn: () => void) => unknown;
  readonly setTimeout: (fn: () => void, ms: number) => unknown;
  readonly clearTimeout: (handle: unknown) => void;
  readonly now: () => number;
}

/**
 * Runs each callback on the next animation frame, or after `fallbackMs` when no frame comes:
 * a hidden tab gets no frames, and its book must still follow the feed (the title's stale
 * count and the data behind it stay true).
 */
export function createFrameScheduler(deps: FrameDeps, fallbackMs = 250): Scheduler {
  return {
    now: deps.now,
    frame(fn) {
      let done = false;
      const run = (): void => {
        if (done) return;
        done = true;
        deps.clearTimeout(timer);
        fn();
      };
      const timer = deps.setTimeout(run, fallbackMs);
      deps.requestAnimationFrame(run);
    },
  };
}

export function browserFrameScheduler(): Scheduler {
  return createFrameScheduler({
    requestAnimationFrame: (fn) => window.requestAnimationFrame(fn),
    setTimeout: (fn, ms) => window.setTimeout(fn, ms),
    clearTimeout: (h) => window.clearTimeout(h as number),
    now: () => Date.now(),
  });
}
