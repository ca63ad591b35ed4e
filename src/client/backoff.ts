export interface BackoffOptions {
  readonly baseMs: number;
  readonly maxMs: number;
}

/**
 * Capped at 5 s: a relay that is back must show live within seconds (at 30 s a desk waited 13 s
 * after the relay returned). The jitter still spreads a wall of dashboards over 2.5-5 s.
 */
export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 500, maxMs: 5_000 };

/**
 * Delay before reconnect attempt `attempt` (1-based): exponential, capped, with "equal
 * jitter" (half fixed, half random) so a wall of dashboards does not reconnect in lockstep.
 * `random` is in [0, 1).
 */
export function backoffDelay(attempt: number, random: number, options: BackoffOptions = DEFAULT_BACKOFF): number {
  const exp = options.baseMs * 2 ** Math.min(30, Math.max(0, attempt - 1));
  const capped = Math.min(options.maxMs, exp);
  return Math.round(capped / 2 + (capped / 2) * random);
}
