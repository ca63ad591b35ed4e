import { act, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { createBook } from '../../core/book';
import { DashboardProvider } from '../../store/dashboard-context';
import { createDashboard } from '../../store/dashboard-store';
import { createRelayClock } from '../../store/relay-clock';
import { setTimeZone } from '../../store/time-zone';
import { created } from '../../../test/support/stats-test-events';
import { BookReplacedNotice } from './book-replaced-notice';
import { FeedBanner } from './feed-banner';
import { FeedStatusIndicator } from './feed-status-indicator';

describe('feed status', () => {
  it('announces the state in a status region and shows the as-of banner when not LIVE', () => {
    const dashboard = createDashboard({ frame: () => {}, now: () => 0 });
    render(
      <DashboardProvider dashboard={dashboard}>
        <FeedStatusIndicator />
        <FeedBanner />
      </DashboardProvider>,
    );
    act(() => dashboard.applySnapshot(createBook(), 1, Date.parse('2026-11-24T17:05:09Z'), 300, 5000));
    expect(screen.getByRole('status')).toHaveTextContent('Feed: LIVE');
    expect(screen.queryByTestId('feed-banner')).toBeNull();
    act(() => dashboard.setFeed({ status: 'RECONNECTING', attempt: 3, retryAt: 4000 }));
    expect(screen.getByRole('status')).toHaveTextContent('Feed: RECONNECTING (attempt 3)');
    expect(screen.getByTestId('feed-banner')).toHaveTextContent('Data as of 17:05:09 UTC — RECONNECTING');
    act(() => dashboard.setFeed({ status: 'STALE' }));
    expect(screen.getByTestId('feed-banner')).toHaveTextContent('Data as of 17:05:09 UTC — STALE FEED');
  });

  it('offers "Reconnect now" while reconnecting, and it reaches the feed', () => {
    const dashboard = createDashboard({ frame: () => {}, now: () => 0 });
    let asked = 0;
    dashboard.onReconnectRequest(() => asked++);
    render(
      <DashboardProvider dashboard={dashboard}>
        <FeedBanner />
      </DashboardProvider>,
    );
    act(() => dashboard.setFeed({ status: 'STALE' }));
    expect(screen.queryByRole('button', { name: 'Reconnect now' })).toBeNull();
    act(() => dashboard.setFeed({ status: 'RECONNECTING', attempt: 4, retryAt: 5000 }));
    fireEvent.click(screen.getByRole('button', { name: 'Reconnect now' }));
    expect(asked).toBe(1);
  });

  it("names its times in the desk's zone when the desk chose local time", () => {
    // Half an hour off UTC, so a time left in UTC cannot pass for local.
    vi.stubEnv('TZ', 'Asia/Kolkata');
    setTimeZone('local');
    try {
      const dashboard = createDashboard({ frame: () => {}, now: () => 0 });
      render(
        <DashboardProvider dashboard={dashboard}>
          <BookReplacedNotice />
        </DashboardProvider>,
      );
      act(() => dashboard.setFeed({ replaced: { at: Date.parse('2026-11-24T17:05:09Z'), ordersBefore: 2, ordersAfter: 1 } }));
      // 17:05:09 UTC is 22:35:09 in India, whose short name is IST or GMT+5:30 by ICU data.
      expect(screen.getByRole('alert')).toHaveTextContent(/The relay restarted at 11-24 22:35:09 (IST|GMT\+5:30) and/);
    } finally {
      setTimeZone('utc');
      vi.unstubAllEnvs();
    }
  });

  it('says so when a restarted relay replaced the book, until dismissed', () => {
    const dashboard = createDashboard({ frame: () => {}, now: () => 0 });
    render(
      <DashboardProvider dashboard={dashboard}>
        <BookReplacedNotice />
      </DashboardProvider>,
    );
    expect(screen.queryByTestId('book-replaced')).toBeNull();
    act(() => dashboard.setFeed({ replaced: { at: Date.parse('2026-11-24T17:05:09Z'), ordersBefore: 7041, ordersAfter: 586 } }));
    // The page's relay clock still reads 1970 here (no heartbeat yet): a time not of its day is dated.
    expect(screen.getByRole('alert')).toHaveTextContent(
      "The relay restarted at 11-24 17:05:09 UTC and its book replaced this page's: 7,041 → 586 orders.",
    );
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByTestId('book-replaced')).toBeNull();
  });

  it('shows the feed lag sampled on the 1 Hz clock, not redrawn every frame', () => {
    const T = Date.parse('2026-11-24T17:05:09Z');
    let browserNow = T;
    const frames: (() => void)[] = [];
    const dashboard = createDashboard({ frame: (fn) => frames.push(fn), now: () => browserNow });
    let tick = (): void => undefined;
    const clock = createRelayClock(() => dashboard.relayNow(), { every: (_ms, fn) => ((tick = fn), () => undefined) });
    const { container } = render(
      <DashboardProvider dashboard={dashboard} clock={clock}>
        <FeedStatusIndicator />
      </DashboardProvider>,
    );
    act(() => dashboard.applySnapshot(createBook(), 1, T, 300, 5000));
    const lagText = (): string => container.querySelector('.feed-status__lag')?.textContent ?? '';
    browserNow = T + 40;
    act(() => {
      dashboard.enqueue([{ rseq: 2, at: T, event: created('a', T) }]);
      frames.splice(0).forEach((fn) => fn());
    });
    // The store has the new lag at once; the figure waits for the clock.
    expect(dashboard.store.getState().feed.lagMs).toBe(40);
    expect(lagText()).toBe('');
    act(() => tick());
    expect(lagText()).toBe('lag 40 ms');
  });
});
