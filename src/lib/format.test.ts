import { describe, expect, it } from 'vitest';
import { createRng } from './rng';
import {
  formatAge,
  formatClock,
  formatClockIn,
  formatCount,
  formatDuration,
  formatPct,
  formatPrice,
  formatStampIn,
  formatTimeMsIn,
  formatUsd,
} from './format';

describe('format', () => {
  it('ages', () => {
    expect(formatAge(42.9)).toBe('42 s');
    expect(formatAge(372)).toBe('6 m 12 s');
    expect(formatAge(2 * 3600 + 3 * 60 + 9)).toBe('2 h 03 m');
    expect(formatAge(3 * 86_400 + 4 * 3600)).toBe('3 d 04 h');
    expect(formatAge(-5)).toBe('0 s');
    expect(formatAge(Number.NaN)).toBe('—');
  });

  it('durations from milliseconds to days', () => {
    expect(formatDuration(0)).toBe('0 ms');
    expect(formatDuration(840.4)).toBe('840 ms');
    expect(formatDuration(4_240)).toBe('4.2 s');
    expect(formatDuration(59_940)).toBe('59.9 s');
    expect(formatDuration(60_000)).toBe('1 m 00 s');
    expect(formatDuration(185_999)).toBe('3 m 05 s');
    expect(formatDuration((2 * 3600 + 3 * 60 + 59) * 1000)).toBe('2 h 03 m');
    expect(formatDuration((3 * 86_400 + 4 * 3600 + 59 * 60) * 1000)).toBe('3 d 04 h');
    expect(formatDuration(-5)).toBe('0 ms');
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(undefined)).toBe('—');
    expect(formatDuration(Number.POSITIVE_INFINITY)).toBe('—');
  });

  it("durations in the 'age' style: whole seconds, for figures redrawn once a second", () => {
    expect(formatDuration(840, 'age')).toBe('0 s');
    expect(formatDuration(42_900, 'age')).toBe('42 s');
    expect(formatDuration(301_000, 'age')).toBe('5 m 1 s');
    expect(formatDuration(2 * 3600_000 + 3 * 60_000, 'age')).toBe('2 h 03 m');
    expect(formatDuration(-5_000, 'age')).toBe('0 s');
  });

  it('money and prices by magnitude', () => {
    expect(formatUsd(1234.5)).toBe('1,234.50');
    expect(formatUsd(0.0042)).toBe('0.0042');
    expect(formatUsd(null)).toBe('—');
    expect(formatPrice(97412.5)).toBe('97,412.50');
    expect(formatPrice(1.23456)).toBe('1.2346');
    expect(formatPrice(0.00004213)).toBe('0.00004213');
  });

  it('percent and relay clock', () => {
    expect(formatPct(40)).toBe('40.0%');
    expect(formatPct(99.96)).toBe('100%');
    expect(formatClock(Date.parse('2026-11-24T17:05:09.900Z'))).toBe('17:05:09');
  });
});

describe('thousands grouping (by hand, not Intl)', () => {
  it('writes what Intl en-US writes for amounts below a trillion (negative zero without its sign)', () => {
    expect(formatUsd(-0)).toBe('0.00');
    expect(formatUsd(-1e300)).toBe('-1e+300');
    expect(formatCount(1e21)).toBe('1e+21');
    const rng = createRng(11);
    const intl = (digits: number) => new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
    const [f0, f2, f4] = [intl(0), intl(2), intl(4)];
    const values = [0, 1, -1, 0.5, 999.995, 1000, -1000, 999_999.999, 123_456_789.125, 2.5, -0.004];
    for (let i = 0; i < 5_000; i++) values.push(Math.round((rng.next() - 0.5) * 10 ** rng.int(0, 14)) / 10 ** rng.int(0, 5));
    for (const v of values) {
      // Intl writes "-0.00" for negative zero; nothing in an order is ever -0 on purpose.
      if (Object.is(v, -0)) continue;
      const abs = Math.abs(v);
      expect(formatUsd(v), String(v)).toBe((abs !== 0 && abs < 1 ? f4 : f2).format(v));
      expect(formatCount(v), String(v)).toBe(f0.format(v));
      if (abs >= 1) expect(formatPrice(v), String(v)).toBe((abs >= 1000 ? f2 : f4).format(v));
    }
  });
});

describe('formatClockIn', () => {
  const today = Date.parse('2026-11-24T17:05:09Z');
  it('gives the time alone on the same day, and the date too on another', () => {
    expect(formatClockIn(Date.parse('2026-11-24T00:00:01Z'), 'utc', today)).toBe('00:00:01');
    expect(formatClockIn(Date.parse('2026-11-23T23:59:59Z'), 'utc', today)).toBe('11-23 23:59:59');
    expect(formatClockIn(null, 'utc', today)).toBe('—');
  });
});

describe('stamps in a zone', () => {
  it('write UTC as the relay does, milliseconds where races matter', () => {
    const at = Date.parse('2026-11-24T23:59:58.250Z');
    expect(formatStampIn(at, 'utc')).toBe('2026-11-24 23:59:58');
    expect(formatTimeMsIn(at, 'utc')).toBe('23:59:58.250');
    expect(formatStampIn(null, 'local')).toBe('—');
  });

  it('write this browser’s wall clock in local', () => {
    const at = Date.parse('2026-11-24T23:59:58.250Z');
    const local = new Date(at);
    const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
    expect(formatTimeMsIn(at, 'local')).toBe(
      `${pad(local.getHours())}:${pad(local.getMinutes())}:${pad(local.getSeconds())}.${pad(local.getMilliseconds(), 3)}`,
    );
    expect(formatStampIn(at, 'local').slice(0, 10)).toBe(`${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}`);
  });
});
