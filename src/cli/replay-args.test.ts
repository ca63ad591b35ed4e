import { describe, expect, it } from 'vitest';
import { parseReplayArgs, REPLAY_USAGE } from './replay-args';

const WALL = 1_800_000_000_000;

describe('parseReplayArgs', () => {
  it('defaults: now = wall clock, stale-after = 300', () => {
    expect(parseReplayArgs(['events.ndjson'], WALL)).toEqual({ file: 'events.ndjson', now: WALL, staleAfter: 300, keepTerminal: null });
    expect(parseReplayArgs(['-'], WALL).file).toBe('-');
  });

  it('reads --now and --stale-after, spaced or with =, before or after the file', () => {
    const expected = { file: 'f', now: Date.UTC(2025, 10, 23, 12), staleAfter: 60, keepTerminal: null };
    expect(parseReplayArgs(['f', '--now', '2025-11-23T12:00:00Z', '--stale-after', '60'], WALL)).toEqual(expected);
    expect(parseReplayArgs(['--now=2025-11-23T12:00:00Z', '--stale-after=60', 'f'], WALL)).toEqual(expected);
    expect(parseReplayArgs(['f', '--stale-after', '0.5'], WALL).staleAfter).toBe(0.5);
  });

  it('--keep-terminal N mirrors the relay cleanup; anything but an integer ≥ 0 is refused', () => {
    expect(parseReplayArgs(['f', '--keep-terminal', '5000'], WALL).keepTerminal).toBe(5000);
    expect(parseReplayArgs(['--keep-terminal=0', 'f'], WALL).keepTerminal).toBe(0);
    for (const bad of ['-1', '1.5', '', 'x']) expect(() => parseReplayArgs(['f', '--keep-terminal', bad], WALL)).toThrow(/--keep-terminal/);
  });

  it('--now without offset is UTC, like the wire ts', () => {
    expect(parseReplayArgs(['f', '--now', '2025-11-23T12:00:00'], WALL).now).toBe(Date.UTC(2025, 10, 23, 12));
  });

  it.each([
    [['f', '--now', 'garbage'], '--now: not an ISO-8601 time: garbage'],
    [['f', '--now', '1'], '--now: not an ISO-8601 time: 1'],
    [['f', '--now'], '--now needs a value'],
    [['f', '--stale-after', '-1'], '--stale-after: want a number of seconds ≥ 0, got -1'],
    [['f', '--stale-after', 'soon'], '--stale-after: want a number of seconds ≥ 0, got soon'],
    [['f', '--stale-after', ''], '--stale-after: want a number of seconds ≥ 0, got '],
    [['f', '--stale-after=Infinity'], '--stale-after: want a number of seconds ≥ 0, got Infinity'],
    [['f', '--verbose'], 'unknown flag --verbose'],
    [['a', 'b'], 'one input file only (got a and b)'],
    [[], 'missing input FILE (use - for stdin)'],
    [['--help'], REPLAY_USAGE],
  ])('%j → %s', (argv, message) => {
    expect(() => parseReplayArgs(argv, WALL)).toThrow(message);
  });
});
