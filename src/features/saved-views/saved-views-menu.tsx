import './saved-views.css';
import { useRef, useState } from 'react';
import { CopyButton } from '../../components/copy-button';
import { UntrustedText } from '../../components/untrusted-text';
import { useColumnLayout } from '../../store/column-layout';
import { useHiddenColumns } from '../../store/hidden-columns';
import type { SavedView } from '../../store/saved-views';
import { applyView, deleteView, isViewShown, saveView, useSavedViews, VIEW_NAME_MAX, viewLink, viewQuery } from '../../store/saved-views';
import { useViewParams } from '../../store/use-view-params';

const pageBase = (): string => `${window.location.origin}${window.location.pathname}`;

/**
 * Named views kept by this browser: save what is shown (filters, sort, stale limits, columns and
 * their layout, breakdown), apply one with a click, share it as a link or open it on the wall.
 */
export function SavedViewsMenu() {
  const views = useSavedViews();
  // Re-rendered on every URL change, so "current" follows the view shown.
  useViewParams();
  const hidden = useHiddenColumns();
  const columnLayout = useColumnLayout();
  const current = viewQuery(window.location.search, hidden, columnLayout);
  const [name, setName] = useState('');
  const menu = useRef<HTMLDetailsElement>(null);
  const trimmed = name.trim();
  const replacing = views.some((v) => v.name === trimmed);
  const save = (): void => {
    if (trimmed === '') return;
    saveView({ name: trimmed, query: current });
    setName('');
  };
  const active = views.find((v) => isViewShown(v, current));
  return (
    <details className="saved-views" ref={menu}>
      <summary className="button" data-testid="saved-views-summary">
        Views{active !== undefined ? <span className="saved-views__current">: {active.name}</span> : null}
      </summary>
      <div className="saved-views__body" role="group" aria-label="Saved views">
        {views.length === 0 ? <p className="saved-views__empty">No saved views yet.</p> : null}
        <ul className="saved-views__list">
          {views.map((view: SavedView) => (
            <li key={view.name} className={view === active ? 'saved-views__item is-current' : 'saved-views__item'} data-view={view.name}>
              <button
                type="button"
                className="saved-views__apply"
                aria-current={view === active}
                onClick={() => {
                  applyView(view);
                  if (menu.current !== null) menu.current.open = false;
                }}
              >
                <UntrustedText text={view.name} />
              </button>
              <a className="saved-views__link" href={viewLink(view, pageBase(), true)} target="_blank" rel="noreferrer">
                Wall
              </a>
              <CopyButton value={viewLink(view, pageBase())} label={`link to ${view.name}`} />
              <button
                type="button"
                className="saved-views__delete"
                aria-label={`Delete ${view.name}`}
                onClick={() => deleteView(view.name)}
              >
                ✕
              </button>
            </li>
          ))}
        </ul>
        <form
          className="saved-views__save"
          onSubmit={(e) => {
            e.preventDefault();
            save();
          }}
        >
          <input
            type="text"
            aria-label="View name"
            placeholder="Name this view"
            maxLength={VIEW_NAME_MAX}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
          <button type="submit" className="button" disabled={trimmed === ''}>
            {replacing ? 'Replace' : 'Save'}
          </button>
        </form>
      </div>
    </details>
  );
}
