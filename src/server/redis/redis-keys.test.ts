import { clusterKeys, daysAround, tradingDay } from './redis-keys';

describe('cluster keys', () => {
  it('puts every key under one hash tag, one stream per day', () => {
    const keys = clusterKeys();
    expect(keys.stream('2026-11-24')).toBe('ow:{orderwatch}:2026-11-24:ev');
    for (const key of [keys.lastSeq, keys.meta, keys.snapshot, keys.snapshotLock, keys.stream('x')]) {
      expect(key).toContain('{orderwatch}');
    }
  });

  it('refuses a tag that would break the hash tag', () => {
    expect(() => clusterKeys('a}b')).toThrow(RangeError);
  });

  it('dates the trading day in UTC, or from a rollover hour', () => {
    const lateEvening = Date.parse('2026-11-24T22:30:00Z');
    expect(tradingDay(lateEvening)).toBe('2026-11-24');
    expect(tradingDay(lateEvening, 22)).toBe('2026-11-25');
    expect(tradingDay(Date.parse('2026-11-24T21:59:59Z'), 22)).toBe('2026-11-24');
    expect(daysAround(lateEvening)).toEqual(['2026-11-23', '2026-11-24', '2026-11-25']);
  });
});
