import { act, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../test/support/manual-clock';
import { createRelayClock, useRelayNow } from './relay-clock';
import { DashboardProvider } from './dashboard-context';
import { createDashboard } from './dashboard-store';
import { createBook } from '../core/book';

function Age({ id }: { readonly id: string }) {
  return <span data-testid={id}>{useRelayNow()}</span>;
}

describe('relay clock', () => {
  it('one interval drives every subscriber, on the relay clock, and stops with the last one', () => {
    const timers = new ManualClock();
    let intervals = 0;
    let handles = 0;
    const fakeInterval = {
      every: (ms: number, fn: () => void) => {
        intervals++;
        handles++;
        const stop = timers.every(ms, fn);
        return () => {
          handles--;
          stop();
        };
      },
    };
    const dashboard = createDashboard({ frame: () => {}, now: () => timers.now() });
    const offset = 3_600_000;
    const clock = createRelayClock(() => timers.now() + offset, fakeInterval);
    const view = render(
      <DashboardProvider dashboard={dashboard} clock={clock}>
        <Age id="a" />
        <Age id="b" />
        <Age id="c" />
      </DashboardProvider>,
    );
    expect(intervals).toBe(1);
    const start = timers.now();
    act(() => timers.advance(1000));
    for (const id of ['a', 'b', 'c']) expect(screen.getByTestId(id).textContent).toBe(String(start + 1000 + offset));
    view.unmount();
    expect(handles).toBe(0);
  });

  it('shows the frozen time the moment the feed is lost, not a tick later', () => {
    const timers = new ManualClock();
    const dashboard = createDashboard({ frame: () => {}, now: () => timers.now() });
    const clock = createRelayClock(() => dashboard.relayNow(), timers);
    render(
      <DashboardProvider dashboard={dashboard} clock={clock}>
        <Age id="a" />
      </DashboardProvider>,
    );
    act(() => dashboard.applySnapshot(createBook(), 0, timers.now(), 300, 1000));
    act(() => timers.advance(1000));
    const lastTick = clock.now();
    // A heartbeat after the last tick moves the newest data past what the page shows...
    act(() => {
      timers.advance(400);
      dashboard.heartbeat(timers.now());
    });
    expect(screen.getByTestId('a').textContent).toBe(String(lastTick));
    // ...and losing the feed shows that newest time at once.
    act(() => dashboard.setFeed({ status: 'RECONNECTING' }));
    expect(screen.getByTestId('a').textContent).toBe(String(lastTick + 400));
    act(() => timers.advance(5000));
    expect(screen.getByTestId('a').textContent).toBe(String(lastTick + 400));
  });
});
