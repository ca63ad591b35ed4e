import type { SortKey } from '../../store/order-sort-keys';
import { ORDER_COLUMNS } from './order-columns';
import { setHiddenColumns, useHiddenColumns } from '../../store/hidden-columns';
import { displayOrder, moveColumnBy, resetColumnLayout, toggleColumnPin, useColumnLayout } from '../../store/column-layout';

const HEADER = new Map<string, string>(ORDER_COLUMNS.map((c): [string, string] => [String(c.id), String(c.header)]));

function MoveButton({
  id,
  name,
  by,
  disabled,
}: {
  readonly id: SortKey;
  readonly name: string;
  readonly by: -1 | 1;
  readonly disabled: boolean;
}) {
  const side = by < 0 ? 'left' : 'right';
  return (
    <button
      type="button"
      className="columns-menu__tool"
      aria-label={`Move ${name} ${side}`}
      title={`Move ${side}`}
      disabled={disabled}
      onClick={() => moveColumnBy(id, by)}
    >
      {by < 0 ? '←' : '→'}
    </button>
  );
}

/** Opens the menu toward the side with room (under the button's start edge, or its end edge near the table's right) and no taller than the room below. */
function alignMenu(details: HTMLDetailsElement): void {
  if (!details.open) return;
  const body = details.querySelector<HTMLElement>('.columns-menu__body');
  if (body === null) return;
  const { left, bottom } = details.getBoundingClientRect();
  // The table's panel contains its paint: the menu fits inside it, scrolling when it must.
  const panel = (details.closest('.page__table') ?? document.documentElement).getBoundingClientRect();
  details.classList.toggle('columns-menu--end', left + body.offsetWidth > panel.right);
  body.style.maxHeight = `${Math.max(160, Math.min(panel.bottom, window.innerHeight) - bottom - 12)}px`;
}

/**
 * The table's columns, remembered by this browser: show or hide (at least one stays), move left
 * or right, pin at the start (pinned ones stay in view while the table scrolls sideways). Listed
 * in the order the table shows them.
 */
export function ColumnsMenu() {
  const hidden = useHiddenColumns();
  const layout = useColumnLayout();
  const order = displayOrder(layout);
  const shown = order.length - hidden.size;
  const toggle = (id: SortKey, visible: boolean): void => {
    const next = new Set(hidden);
    if (visible) next.delete(id);
    else next.add(id);
    setHiddenColumns(next);
  };
  const customised = layout.order.length > 0 || layout.pinned.length > 0 || Object.keys(layout.widths).length > 0;
  return (
    <details className="columns-menu" onToggle={(e) => alignMenu(e.currentTarget)}>
      <summary className="button">
        Columns
        {hidden.size > 0 && <span className="columns-menu__count"> · {hidden.size} hidden</span>}
        {layout.pinned.length > 0 && <span className="columns-menu__count"> · {layout.pinned.length} pinned</span>}
      </summary>
      <fieldset className="columns-menu__body">
        <legend className="columns-menu__legend">Columns, in table order</legend>
        {order.map((id, i) => {
          const visible = !hidden.has(id);
          const pinned = layout.pinned.includes(id);
          const name = HEADER.get(id) ?? id;
          const group = pinned ? layout.pinned.length : order.length - layout.pinned.length;
          const place = pinned ? i : i - layout.pinned.length;
          return (
            <div key={id} className={pinned ? 'columns-menu__row is-pinned' : 'columns-menu__row'}>
              <label className="columns-menu__item">
                <input type="checkbox" checked={visible} disabled={visible && shown === 1} onChange={(e) => toggle(id, e.target.checked)} />{' '}
                {name}
              </label>
              <MoveButton id={id} name={name} by={-1} disabled={place === 0} />
              <MoveButton id={id} name={name} by={1} disabled={place === group - 1} />
              <button
                type="button"
                className="columns-menu__tool columns-menu__pin"
                aria-label={`Pin ${name}`}
                aria-pressed={pinned}
                title={pinned ? 'Unpin' : 'Pin at the start: stays in view while the table scrolls sideways'}
                onClick={() => toggleColumnPin(id)}
              >
                Pin
              </button>
            </div>
          );
        })}
        <div className="columns-menu__actions">
          <button type="button" className="button button--quiet" onClick={() => setHiddenColumns([])} disabled={hidden.size === 0}>
            Show all
          </button>
          <button type="button" className="button button--quiet" onClick={resetColumnLayout} disabled={!customised}>
            Reset order, widths and pins
          </button>
        </div>
      </fieldset>
    </details>
  );
}
