import type { Side } from '../core/order';
import type { Status } from '../core/status';
import { isStatus } from '../core/status';

/**
 * The History view's filters as its URL keeps them. Their keys are the live table's with an `h`
 * in front (`hq`, `hstatus` …): a trip to History and back leaves the live filters as they were.
 */
export interface HistoryFilters {
  /** Start of a client order id or exchange order id, or a whole symbol. */
  readonly search: string;
  readonly status: Status | null;
  readonly engine: string | null;
  readonly symbol: string | null;
  readonly side: Side | null;
  /** completed_at bounds, epoch ms, inclusive. */
  readonly from: number | null;
  readonly to: number | null;
}

export const NO_HISTORY_FILTERS: HistoryFilters = {
  search: '',
  status: null,
  engine: null,
  symbol: null,
  side: null,
  from: null,
  to: null,
};

const KEYS = {
  search: 'hq',
  status: 'hstatus',
  engine: 'hengine',
  symbol: 'hsymbol',
  side: 'hside',
  from: 'hfrom',
  to: 'hto',
} as const satisfies Record<keyof HistoryFilters, string>;

/**
 * Epoch ms from what a link may carry: epoch ms digits or an ISO-8601 time (a time without a zone
 * is read as UTC, the zone every time on the page is shown in); null when it reads as neither.
 * @example readTime('2026-12-03T12:30') // 1796301000000
 */
export function readTime(raw: string | null): number | null {
  if (raw === null || raw.trim() === '') return null;
  const text = raw.trim();
  if (/^\d{1,15}$/.test(text)) return Number(text);
  const zoned = /(?:Z|[+-]\d\d:?\d\d)$/i.test(text) || !text.includes('T') ? text : `${text}Z`;
  const ms = Date.parse(zoned);
  return Number.isFinite(ms) ? ms : null;
}

const nonEmpty = (raw: string | null): string | null => (raw === null || raw === '' ? null : raw);

/** Reads the query string; anything unreadable is "no filter", never an error. */
export function parseHistoryFilters(search: string): HistoryFilters {
  const q = new URLSearchParams(search);
  const status = q.get(KEYS.status);
  const side = q.get(KEYS.side);
  return {
    search: q.get(KEYS.search) ?? '',
    status: isStatus(status) ? status : null,
    engine: nonEmpty(q.get(KEYS.engine)),
    symbol: nonEmpty(q.get(KEYS.symbol)),
    side: side === 'buy' || side === 'sell' ? side : null,
    from: readTime(q.get(KEYS.from)),
    to: readTime(q.get(KEYS.to)),
  };
}

function text(filters: HistoryFilters, name: keyof HistoryFilters): string | null {
  const value = filters[name];
  if (value === null || value === '') return null;
  return typeof value === 'number' ? new Date(value).toISOString() : value;
}

/** The query string after applying `patch`; every other parameter is kept as it was. */
export function writeHistoryFilters(search: string, patch: Partial<HistoryFilters>): string {
  const q = new URLSearchParams(search);
  const next = { ...parseHistoryFilters(search), ...patch };
  for (const name of Object.keys(patch) as (keyof HistoryFilters)[]) {
    const value = text(next, name);
    if (value === null) q.delete(KEYS[name]);
    else q.set(KEYS[name], value);
  }
  const out = q.toString();
  return out === '' ? '' : `?${out}`;
}

/** Equal filters ask the relay the same question. */
export function sameHistoryFilters(a: HistoryFilters, b: HistoryFilters): boolean {
  return (Object.keys(KEYS) as (keyof HistoryFilters)[]).every((k) => a[k] === b[k]);
}
