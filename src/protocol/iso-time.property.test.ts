import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkProperty } from '../../test/support/check-property';
import { parseTs, readIsoFast, readIsoGeneral } from './iso-time';

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** Field values around every range edge, spelt in the forms parseTs reads and a few it does not. */
const isoLike = fc
  .record({
    year: fc.oneof(fc.integer({ min: 1969, max: 2100 }), fc.constantFrom(1970, 2000, 2024, 2100, 9999)),
    month: fc.integer({ min: 0, max: 13 }),
    day: fc.integer({ min: 0, max: 32 }),
    hour: fc.integer({ min: 0, max: 25 }),
    minute: fc.integer({ min: 0, max: 60 }),
    second: fc.integer({ min: 0, max: 61 }),
    fraction: fc.oneof(fc.constant(''), fc.stringMatching(/^\.\d{0,11}$/)),
    sep: fc.constantFrom('T', 't', ' ', 'x'),
    offset: fc.oneof(
      fc.constantFrom('Z', 'z', '', '+00:00', '-00:00', '+05:30', '-0800', '+2400', '+23:59', '+05', '+05:60', ' Z'),
      fc.stringMatching(/^[+-]\d\d:?\d\d$/),
    ),
  })
  .map(
    (f) =>
      `${pad(f.year, 4)}-${pad(f.month)}-${pad(f.day)}${f.sep}${pad(f.hour)}:${pad(f.minute)}:${pad(f.second)}${f.fraction}${f.offset}`,
  );

describe('the fast path ≡ the general path where it answers', () => {
  it('gives the general path’s value or no answer, never another value', () => {
    checkProperty(
      fc.property(fc.oneof(isoLike, fc.string({ maxLength: 40 })), (text) => {
        const fast = readIsoFast(text);
        if (!Number.isNaN(fast)) expect(fast).toBe(readIsoGeneral(text));
      }),
      { numRuns: 20_000 },
    );
  });

  it('answers for what engines send: toISOString and isoformat() with an offset', () => {
    checkProperty(
      fc.property(
        fc.date({ min: new Date('1970-01-02T00:00:00Z'), max: new Date('9999-12-30T00:00:00Z'), noInvalidDate: true }),
        (date) => {
          const iso = date.toISOString();
          const python = `${iso.slice(0, 23)}123+00:00`;
          expect(readIsoFast(iso)).toBe(date.getTime());
          expect(readIsoFast(python)).toBe(readIsoGeneral(python));
          expect(readIsoFast(python)).toBe(date.getTime());
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it.each([
    ['2000-02-29T00:00:00Z', Date.UTC(2000, 1, 29)],
    ['2024-02-29T12:00:00.5+01:00', Date.UTC(2024, 1, 29, 11, 0, 0, 500)],
    ['2100-02-29T00:00:00Z', Number.NaN],
    ['2025-04-31T00:00:00Z', Number.NaN],
    ['9999-12-31T23:59:59Z', 253_402_300_799_000],
    ['9999-12-31T23:59:59.001Z', Number.NaN],
  ])('calendar edges: %s → %d, on both paths', (text, ms) => {
    expect(readIsoFast(text)).toBe(ms);
    expect(readIsoGeneral(text)).toBe(ms);
    expect(parseTs(text)).toBe(ms);
  });

  it.each([
    '2025-11-23T00:00:00',
    '2025-11-23',
    '2025-11-23T10:30Z',
    '2025-02-29T00:00:00Z',
    '2025-11-23T24:00:00Z',
    '1969-12-31T23:59:59Z',
  ])('leaves %s to the general path', (text) => {
    expect(readIsoFast(text)).toBeNaN();
    expect(parseTs(text)).toBe(readIsoGeneral(text));
  });
});
