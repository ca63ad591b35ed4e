import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { applyEvent } from '../../core/apply';
import { createBook } from '../../core/book';
import { staleEntriesOf } from '../../../test/support/book-fixtures';
import { thresholdsOf } from '../../core/stale-rules';
import { created, moved } from '../../../test/support/stats-test-events';
import { untrustedText } from '../../../test/support/dom/untrusted-text';
import { StaleList } from './stale-list';

const T0 = Date.parse('2026-11-24T10:00:00Z');

function staleBook() {
  const book = createBook();
  const events = [
    created('young', T0 + 200_000),
    created('oldest', T0),
    moved('oldest', T0 + 1_000, 'OPEN'),
    created('middle', T0 + 60_000),
    created('done', T0),
    moved('done', T0 + 1, 'REJECTED'),
  ];
  for (const e of events) applyEvent(book, e);
  return book;
}

describe('StaleList', () => {
  it('lists stale orders worst first with age and reason, leaving out fresh and finished ones', () => {
    const entries = staleEntriesOf(staleBook(), T0 + 400_000, thresholdsOf(300));
    render(<StaleList entries={entries} onSelect={() => {}} />);
    const rows = screen.getAllByRole('button');
    expect(rows.map((r) => r.getAttribute('aria-label')?.split(':')[0])).toEqual(['oldest', 'middle']);
    expect(rows[0]).toHaveTextContent('6 m 40 s');
    expect(rows[0]).toHaveTextContent('active for 6 m 40 s — over 300 s limit');
    expect(rows[0]).toHaveTextContent('Open');
  });

  it('selects an order by click and by keyboard', async () => {
    const user = userEvent.setup();
    const picked: string[] = [];
    render(<StaleList entries={staleEntriesOf(staleBook(), T0 + 400_000, thresholdsOf(300))} onSelect={(id) => picked.push(id)} />);
    await user.click(screen.getByRole('button', { name: /^middle/ }));
    screen.getByRole('button', { name: /^oldest/ }).focus();
    await user.keyboard('{Enter}');
    expect(picked).toEqual(['middle', 'oldest']);
  });

  it('hostile ids: a visible marker in an isolated, end-keeping id; the raw id is what gets selected', async () => {
    const id = 'coid_demo_17\u202E004821';
    const book = createBook();
    applyEvent(book, created(id, T0));
    const user = userEvent.setup();
    const picked: string[] = [];
    render(<StaleList entries={staleEntriesOf(book, T0 + 400_000, thresholdsOf(300))} onSelect={(x) => picked.push(x)} />);
    const row = screen.getByRole('button', { name: /^coid_demo_17⟨U\+202E⟩004821: active/ });
    const shown = row.querySelector('.ow-stale__id bdi')!;
    expect(untrustedText(shown)).toBe('coid_demo_17⟨U+202E⟩004821');
    expect(shown).toHaveAttribute('title', 'coid_demo_17⟨U+202E⟩004821');
    expect(shown.querySelector('.untrusted__tail')!.textContent).toBe('7⟨U+202E⟩004821');
    // The reason keeps the limit it broke when the column cuts it.
    expect(row.querySelector('.ow-stale__reason .untrusted__tail')!.textContent).toBe('— over 300 s limit');
    expect(row.textContent).not.toContain('\u202E');
    await user.click(row);
    expect(picked).toEqual([id]);
  });

  it('shows the rows that fit and counts the rest', () => {
    render(<StaleList entries={staleEntriesOf(staleBook(), T0 + 600_000, thresholdsOf(300))} maxRows={1} />);
    expect(screen.getAllByRole('listitem')).toHaveLength(1);
    expect(screen.getByText('+2 more stale')).toBeInTheDocument();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('says so when nothing is stale', () => {
    render(<StaleList entries={[]} />);
    expect(screen.getByText(/No stale orders/)).toBeInTheDocument();
  });
});
