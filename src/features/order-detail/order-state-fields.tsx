import type { ReactNode } from 'react';
import { CopyButton } from '../../components/copy-button';
import { LABEL_KEEP_END, UntrustedText } from '../../components/untrusted-text';
import type { Order } from '../../core/order';
import { formatAge, formatPct, formatPrice, formatStampIn, formatUsd } from '../../lib/format';
import type { TimeZoneChoice } from '../../store/time-zone';
import { formatSize } from './format-time';

/** An id at full length (it wraps), with the button that copies it as sent. */
function IdValue({ id, label }: { readonly id: string | null; readonly label: string }) {
  if (id === null) return '—';
  return (
    <>
      <UntrustedText text={id} className="ow-detail__id-value" />
      <CopyButton value={id} label={label} />
    </>
  );
}

function labelValue(text: string): ReactNode {
  return text === '' ? '—' : <UntrustedText text={text} keepEnd={LABEL_KEEP_END} />;
}

type Field = readonly [label: string, value: ReactNode, kind?: 'num' | 'id'];

/** The order's full state as label/value pairs; engine strings are shown as text, never markup. */
export function OrderStateFields({
  order,
  now,
  zone,
  zoneName,
}: {
  readonly order: Order;
  readonly now: number;
  /** The desk's chosen zone (UTC or this browser's), labelled on every time. */
  readonly zone: TimeZoneChoice;
  readonly zoneName: string;
}) {
  const at = (ms: number | null): string => (ms === null ? '—' : `${formatStampIn(ms, zone)} ${zoneName}`);
  const fields: readonly Field[] = [
    ['Client order id', <IdValue key="c" id={order.client_order_id} label="client order id" />, 'id'],
    ['Exchange order id', <IdValue key="x" id={order.order_id} label="exchange order id" />, 'id'],
    ['Engine', labelValue(order.engine)],
    ['Route', labelValue(order.route)],
    ['Symbol', labelValue(order.symbol)],
    ['Side', order.side],
    ['Size (USD)', formatUsd(order.size_usd), 'num'],
    ['Filled value', formatUsd(order.filled_value), 'num'],
    ['Filled size', formatSize(order.filled_size), 'num'],
    ['Fill %', formatPct(order.fill_pct), 'num'],
    ['Avg price', formatPrice(order.avg_price), 'num'],
    ['Fees', formatUsd(order.fees), 'num'],
    ['Age', formatAge((now - order.created_at) / 1000), 'num'],
    ['Created', at(order.created_at)],
    ['Submitted', at(order.submitted_at)],
    ['First fill', at(order.first_fill_at)],
    ['Completed', at(order.completed_at)],
    ['Last update', at(order.last_update_at)],
  ];
  return (
    <dl className="ow-detail__fields">
      {fields.map(([label, value, kind]) => (
        <div key={label} className={kind === 'id' ? 'ow-detail__field ow-detail__field--id' : 'ow-detail__field'}>
          <dt>{label}</dt>
          <dd className={kind === 'num' ? 'num' : undefined}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
