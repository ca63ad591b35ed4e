import { act, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createBook } from '../../core/book';
import { DashboardProvider } from '../../store/dashboard-context';
import { createDashboard } from '../../store/dashboard-store';
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
    expect(screen.getByTestId('feed-banner')).toHaveTextContent('Data as of 17:05:09 — RECONNECTING');
    act(() => dashboard.setFeed({ status: 'STALE' }));
    expect(screen.getByTestId('feed-banner')).toHaveTextContent('Data as of 17:05:09 — STALE FEED');
  });
});
