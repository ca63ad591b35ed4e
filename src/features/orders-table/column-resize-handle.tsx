import type { KeyboardEvent, PointerEvent } from 'react';
import type { SortKey } from '../../store/order-sort-keys';
import { dragColumnWidth, endColumnDrag, setColumnWidth } from '../../store/column-layout';

const KEY_STEP = 10;
const KEY_STEP_FAST = 50;

/**
 * The drag handle on a header's end edge: drag to set the column's width, arrows to nudge it
 * (shift: more), double-click or Delete to give it back its flexible width. By hand rather than
 * TanStack's resize handler, which starts from a configured size: these columns are CSS grid
 * tracks that the browser sizes, so the drag starts from the width on screen.
 */
export function ColumnResizeHandle({ id, label }: { readonly id: SortKey; readonly label: string }) {
  const widthOnScreen = (handle: HTMLElement): number => handle.parentElement?.getBoundingClientRect().width ?? 0;
  const onPointerDown = (e: PointerEvent<HTMLDivElement>): void => {
    if (e.button !== 0) return;
    e.preventDefault();
    e.stopPropagation();
    const handle = e.currentTarget;
    const startX = e.clientX;
    const startWidth = widthOnScreen(handle);
    handle.setPointerCapture(e.pointerId);
    const move = (ev: globalThis.PointerEvent): void => dragColumnWidth(id, startWidth + ev.clientX - startX);
    const end = (): void => {
      endColumnDrag();
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', end);
      handle.removeEventListener('pointercancel', end);
      handle.removeEventListener('lostpointercapture', end);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', end);
    handle.addEventListener('pointercancel', end);
    // The header re-rendered away under the pointer (a column hidden meanwhile): the drag ends too.
    handle.addEventListener('lostpointercapture', end);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    const step = e.shiftKey ? KEY_STEP_FAST : KEY_STEP;
    if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
      e.preventDefault();
      e.stopPropagation();
      setColumnWidth(id, widthOnScreen(e.currentTarget) + (e.key === 'ArrowRight' ? step : -step));
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      setColumnWidth(id, null);
    }
  };
  return (
    <div
      className="col-resize"
      role="separator"
      aria-orientation="vertical"
      aria-label={`Resize ${label}`}
      title={`Drag to resize ${label}; double-click for its natural width`}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onDoubleClick={() => setColumnWidth(id, null)}
      onKeyDown={onKeyDown}
      onClick={(e) => e.stopPropagation()}
    />
  );
}
