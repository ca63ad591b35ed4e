import { parseTs } from '../protocol/iso-time';
import type { FlagTable } from '../command-line/flag-table';
import { formatUsage, readFlags } from '../command-line/flag-table';

export interface ReplayArgs {
  readonly file: string;
  readonly now: number;
  readonly staleAfter: number;
  /** Mirror the relay's cleanup policy (`cleanupAfterEvent`), keeping the newest N terminal orders. */
  readonly keepTerminal: number | null;
}

type Settings = { -readonly [K in 'now' | 'staleAfter' | 'keepTerminal']: ReplayArgs[K] };

const REPLAY_FLAGS: FlagTable<Settings> = [
  {
    flag: '--now',
    value: 'ISO-8601',
    help: 'the time stale orders are judged at (default: now; no offset means UTC)',
    apply: (s, text = '') => {
      // Same reading as the wire's ts: ISO-8601 only, no offset means UTC (Date.parse would take local time, or "1" as 2001).
      s.now = parseTs(text);
      if (!Number.isFinite(s.now)) throw new Error(`--now: not an ISO-8601 time: ${text}`);
    },
  },
  {
    flag: '--stale-after',
    value: 'S',
    help: 'seconds after which an active order is stale (default 300)',
    apply: (s, text = '') => {
      s.staleAfter = Number(text);
      if (text.trim() === '' || !Number.isFinite(s.staleAfter) || s.staleAfter < 0) {
        throw new Error(`--stale-after: want a number of seconds ≥ 0, got ${text}`);
      }
    },
  },
  {
    flag: '--keep-terminal',
    value: 'N',
    help: 'clean up finished orders as the relay does, keeping the newest N',
    apply: (s, text = '') => {
      s.keepTerminal = Number(text);
      if (text.trim() === '' || !Number.isInteger(s.keepTerminal) || s.keepTerminal < 0) {
        throw new Error(`--keep-terminal: want an integer ≥ 0, got ${text}`);
      }
    },
  },
  { flag: '--help', short: 'h', help: 'this text', apply: () => undefined },
];

export const REPLAY_USAGE = formatUsage(
  `usage: npm run --silent replay -- FILE|- [--now ISO-8601] [--stale-after SECONDS] [--keep-terminal N]

Replays an NDJSON event file (- for stdin) through the order core and prints the resulting state
as one JSON object on stdout; rejected lines go to stderr.`,
  REPLAY_FLAGS,
);

/** Asking for help is an answer, not an error: the caller prints the usage on stdout and exits 0. */
export type ParsedReplayArgs = { readonly help: true } | ({ readonly help: false } & ReplayArgs);

/** Parses replay flags; throws an Error with a readable message on anything wrong. */
export function parseReplayArgs(argv: readonly string[], wallClockNow: number): ParsedReplayArgs {
  const settings: Settings = { now: wallClockNow, staleAfter: 300, keepTerminal: null };
  // No environment: the replay is reproducible from its command line alone.
  const { help, positionals } = readFlags(REPLAY_FLAGS, argv, {}, settings, { positionals: true });
  if (help) return { help: true };
  if (positionals.length > 1) throw new Error(`one input file only (got ${positionals.join(' and ')})`);
  const file = positionals[0];
  if (file === undefined) throw new Error('missing input FILE (use - for stdin)');
  return { help: false, file, ...settings };
}
