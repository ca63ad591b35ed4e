import type { Order } from '../../core/order';
import { historyToCsv } from './history-csv';

/** Downloads the rows loaded so far (not the whole journal): what the operator scrolled through. */
export function HistoryExportButton({ orders, now }: { readonly orders: readonly Order[]; readonly now: () => number }) {
  const download = (): void => {
    const blob = new Blob([historyToCsv(orders)], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = `history-${new Date(now()).toISOString().slice(0, 19).replace(/:/g, '')}Z.csv`;
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
