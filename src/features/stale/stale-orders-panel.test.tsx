import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readViewParams } from '../../store/view-url';
import { created, filled, moved } from '../../../test/support/stats-test-events';
import { createTestDashboard } from '../../../test/support/dom/stats-test-harness';
import { untrustedText } from '../../../test/support/dom/untrusted-text';
import { StaleOrdersPanel } from './stale-orders-panel';

const T0 = Date.parse('2026-11-24T10:00:00Z');

describe('StaleOrdersPanel', () => {
  beforeEach(() => window.history.replaceState(null, '', '/'));

  it('goes live: an order crossing the threshold appears on the next tick, and leaves when it finishes', () => {
    const t = createTestDashboard(T0, [created('a', T0), moved('a', T0 + 500, 'OPEN')]);
    render(<StaleOrdersPanel />, { wrapper: t.wrapper });
    expect(screen.getByText(/No stale orders/)).toBeInTheDocument();
    t.advance(301_000);
    expect(screen.getByRole('heading', { name: /Stale orders/ })).toHaveTextContent('1');
    expect(screen.getByRole('button', { name: /^a:/ })).toHaveTextContent('5 m 1 s');
    t.advance(1_000);
    expect(screen.getByRole('button', { name: /^a:/ })).toHaveTextContent('5 m 2 s');
    t.post(filled('a', t.now(), 1000, 1));
    t.advance(1_000);
    expect(screen.getByText(/No stale orders/)).toBeInTheDocument();
  });

  it('follows a stricter limit from the URL and selects the order there', async () => {
    window.history.replaceState(null, '', '/?stale_new=30');
    const t = createTestDashboard(T0, [created('slow-ack', T0)]);
    render(<StaleOrdersPanel />, { wrapper: t.wrapper });
    t.advance(42_000);
    const row = screen.getByRole('button', { name: /^slow-ack:/ });
    expect(row).toHaveTextContent('NEW for 42 s — not acknowledged');
    // The limit reads in seconds, as the threshold box and every reason write it.
    expect(screen.getByText(/^active >/)).toHaveTextContent('active > 300 s');
    await userEvent.setup().click(row);
    expect(readViewParams().order).toBe('slow-ack');
    expect(row).toHaveAttribute('aria-pressed', 'true');
  });

  it('on the wall shows read-only rows', () => {
    const t = createTestDashboard(T0, [created('a', T0), created('b', T0 + 1)]);
    render(<StaleOrdersPanel variant="wall" />, { wrapper: t.wrapper });
    t.advance(400_000);
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.getAllByRole('listitem').length).toBeGreaterThanOrEqual(1);
  });

  it('on the wall, a symbol with a bidi override reads as a marker, isolated', () => {
    const t = createTestDashboard(T0, [created('a', T0, 1000, 'BTC\u202E-DSU')]);
    // Stale before the first render, so the first scan (made at once) lists it: a rescan after
    // render can be put off by the scan feed's busy-share guard, which times scans on the real clock.
    t.advance(400_000);
    render(<StaleOrdersPanel variant="wall" />, { wrapper: t.wrapper });
    const symbol = screen.getByRole('listitem').querySelector('.ow-stale__symbol bdi')!;
    expect(untrustedText(symbol)).toBe('BTC⟨U+202E⟩-DSU');
    expect(symbol).toHaveAttribute('title', 'BTC⟨U+202E⟩-DSU');
    expect(screen.getByRole('listitem').textContent).not.toContain('\u202E');
  });
});
