import type { Side } from '../core/order';
import type { StaleBasis } from '../core/stale-rules';
import type { Status } from '../core/status';
import { isStatus } from '../core/status';
import type { ColumnLayout } from './column-layout-values';
import { readLayoutQuery, writeLayoutQuery } from './column-layout-values';
import type { BreakdownKey } from './order-totals';
import { BREAKDOWN_KEYS } from './order-totals';
import type { SortKey, SortSpecs } from './order-sort-keys';
import { formatSorts, isSortKey, parseSorts } from './order-sort-keys';

/**
 * Everything about the view that a link should reproduce: filters, sort, stale limits, the
 * selected order, the wall mode and the access token. Lives in the URL query, written with
 * replaceState so the back button is not flooded with filter clicks.
 */
export interface ViewParams {
  /** Status chips switched on; empty means every status. */
  readonly statuses: readonly Status[];
  readonly staleOnly: boolean;
  readonly side: Side | null;
  readonly engine: string | null;
  readonly route: string | null;
  readonly symbol: string | null;
  readonly search: string;
  /** null: the default order (stale first, then active, then terminal newest first). */
  readonly sort: SortSpecs;
  /** What the stale threshold measures: age since created (default) or idle time since the last update. */
  readonly staleBasis: StaleBasis;
  /** Overrides the relay's stale threshold (seconds). */
  readonly staleAfterSec: number | null;
  readonly newAckSec: number | null;
  readonly openNoFillSec: number | null;
  readonly partialNoFillSec: number | null;
  /**
   * Columns this view hides (`hide=engine,route`; `hide=` hides none); null when the URL does not
   * say, and the browser's own choice holds. A saved view or a shared link carries it.
   */
  readonly hiddenColumns: readonly SortKey[] | null;
  /**
   * Column order, pins and widths this view sets (`cols`, `pin`, `widths`); null when the URL
   * names none, and the browser's own layout holds. A saved view or a shared link carries it.
   */
  readonly columnLayout: ColumnLayout | null;
  /** What the breakdown panel groups by. */
  readonly groupBy: BreakdownKey;
  /** The order open in the detail panel. */
  readonly order: string | null;
  readonly view: ViewName;
  readonly token: string | null;
}

/**
 * The range of a stale limit a view may set, in whole seconds: under a second or over a day is a
 * typo, not a setting. The threshold boxes and the URL hold to the same range.
 */
export const STALE_LIMIT_SECONDS = { min: 1, max: 86_400 } as const;

/** A stale limit in range, or null (the relay's default holds) for anything else. */
export function staleLimit(raw: string | null): number | null {
  if (raw === null || raw.trim() === '') return null;
  const n = Number(raw);
  return Number.isInteger(n) && n >= STALE_LIMIT_SECONDS.min && n <= STALE_LIMIT_SECONDS.max ? n : null;
}

function nonEmpty(raw: string | null): string | null {
  return raw === null || raw === '' ? null : raw;
}

/** The page's views: the live dashboard, the wall screen, the history of finished orders. */
export type ViewName = 'main' | 'wall' | 'history';

const isViewName = (v: string | null): v is ViewName => v === 'main' || v === 'wall' || v === 'history';

/** Reads a query string; anything unreadable falls back to the default, never throws. */
export function parseViewParams(search: string): ViewParams {
  const q = new URLSearchParams(search);
  const statuses = (q.get('status') ?? '').split(',').filter(isStatus);
  const side = q.get('side');
  const view = q.get('view');
  return {
    statuses: [...new Set(statuses)],
    staleOnly: q.get('stale') === '1',
    side: side === 'buy' || side === 'sell' ? side : null,
    engine: q.get('engine'),
    route: q.get('route'),
    symbol: q.get('symbol'),
    search: q.get('q') ?? '',
    sort: parseSorts(q.get('sort') ?? ''),
    staleBasis: q.get('stale_basis') === 'idle' ? 'idle' : 'age',
    staleAfterSec: staleLimit(q.get('stale_after')),
    newAckSec: staleLimit(q.get('stale_new')),
    openNoFillSec: staleLimit(q.get('stale_open')),
    partialNoFillSec: staleLimit(q.get('stale_partial')),
    hiddenColumns: q.has('hide') ? [...new Set((q.get('hide') ?? '').split(',').filter(isSortKey))].sort() : null,
    columnLayout: readLayoutQuery(q),
    groupBy: BREAKDOWN_KEYS.find((k) => k === q.get('group')) ?? 'symbol',
    order: nonEmpty(q.get('order')),
    view: isViewName(view) ? view : 'main',
    token: nonEmpty(q.get('token')),
  };
}

type Writer = (q: URLSearchParams, p: ViewParams) => void;
const WRITERS: Record<keyof ViewParams, Writer> = {
  statuses: (q, p) => put(q, 'status', p.statuses.length > 0 ? p.statuses.join(',') : null),
  staleOnly: (q, p) => put(q, 'stale', p.staleOnly ? '1' : null),
  side: (q, p) => put(q, 'side', p.side),
  engine: (q, p) => put(q, 'engine', p.engine),
  route: (q, p) => put(q, 'route', p.route),
  symbol: (q, p) => put(q, 'symbol', p.symbol),
  search: (q, p) => put(q, 'q', p.search === '' ? null : p.search),
  sort: (q, p) => put(q, 'sort', formatSorts(p.sort)),
  staleBasis: (q, p) => put(q, 'stale_basis', p.staleBasis === 'idle' ? 'idle' : null),
  staleAfterSec: (q, p) => put(q, 'stale_after', p.staleAfterSec),
  newAckSec: (q, p) => put(q, 'stale_new', p.newAckSec),
  openNoFillSec: (q, p) => put(q, 'stale_open', p.openNoFillSec),
  partialNoFillSec: (q, p) => put(q, 'stale_partial', p.partialNoFillSec),
  hiddenColumns: (q, p) => put(q, 'hide', p.hiddenColumns === null ? null : [...p.hiddenColumns].sort().join(',')),
  columnLayout: (q, p) => writeLayoutQuery(q, p.columnLayout),
  groupBy: (q, p) => put(q, 'group', p.groupBy === 'symbol' ? null : p.groupBy),
  order: (q, p) => put(q, 'order', p.order),
  view: (q, p) => put(q, 'view', p.view === 'main' ? null : p.view),
  token: (q, p) => put(q, 'token', p.token),
};

function put(q: URLSearchParams, name: string, value: string | number | null): void {
  if (value === null) q.delete(name);
  else q.set(name, String(value));
}

/** The query string after applying `patch`; parameters this module does not know are kept. */
export function writeViewParams(search: string, patch: Partial<ViewParams>): string {
  const q = new URLSearchParams(search);
  const next = { ...parseViewParams(search), ...patch };
  for (const name of Object.keys(patch) as (keyof ViewParams)[]) WRITERS[name](q, next);
  const text = q.toString();
  return text === '' ? '' : `?${text}`;
}
