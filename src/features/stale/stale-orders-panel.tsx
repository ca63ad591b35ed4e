import { useStore } from 'zustand';
import { useDashboard } from '../../store/dashboard-context';
import { useCallback, useRef } from 'react';
import { formatCount } from '../../lib/format';
import { useStaleThresholds, useViewParams } from '../../store/use-view-params';
import { StaleList } from './stale-list';
import { useFitCount } from './use-fit-count';
import { useStaleEntries } from './use-stale-entries';
import './stale.css';

/** Rows listed on the main page (each re-renders on the 1 Hz clock); the rest are counted. */
const MAX_ROWS = 100;

/**
 * Stale orders worst first, live on the 1 Hz clock. On the main page a row selects the order
 * (URL `order=`); on the wall it is read-only and shows the rows that fit, never a scrollbar.
 */
export function StaleOrdersPanel({ variant = 'main' }: { readonly variant?: 'main' | 'wall' }) {
  const listBox = useRef<HTMLDivElement>(null);
  const fit = useFitCount(listBox, '.ow-stale__item', '.ow-stale__more', 12);
  const wall = variant === 'wall';
  const alerts = useStore(useDashboard().alerts, (s) => s.byOrder);
  const maxRows = wall ? fit : MAX_ROWS;
  const { entries, total } = useStaleEntries(maxRows);
  const { staleAfterSec, basis } = useStaleThresholds();
  const [params, update] = useViewParams();
  const onSelect = useCallback((id: string) => update({ order: id }), [update]);
  return (
    <section
      className={`ow-stale ow-stale--${variant}${total > 0 ? ' ow-stale--alarm' : ''}`}
      aria-labelledby={`ow-stale-title-${variant}`}
    >
      <header className="ow-stale__header">
        <h2 id={`ow-stale-title-${variant}`} className="ow-stale__title">
          <span aria-hidden="true">{total > 0 ? '⚠ ' : ''}</span>
          Stale orders <span className="ow-stale__count num">{formatCount(total)}</span>
        </h2>
        <span className="ow-stale__limit">
          {basis === 'idle' ? 'idle' : 'active'} &gt; {formatCount(staleAfterSec)} s
        </span>
      </header>
      <div className="ow-stale__body" ref={listBox}>
        <StaleList
          entries={entries}
          total={total}
          maxRows={maxRows}
          selectedId={params.order}
          alerts={alerts}
          {...(wall ? {} : { onSelect })}
        />
      </div>
    </section>
  );
}
