export interface RestartCheck {
  readonly fetch: (url: string, init: RequestInit) => Promise<Response>;
  readonly url: string;
  /** The view token's header: without it a relay with VIEW_TOKEN answers only `{status}`. */
  readonly headers?: Readonly<Record<string, string>>;
  readonly signal: AbortSignal;
  /** The last rseq this client holds. */
  readonly received: number;
  /** The numbering our rseq belongs to, when the relay told us (exact where present). */
  readonly logId?: string | null;
  /** How long this client has heard nothing from the relay (ms). */
  readonly silenceMs: number;
}

/**
 * A relay restarted since our last message numbers its events from 1 again, so our
 * Last-Event-ID could name an event of its new log and we would silently keep the old book.
 * Its health endpoint tells: a log head behind ours, or an uptime shorter than our silence.
 * Throws when the relay cannot be reached (the caller backs off and retries).
 */
export async function relayRestartedSince(check: RestartCheck): Promise<boolean> {
  const res = await check.fetch(check.url, { signal: check.signal, cache: 'no-store', headers: check.headers });
  if (!res.ok) throw new Error(`health check: HTTP ${res.status}`);
  const body = (await res.json()) as { rseq?: unknown; uptime_s?: unknown; log_id?: unknown };
  if (typeof body.log_id === 'string' && typeof check.logId === 'string') return body.log_id !== check.logId;
  const head = typeof body.rseq === 'number' ? body.rseq : Infinity;
  const uptimeMs = typeof body.uptime_s === 'number' ? body.uptime_s * 1000 : Infinity;
  return head < check.received || uptimeMs < check.silenceMs;
}
