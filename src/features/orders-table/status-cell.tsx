import { AckedNote } from '../../components/acked-note';
import { StaleMarker } from '../../components/stale-marker';
import { StatusBadge } from '../../components/status-badge';
import type { Order } from '../../core/order';
import { useRelayNow } from '../../store/relay-clock';
import { staleReason } from '../../core/stale-rules';
import { useOrderAlert } from '../../store/use-order-alert';
import { useStaleThresholds } from '../../store/use-view-params';

export function StatusCell({ order }: { readonly order: Order }) {
  const now = useRelayNow();
  const thresholds = useStaleThresholds();
  const reason = staleReason(order, now, thresholds);
  const alert = useOrderAlert(order.client_order_id);
  return (
    <span className={reason === null ? 'status-cell' : 'status-cell status-cell--stale'}>
      <StatusBadge status={order.status} />
      {reason !== null && <StaleMarker reason={reason} />}
      {reason !== null && <AckedNote alert={alert} now={now} />}
    </span>
  );
}
