import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readViewParams } from '../../store/view-url';
import { created, filled, moved } from '../../../test/support/stats-test-events';
import { createTestDashboard } from '../../../test/support/dom/stats-test-harness';
import { untrustedText } from '../../../test/support/dom/untrusted-text';
import { OrderDetailPanel } from './order-detail-panel';

const T0 = Date.parse('2026-11-24T10:00:00Z');

describe('OrderDetailPanel', () => {
  beforeEach(() => window.history.replaceState(null, '', '/?order=a'));

  it('shows the full state and a live timeline that follows the order as it changes', () => {
    const t = createTestDashboard(T0 + 3_000, [created('a', T0), moved('a', T0 + 1_000, 'OPEN')]);
    render(<OrderDetailPanel />, { wrapper: t.wrapper });
    const panel = screen.getByRole('complementary', { name: /Order a/ });
    const timeline = within(panel).getByRole('list', { name: 'Timeline' });
    let items = within(timeline).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent('order created');
    expect(items[0]).toHaveTextContent('1.0 s');
    expect(items[1]).toHaveTextContent('2.0 s');
    t.advance(1_000);
    expect(within(timeline).getAllByRole('listitem')[1]).toHaveTextContent('3.0 s');

    t.post(filled('a', t.now(), 400, 0.4), moved('a', t.now() + 10, 'CANCELED', 'operator'));
    items = within(timeline).getAllByRole('listitem');
    expect(items.map((li) => li.getAttribute('data-status'))).toEqual(['NEW', 'OPEN', 'PARTIAL_FILL', 'CANCELED']);
    expect(items[3]).toHaveTextContent('operator');
    expect(items[3]).toHaveTextContent('final');
    expect(within(panel).getByRole('heading', { name: 'Fills (1)' })).toBeInTheDocument();
    expect(within(panel).getByRole('table')).toHaveTextContent('400.00');
    expect(within(panel).getByText('Fill %', { selector: 'dt' }).nextElementSibling).toHaveTextContent('40.0%');
  });

  it("lists the order's anomalies, even when they left the order unchanged", () => {
    const t = createTestDashboard(T0, [created('a', T0), moved('a', T0 + 1, 'REJECTED')]);
    render(<OrderDetailPanel />, { wrapper: t.wrapper });
    expect(screen.getByRole('heading', { name: 'Anomalies (0)' })).toBeInTheDocument();
    t.post(moved('a', T0 + 2, 'OPEN'));
    expect(screen.getByRole('heading', { name: 'Anomalies (1)' })).toBeInTheDocument();
    expect(screen.getByText(/REJECTED → OPEN is not allowed/)).toBeInTheDocument();
  });

  it('closes with Escape and with the close button, clearing the URL', async () => {
    const t = createTestDashboard(T0, [created('a', T0)]);
    const user = userEvent.setup();
    const { rerender } = render(<OrderDetailPanel />, { wrapper: t.wrapper });
    await user.keyboard('{Escape}');
    expect(readViewParams().order).toBeNull();
    expect(screen.queryByRole('complementary')).toBeNull();
    window.history.replaceState(null, '', '/?order=a');
    rerender(<OrderDetailPanel />);
    await user.click(screen.getByRole('button', { name: 'Close order detail' }));
    expect(readViewParams().order).toBeNull();
  });

  it('shows a hostile id isolated and visible, whole, and copies it exactly as sent', async () => {
    const id = 'rtl-abc\u202Efdp.exe';
    window.history.replaceState(null, '', `/?order=${encodeURIComponent(id)}`);
    const t = createTestDashboard(T0, [
      created(id, T0),
      { type: 'order_transition', client_order_id: id, ts: T0 + 1, engine: 'e1', status: 'OPEN', order_id: 'x\u200B-77' },
    ]);
    const user = userEvent.setup();
    render(<OrderDetailPanel />, { wrapper: t.wrapper });
    const panel = screen.getByRole('complementary', { name: 'Order rtl-abc⟨U+202E⟩fdp.exe' });
    const field = within(panel).getByText('Client order id', { selector: 'dt' }).nextElementSibling as HTMLElement;
    const shown = field.querySelector('bdi')!;
    expect(untrustedText(shown)).toBe('rtl-abc⟨U+202E⟩fdp.exe');
    expect(panel.textContent).not.toMatch(/[\u202E\u200B]/);

    await user.click(within(panel).getByRole('button', { name: 'Copy client order id' }));
    expect(await navigator.clipboard.readText()).toBe(id);
    expect(within(field).getByRole('status')).toHaveTextContent('Copied');

    const exchange = within(panel).getByText('Exchange order id', { selector: 'dt' }).nextElementSibling as HTMLElement;
    expect(untrustedText(exchange.querySelector('bdi')!)).toBe('x⟨U+200B⟩-77');
    await user.click(within(panel).getByRole('button', { name: 'Copy exchange order id' }));
    expect(await navigator.clipboard.readText()).toBe('x\u200B-77');
    expect(within(exchange).getByRole('status')).toHaveTextContent('Copied');
  });

  it("shows an engine's reason in the timeline with its invisible characters made visible", () => {
    const t = createTestDashboard(T0, [created('a', T0), moved('a', T0 + 1, 'REJECTED', 'margin\u2066 low\u2069\u0007')]);
    render(<OrderDetailPanel />, { wrapper: t.wrapper });
    const timeline = screen.getByRole('list', { name: 'Timeline' });
    const reason = within(timeline).getAllByRole('listitem')[1]!.querySelector('.ow-timeline__reason bdi')!;
    expect(untrustedText(reason)).toBe('margin⟨U+2066⟩ low⟨U+2069⟩⟨U+0007⟩');
  });

  it('says so when the order is not in the book', () => {
    window.history.replaceState(null, '', '/?order=ghost');
    const t = createTestDashboard(T0);
    render(<OrderDetailPanel />, { wrapper: t.wrapper });
    expect(screen.getByRole('status')).toHaveTextContent(/not in the book/);
  });
});
