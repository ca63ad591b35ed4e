import { describe, expect, it } from 'vitest';
import type { ThroughputPoint } from '../../store/stats';
import { MIN_SPAN_MINUTES, throughputSpan } from './throughput-span';

const T0 = Date.UTC(2026, 11, 4, 9, 0);
const hour = (active: (i: number) => boolean): ThroughputPoint[] =>
  Array.from({ length: 60 }, (_, i) => {
    const n = active(i) ? 3 : 0;
    return { t: T0 + i * 60_000, created: n, transitions: n, completions: 0, cancels: 0, rejects: 0, fees: 0, filledValue: 0 };
  });

describe('the throughput chart’s span', () => {
  it('starts at the first minute with anything in it', () => {
    const span = throughputSpan(hour((i) => i >= 30));
    expect(span.full).toBe(false);
    expect(span.points).toHaveLength(30);
    expect(span.points[0]!.t).toBe(T0 + 30 * 60_000);
  });

  it('keeps at least the last fifteen minutes, also before any data', () => {
    expect(throughputSpan(hour((i) => i === 58)).points).toHaveLength(MIN_SPAN_MINUTES);
    expect(throughputSpan(hour(() => false)).points).toHaveLength(MIN_SPAN_MINUTES);
    expect(throughputSpan(hour(() => false)).points.at(-1)!.t).toBe(T0 + 59 * 60_000);
  });

  it('shows the whole hour once the first minute has data, keeping quiet minutes inside it', () => {
    const span = throughputSpan(hour((i) => i === 0 || i === 59));
    expect(span.full).toBe(true);
    expect(span.points).toHaveLength(60);
  });
});
