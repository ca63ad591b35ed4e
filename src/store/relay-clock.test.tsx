import { act, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../test/support/manual-clock';
import { createRelayClock, useRelayNow } from './relay-clock';
import { DashboardProvider } from './dashboard-context';
import { createDashboard } from './dashboard-store';

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
});
