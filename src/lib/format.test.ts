import { describe, expect, it } from 'vitest';
import { formatAge, formatClock, formatPct, formatPrice, formatUsd } from './format';

describe('format', () => {
  it('ages', () => {
    expect(formatAge(42.9)).toBe('42 s');
    expect(formatAge(372)).toBe('6 m 12 s');
    expect(formatAge(2 * 3600 + 3 * 60 + 9)).toBe('2 h 03 m');
    expect(formatAge(3 * 86_400 + 4 * 3600)).toBe('3 d 04 h');
    expect(formatAge(-5)).toBe('0 s');
    expect(formatAge(Number.NaN)).toBe('—');
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
