import type { Order } from '../../core/order';
import { useDashboard } from '../../store/dashboard-context';
import type { StaleThresholds } from '../../core/stale-rules';
import { ordersToCsv } from './orders-csv';

/** Downloads the rows as filtered and sorted right now. */
export function ExportCsvButton({ orders, thresholds }: { readonly orders: readonly Order[]; readonly thresholds: StaleThresholds }) {
  const dashboard = useDashboard();
  const download = (): void => {
    const now = dashboard.relayNow();
    const blob = new Blob([ordersToCsv(orders, now, thresholds)], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = `orders-${new Date(now).toISOString().slice(0, 19).replace(/:/g, '')}Z.csv`;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  return (
    <button type="button" className="button" onClick={download} disabled={orders.length === 0}>
      Export CSV
    </button>
  );
}
