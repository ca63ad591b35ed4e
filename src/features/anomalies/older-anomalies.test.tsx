import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Anomaly } from '../../core/anomaly';
import { zeroByAnomalyKind } from '../../core/anomaly';
import { restoreBook } from '../../core/restore';
import { anomalyToJson } from '../../protocol/order-json';
import { createTestDashboard } from '../../../test/support/dom/stats-test-harness';
import { AnomaliesView } from './anomalies-view';
import { readOlderPage } from './older-anomalies';

const T0 = Date.parse('2026-11-24T10:00:00Z');

const ghost = (n: number): Anomaly => ({
  kind: 'unknown_order',
  client_order_id: `ghost-${n}`,
  engine: 'e1',
  seq: n,
  ts: T0 + n,
  detail: `fill for unknown order ghost-${n}`,
});

function rowIds(): string[] {
  return within(screen.getByRole('list', { name: /Recent anomalies/ }))
    .getAllByRole('listitem')
    .map((row) => within(row).getAllByRole('button')[0]!.textContent ?? '');
}

describe('loading older anomalies from the relay', () => {
  beforeEach(() => window.history.replaceState(null, '', '/?token=sekrit'));

  it('asks for the ones before the oldest the dashboard holds, lists them after, and stops when the relay has no more', async () => {
    const user = userEvent.setup();
    const t = createTestDashboard(T0);
    // A snapshot head that listed only anomalies 8–10 of 10 (the rest did not fit its bound).
    const book = restoreBook({
      orders: [],
      anomalies: [8, 9, 10].map(ghost),
      anomalyCounts: { ...zeroByAnomalyKind(), unknown_order: 10 },
    });
    act(() => t.dashboard.applySnapshot(book, 0, T0, 300, 5_000));
    const asked: { url: string; auth: string | undefined }[] = [];
    const fetchOlder = (url: string, init?: RequestInit): Promise<Response> => {
      asked.push({ url, auth: (init?.headers as Record<string, string> | undefined)?.Authorization });
      const before = Number(new URL(url, 'http://relay').searchParams.get('before'));
      // The relay holds 5–10 and pages 3 at a time here.
      const numbers = [before - 3, before - 2, before - 1].filter((n) => n >= 5);
      const body = { anomalies: numbers.map((n) => anomalyToJson(ghost(n))), first: numbers[0] ?? before, held_from: 5, total: 10 };
      return Promise.resolve(new Response(JSON.stringify(body), { status: 200 }));
    };
    render(<AnomaliesView fetchOlder={fetchOlder} />, { wrapper: t.wrapper });
    expect(rowIds()).toEqual(['ghost-10', 'ghost-9', 'ghost-8']);

    await user.click(screen.getByRole('button', { name: 'Load older' }));
    await screen.findByText('ghost-5');
    expect(asked).toEqual([{ url: '/api/anomalies?before=8&limit=200', auth: 'Bearer sekrit' }]);
    expect(rowIds()).toEqual(['ghost-10', 'ghost-9', 'ghost-8', 'ghost-7', 'ghost-6', 'ghost-5']);
    expect(screen.queryByRole('button', { name: 'Load older' })).toBeNull();
    expect(screen.getByText('No older anomalies kept by the relay.')).toBeInTheDocument();
  });

  it('shows why when the relay refuses, and keeps the button', async () => {
    const user = userEvent.setup();
    const t = createTestDashboard(T0);
    act(() =>
      t.dashboard.applySnapshot(
        restoreBook({ orders: [], anomalies: [ghost(9)], anomalyCounts: { ...zeroByAnomalyKind(), unknown_order: 9 } }),
        0,
        T0,
        300,
        5_000,
      ),
    );
    render(<AnomaliesView fetchOlder={() => Promise.resolve(new Response('{}', { status: 401 }))} />, { wrapper: t.wrapper });
    await user.click(screen.getByRole('button', { name: 'Load older' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not load older anomalies: relay answered 401');
    expect(screen.getByRole('button', { name: 'Load older' })).toBeEnabled();
  });

  it('reads a page, leaving out entries it cannot read', () => {
    const page = readOlderPage({ anomalies: [anomalyToJson(ghost(1)), { kind: 'nope' }], first: 1, held_from: 1 });
    expect(page.anomalies).toEqual([ghost(1)]);
    expect(() => readOlderPage({ anomalies: 'x' })).toThrow('unreadable anomalies page');
  });
});
