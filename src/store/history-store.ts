import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type { Order } from '../core/order';
import type { HistoryFilters } from './history-params';
import { NO_HISTORY_FILTERS, sameHistoryFilters } from './history-params';

/** One question to the relay's /api/history. */
export interface HistoryRequest extends HistoryFilters {
  /** 1–500 on the relay. */
  readonly limit: number;
  /** The previous page's `next_cursor`; null for the first page. */
  readonly cursor: string | null;
}

/** A page, or what went wrong in words an operator can act on: never a throw. */
export type HistoryReply =
  | {
      readonly ok: true;
      readonly orders: readonly Order[];
      readonly nextCursor: string | null;
      /** Rows of the page that could not be read (left out), and why the first one was not. */
      readonly skipped: number;
      readonly skipReason: string | null;
    }
  | { readonly ok: false; readonly error: string };

/** The client's side of the seam (src/client/history-client.ts): the store never fetches itself. */
export type HistoryLoader = (request: HistoryRequest, signal: AbortSignal) => Promise<HistoryReply>;

export type HistoryPhase = 'idle' | 'loading' | 'ready' | 'end' | 'error';

export interface HistoryList {
  readonly filters: HistoryFilters;
  /** Newest finished first, each order once, at most MAX_HISTORY_LOADED. */
  readonly orders: readonly Order[];
  /** loading: a page is on its way (the first when `orders` is empty); end: nothing more to load. */
  readonly phase: HistoryPhase;
  readonly nextCursor: string | null;
  readonly error: string | null;
  readonly skipped: number;
  readonly skipReason: string | null;
  /** The end was reached by our own bound, not the relay's: the search should be narrowed. */
  readonly capped: boolean;
}

/** An order looked up by id when the live book no longer has it. */
export type HistoryLookup =
  | { readonly state: 'loading' }
  | { readonly state: 'found'; readonly order: Order }
  | { readonly state: 'missing' }
  | { readonly state: 'error'; readonly error: string };

export interface HistoryState {
  readonly list: HistoryList;
  readonly lookups: Readonly<Record<string, HistoryLookup>>;
  /** Engines and symbols seen in history rows, sorted: the filters' choices. Bounded. */
  readonly engines: readonly string[];
  readonly symbols: readonly string[];
}

export interface HistoryStore {
  readonly store: StoreApi<HistoryState>;
  /** Shows the history for `filters`: a new question starts from its first page, the same one is kept unless `again`. */
  show(filters: HistoryFilters, again?: boolean): void;
  /** The next page, when there is one and none is on its way. */
  loadMore(): void;
  /** After an error: the page that failed, again. */
  retry(): void;
  /** Looks `id` up (client or exchange order id) unless it is known or on its way; `again` retries a miss or error. */
  lookup(id: string, again?: boolean): void;
}

export const HISTORY_PAGE_SIZE = 100;
/** The relay's `q` finds ids by their start: a few rows usually hold the exact one… */
export const HISTORY_LOOKUP_LIMIT = 5;
/**
 * …but not when ids that start with it finished later (`ex-12` under `ex-120` … `ex-129`, newest
 * first): then up to this many pages of the largest size follow before the answer is "not found".
 */
export const HISTORY_LOOKUP_MORE_PAGES = 4;
const LARGEST_PAGE = 500;
/** Rows a scroll may pile up: past this the operator is asked to narrow the search. */
export const MAX_HISTORY_LOADED = 10_000;
const MAX_LOOKUPS = 50;
const MAX_FACETS = 200;

const emptyList = (filters: HistoryFilters): HistoryList => ({
  filters,
  orders: [],
  phase: 'idle',
  nextCursor: null,
  error: null,
  skipped: 0,
  skipReason: null,
  capped: false,
});

function mergeFacet(known: readonly string[], orders: readonly Order[], pick: (o: Order) => string): readonly string[] {
  if (known.length >= MAX_FACETS) return known;
  const set = new Set(known);
  for (const o of orders) if (set.size < MAX_FACETS && pick(o) !== '') set.add(pick(o));
  return set.size === known.length ? known : [...set].sort();
}

/** Keeps the newest MAX_LOOKUPS entries (objects keep insertion order). */
function withLookup(lookups: Readonly<Record<string, HistoryLookup>>, id: string, entry: HistoryLookup): Record<string, HistoryLookup> {
  const kept = Object.entries(lookups).filter(([key]) => key !== id);
  return Object.fromEntries([...kept.slice(Math.max(0, kept.length - MAX_LOOKUPS + 1)), [id, entry]]);
}

/** The order whose client id (else exchange id) is exactly `id`: the relay's `q` matches by prefix. */
async function findExact(load: HistoryLoader, id: string): Promise<HistoryLookup> {
  let cursor: string | null = null;
  for (let page = 0; page <= HISTORY_LOOKUP_MORE_PAGES; page++) {
    const limit = page === 0 ? HISTORY_LOOKUP_LIMIT : LARGEST_PAGE;
    const reply = await load({ ...NO_HISTORY_FILTERS, search: id, limit, cursor }, new AbortController().signal);
    if (!reply.ok) return { state: 'error', error: reply.error };
    const order = reply.orders.find((o) => o.client_order_id === id) ?? reply.orders.find((o) => o.order_id === id);
    if (order !== undefined) return { state: 'found', order };
    if (reply.nextCursor === null) return { state: 'missing' };
    cursor = reply.nextCursor;
  }
  return { state: 'missing' };
}

/**
 * The History view's state: pages of finished orders by cursor, and single orders looked up for
 * the detail panel. Plain data in, plain data out; the loader is handed in, so the store is tested
 * against a real relay through the real client and never reaches back into it.
 */
export function createHistoryStore(loader: HistoryLoader): HistoryStore {
  // The loader answers errors as values; one that throws anyway is an error row, not a stuck "loading…".
  const load: HistoryLoader = (request, signal) =>
    loader(request, signal).catch((error: unknown) => ({ ok: false, error: error instanceof Error ? error.message : String(error) }));
  const store = createStore<HistoryState>()(() => ({ list: emptyList(NO_HISTORY_FILTERS), lookups: {}, engines: [], symbols: [] }));
  let inFlight: AbortController | null = null;

  const fetchPage = (): void => {
    const { list } = store.getState();
    inFlight?.abort();
    const ctrl = new AbortController();
    inFlight = ctrl;
    store.setState({ list: { ...list, phase: 'loading', error: null } });
    const request: HistoryRequest = { ...list.filters, limit: HISTORY_PAGE_SIZE, cursor: list.nextCursor };
    void load(request, ctrl.signal).then((reply) => {
      // A newer question (or a reset) took over: this answer is for filters no longer shown.
      if (inFlight !== ctrl) return;
      inFlight = null;
      const s = store.getState();
      if (!reply.ok) {
        store.setState({ list: { ...s.list, phase: 'error', error: reply.error } });
        return;
      }
      const seen = new Set(s.list.orders.map((o) => o.client_order_id));
      const fresh = reply.orders.filter((o) => !seen.has(o.client_order_id));
      const room = MAX_HISTORY_LOADED - s.list.orders.length;
      const orders = [...s.list.orders, ...fresh.slice(0, room)];
      const capped = reply.nextCursor !== null && orders.length >= MAX_HISTORY_LOADED;
      store.setState({
        list: {
          ...s.list,
          orders,
          phase: reply.nextCursor === null || capped ? 'end' : 'ready',
          nextCursor: reply.nextCursor,
          error: null,
          skipped: s.list.skipped + reply.skipped,
          skipReason: s.list.skipReason ?? reply.skipReason,
          capped,
        },
        engines: mergeFacet(s.engines, fresh, (o) => o.engine),
        symbols: mergeFacet(s.symbols, fresh, (o) => o.symbol),
      });
    });
  };

  return {
    store,
    show(filters, again = false) {
      const { list } = store.getState();
      if (!again && list.phase !== 'idle' && sameHistoryFilters(list.filters, filters)) return;
      store.setState({ list: emptyList(filters) });
      fetchPage();
    },
    loadMore() {
      if (store.getState().list.phase === 'ready') fetchPage();
    },
    retry() {
      if (store.getState().list.phase === 'error') fetchPage();
    },
    lookup(id, again = false) {
      const s = store.getState();
      const known = s.lookups[id];
      if (known !== undefined && (known.state === 'loading' || known.state === 'found' || !again)) return;
      const loaded = s.list.orders.find((o) => o.client_order_id === id);
      if (loaded !== undefined) {
        store.setState({ lookups: withLookup(s.lookups, id, { state: 'found', order: loaded }) });
        return;
      }
      store.setState({ lookups: withLookup(s.lookups, id, { state: 'loading' }) });
      void findExact(load, id).then((entry) => store.setState((now) => ({ lookups: withLookup(now.lookups, id, entry) })));
    },
  };
}
