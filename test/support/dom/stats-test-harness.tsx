import { act } from '@testing-library/react';
import type { ReactNode } from 'react';
import { applyEvent } from '../../../src/core/apply';
import { createBook } from '../../../src/core/book';
import type { OrderEvent } from '../../../src/core/events';
import { DashboardProvider } from '../../../src/store/dashboard-context';
import type { Dashboard } from '../../../src/store/dashboard-store';
import { createDashboard } from '../../../src/store/dashboard-store';
import type { RelayClock } from '../../../src/store/relay-clock';
import { createRelayClock } from '../../../src/store/relay-clock';

/**
 * A live dashboard for component tests: a stepped browser clock, frames and background tasks
 * flushed by hand, the page's 1 Hz relay clock ticked by hand. Tests in features read the store exactly as the app does.
 */
export interface TestDashboard {
  readonly dashboard: Dashboard;
  readonly clock: RelayClock;
  readonly wrapper: (props: { children: ReactNode }) => ReactNode;
  /** Enqueues events as stream items and commits them (one frame), inside act(). */
  readonly post: (...events: OrderEvent[]) => void;
  /** Moves the clock on and ticks the 1 Hz clock, inside act(). */
  readonly advance: (ms: number) => void;
  readonly now: () => number;
}

export function createTestDashboard(start: number, initial: readonly OrderEvent[] = []): TestDashboard {
  let now = start;
  let rseq = 0;
  const frames: (() => void)[] = [];
  const tasks: (() => void)[] = [];
  // A stopwatch that never moves: the book scan's cost limits (how often it rescans, how long a
  // slice runs) then never depend on how busy the machine running the test is.
  const dashboard = createDashboard({
    frame: (fn) => frames.push(fn),
    now: () => now,
    later: (fn) => tasks.push(fn),
    stopwatch: { now: () => 0 },
  });
  // Background work queued by what just happened (the book scan's slices), run to the end.
  const runTasks = (): void => {
    for (let task = tasks.shift(); task !== undefined; task = tasks.shift()) task();
  };
  const book = createBook();
  for (const e of initial) applyEvent(book, e);
  dashboard.applySnapshot(book, 0, start, 300, 5_000);
  const clock = createRelayClock(() => dashboard.relayNow(), { every: () => () => undefined });
  return {
    dashboard,
    clock,
    wrapper: ({ children }) => (
      <DashboardProvider dashboard={dashboard} clock={clock}>
        {children}
      </DashboardProvider>
    ),
    post: (...events) =>
      act(() => {
        dashboard.enqueue(events.map((event) => ({ rseq: ++rseq, at: now, event })));
        frames.splice(0).forEach((fn) => fn());
        runTasks();
      }),
    advance: (ms) =>
      act(() => {
        now += ms;
        clock.tick();
        runTasks();
      }),
    now: () => now,
  };
}
