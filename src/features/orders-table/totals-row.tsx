import { useMemo } from 'react';
import type { Order } from '../../core/order';
import { formatCount, formatUsd } from '../../lib/format';
import type { OrderTotals } from '../../store/order-totals';
import { totalsOf } from '../../store/order-totals';

const MONEY: readonly (readonly [label: string, key: string, value: (t: OrderTotals) => number])[] = [
  ['Working buy', 'working-buy', (t) => t.workingBuy],
  ['Working sell', 'working-sell', (t) => t.workingSell],
  ['Filled value', 'filled', (t) => t.filledValue],
  ['Fees', 'fees', (t) => t.fees],
];

/**
 * What the rows shown add up to, under the table: it follows every filter. Recomputed with the
 * rows (at most twice a second while events stream), which is as often as their order moves.
 */
export function TotalsRow({ orders }: { readonly orders: readonly Order[] }) {
  const t = useMemo(() => totalsOf(orders), [orders]);
  return (
    <dl className="totals-row num" aria-label="Totals of the orders shown" data-testid="totals-row">
      <div>
        <dt>Orders</dt>
        <dd data-total="orders">
          {formatCount(t.orders)} <span className="totals-row__muted">({formatCount(t.active)} active)</span>
        </dd>
      </div>
      {MONEY.map(([label, key, value]) => (
        <div key={key}>
          <dt>{label}</dt>
          <dd data-total={key}>${formatUsd(value(t))}</dd>
        </div>
      ))}
    </dl>
  );
}
