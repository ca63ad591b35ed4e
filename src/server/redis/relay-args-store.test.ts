import { parseRelayArgs } from '../relay-args';

describe('--store / REDIS_URL', () => {
  it('takes a redis URL from the flag or the environment, the flag winning', () => {
    const fromFlag = parseRelayArgs(['--store', 'redis://10.0.0.5:6379/2'], {});
    expect(!fromFlag.help && fromFlag.config.store).toBe('redis://10.0.0.5:6379/2');
    const fromEnv = parseRelayArgs([], { REDIS_URL: 'redis://cache:6379' });
    expect(!fromEnv.help && fromEnv.config.store).toBe('redis://cache:6379');
    const both = parseRelayArgs(['--store=redis://flag:1'], { REDIS_URL: 'redis://env:2' });
    expect(!both.help && both.config.store).toBe('redis://flag:1');
  });

  it('leaves the store unset by default (in-memory log, no Redis)', () => {
    const parsed = parseRelayArgs([], {});
    expect(!parsed.help && parsed.config.store).toBeUndefined();
  });

  it('refuses what is not a redis URL, before anything starts', () => {
    expect(() => parseRelayArgs(['--store', 'localhost:6379'], {})).toThrow(/--store/);
  });

  it('takes the store tuning from flags or the environment, the flag winning', () => {
    const parsed = parseRelayArgs(
      [
        '--store',
        'redis://r:6379',
        '--store-tag',
        'desk-2',
        '--store-max-len=500000',
        '--store-snapshot-events',
        '150000',
        '--store-rollover-hour',
        '22',
      ],
      { STORE_RETENTION_DAYS: '3', STORE_SNAPSHOT_MS: '30000', STORE_MAX_LEN: '9' },
    );
    expect(!parsed.help && parsed.config.storeTuning).toEqual({
      tag: 'desk-2',
      maxLen: 500_000,
      retentionDays: 3,
      rolloverHourUtc: 22,
      snapshotEveryEvents: 150_000,
      snapshotEveryMs: 30_000,
    });
  });

  it('refuses store tuning without a store, and values out of range, naming the flag', () => {
    expect(() => parseRelayArgs(['--store-snapshot-events', '1000'], {})).toThrow(
      '--store-snapshot-events: only with --store (or REDIS_URL)',
    );
    expect(() => parseRelayArgs([], { STORE_TAG: 'x' })).toThrow('STORE_TAG: only with --store (or REDIS_URL)');
    const store = ['--store', 'redis://r:6379'];
    expect(() => parseRelayArgs([...store, '--store-rollover-hour', '24'], {})).toThrow(
      '--store-rollover-hour: want an integer from 0 to 23, got "24"',
    );
    expect(() => parseRelayArgs([...store, '--store-snapshot-ms', '10'], {})).toThrow(
      '--store-snapshot-ms: want an integer ≥ 1000, got "10"',
    );
    expect(() => parseRelayArgs([...store, '--store-tag', 'a}b'], {})).toThrow(/--store-tag: want 1 to 64 of/);
  });
});
