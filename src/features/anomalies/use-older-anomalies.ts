import { useCallback, useEffect, useRef, useState } from 'react';
import type { Anomaly } from '../../core/anomaly';
import type { OrderBook } from '../../core/book';
import type { FetchLike } from './older-anomalies';
import { fetchOlderAnomalies, OLDER_PAGE } from './older-anomalies';

export interface OlderAnomalies {
  /** Rows of the dashboard's own list shown beyond the first page. */
  readonly extraRows: number;
  /** Fetched from the relay, newest first: all older than the dashboard's own list. */
  readonly fetched: readonly Anomaly[];
  /** True once the relay said it holds nothing older. */
  readonly exhausted: boolean;
  readonly loading: boolean;
  readonly error: string | null;
  /** More rows: first the dashboard's own older ones, then a page from the relay. */
  readonly loadOlder: (localExhausted: boolean) => void;
}

interface State {
  readonly extraRows: number;
  readonly fetched: readonly Anomaly[];
  readonly next: number | undefined;
  readonly exhausted: boolean;
  readonly loading: boolean;
  readonly error: string | null;
}

const INITIAL: State = { extraRows: 0, fetched: [], next: undefined, exhausted: false, loading: false, error: null };

/**
 * "Load older" for the anomalies panel. A snapshot head carries only the newest anomalies that
 * fit its byte bound; the relay serves the rest by number (anomaly n is the n-th recorded), and
 * the dashboard's oldest held one is number `anomalyTotal − size + 1`. Starts over when the
 * book is replaced (a new snapshot).
 */
export function useOlderAnomalies(
  book: OrderBook,
  token: string | null,
  fetchFn: FetchLike = (url, init) => window.fetch(url, init),
): OlderAnomalies {
  const [state, setState] = useState<State>(INITIAL);
  const bookRef = useRef(book);
  useEffect(() => {
    if (bookRef.current === book) return;
    bookRef.current = book;
    setState(INITIAL);
  }, [book]);

  const loadOlder = useCallback(
    (localExhausted: boolean) => {
      if (!localExhausted) {
        setState((s) => ({ ...s, extraRows: s.extraRows + OLDER_PAGE }));
        return;
      }
      if (state.loading || state.exhausted) return;
      const before = state.next ?? book.anomalyTotal - book.anomalies.size + 1;
      if (before <= 1) {
        setState((s) => ({ ...s, exhausted: true }));
        return;
      }
      setState((s) => ({ ...s, loading: true, error: null }));
      fetchOlderAnomalies(fetchFn, before, token).then(
        (page) => {
          if (bookRef.current !== book) return;
          setState((s) => ({
            ...s,
            loading: false,
            fetched: [...s.fetched, ...page.anomalies.reverse()],
            next: page.first,
            exhausted: page.anomalies.length === 0 || page.first <= page.heldFrom,
          }));
        },
        (error: unknown) => setState((s) => ({ ...s, loading: false, error: error instanceof Error ? error.message : String(error) })),
      );
    },
    [book, token, fetchFn, state.loading, state.exhausted, state.next],
  );

  return {
    extraRows: state.extraRows,
    fetched: state.fetched,
    exhausted: state.exhausted,
    loading: state.loading,
    error: state.error,
    loadOlder,
  };
}
