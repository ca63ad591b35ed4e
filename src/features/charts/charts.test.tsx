import { render, screen, waitFor, within } from '@testing-library/react';
import { zeroByStatus } from '../../core/status';
import type { ThroughputPoint } from '../../store/stats';
import { statusColors, formatRatio } from './chart-colors';
import { ExecutionQuality } from './execution-quality';
import { StatusBreakdownChart } from './status-breakdown-chart';
import { ThroughputChart } from './throughput-chart';

const T0 = Date.parse('2026-11-24T10:00:00Z');
const colors = statusColors(null);

describe('charts', () => {
  it('draws a slice per status present, the total, and lists every count and share as text', () => {
    const counts = { ...zeroByStatus(), OPEN: 12, PARTIAL_FILL: 3, FILLED: 1_500, REJECTED: 4 };
    const { container } = render(<StatusBreakdownChart counts={counts} colors={colors} />);
    const legend = screen.getByRole('list', { name: 'Status counts' });
    const filled = within(legend).getByText('Filled').closest('li')!;
    expect(filled).toHaveTextContent('1,500');
    expect(filled).toHaveTextContent('98.7%');
    expect(within(legend).getByText('Partial').closest('li')).toHaveTextContent('3');
    expect(within(legend).getAllByRole('listitem')).toHaveLength(8);
    expect(screen.getByText('1,519')).toBeInTheDocument();
    const slices = container.querySelectorAll('path.ow-donut__slice');
    expect(slices.length).toBe(4);
    const fills = new Set([...slices].map((b) => b.getAttribute('fill')));
    expect(fills).toContain(colors.FILLED);
    expect(fills).toContain(colors.REJECTED);
  });

  it('draws the throughput lines for the hour and states the current minute in words', async () => {
    const points: ThroughputPoint[] = Array.from({ length: 60 }, (_, i) => ({
      t: T0 + i * 60_000,
      created: i,
      transitions: i * 2,
      completions: i,
      cancels: 1,
      rejects: i % 3,
      fees: 0,
      filledValue: 0,
    }));
    const { container } = render(<ThroughputChart points={points} colors={colors} />);
    // Recharts 3 lays series out after its first commit.
    await waitFor(() => expect(container.querySelectorAll('.recharts-line-curve')).toHaveLength(4));
    expect(screen.getByText(/This minute so far: 118 transitions, 59 filled/)).toBeInTheDocument();
  });

  it('in its first hour spans only the minutes since data began, and says so', async () => {
    const points: ThroughputPoint[] = Array.from({ length: 60 }, (_, i) => {
      const n = i >= 50 ? 4 : 0;
      return { t: T0 + i * 60_000, created: n, transitions: n, completions: 0, cancels: 0, rejects: 0, fees: 0, filledValue: 0 };
    });
    const { container } = render(<ThroughputChart points={points} colors={colors} />);
    await waitFor(() => expect(container.querySelectorAll('.recharts-line-curve')).toHaveLength(4));
    const since = new Date(T0 + 45 * 60_000).toISOString().slice(11, 16);
    expect(screen.getByText(`Since ${since} UTC: nothing earlier this hour.`)).toBeInTheDocument();
    expect(screen.getByRole('figure')).toHaveAttribute('aria-label', `Throughput per minute, since ${since} UTC`);
  });

  it("follows the desk's zone choice: local minutes and the zone's name, not UTC", async () => {
    // Half an hour off UTC, so a minute label that stayed in UTC cannot pass for local.
    vi.stubEnv('TZ', 'Asia/Kolkata');
    try {
      const points: ThroughputPoint[] = Array.from({ length: 60 }, (_, i) => {
        const n = i >= 50 ? 4 : 0;
        return { t: T0 + i * 60_000, created: n, transitions: n, completions: 0, cancels: 0, rejects: 0, fees: 0, filledValue: 0 };
      });
      const { container } = render(<ThroughputChart points={points} colors={colors} zone="local" />);
      await waitFor(() => expect(container.querySelectorAll('.recharts-line-curve')).toHaveLength(4));
      // 10:45 UTC is 16:15 in India (UTC+5:30), whose short name is IST or GMT+5:30 by ICU data.
      const aria = screen.getByRole('figure').getAttribute('aria-label');
      expect(aria).toMatch(/^Throughput per minute, since 16:15 (IST|GMT\+5:30)$/);
      expect(screen.getByText(/^Since 16:15 (IST|GMT\+5:30): nothing earlier this hour\.$/)).toBeInTheDocument();
      expect(container.textContent).not.toContain('UTC');
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('shows latency percentiles and rates, with dashes before any data', () => {
    const stats = {
      timeToFirstFill: { p50: 420, p95: 2_600, n: 80 },
      timeToComplete: null,
      fillRate: 0.875,
      rejectRate: 0.05,
      feesLastHour: 12.5,
      filledValueLastHour: 250_000,
    };
    render(<ExecutionQuality stats={stats} />);
    const value = (label: string) => screen.getByText(label).closest('div')!.querySelector('dd')!.textContent;
    expect(value('First fill p50')).toBe('420 ms');
    expect(value('First fill p95')).toBe('2.6 s');
    expect(value('Created → filled p50')).toBe('—');
    expect(value('Fill rate')).toBe('87.5%');
    expect(value('Reject rate')).toBe('5.0%');
    expect(value('Fees')).toBe('12.50');
  });

  it('formats ratios', () => {
    expect(formatRatio(null)).toBe('—');
  });
});
