import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OrderBook } from '../../core/book';
import { addOrder, bookOf } from '../../../test/support/book-fixtures';
import { untrustedText, untrustedTexts } from '../../../test/support/dom/untrusted-text';
import { DashboardProvider } from '../../store/dashboard-context';
import { createDashboard } from '../../store/dashboard-store';
import type { RelayClock } from '../../store/relay-clock';
import type { AlertActions } from '../../store/alert-actions';
import { AlertActionsContext } from '../../store/alert-actions';
import { applyAlertsMessage } from '../../store/alerts-store';
import { OrdersTable } from './orders-table';

const T = Date.parse('2026-11-24T12:00:00Z');

function renderTable(book: OrderBook) {
  const frames: (() => void)[] = [];
  const dashboard = createDashboard({ frame: (fn) => void frames.push(fn), now: () => T, stopwatch: { now: () => 0 } });
  dashboard.applySnapshot(book, 0, T, 300, 5000);
  const clock: RelayClock = { subscribe: () => () => {}, now: () => T, tick: () => {} };
  const view = render(
    <DashboardProvider dashboard={dashboard} clock={clock}>
      <OrdersTable />
    </DashboardProvider>,
  );
  return { ...view, dashboard, frames };
}

const dataRows = () => screen.getAllByRole('row').filter((r) => r.getAttribute('aria-rowindex') !== '1');

describe('orders table', () => {
  beforeEach(() => window.history.replaceState(null, '', '/'));
  afterEach(() => window.history.replaceState(null, '', '/'));

  it('renders only the visible rows of 10,000 orders, with grid semantics', () => {
    const specs = Array.from({ length: 10_000 }, (_, i) => ({
      id: `o${String(i).padStart(5, '0')}`,
      createdAt: T - i * 1000,
      status: 'OPEN' as const,
    }));
    renderTable(bookOf(specs));
    const grid = screen.getByRole('grid', { name: 'Orders' });
    expect(grid).toHaveAttribute('aria-rowcount', '10001');
    const rows = dataRows();
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.length).toBeLessThan(80);
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent?.trim())).toContain('Client order id');
  }, 30_000);

  it('shows engine text as text, never as markup', () => {
    const hostile = '<img src=x onerror="window.__pwned=1">';
    renderTable(bookOf([{ id: hostile, createdAt: T - 1000, symbol: hostile }]));
    expect(document.querySelector('img')).toBeNull();
    expect(untrustedTexts().filter((t) => t === hostile).length).toBeGreaterThanOrEqual(2);
    expect(screen.getAllByTitle(hostile).length).toBeGreaterThanOrEqual(2);
  });

  it('untrusted ids: a bidi override shows as a marker inside <bdi>, zero-width twins differ, the end of a long id is kept', () => {
    const rtl = 'rtl-abc\u202Efdp.exe';
    const twin = 'coid_demo_17\u200B004821';
    renderTable(
      bookOf([
        { id: rtl, createdAt: T - 3000, engine: 'momentum-1' },
        { id: 'coid_demo_17004821', createdAt: T - 2000 },
        { id: twin, createdAt: T - 1000 },
      ]),
    );
    const column = screen.getAllByRole('columnheader').findIndex((h) => h.textContent?.includes('Client order id'));
    const idCell = (id: string) => {
      const row = dataRows().find((r) => r.getAttribute('data-order-id') === id)!;
      return row.querySelectorAll('[role=gridcell]')[column]!.querySelector('bdi')!;
    };
    const shown = idCell(rtl);
    expect(untrustedText(shown)).toBe('rtl-abc⟨U+202E⟩fdp.exe');
    expect(shown).toHaveAttribute('title', 'rtl-abc⟨U+202E⟩fdp.exe');
    expect(untrustedText(idCell(twin))).not.toBe(untrustedText(idCell('coid_demo_17004821')));
    expect(idCell('coid_demo_17004821').querySelector('.untrusted__tail')).toHaveTextContent(/^17004821$/);
    // A marker counts as one unit of the kept end, so the twin's end shows where it differs.
    expect(idCell(twin).querySelector('.untrusted__tail')!.textContent).toBe('7⟨U+200B⟩004821');
    // No raw control character reaches the screen anywhere in the table.
    expect(document.body.textContent).not.toMatch(/[\u202E\u200B]/);
  });

  it("shows a finished order's lifetime as what it took, an active order's as its age", () => {
    renderTable(
      bookOf([
        { id: 'done', createdAt: T - 60_000, status: 'REJECTED', updatedAt: T - 57_000 },
        { id: 'working', createdAt: T - 20_000, status: 'OPEN' },
      ]),
    );
    const ageOf = (id: string) =>
      dataRows()
        .find((r) => r.getAttribute('data-order-id') === id)!
        .querySelector('.age-timer')!;
    expect(ageOf('done').textContent).toBe('took 3 s');
    expect(ageOf('done')).toHaveAttribute('title', 'Lifetime: from created to finished');
    expect(ageOf('working').textContent).toBe('20 s');
  });

  it('an empty table says why: nothing sent yet, or the filters', () => {
    renderTable(bookOf([]));
    expect(screen.getByText('No orders yet: the relay has sent none.')).toBeInTheDocument();
    act(() => {
      window.history.replaceState(null, '', '/?side=sell');
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    expect(screen.getByText('No orders match these filters.')).toBeInTheDocument();
  });

  it('marks stale rows with the word, icon and reason', () => {
    renderTable(
      bookOf([
        { id: 'old', createdAt: T - 400_000, status: 'OPEN' },
        { id: 'young', createdAt: T - 5_000, status: 'OPEN' },
      ]),
    );
    const [first, second] = dataRows();
    expect(first).toHaveAttribute('data-order-id', 'old');
    expect(first).toHaveClass('is-stale');
    expect(within(first!).getByText('STALE')).toBeInTheDocument();
    expect(untrustedTexts(first)).toContain('active for 6 m 40 s — over 300 s limit');
    expect(second).not.toHaveClass('is-stale');
  });

  it('sorts by a header click and keeps the sort in the URL', () => {
    renderTable(
      bookOf([
        { id: 'a', createdAt: T - 1000, sizeUsd: 50 },
        { id: 'b', createdAt: T - 2000, sizeUsd: 5000 },
      ]),
    );
    const header = screen.getByRole('columnheader', { name: /Size USD/ });
    expect(header).toHaveAttribute('aria-sort', 'none');
    fireEvent.click(within(header).getByRole('button'));
    const sort = new URLSearchParams(window.location.search).get('sort');
    expect(sort === 'size_usd' || sort === '-size_usd').toBe(true);
    expect(screen.getByRole('columnheader', { name: /Size USD/ })).toHaveAttribute(
      'aria-sort',
      sort === 'size_usd' ? 'ascending' : 'descending',
    );
    expect(dataRows()[0]).toHaveAttribute('data-order-id', sort === 'size_usd' ? 'a' : 'b');
  });

  it('filters with a status chip showing live counts', () => {
    renderTable(
      bookOf([
        { id: 'n1', createdAt: T - 1000 },
        { id: 'o1', createdAt: T - 1000, status: 'OPEN' },
        { id: 'o2', createdAt: T - 1000, status: 'OPEN' },
      ]),
    );
    const chip = screen.getByRole('button', { name: /Open\s*2/ });
    expect(chip).toHaveAttribute('aria-pressed', 'false');
    fireEvent.click(chip);
    expect(screen.getByRole('button', { name: /Open\s*2/ })).toHaveAttribute('aria-pressed', 'true');
    expect(new URLSearchParams(window.location.search).get('status')).toBe('OPEN');
    expect(
      dataRows()
        .map((r) => r.getAttribute('data-order-id'))
        .sort(),
    ).toEqual(['o1', 'o2']);
  });

  it('moves the active row with the keyboard and selects with Enter', () => {
    renderTable(
      bookOf([
        { id: 'a', createdAt: T - 3000 },
        { id: 'b', createdAt: T - 2000 },
        { id: 'c', createdAt: T - 1000 },
      ]),
    );
    const grid = screen.getByRole('grid');
    act(() => grid.focus());
    fireEvent.keyDown(grid, { key: 'ArrowDown' });
    fireEvent.keyDown(grid, { key: 'Enter' });
    expect(new URLSearchParams(window.location.search).get('order')).toBe('b');
    fireEvent.keyDown(grid, { key: 'End' });
    expect(grid.getAttribute('aria-activedescendant')).toBe('orders-row-2');
    fireEvent.keyDown(grid, { key: 'Home' });
    expect(grid.getAttribute('aria-activedescendant')).toBe('orders-row-0');
  });

  it("'a' acknowledges the active row's firing alert with the remembered name, and says why not when it cannot", async () => {
    window.localStorage.removeItem('orderwatch.operator');
    const frames: (() => void)[] = [];
    const dashboard = createDashboard({ frame: (fn) => void frames.push(fn), now: () => T, stopwatch: { now: () => 0 } });
    dashboard.applySnapshot(bookOf([{ id: 'a', createdAt: T - 3000 }]), 0, T, 300, 5000);
    const clock: RelayClock = { subscribe: () => () => {}, now: () => T, tick: () => {} };
    const calls: unknown[][] = [];
    const actions: AlertActions = {
      ack: (...args) => (calls.push(args), Promise.resolve(null)),
      snooze: () => Promise.resolve(null),
      unack: () => Promise.resolve(null),
      setOperateToken: () => {},
    };
    const alert = {
      id: `stale_order:a@${T}`,
      key: 'stale_order:a',
      rule: 'stale_order' as const,
      severity: 'warning' as const,
      subject: { kind: 'order' as const, id: 'a', engine: '', symbol: 'BTC-USD' },
      summary: 'a BTC-USD: NEW not acknowledged within 30 s',
      started_at: T,
      state: 'firing' as const,
      ack: null,
      snoozed_until: null,
      silenced_by: null,
      resolved_at: null,
    };
    const mount = () =>
      render(
        <DashboardProvider dashboard={dashboard} clock={clock}>
          <AlertActionsContext.Provider value={actions}>
            <OrdersTable />
          </AlertActionsContext.Provider>
        </DashboardProvider>,
      );
    const first = mount();
    const grid = () => screen.getByRole('grid');
    act(() => grid().focus());
    fireEvent.keyDown(grid(), { key: 'a' });
    expect(screen.getByTestId('grid-ack-note').textContent).toBe('This order has no firing alert.');
    act(() => applyAlertsMessage(dashboard.alerts, { reset: true, alerts: [alert] }));
    fireEvent.keyDown(grid(), { key: 'a' });
    expect(screen.getByTestId('grid-ack-note').textContent).toMatch(/^Enter your name/);
    expect(calls).toEqual([]);
    first.unmount();
    window.localStorage.setItem('orderwatch.operator', 'Dana');
    mount();
    act(() => grid().focus());
    await act(async () => fireEvent.keyDown(grid(), { key: 'a' }));
    expect(calls).toEqual([[alert.id, 'Dana', '']]);
    expect(screen.getByTestId('grid-ack-note').textContent).toBe('Acknowledged.');
  });

  it('cells follow in-place updates on the next committed frame', () => {
    const book = bookOf([{ id: 'f', createdAt: T - 1000, status: 'OPEN' }]);
    const { dashboard, frames } = renderTable(book);
    expect(within(dataRows()[0]!).getByText('0.0%')).toBeInTheDocument();
    dashboard.enqueue([
      {
        rseq: 1,
        at: T,
        event: { type: 'order_fill', client_order_id: 'f', engine: 'eng-1', ts: T, filled_size: 3, filled_value: 300, fees: 0 },
      },
    ]);
    act(() => frames.shift()!());
    expect(within(dataRows()[0]!).getByText('30.0%')).toBeInTheDocument();
    addOrder(book, { id: 'unused', createdAt: T });
  });
});
