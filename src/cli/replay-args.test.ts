import { describe, expect, it } from 'vitest';
import type { ReplayArgs } from './replay-args';
import { parseReplayArgs } from './replay-args';

const WALL = 1_800_000_000_000;

/** The parsed flags of a run that is not a request for help. */
function parse(argv: readonly string[]): ReplayArgs {
  const parsed = parseReplayArgs(argv, WALL);
  if (parsed.help) throw new Error(`asked for help: ${argv.join(' ')}`);
  const { help: _, ...args } = parsed;
  return args;
}

describe('parseReplayArgs', () => {
  it('defaults: now = wall clock, stale-after = 300', () => {
    expect(parse(['events.ndjson'])).toEqual({ file: 'events.ndjson', now: WALL, staleAfter: 300, keepTerminal: null });
    expect(parse(['-']).file).toBe('-');
  });

  it('reads --now and --stale-after, spaced or with =, before or after the file', () => {
    const expected = { file: 'f', now: Date.UTC(2025, 10, 23, 12), staleAfter: 60, keepTerminal: null };
    expect(parse(['f', '--now', '2025-11-23T12:00:00Z', '--stale-after', '60'])).toEqual(expected);
    expect(parse(['--now=2025-11-23T12:00:00Z', '--stale-after=60', 'f'])).toEqual(expected);
    expect(parse(['f', '--stale-after', '0.5']).staleAfter).toBe(0.5);
  });

  it('--keep-terminal N mirrors the relay cleanup; anything but an integer ≥ 0 is refused', () => {
    expect(parse(['f', '--keep-terminal', '5000']).keepTerminal).toBe(5000);
    expect(parse(['--keep-terminal=0', 'f']).keepTerminal).toBe(0);
    for (const bad of ['-1', '1.5', '', 'x']) expect(() => parse(['f', '--keep-terminal', bad])).toThrow(/--keep-terminal/);
  });

  it('--now without offset is UTC, like the wire ts', () => {
    expect(parse(['f', '--now', '2025-11-23T12:00:00']).now).toBe(Date.UTC(2025, 10, 23, 12));
  });

  it.each([
    [['f', '--now', 'garbage'], '--now: not an ISO-8601 time: garbage'],
    [['f', '--now', '1'], '--now: not an ISO-8601 time: 1'],
    [['f', '--now'], '--now needs a value'],
    [['f', '--stale-after=-1'], '--stale-after: want a number of seconds ≥ 0, got -1'],
    [['f', '--stale-after', '-1'], '--stale-after needs a value (one starting with "-" is written --stale-after=-1)'],
    [['f', '--stale-after', 'soon'], '--stale-after: want a number of seconds ≥ 0, got soon'],
    [['f', '--stale-after', ''], '--stale-after: want a number of seconds ≥ 0, got '],
    [['f', '--stale-after=Infinity'], '--stale-after: want a number of seconds ≥ 0, got Infinity'],
    [['f', '--verbose'], 'unknown argument --verbose (see --help)'],
    [['a', 'b'], 'one input file only (got a and b)'],
    [[], 'missing input FILE (use - for stdin)'],
  ])('%j → %s', (argv, message) => {
    expect(() => parseReplayArgs(argv, WALL)).toThrow(message);
  });

  it('-h and --help ask for the usage, wherever they stand and whatever else is missing', () => {
    for (const argv of [['--help'], ['-h'], ['f', '--help'], ['--stale-after', '60', '-h']]) {
      expect(parseReplayArgs(argv, WALL)).toEqual({ help: true });
    }
  });
});
