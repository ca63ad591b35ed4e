import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ANOMALY_KINDS } from '../../core/anomaly';
import { readViewParams } from '../../store/view-url';
import { created, filled, moved } from '../../../test/support/stats-test-events';
import { createTestDashboard } from '../../../test/support/dom/stats-test-harness';
import { AnomaliesView } from './anomalies-view';

const T0 = Date.parse('2026-11-24T10:00:00Z');

function countOf(label: string): string {
  const counts = screen.getByRole('list', { name: 'Anomalies by kind' });
  return within(counts).getByText(label).closest('button')!.querySelector('.ow-anomaly-count__n')!.textContent ?? '';
}

describe('AnomaliesView', () => {
  beforeEach(() => window.history.replaceState(null, '', '/'));

  it('counts every kind and lists the newest first with order, seq, time and detail', () => {
    const t = createTestDashboard(T0, [created('a', T0), moved('a', T0 + 1, 'OPEN'), moved('a', T0 + 1, 'FILLED')]);
    render(<AnomaliesView />, { wrapper: t.wrapper });
    expect(screen.getByText(/No anomalies/)).toBeInTheDocument();
    t.post({ ...moved('a', T0 + 2_000, 'OPEN'), seq: 7 }, filled('ghost', T0 + 3_000, 10, 0), created('a', T0 + 4_000));
    t.advance(1_000);
    expect(countOf('Invalid transition')).toBe('1');
    expect(countOf('Unknown order')).toBe('1');
    expect(countOf('Duplicate order')).toBe('1');
    expect(countOf('Overfill')).toBe('0');
    expect(screen.getAllByRole('button', { name: /./ }).filter((b) => b.closest('ul[aria-label="Anomalies by kind"]'))).toHaveLength(
      ANOMALY_KINDS.length,
    );
    const rows = within(screen.getByRole('list', { name: /Recent anomalies/ })).getAllByRole('listitem');
    expect(rows.map((r) => r.getAttribute('data-kind'))).toEqual(['duplicate_order', 'unknown_order', 'invalid_transition']);
    expect(rows[2]).toHaveTextContent('FILLED → OPEN is not allowed (FILLED is terminal)');
    expect(rows[2]).toHaveTextContent('e1 · seq 7');
    expect(rows[2]).toHaveTextContent('2026-11-24 10:00:02Z');
  });

  it("engine text in an anomaly: the order's id, the engine and the core's detail made visible and isolated", () => {
    const id = 'ghost\u202Eexe.pdf';
    const t = createTestDashboard(T0);
    render(<AnomaliesView />, { wrapper: t.wrapper });
    t.post({ ...filled(id, T0 + 1, 10, 0), engine: 'eng\u200B-1' });
    t.advance(1_000);
    const [row] = within(screen.getByRole('list', { name: /Recent anomalies/ })).getAllByRole('listitem');
    const link = within(row!).getByRole('button', { name: 'ghost⟨U+202E⟩exe.pdf' });
    expect(link.querySelector('bdi')).toHaveAttribute('title', 'ghost⟨U+202E⟩exe.pdf');
    expect(row).toHaveTextContent('eng⟨U+200B⟩-1 · seq');
    expect(row!.querySelector('.ow-anomaly-list__detail bdi')!.textContent).toContain('ghost⟨U+202E⟩exe.pdf');
    expect(row!.textContent).not.toMatch(/[\u202E\u200B]/);
  });

  it('filters by kind and opens the order from a row', async () => {
    const user = userEvent.setup();
    const t = createTestDashboard(T0, [created('a', T0), moved('a', T0 + 1, 'OPEN'), moved('a', T0 + 1, 'FILLED')]);
    render(<AnomaliesView />, { wrapper: t.wrapper });
    t.post(moved('a', T0 + 2, 'OPEN'), filled('ghost', T0 + 3, 10, 0));
    t.advance(1_000);
    await user.click(screen.getByRole('button', { name: /Unknown order/ }));
    const rows = within(screen.getByRole('list', { name: /Recent anomalies/ })).getAllByRole('listitem');
    expect(rows).toHaveLength(1);
    await user.click(within(rows[0]!).getByRole('button', { name: 'ghost' }));
    expect(readViewParams().order).toBe('ghost');
  });
});
