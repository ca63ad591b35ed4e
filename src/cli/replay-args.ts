import { parseTs } from '../protocol/iso-time';

export interface ReplayArgs {
  readonly file: string;
  readonly now: number;
  readonly staleAfter: number;
  /** Mirror the relay's cleanup policy (`cleanupAfterEvent`), keeping the newest N terminal orders. */
  readonly keepTerminal: number | null;
}

export const REPLAY_USAGE = `usage: npm run --silent replay -- FILE|- [--now ISO-8601] [--stale-after SECONDS] [--keep-terminal N]

Replays an NDJSON event file (- for stdin) through the order core and prints the resulting state
as one JSON object on stdout; rejected lines go to stderr.

  --now ISO-8601       the time stale orders are judged at (default: now; no offset means UTC)
  --stale-after S      seconds after which an active order is stale (default 300)
  --keep-terminal N    clean up finished orders as the relay does, keeping the newest N
  -h, --help           this text`;

/** Asking for help is an answer, not an error: the caller prints the usage on stdout and exits 0. */
export type ParsedReplayArgs = { readonly help: true } | ({ readonly help: false } & ReplayArgs);

/** Parses replay flags; throws an Error with a readable message on anything wrong. */
export function parseReplayArgs(argv: readonly string[], wallClockNow: number): ParsedReplayArgs {
  let file: string | undefined;
  let now = wallClockNow;
  let staleAfter = 300;
  let keepTerminal: number | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    if (flag === '--now') {
      const text = value();
      // Same reading as the wire's ts: ISO-8601 only, no offset means UTC (Date.parse would take local time, or "1" as 2001).
      now = parseTs(text);
      if (!Number.isFinite(now)) throw new Error(`--now: not an ISO-8601 time: ${text}`);
    } else if (flag === '--stale-after') {
      const text = value();
      staleAfter = Number(text);
      if (text.trim() === '' || !Number.isFinite(staleAfter) || staleAfter < 0) {
        throw new Error(`--stale-after: want a number of seconds ≥ 0, got ${text}`);
      }
    } else if (flag === '--keep-terminal') {
      const text = value();
      keepTerminal = Number(text);
      if (text.trim() === '' || !Number.isInteger(keepTerminal) || keepTerminal < 0) {
        throw new Error(`--keep-terminal: want an integer ≥ 0, got ${text}`);
      }
    } else if (flag === '-h' || flag === '--help') {
      return { help: true };
    } else if (flag.startsWith('--')) {
      throw new Error(`unknown flag ${flag}`);
    } else if (file === undefined) {
      file = arg;
    } else {
      throw new Error(`one input file only (got ${file} and ${arg})`);
    }
  }
  if (file === undefined) throw new Error('missing input FILE (use - for stdin)');
  return { help: false, file, now, staleAfter, keepTerminal };
}
