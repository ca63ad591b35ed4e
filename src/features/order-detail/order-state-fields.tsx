import type { Order } from '../../core/order';
import { formatAge, formatPct, formatPrice, formatTimestamp, formatUsd } from '../../lib/format';
import { formatSize } from './format-time';

/** The order's full state as label/value pairs; engine strings are shown as text, never markup. */
export function OrderStateFields({ order, now }: { readonly order: Order; readonly now: number }) {
  const fields: readonly [string, string, boolean?][] = [
    ['Client order id', order.client_order_id],
    ['Exchange order id', order.order_id ?? '—'],
    ['Engine', order.engine === '' ? '—' : order.engine],
    ['Route', order.route],
    ['Symbol', order.symbol],
    ['Side', order.side],
    ['Size (USD)', formatUsd(order.size_usd), true],
    ['Filled value', formatUsd(order.filled_value), true],
    ['Filled size', formatSize(order.filled_size), true],
    ['Fill %', formatPct(order.fill_pct), true],
    ['Avg price', formatPrice(order.avg_price), true],
    ['Fees', formatUsd(order.fees), true],
    ['Age', formatAge((now - order.created_at) / 1000), true],
    ['Created', formatTimestamp(order.created_at)],
    ['Submitted', formatTimestamp(order.submitted_at)],
    ['First fill', formatTimestamp(order.first_fill_at)],
    ['Completed', formatTimestamp(order.completed_at)],
    ['Last update', formatTimestamp(order.last_update_at)],
  ];
  return (
    <dl className="ow-detail__fields">
      {fields.map(([label, value, numeric]) => (
        <div key={label} className="ow-detail__field">
          <dt>{label}</dt>
          <dd className={numeric === true ? 'num' : undefined}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
