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
});
