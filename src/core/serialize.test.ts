import { describe, expect, it } from 'vitest';
import { createRng } from '../lib/rng';
import { parseIsoMs } from './serialize';

describe('parseIsoMs', () => {
  it('equals Date.parse on toISOString output across four centuries (seeded)', () => {
    const seed = 11;
    const rng = createRng(seed);
    for (let i = 0; i < 20_000; i++) {
      const ms = Math.floor((rng.next() * 2 - 0.5) * 8.64e12); // about 1696 to 2243
      const s = new Date(ms).toISOString();
      expect(parseIsoMs(s), `seed ${seed}: ${s}`).toBe(Date.parse(s));
    }
  });

  it('equals Date.parse at month ends, leap days, century years and the epoch', () => {
    for (const s of [
      '1970-01-01T00:00:00.000Z',
      '2000-02-29T23:59:59.999Z',
      '2100-03-01T00:00:00.000Z',
      '2024-12-31T12:00:00.000Z',
      '1999-12-31T23:59:59.999Z',
      '2026-02-28T00:00:00.001Z',
      '0001-01-01T00:00:00.000Z',
    ]) {
      expect(parseIsoMs(s), s).toBe(Date.parse(s));
    }
  });

  it('leaves other shapes and out-of-range fields to Date.parse (same answer, NaN included)', () => {
    for (const s of [
      '2026-11-24T12:00:00Z',
      '2026-11-24T12:00:00.000+01:00',
      '2026-13-01T00:00:00.000Z',
      '2026-02-30T00:00:00.000Z',
      '2026-11-24T24:00:00.000Z',
      '2026-1a-24T12:00:00.000Z',
      'not a date at all, 24 ch',
      '',
    ]) {
      expect(parseIsoMs(s), s).toBe(Date.parse(s));
    }
  });
});
