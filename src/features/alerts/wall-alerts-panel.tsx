import { useMemo } from 'react';
import type { Alert } from '../../core/alert';
import { UntrustedText } from '../../components/untrusted-text';
import { formatAge, formatCount } from '../../lib/format';
import { useRelayNow } from '../../store/relay-clock';
import { RULE_LABEL } from './alert-labels';
import { useAlertsState } from './use-alerts';
import './wall-alerts.css';

/** Firing summaries listed on the wall: more would push the stale list off a 1080p screen. */
const FIRING_ROWS = 3;
/** Acknowledged ones: a quieter reminder, not a second list to read. */
const ACKED_ROWS = 2;

/**
 * The wall's alerts (issue 16 §3): what is firing, big and first, and apart from it, quieter,
 * what someone has already taken on and who. Read-only: acting on alerts is the desk's job.
 */
export function WallAlertsPanel() {
  const alerts = useAlertsState((s) => s.alerts);
  const now = useRelayNow();
  const { firing, acked, snoozed } = useMemo(() => {
    const by = (state: Alert['state']) => alerts.filter((a) => a.state === state);
    // The store keeps them newest first within each state.
    return { firing: by('firing'), acked: by('acknowledged'), snoozed: by('snoozed').length };
  }, [alerts]);
  return (
    <section className="wall-alerts" aria-label="Alerts" data-testid="wall-alerts">
      <div
        className={firing.length > 0 ? 'wall-alerts__firing wall-alerts__firing--on' : 'wall-alerts__firing'}
        role="region"
        aria-label="Firing alerts"
        data-count={firing.length}
      >
        <h2 className="wall-alerts__count">
          {firing.length > 0 ? (
            <>
              <span className="num">{formatCount(firing.length)}</span> FIRING
            </>
          ) : (
            'No alerts firing'
          )}
        </h2>
        <ul className="wall-alerts__list">
          {firing.slice(0, FIRING_ROWS).map((a) => (
            <li key={a.id} className={`wall-alerts__item wall-alerts__item--${a.severity}`}>
              <span className="wall-alerts__rule">{RULE_LABEL[a.rule].long}</span>
              <UntrustedText className="wall-alerts__summary" text={a.summary} />
              <span className="wall-alerts__age num">{formatAge((now - a.started_at) / 1000)}</span>
            </li>
          ))}
        </ul>
        {firing.length > FIRING_ROWS && <p className="wall-alerts__more">+{formatCount(firing.length - FIRING_ROWS)} more firing</p>}
      </div>
      <div className="wall-alerts__acked" role="region" aria-label="Acknowledged alerts" data-count={acked.length}>
        <h2 className="wall-alerts__acked-count">
          <span className="num">{formatCount(acked.length)}</span> acknowledged
          {snoozed > 0 && (
            <span className="wall-alerts__snoozed">
              {' '}
              · <span className="num">{formatCount(snoozed)}</span> snoozed
            </span>
          )}
        </h2>
        <ul className="wall-alerts__list">
          {acked.slice(0, ACKED_ROWS).map((a) => (
            <li key={a.id} className="wall-alerts__item wall-alerts__item--acked">
              <span className="wall-alerts__by">
                <UntrustedText text={a.ack?.by ?? '?'} />
                {a.ack !== null && <span className="num"> {formatAge((now - a.ack.at) / 1000)} ago</span>}
              </span>
              <UntrustedText className="wall-alerts__summary" text={a.summary} />
            </li>
          ))}
        </ul>
        {acked.length > ACKED_ROWS && <p className="wall-alerts__more">+{formatCount(acked.length - ACKED_ROWS)} more acknowledged</p>}
      </div>
    </section>
  );
}
