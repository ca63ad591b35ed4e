import { render, screen, within } from '@testing-library/react';
import type { SummaryFigures } from './summary-tiles';
import { SummaryTiles } from './summary-tiles';

const FIGURES: SummaryFigures = {
  active: 1234,
  stale: 3,
  partial: 17,
  filled15: 420,
  rejected15: 2,
  failed15: 0,
  anomalies: 5,
  feedLagMs: 85,
};

/** The <dd> that belongs to the <dt> with this label. */
function valueOf(label: string): string {
  const term = screen.getByText(label, { selector: 'dt' });
  return term.nextElementSibling?.textContent ?? '';
}

describe('SummaryTiles', () => {
  it('shows each figure as a labelled, readable value', () => {
    render(<SummaryTiles figures={FIGURES} />);
    expect(valueOf('Active')).toBe('1,234');
    expect(valueOf('Partially filled')).toBe('17');
    expect(valueOf('Filled · 15 min')).toBe('420');
    expect(valueOf('Rejected · 15 min')).toBe('2✕ check');
    expect(valueOf('Failed · 15 min')).toBe('0');
    expect(valueOf('Anomalies')).toBe('5✕ check');
    expect(valueOf('Feed lag')).toBe('85 ms');
  });

  it('tones bad counts apart from the normal Partial, and says so in words', () => {
    render(<SummaryTiles figures={FIGURES} />);
    for (const key of ['rejected15', 'anomalies']) {
      expect(screen.getByTestId(`tile-${key}`)).toHaveClass('ow-tile--warn');
      expect(within(screen.getByTestId(`tile-${key}`)).getByText('✕ check')).toBeInTheDocument();
    }
    for (const key of ['partial', 'failed15']) {
      expect(screen.getByTestId(`tile-${key}`)).toHaveClass('ow-tile--neutral');
      expect(within(screen.getByTestId(`tile-${key}`)).queryByText('✕ check')).toBeNull();
    }
  });

  it('makes the stale count an alarm in words, not only colour', () => {
    render(<SummaryTiles figures={FIGURES} />);
    const tile = screen.getByTestId('tile-stale');
    expect(tile).toHaveClass('ow-tile--alarm');
    expect(within(tile).getByText(/act now/)).toBeInTheDocument();
    expect(valueOf('Stale')).toContain('3');
  });

  it('says so plainly when nothing is stale', () => {
    render(<SummaryTiles figures={{ ...FIGURES, stale: 0, feedLagMs: null }} />);
    expect(screen.getByTestId('tile-stale')).not.toHaveClass('ow-tile--alarm');
    expect(valueOf('Stale')).toContain('none');
    expect(valueOf('Feed lag')).toBe('—');
  });

  it('formats lag by magnitude', () => {
    const { unmount } = render(<SummaryTiles figures={{ ...FIGURES, feedLagMs: 1_540 }} />);
    expect(valueOf('Feed lag')).toBe('1.5 s');
    unmount();
    render(<SummaryTiles figures={{ ...FIGURES, feedLagMs: 12.4 }} />);
    expect(valueOf('Feed lag')).toBe('12 ms');
  });
});
