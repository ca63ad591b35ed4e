import { describe, expect, it } from 'vitest';
import { csvField, csvNumber } from './csv-field';

describe('csvNumber', () => {
  it('drops the binary noise of fractions and keeps what the value means', () => {
    expect(csvNumber(1.0794899996073835)).toBe('1.07949');
    expect(csvNumber(0.1 + 0.2)).toBe('0.3');
    expect(csvNumber(123_456_789.12)).toBe('123456789.12');
    expect(csvNumber(97_367.74123)).toBe('97367.74123');
    expect(csvNumber(0.00001234)).toBe('0.00001234');
    expect(csvNumber(-2.5)).toBe('-2.5');
  });

  it('writes integers exactly and non-finite numbers as empty', () => {
    expect(csvNumber(1_764_000_000_000)).toBe('1764000000000');
    expect(csvNumber(0)).toBe('0');
    expect(csvNumber(Number.NaN)).toBe('');
    expect(csvNumber(Number.POSITIVE_INFINITY)).toBe('');
  });

  it('is what a CSV field holds for a number', () => {
    expect(csvField(1.0794899996073835)).toBe('1.07949');
  });
});
