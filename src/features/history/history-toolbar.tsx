import { FilterSelect } from '../../components/filter-select';
import { SearchBox } from '../../components/search-box';
import type { Side } from '../../core/order';
import { isStatus, TERMINAL_STATUSES } from '../../core/status';
import type { HistoryFilters } from '../../store/history-params';
import { NO_HISTORY_FILTERS } from '../../store/history-params';
import { HistoryTimeInput } from './history-time-input';

const SIDES: readonly Side[] = ['buy', 'sell'];

interface HistoryToolbarProps {
  readonly filters: HistoryFilters;
  readonly onChange: (patch: Partial<HistoryFilters>) => void;
  readonly engines: readonly string[];
  readonly symbols: readonly string[];
}

/** Search, status, engine, symbol, side and the completion time range: all in the URL. */
export function HistoryToolbar({ filters, onChange, engines, symbols }: HistoryToolbarProps) {
  const any = Object.entries(filters).some(([k, v]) => v !== NO_HISTORY_FILTERS[k as keyof HistoryFilters]);
  return (
    <div className="toolbar history-toolbar" role="search" aria-label="History filters">
      <SearchBox value={filters.search} onChange={(search) => onChange({ search })} />
      <FilterSelect
        label="Status"
        value={filters.status}
        options={TERMINAL_STATUSES}
        onChange={(v) => onChange({ status: isStatus(v) ? v : null })}
      />
      <FilterSelect label="Engine" value={filters.engine} options={engines} onChange={(engine) => onChange({ engine })} />
      <FilterSelect label="Symbol" value={filters.symbol} options={symbols} onChange={(symbol) => onChange({ symbol })} />
      <FilterSelect
        label="Side"
        value={filters.side}
        options={SIDES}
        onChange={(v) => onChange({ side: v === 'buy' || v === 'sell' ? v : null })}
      />
      <HistoryTimeInput label="Finished from (UTC)" value={filters.from} onChange={(from) => onChange({ from })} />
      <HistoryTimeInput label="to" value={filters.to} onChange={(to) => onChange({ to })} />
      {any && (
        <button type="button" className="button button--quiet" onClick={() => onChange(NO_HISTORY_FILTERS)}>
          Clear filters
        </button>
      )}
    </div>
  );
}
