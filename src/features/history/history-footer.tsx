import { formatCount } from '../../lib/format';
import type { HistoryList } from '../../store/history-store';
import { MAX_HISTORY_LOADED } from '../../store/history-store';

/** Under the last row: what the list is doing, said in words, and the retry after an error. */
export function HistoryFooter({ list, onRetry }: { readonly list: HistoryList; readonly onRetry: () => void }) {
  const count = list.orders.length;
  return (
    <div className="history-footer" role="status" aria-live="polite">
      {list.phase === 'loading' && <p className="history-footer__line">loading…</p>}
      {list.phase === 'error' && (
        <p className="history-footer__line history-footer__line--error" role="alert">
          <span>
            Could not load {count === 0 ? 'history' : 'more history'}: {list.error}
          </span>{' '}
          <button type="button" className="button" onClick={onRetry}>
            Retry
          </button>
        </p>
      )}
      {list.phase === 'end' && !list.capped && (
        <p className="history-footer__line">
          {count === 0
            ? 'No finished orders match these filters.'
            : `end of history: ${formatCount(count)} ${count === 1 ? 'order' : 'orders'}`}
        </p>
      )}
      {list.capped && (
        <p className="history-footer__line">
          The first {formatCount(MAX_HISTORY_LOADED)} orders are loaded, the most one list holds: narrow the search or the time range for
          older ones.
        </p>
      )}
      {list.skipped > 0 && (
        <p className="history-footer__line history-footer__line--warn">
          {formatCount(list.skipped)} {list.skipped === 1 ? 'row' : 'rows'} from the relay could not be read and are not shown (
          {list.skipReason}).
        </p>
      )}
    </div>
  );
}
