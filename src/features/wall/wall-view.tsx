import type { ReactNode } from 'react';
import { useEffect } from 'react';
import { formatClockIn } from '../../lib/format';
import { useDashboardState } from '../../store/dashboard-context';
import { useRelayNow } from '../../store/relay-clock';
import { useTimeZone, zoneLabel } from '../../store/time-zone';
import './wall.css';

/**
 * What the wall shows, handed in by the app: features never import each other, so the app
 * composes the alerts, engine strip, stale list, tiles, breakdown and feed state into this layout.
 */
export interface WallViewProps {
  readonly feedStatus: ReactNode;
  /** Shown only while the feed is not LIVE ("Data as of …"). */
  readonly feedBanner: ReactNode;
  readonly tiles: ReactNode;
  readonly stale: ReactNode;
  readonly breakdown: ReactNode;
  /** Firing and acknowledged alerts, apart (issue 16 §3). */
  readonly alerts: ReactNode;
  /** "Arm sound" and the per-rule mutes: the only controls on the wall. */
  readonly sound: ReactNode;
  /** One line per engine, so a silent one is seen at a glance. */
  readonly engines: ReactNode;
}

/**
 * The wall display (`?view=wall`): read-only but for arming its sound, always dark, sized from the viewport so 1080p and
 * 4K read alike from across the room, and never scrolls: everything that matters is in view.
 */
export function WallView({ feedStatus, feedBanner, tiles, stale, breakdown, alerts, sound, engines }: WallViewProps) {
  const now = useRelayNow();
  const zone = useTimeZone();
  const live = useDashboardState((s) => s.feed.status === 'LIVE');
  useForcedDarkTheme();
  return (
    <div className="ow-wall" data-testid="wall">
      <header className="ow-wall__header">
        <h1 className="ow-wall__brand">Orderwatch</h1>
        <div className="ow-wall__feed">{feedStatus}</div>
        <div className="ow-wall__sound">{sound}</div>
        <span className="ow-wall__clock num" aria-label={`Relay time (${zoneLabel(zone, now)})`}>
          {formatClockIn(now, zone, now)} <small>{zoneLabel(zone, now)}</small>
        </span>
      </header>
      {!live && <div className="ow-wall__banner">{feedBanner}</div>}
      <main className={live ? 'ow-wall__body' : 'ow-wall__body is-dimmed'}>
        <div className="ow-wall__tiles">{tiles}</div>
        <div className="ow-wall__alerts">{alerts}</div>
        <div className="ow-wall__stale">{stale}</div>
        <section className="ow-wall__breakdown" aria-label="Orders by status">
          <h2 className="ow-wall__section-title">Orders by status</h2>
          <div className="ow-wall__breakdown-body">{breakdown}</div>
        </section>
      </main>
      <footer className="ow-wall__engines">{engines}</footer>
    </div>
  );
}

/** A wall screen is dark whatever the last person picked on this browser; restored on leaving. */
function useForcedDarkTheme(): void {
  useEffect(() => {
    const root = document.documentElement;
    const before = root.dataset.theme;
    root.dataset.theme = 'dark';
    root.classList.add('ow-wall-root');
    return () => {
      root.classList.remove('ow-wall-root');
      if (before === undefined) delete root.dataset.theme;
      else root.dataset.theme = before;
    };
  }, []);
}
