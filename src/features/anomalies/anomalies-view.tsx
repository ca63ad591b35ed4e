import { useMemo, useState } from 'react';
import type { AnomalyKind } from '../../core/anomaly';
import { formatCount } from '../../lib/format';
import { useDashboard } from '../../store/dashboard-context';
import { useRelayNow } from '../../store/relay-clock';
import { useViewParams } from '../../store/use-view-params';
import { AnomalyCounts } from './anomaly-counts';
import { AnomalyList } from './anomaly-list';
import type { FetchLike } from './older-anomalies';
import { useOlderAnomalies } from './use-older-anomalies';
import './anomalies.css';

/** Rows drawn at most: the book keeps more, but nobody reads row 201 of a live list. */
export const MAX_ANOMALY_ROWS = 200;

/**
 * What the core flagged, counted by kind and listed newest first: this is where engine bugs
 * surface. Refreshed on the page's 1 Hz clock, so an anomaly storm cannot flood the main thread.
 */
export function AnomaliesView({ fetchOlder }: { readonly fetchOlder?: FetchLike } = {}) {
  const dashboard = useDashboard();
  // The 1 Hz clock is what re-renders this view (the book is read, not subscribed to).
  useRelayNow();
  const [params, update] = useViewParams();
  const [kind, setKind] = useState<AnomalyKind | null>(null);
  const book = dashboard.book();
  const total = book.anomalyTotal;
  const older = useOlderAnomalies(book, params.token, fetchOlder);
  // Anomalies are only ever added, each one counted in `total`: an unchanged total is an unchanged list.
  const { counts, recent, localExhausted, canLoadOlder } = useMemo(() => {
    const list = book.anomalies.toArray();
    const recent = [];
    const rows = MAX_ANOMALY_ROWS + older.extraRows;
    let i = list.length - 1;
    for (; i >= 0 && recent.length < rows; i--) {
      const a = list[i]!;
      if (kind === null || a.kind === kind) recent.push(a);
    }
    const localExhausted = i < 0;
    // The relay's older pages come after the dashboard's own list, once all of it is shown.
    if (localExhausted) for (const a of older.fetched) if (kind === null || a.kind === kind) recent.push(a);
    const canLoadOlder = !localExhausted || (!older.exhausted && total > book.anomalies.size);
    return { counts: { ...book.anomalyCounts }, recent, localExhausted, canLoadOlder };
  }, [book, total, kind, older.extraRows, older.fetched, older.exhausted]);

  return (
    <section className={`ow-anomalies${total > 0 ? ' ow-anomalies--hit' : ''}`} aria-labelledby="ow-anomalies-title" tabIndex={-1}>
      <header className="ow-anomalies__header">
        <h2 id="ow-anomalies-title" className="ow-anomalies__title">
          Anomalies <span className="num ow-anomalies__total">{formatCount(total)}</span>
        </h2>
        <span className="ow-anomalies__note">
          engine events the lifecycle rules flagged · {formatCount(book.duplicates)} duplicate seq skipped
        </span>
      </header>
      <AnomalyCounts counts={counts} selected={kind} onSelect={setKind} />
      <div className="ow-anomalies__list">
        <AnomalyList anomalies={recent} onSelectOrder={(id) => update({ order: id })} />
      </div>
      {total > book.anomalies.size && (
        <p className="ow-anomalies__note">
          Showing the newest of {formatCount(book.anomalies.size)} kept; counts cover all {formatCount(total)}.
        </p>
      )}
      {recent.length > 0 && (
        <div className="ow-anomalies__older">
          {canLoadOlder ? (
            <button
              type="button"
              className="ow-anomalies__older-button"
              disabled={older.loading}
              onClick={() => older.loadOlder(localExhausted)}
            >
              {older.loading ? 'Loading older…' : 'Load older'}
            </button>
          ) : (
            <span className="ow-anomalies__note">No older anomalies kept by the relay.</span>
          )}
          {older.error !== null && (
            <span className="ow-anomalies__note" role="alert">
              Could not load older anomalies: {older.error}
            </span>
          )}
        </div>
      )}
    </section>
  );
}
