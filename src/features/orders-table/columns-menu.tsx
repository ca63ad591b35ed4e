import type { SortKey } from '../../store/order-sort-keys';
import { ORDER_COLUMNS } from './order-columns';
import { setHiddenColumns, useHiddenColumns } from '../../store/hidden-columns';

/** Show or hide the table's columns, remembered by this browser; at least one stays. */
export function ColumnsMenu() {
  const hidden = useHiddenColumns();
  const shown = ORDER_COLUMNS.length - hidden.size;
  const toggle = (id: SortKey, visible: boolean): void => {
    const next = new Set(hidden);
    if (visible) next.delete(id);
    else next.add(id);
    setHiddenColumns(next);
  };
  return (
    <details className="columns-menu">
      <summary className="button">Columns{hidden.size > 0 && <span className="columns-menu__count"> · {hidden.size} hidden</span>}</summary>
      <fieldset className="columns-menu__body">
        <legend className="columns-menu__legend">Show columns</legend>
        {ORDER_COLUMNS.map((c) => {
          const id = c.id as SortKey;
          const visible = !hidden.has(id);
          return (
            <label key={id} className="columns-menu__item">
              <input type="checkbox" checked={visible} disabled={visible && shown === 1} onChange={(e) => toggle(id, e.target.checked)} />{' '}
              {String(c.header)}
            </label>
          );
        })}
        <button type="button" className="button button--quiet" onClick={() => setHiddenColumns([])} disabled={hidden.size === 0}>
          Show all
        </button>
      </fieldset>
    </details>
  );
}
