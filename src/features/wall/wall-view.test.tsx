import { act, render, screen } from '@testing-library/react';
import { createTestDashboard } from '../../../test/support/dom/stats-test-harness';
import { WallView } from './wall-view';

const T0 = Date.parse('2026-11-24T10:00:00Z');

function renderWall() {
  const t = createTestDashboard(T0);
  const view = render(
    <WallView
      feedStatus={<span>Feed: LIVE</span>}
      feedBanner={<span>Data as of 10:00:00 — RECONNECTING</span>}
      tiles={<dl aria-label="Summary" />}
      stale={<section aria-label="Stale orders" />}
      breakdown={<figure aria-label="breakdown" />}
      alerts={<section aria-label="Alerts" />}
      sound={<button type="button">Arm sound</button>}
      engines={<div aria-label="Engines" />}
    />,
    { wrapper: t.wrapper },
  );
  return { t, view };
}

describe('WallView', () => {
  it('lays out feed state, sound, alerts, tiles, stale list, breakdown and engines with the relay clock', () => {
    renderWall();
    expect(screen.getByText('Feed: LIVE')).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Stale orders' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Orders by status' })).toBeInTheDocument();
    expect(screen.getByLabelText('Relay time (UTC)')).toHaveTextContent('10:00:00');
    expect(screen.getByRole('region', { name: 'Alerts' })).toBeInTheDocument();
    expect(screen.getByRole('banner')).toContainElement(screen.getByRole('button', { name: 'Arm sound' }));
    expect(screen.getByRole('contentinfo')).toContainElement(screen.getByLabelText('Engines'));
  });

  it('dims and explains itself when the feed is not live', () => {
    const { t } = renderWall();
    expect(screen.queryByText(/Data as of/)).toBeNull();
    act(() => t.dashboard.setFeed({ status: 'RECONNECTING', attempt: 2 }));
    expect(screen.getByText(/Data as of/)).toBeInTheDocument();
    expect(screen.getByRole('main')).toHaveClass('is-dimmed');
  });

  it('is dark while shown and gives the page its theme back on leaving', () => {
    document.documentElement.dataset.theme = 'light';
    const { view } = renderWall();
    expect(document.documentElement.dataset.theme).toBe('dark');
    view.unmount();
    expect(document.documentElement.dataset.theme).toBe('light');
  });
});
