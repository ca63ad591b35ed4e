import { describe, expect, it } from 'vitest';
import { parseTs } from './iso-time';

const T0 = Date.UTC(2025, 10, 23);

describe('parseTs: ISO-8601 strings', () => {
  it.each([
    ['2025-11-23T00:00:00.400Z', T0 + 400],
    ['2025-11-23T00:00:00Z', T0],
    ['2025-11-23T00:00:00', T0],
    ['2025-11-23T01:30:00+01:30', T0],
    ['2025-11-22T19:00:00-05:00', T0],
    ['2025-11-23T01:00:00+0100', T0],
    ['2025-11-23 00:00:00.123456', T0 + 123],
    ['2025-11-23T00:00:00.123456+00:00', T0 + 123],
    ['2025-11-23T00:00:00.999999999Z', T0 + 999],
    ['2025-11-23T00:00:00.1Z', T0 + 100],
    ['2025-11-23T10:30', T0 + 10.5 * 3_600_000],
    ['2025-11-23', T0],
    ['2024-02-29T00:00:00Z', Date.UTC(2024, 1, 29)],
  ])('%s → epoch ms', (text, ms) => {
    expect(parseTs(text)).toBe(ms);
  });

  it('reads a time without offset as UTC whatever the local zone', () => {
    // Date.parse would read this form as local time; the wire says UTC.
    expect(parseTs('2025-11-23T12:00:00')).toBe(Date.UTC(2025, 10, 23, 12));
  });

  it.each([
    '',
    'yesterday',
    'Sun Nov 23 2025 00:00:00 GMT',
    '1763856000',
    '2025-11-23T25:00:00Z',
    '2025-13-01T00:00:00Z',
    '2025-02-30T00:00:00Z',
    '2025-02-29',
    '2025-04-31',
    '2025-11-23T00:00:00+05',
    '2025-11-23T00:00:00 Z',
    '1969-12-31T23:59:59Z',
    '0000-01-01T00:00:00Z',
    ' 2025-11-23T00:00:00Z',
  ])('rejects %j', (text) => {
    expect(parseTs(text)).toBeNaN();
  });
});

describe('parseTs: numbers are Unix epoch seconds', () => {
  it.each([
    [1763856000, T0],
    [1763856000.125, T0 + 125],
    [1763856000.1234567, T0 + 123],
    [1763856000.0005, T0 + 1],
    [0, 0],
    [253_402_300_799, 253_402_300_799_000],
  ])('%d s → %d ms', (s, ms) => {
    expect(parseTs(s)).toBe(ms);
  });

  it.each([-1, 1.7e12, 253_402_300_800, Number.POSITIVE_INFINITY, Number.NaN])(
    'rejects %d (negative, milliseconds by mistake, or beyond year 9999)',
    (s) => {
      expect(parseTs(s)).toBeNaN();
    },
  );
});
