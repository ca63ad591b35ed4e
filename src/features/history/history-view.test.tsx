import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { createTestDashboard } from '../../../test/support/dom/stats-test-harness';
import { finishedOrders, memoryHistory } from '../../../test/support/dom/memory-history';
import { HistoryProvider } from '../../store/history-context';
import { createHistoryStore, HISTORY_PAGE_SIZE } from '../../store/history-store';
import { readViewParams } from '../../store/view-url';
import { OrderDetailPanel } from '../order-detail/order-detail-panel';
import { HistoryGrid } from './history-grid';
import { HistoryView } from './history-view';

const T0 = Date.parse('2026-12-03T08:00:00Z');
const ORDERS = finishedOrders(250, T0);

function setup(url = '/?view=history') {
  window.history.replaceState(null, '', url);
  const relay = memoryHistory(ORDERS);
  const history = createHistoryStore(relay.load);
  const t = createTestDashboard(T0 + 300_000);
  const wrapper = ({ children }: { children: ReactNode }) =>
    t.wrapper({ children: <HistoryProvider history={history}>{children}</HistoryProvider> });
  return { relay, history, t, wrapper };
}

const rows = (): HTMLElement[] => within(screen.getByRole('rowgroup')).getAllByRole('row');

/** Scrolls the list to its last loaded row, as a person dragging the scrollbar down would (jsdom has no layout: the body's height says where the end is). */
function scrollToEnd(): void {
  const scroller = screen.getByTestId('history-scroll');
  const body = scroller.firstElementChild as HTMLElement;
  act(() => {
    scroller.scrollTop = parseFloat(body.style.height);
    fireEvent.scroll(scroller);
  });
}

describe('HistoryView', () => {
  it('shows loading, then the newest finished orders first', async () => {
    const { relay, wrapper } = setup();
    relay.hold();
    render(<HistoryView now={() => T0} />, { wrapper });
    expect(screen.getByText('loading…')).toBeInTheDocument();
    act(() => relay.release());
    await waitFor(() => expect(rows().length).toBeGreaterThan(10));
    expect(rows()[0]).toHaveAttribute('data-order-id', 'h0249');
    expect(rows()[0]).toHaveTextContent('Filled');
    expect(screen.getByTestId('history-count')).toHaveTextContent(`${HISTORY_PAGE_SIZE} loaded so far`);
    expect(relay.requests).toHaveLength(1);
  });

  it('loads the next page when scrolled near the end, and says when history ends', async () => {
    const { relay, wrapper } = setup();
    render(<HistoryView now={() => T0} />, { wrapper });
    await waitFor(() => expect(screen.getByTestId('history-count')).toHaveTextContent('100 loaded'));
    scrollToEnd();
    await waitFor(() => expect(screen.getByTestId('history-count')).toHaveTextContent('200 loaded'));
    expect(relay.requests[1]?.cursor).toBe('100');
    scrollToEnd();
    await waitFor(() => expect(screen.getByText('end of history: 250 orders')).toBeInTheDocument());
    expect(relay.requests).toHaveLength(3);
    expect(screen.getByTestId('history-count')).toHaveTextContent('250 loaded');
  });

  it('asks afresh when opened again and on Refresh; a re-render with the same filters asks nothing', async () => {
    const { relay, wrapper } = setup();
    const { unmount, rerender } = render(<HistoryView now={() => T0} />, { wrapper });
    await waitFor(() => expect(rows().length).toBeGreaterThan(10));
    rerender(<HistoryView now={() => T0 + 1} />);
    expect(relay.requests).toHaveLength(1);
    unmount();
    render(<HistoryView now={() => T0} />, { wrapper });
    await waitFor(() => expect(relay.requests).toHaveLength(2));
    await userEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    await waitFor(() => expect(relay.requests).toHaveLength(3));
    expect(relay.requests.map((r) => r.cursor)).toEqual([null, null, null]);
  });

  it('shows an error with a retry that asks for the same page again', async () => {
    const { relay, wrapper } = setup();
    relay.failNext(1);
    render(<HistoryView now={() => T0} />, { wrapper });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load history: the relay answered HTTP 503');
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(rows().length).toBeGreaterThan(10));
    expect(relay.requests.map((r) => r.cursor)).toEqual([null, null]);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('a status filter goes to the URL and starts again from the first page', async () => {
    const { relay, wrapper } = setup();
    render(<HistoryView now={() => T0} />, { wrapper });
    await waitFor(() => expect(rows().length).toBeGreaterThan(10));
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'CANCELED');
    expect(new URLSearchParams(window.location.search).get('hstatus')).toBe('CANCELED');
    await waitFor(() => expect(rows()[0]).toHaveAttribute('data-status', 'CANCELED'));
    expect(rows().every((r) => r.getAttribute('data-status') === 'CANCELED')).toBe(true);
    expect(relay.requests.at(-1)).toMatchObject({ status: 'CANCELED', cursor: null });
  });

  it('a click or Enter on a row opens the detail panel with the order’s timeline, from history', async () => {
    const { wrapper } = setup();
    render(
      <>
        <HistoryView now={() => T0} />
        <OrderDetailPanel />
      </>,
      { wrapper },
    );
    await waitFor(() => expect(rows().length).toBeGreaterThan(10));
    await userEvent.click(rows()[1]!);
    expect(readViewParams().order).toBe('h0248');
    const panel = screen.getByRole('complementary', { name: /Order h0248/ });
    expect(within(panel).getByTestId('detail-from-history')).toBeInTheDocument();
    const timeline = within(panel).getByRole('list', { name: 'Timeline' });
    expect(
      within(timeline)
        .getAllByRole('listitem')
        .map((li) => li.getAttribute('data-status')),
    ).toEqual(['NEW', 'OPEN', 'CANCELED']);

    const grid = screen.getByRole('grid', { name: 'Finished orders' });
    grid.focus();
    await userEvent.keyboard('{ArrowDown}{Enter}');
    expect(readViewParams().order).toBe('h0247');
    expect(screen.getByRole('complementary', { name: /Order h0247/ })).toHaveTextContent('Filled');
  });
});

describe('the detail panel falls back to history for an order the live book does not hold', () => {
  it('finds it with one small lookup', async () => {
    const { relay, wrapper } = setup('/?order=h0003');
    render(<OrderDetailPanel />, { wrapper });
    expect(screen.getByRole('status')).toHaveTextContent('looking it up in history');
    const panel = await screen.findByTestId('detail-from-history');
    expect(panel).toBeInTheDocument();
    expect(relay.requests).toEqual([expect.objectContaining({ search: 'h0003', limit: 5, cursor: null })]);
  });

  it('says plainly when it is nowhere', async () => {
    const { wrapper } = setup('/?order=gone-1');
    render(<OrderDetailPanel />, { wrapper });
    expect(await screen.findByText(/neither in the live book nor in history/)).toBeInTheDocument();
  });

  it('offers a retry when history could not be asked', async () => {
    const { relay, wrapper } = setup('/?order=h0007');
    relay.failNext(1);
    render(<OrderDetailPanel />, { wrapper });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('history could not be asked: the relay answered HTTP 503');
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByTestId('detail-from-history')).toBeInTheDocument();
    expect(relay.requests).toHaveLength(2);
  });
});

describe('HistoryGrid', () => {
  it('asks for more only when it may (not while loading, at the end or after an error)', () => {
    const onNearEnd = vi.fn();
    const props = { orders: ORDERS.slice(0, 20), selectedId: null, onOpen: () => {}, onNearEnd, footer: null };
    const { rerender } = render(<HistoryGrid {...props} canLoadMore={false} />);
    expect(onNearEnd).not.toHaveBeenCalled();
    rerender(<HistoryGrid {...props} canLoadMore />);
    expect(onNearEnd).toHaveBeenCalledTimes(1);
  });
});
