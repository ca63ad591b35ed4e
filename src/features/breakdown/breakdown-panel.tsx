import './breakdown.css';
import { useMemo } from 'react';
import { LABEL_KEEP_END, UntrustedText } from '../../components/untrusted-text';
import { formatCount, formatUsd } from '../../lib/format';
import type { BreakdownKey } from '../../store/order-totals';
import { BREAKDOWN_KEYS, breakdownOf } from '../../store/order-totals';
import { useFilteredOrders } from '../../store/use-order-filter';
import { useViewParams } from '../../store/use-view-params';

const LABEL: Readonly<Record<BreakdownKey, string>> = { symbol: 'Symbol', engine: 'Engine', route: 'Route' };

/** Groups past this are summed into one "others" line: a book of 5,000 symbols is not a panel. */
const MAX_GROUPS = 12;

/**
 * The rows shown, grouped by symbol, engine or route: orders, active, working notional and
 * filled value per group, most working first. Clicking a group filters the table to it; clicking
 * it again clears that filter. It follows the other filters, like the totals row.
 */
export function BreakdownPanel() {
  const [params, update] = useViewParams();
  const orders = useFilteredOrders();
  const by = params.groupBy;
  const groups = useMemo(() => breakdownOf(orders, by), [orders, by]);
  const selected = params[by];
  const shown = groups.slice(0, MAX_GROUPS);
  const rest = groups.slice(MAX_GROUPS);
  return (
    <section className="breakdown" aria-label="Breakdown" data-testid="breakdown">
      <header className="breakdown__head">
        <h2 className="breakdown__title">Breakdown</h2>
        <div className="breakdown__by" role="group" aria-label="Group by">
          {BREAKDOWN_KEYS.map((key) => (
            <button
              key={key}
              type="button"
              className="breakdown__by-btn"
              aria-pressed={key === by}
              onClick={() => update({ groupBy: key })}
            >
              {LABEL[key]}
            </button>
          ))}
        </div>
      </header>
      <p className="breakdown__hint">Click a group to show only its orders; click it again to show all.</p>
      {groups.length === 0 ? (
        <p className="breakdown__empty">No orders shown.</p>
      ) : (
        <table className="breakdown__table">
          <thead>
            <tr>
              <th scope="col">{LABEL[by]}</th>
              <th scope="col">Orders</th>
              <th scope="col">Active</th>
              <th scope="col">Working</th>
              <th scope="col">Filled</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((g) => {
              const on = selected === g.key;
              return (
                <tr key={g.key} className={on ? 'breakdown__row is-selected' : 'breakdown__row'} data-group={g.key}>
                  <th scope="row">
                    <button type="button" className="breakdown__pick" aria-pressed={on} onClick={() => update({ [by]: on ? null : g.key })}>
                      <UntrustedText text={g.key === '' ? '(none)' : g.key} keepEnd={LABEL_KEEP_END} />
                    </button>
                  </th>
                  <td className="num">{formatCount(g.orders)}</td>
                  <td className="num">{formatCount(g.active)}</td>
                  <td className="num">{formatUsd(g.workingBuy + g.workingSell)}</td>
                  <td className="num">{formatUsd(g.filledValue)}</td>
                </tr>
              );
            })}
            {rest.length > 0 ? (
              <tr className="breakdown__row breakdown__row--rest">
                <th scope="row">{formatCount(rest.length)} more</th>
                <td className="num">{formatCount(rest.reduce((n, g) => n + g.orders, 0))}</td>
                <td className="num">{formatCount(rest.reduce((n, g) => n + g.active, 0))}</td>
                <td className="num">{formatUsd(rest.reduce((n, g) => n + g.workingBuy + g.workingSell, 0))}</td>
                <td className="num">{formatUsd(rest.reduce((n, g) => n + g.filledValue, 0))}</td>
              </tr>
            ) : null}
          </tbody>
        </table>
      )}
    </section>
  );
}
