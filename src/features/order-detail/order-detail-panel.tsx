import { useEffect, useMemo } from 'react';
import { StaleMarkerReason } from '../../components/stale-marker';
import { STATUS_LOOK } from '../../components/status-palette';
import { ID_KEEP_END, LABEL_KEEP_END, UntrustedText } from '../../components/untrusted-text';
import { useHistoryLookup } from '../../store/history-context';
import { useRelayNow } from '../../store/relay-clock';
import { useTimeZone, zoneLabel } from '../../store/time-zone';
import { staleReason } from '../../core/stale-rules';
import { useStaleThresholds, useViewParams } from '../../store/use-view-params';
import { OrderAnomalyList } from './order-anomaly-list';
import { fillRows } from './order-fills';
import { OrderFillsTable } from './order-fills-table';
import { OrderHistoryStatus } from './order-history-status';
import { OrderStateFields } from './order-state-fields';
import { buildTimeline } from './order-timeline';
import { OrderTimelineList } from './order-timeline-list';
import { useOrderSnapshot } from './use-order-snapshot';
import './order-detail.css';

/**
 * The order named by the URL's `order=`, in a side panel; nothing when none is selected.
 * Non-modal: focus stays where the operator was (the table keeps its keyboard flow).
 */
export function OrderDetailPanel() {
  const [params, update] = useViewParams();
  if (params.order === null) return null;
  return <OrderDetail id={params.order} onClose={() => update({ order: null })} />;
}

function OrderDetail({ id, onClose }: { readonly id: string; readonly onClose: () => void }) {
  const live = useOrderSnapshot(id);
  const { anomalies } = live;
  // Cleanup takes finished orders out of the live book; the journal still has them.
  const { lookup, retry } = useHistoryLookup(id, live.order === undefined);
  const fromHistory = lookup?.state === 'found' ? lookup.order : undefined;
  const order = live.order ?? fromHistory;
  const now = useRelayNow();
  const zone = useTimeZone();
  const zoneName = zoneLabel(zone, now);
  const thresholds = useStaleThresholds();
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape' && !e.defaultPrevented) onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);

  // The core mutates the order in place but replaces its fills array on each fill: that array is the dependency.
  const fillList = order?.fills;
  const sizeUsd = order?.size_usd ?? 0;
  const fills = useMemo(() => (fillList === undefined ? null : fillRows(fillList, sizeUsd)), [fillList, sizeUsd]);
  const timeline = order === undefined ? [] : buildTimeline(order, now);
  const stale = order === undefined ? null : staleReason(order, now, thresholds);
  const look = order === undefined ? null : STATUS_LOOK[order.status];

  return (
    <aside className="ow-detail" aria-labelledby="ow-detail-title">
      <header className="ow-detail__header">
        <h2 id="ow-detail-title" className="ow-detail__title">
          Order <UntrustedText text={id} keepEnd={ID_KEEP_END} className="ow-detail__id" />
        </h2>
        <button type="button" className="ow-detail__close" onClick={onClose} aria-label="Close order detail">
          ✕ <span className="ow-detail__close-key">Esc</span>
        </button>
      </header>
      {order === undefined || look === null || fills === null ? (
        <OrderHistoryStatus lookup={lookup} onRetry={retry} />
      ) : (
        <div className="ow-detail__body">
          {fromHistory !== undefined && (
            <p className="ow-detail__note" data-testid="detail-from-history">
              From history: this order finished and has left the live book; this is its state as the relay journaled it.
            </p>
          )}
          <p className="ow-detail__headline">
            <span className="ow-detail__status" style={{ color: `var(${look.colorVar}, ${look.color})` }}>
              <span aria-hidden="true">{look.icon}</span> {look.label}
            </span>
            <span className="ow-detail__symbol">
              {order.side.toUpperCase()} <UntrustedText text={order.symbol} keepEnd={LABEL_KEEP_END} />
            </span>
            {stale !== null && (
              <span className="ow-detail__stale">
                <span aria-hidden="true">◷</span> <strong>STALE</strong> <StaleMarkerReason reason={stale} />
              </span>
            )}
          </p>
          <OrderStateFields order={order} now={now} zone={zone} zoneName={zoneName} />
          <h3 className="ow-detail__section">Timeline ({zoneName})</h3>
          <OrderTimelineList rows={timeline} zone={zone} />
          <h3 className="ow-detail__section">Fills ({fills.rows.length})</h3>
          <OrderFillsTable table={fills} zone={zone} zoneName={zoneName} />
          <h3 className="ow-detail__section">Anomalies ({anomalies.length})</h3>
          <OrderAnomalyList anomalies={anomalies} zone={zone} />
        </div>
      )}
    </aside>
  );
}
