import { parseTs } from '../protocol/schema';

export interface ReplayArgs {
  readonly file: string;
  readonly now: number;
  readonly staleAfter: number;
  /** Mirror the relay's cleanup policy (`cleanupAfterEvent`), keeping the newest N terminal orders. */
  readonly keepTerminal: number | null;
}

export const REPLAY_USAGE = 'usage: npm run --silent replay -- FILE|- [--now ISO-8601] [--stale-after SECONDS] [--keep-terminal N]';

/** Parses replay flags; throws an Error with a readable message on anything wrong. */
export function parseReplayArgs(argv: readonly string[], wallClockNow: number): ReplayArgs {
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
      throw new Error(REPLAY_USAGE);
    } else if (flag.startsWith('--')) {
      throw new Error(`unknown flag ${flag}`);
    } else if (file === undefined) {
      file = arg;
    } else {
      throw new Error(`one input file only (got ${file} and ${arg})`);
    }
  }
  if (file === undefined) throw new Error('missing input FILE (use - for stdin)');
  return { file, now, staleAfter, keepTerminal };
}
