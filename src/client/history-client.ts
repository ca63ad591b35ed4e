import type { HistoryLoader, HistoryRequest } from '../store/history-store';
import { decodeHistoryPage } from './history-page';

export interface HistoryClientDeps {
  readonly fetch: (url: string, init: RequestInit) => Promise<Response>;
  /** The relay's origin ('' for the page's own); tests point it at a loopback relay. */
  readonly baseUrl?: string;
  /** The view token, sent as the stream and the health check send it. */
  readonly token: string | null;
}

/**
 * The /api/history URL for a request: only the filters that are set, times as epoch ms (the
 * relay takes either; ms carry no zone to misread).
 * @example historyUrl({ ...NO_HISTORY_FILTERS, search: 'coid_1', limit: 5, cursor: null }) // '/api/history?q=coid_1&limit=5'
 */
export function historyUrl(request: HistoryRequest, baseUrl = ''): string {
  const q = new URLSearchParams();
  if (request.search.trim() !== '') q.set('q', request.search.trim());
  for (const name of ['status', 'engine', 'symbol', 'side', 'from', 'to'] as const) {
    const value = request[name];
    if (value !== null) q.set(name, String(value));
  }
  q.set('limit', String(request.limit));
  if (request.cursor !== null) q.set('cursor', request.cursor);
  return `${baseUrl}/api/history?${q.toString()}`;
}

/** What an error status means to the operator; the relay's own words where it sent some. */
function statusError(status: number, said: string | null): string {
  if (status === 401) return 'not authorised: this page has no valid view token (add ?token=… to the link)';
  // The relay's 404 says "no history: …" itself; under "Could not load history:" one plain sentence reads better.
  if (status === 404) return 'this relay keeps no history: it runs without a journal (--data-dir none, or --store)';
  if (status === 400) return `the relay refused the search: ${said ?? 'bad parameter'}`;
  return `the relay answered HTTP ${status}${said === null ? '' : `: ${said}`}`;
}

async function bodyOf(res: Response): Promise<unknown> {
  try {
    return (await res.json()) as unknown;
  } catch {
    return undefined;
  }
}

/** The relay's `{error}` text, cut to a line: it is shown on the page. */
function errorText(body: unknown): string | null {
  if (typeof body !== 'object' || body === null || !('error' in body) || typeof body.error !== 'string') return null;
  return body.error.length > 200 ? `${body.error.slice(0, 200)}…` : body.error;
}

/** Pages of finished orders from the relay's journal; every failure comes back as `{ ok: false, error }`. */
export function createHistoryClient(deps: HistoryClientDeps): HistoryLoader {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (deps.token !== null) headers.Authorization = `Bearer ${deps.token}`;
  return async (request, signal) => {
    let res: Response;
    try {
      // No `cache` option: the relay answers Cache-Control: no-store, and Node's fetch types lack it.
      res = await deps.fetch(historyUrl(request, deps.baseUrl), { headers, signal });
    } catch (error) {
      if (signal.aborted) return { ok: false, error: 'cancelled' };
      return { ok: false, error: `the relay could not be reached (${error instanceof Error ? error.message : String(error)})` };
    }
    const body = await bodyOf(res);
    if (!res.ok) return { ok: false, error: statusError(res.status, errorText(body)) };
    if (body === undefined) return { ok: false, error: 'the relay sent a history reply that is not JSON' };
    return decodeHistoryPage(body);
  };
}
