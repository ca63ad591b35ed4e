import { formatPct, formatPrice, formatTimeMsIn, formatUsd } from '../../lib/format';
import type { TimeZoneChoice } from '../../store/time-zone';
import type { FillTable } from './order-fills';
import { formatSize } from './format-time';

/** Fill reports: what each added (size, value, price of the increment, fees) and the running totals. */
export function OrderFillsTable({
  table,
  zone,
  zoneName,
}: {
  readonly table: FillTable;
  readonly zone: TimeZoneChoice;
  readonly zoneName: string;
}) {
  if (table.rows.length === 0) return <p className="ow-detail__empty">No fills yet.</p>;
  return (
    <>
      <table className="ow-fills">
        <thead>
          <tr>
            <th scope="col">Time ({zoneName})</th>
            <th scope="col">+ Size</th>
            <th scope="col">+ Value</th>
            <th scope="col">Price</th>
            <th scope="col">+ Fees</th>
            <th scope="col">Filled</th>
            <th scope="col">Fill %</th>
          </tr>
        </thead>
        <tbody>
          {table.rows.map((r) => (
            <tr key={r.key}>
              <td className="num">{formatTimeMsIn(r.at, zone)}</td>
              <td className="num">{formatSize(r.size)}</td>
              <td className="num">{formatUsd(r.value)}</td>
              <td className="num">{formatPrice(r.price)}</td>
              <td className="num">{formatUsd(r.fees)}</td>
              <td className="num">{formatUsd(r.cumValue)}</td>
              <td className="num">{formatPct(r.cumPct)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {table.truncated && <p className="ow-detail__note">Older fills are summarised in the first row.</p>}
    </>
  );
}
