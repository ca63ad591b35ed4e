import type { HistoryLookup } from '../../store/history-store';

/**
 * What the panel says for an order the live book does not hold: looking in history, not found there
 * either, or that history could not be asked (with a retry). `lookup` is null where the page has no
 * history to ask.
 */
export function OrderHistoryStatus({ lookup, onRetry }: { readonly lookup: HistoryLookup | null; readonly onRetry: () => void }) {
  if (lookup === null) {
    return (
      <p className="ow-detail__missing" role="status">
        This order is not in the book: it was never seen here, or it finished long enough ago to be evicted.
      </p>
    );
  }
  if (lookup.state === 'loading') {
    return (
      <p className="ow-detail__missing" role="status">
        Not in the live book: looking it up in history…
      </p>
    );
  }
  if (lookup.state === 'error') {
    return (
      <p className="ow-detail__missing" role="alert">
        Not in the live book, and history could not be asked: {lookup.error}{' '}
        <button type="button" className="button" onClick={onRetry}>
          Retry
        </button>
      </p>
    );
  }
  return (
    <p className="ow-detail__missing" role="status">
      Not found: this order is neither in the live book nor in history. It was never seen here, or it finished before the retention period.
    </p>
  );
}
