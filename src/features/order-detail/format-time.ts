import { formatDuration } from '../../lib/format';

/** Time spent in a state, or 'final' for the state an order ended in (it has no end to measure to). */
export function formatInState(ms: number | null): string {
  return ms === null ? 'final' : formatDuration(ms);
}

/** Base-currency sizes by magnitude: "0.004213", "12.5", "1,250". */
export function formatSize(value: number): string {
  if (!Number.isFinite(value)) return '—';
  const abs = Math.abs(value);
  if (abs === 0) return '0';
  if (abs >= 1000) return value.toLocaleString('en-US', { maximumFractionDigits: 2 });
  if (abs >= 1) return value.toLocaleString('en-US', { maximumFractionDigits: 4 });
  return value.toPrecision(4).replace(/0+$/, '');
}
