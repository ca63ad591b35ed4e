import { useState } from 'react';
import type { Alert } from '../../core/alert';
import { ackedText } from '../../components/acked-note';
import { UntrustedText } from '../../components/untrusted-text';
import { formatAge } from '../../lib/format';
import type { ActionOutcome } from '../../store/alert-actions';
import { useAlertActions } from '../../store/alert-actions';
import { useRelayNow } from '../../store/relay-clock';
import { useZonedClock } from '../../store/time-zone';
import { RULE_LABEL } from './alert-labels';
import { useAlertsState } from './use-alerts';
import { useOperatorName } from '../../store/use-operator-name';
import './alerts.css';

/** Resolved alerts listed under the open ones: enough to see what just cleared. */
const RESOLVED_SHOWN = 20;
const SNOOZE_MINUTES = 15;

/**
 * The alerts list (issue 16 §3): firing first, newest first; acknowledged and snoozed ones
 * dimmed but listed; one click to acknowledge (with an optional comment) or snooze. The
 * operator's name is asked once and remembered by the browser.
 */
export function AlertsPanel({ onClose }: { readonly onClose?: () => void }) {
  const alerts = useAlertsState((s) => s.alerts);
  const now = useRelayNow();
  const [name, setName] = useOperatorName();
  const [draftName, setDraftName] = useState(name);
  const open = alerts.filter((a) => a.state !== 'resolved');
  const resolved = alerts.filter((a) => a.state === 'resolved').slice(0, RESOLVED_SHOWN);
  return (
    <section id="alerts-panel" className="alerts-panel" aria-label="Alerts" data-testid="alerts-panel">
      <header className="alerts-panel__head">
        <h2>Alerts</h2>
        <form
          className="alerts-panel__name"
          onSubmit={(e) => {
            e.preventDefault();
            setName(draftName);
          }}
        >
          <label>
            Your name{' '}
            <input value={draftName} onChange={(e) => setDraftName(e.target.value)} placeholder="for acknowledgements" maxLength={64} />
          </label>
          {draftName.trim() !== name && <button type="submit">Save</button>}
        </form>
        {onClose && (
          <button type="button" className="alerts-panel__close" onClick={onClose} aria-label="Close alerts">
            ×
          </button>
        )}
      </header>
      {open.length === 0 && <p className="alerts-panel__empty">Nothing firing.</p>}
      <ul className="alerts-panel__list">
        {open.map((alert) => (
          <AlertItem key={alert.id} alert={alert} now={now} operator={name} />
        ))}
      </ul>
      {resolved.length > 0 && (
        <>
          <h3 className="alerts-panel__sub">Resolved</h3>
          <ul className="alerts-panel__list alerts-panel__list--resolved">
            {resolved.map((alert) => (
              <AlertItem key={alert.id} alert={alert} now={now} operator={name} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function AlertItem({ alert, now, operator }: { readonly alert: Alert; readonly now: number; readonly operator: string }) {
  const actions = useAlertActions();
  const [commenting, setCommenting] = useState(false);
  const [comment, setComment] = useState('');
  const [outcome, setOutcome] = useState<ActionOutcome>(null);
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  const run = async (act: () => Promise<ActionOutcome>): Promise<void> => {
    setBusy(true);
    const result = await act();
    setBusy(false);
    setOutcome(result);
    if (result === null) {
      setCommenting(false);
      setComment('');
    }
  };
  const canAct = actions !== null && alert.state !== 'resolved';
  const needName = operator === '';
  const acked = ackedText(alert, now);
  const clock = useZonedClock();
  return (
    <li className={`alert-item alert-item--${alert.state} alert-item--${alert.severity}`} data-alert-id={alert.id} data-state={alert.state}>
      <div className="alert-item__line">
        <span className={`alert-item__severity alert-item__severity--${alert.severity}`}>{alert.severity}</span>
        <span className="alert-item__rule">{RULE_LABEL[alert.rule].long}</span>
        <UntrustedText className="alert-item__summary" text={alert.summary} />
      </div>
      <div className="alert-item__meta">
        <span>
          {alert.state} · since {clock(alert.started_at, now)} ({formatAge(Math.max(0, now - alert.started_at) / 1000)})
        </span>
        {alert.snoozed_until !== null && alert.state === 'snoozed' && <span> · snoozed until {clock(alert.snoozed_until, now)}</span>}
        {alert.silenced_by !== null && <span> · silenced</span>}
        {acked !== null && (
          <span className="alert-item__ack">
            {' '}
            · <UntrustedText text={acked} />
            {alert.ack!.comment !== '' && (
              <>
                : “<UntrustedText text={alert.ack!.comment} />”
              </>
            )}
          </span>
        )}
        {alert.resolved_at !== null && <span> · resolved {clock(alert.resolved_at, now)}</span>}
      </div>
      {canAct && (
        <div className="alert-item__actions">
          {needName && <span className="alert-item__hint">Enter your name above to act.</span>}
          {alert.state === 'firing' && !commenting && (
            <button type="button" disabled={needName || busy} onClick={() => setCommenting(true)}>
              Acknowledge
            </button>
          )}
          {commenting && (
            <form
              className="alert-item__comment"
              onSubmit={(e) => {
                e.preventDefault();
                void run(() => actions.ack(alert.id, operator, comment.trim()));
              }}
            >
              <input
                autoFocus
                value={comment}
                onChange={(e) => setComment(e.target.value)}
                placeholder="comment (optional)"
                maxLength={500}
              />
              <button type="submit" disabled={busy}>
                Confirm
              </button>
              <button type="button" onClick={() => setCommenting(false)}>
                Cancel
              </button>
            </form>
          )}
          {alert.state !== 'snoozed' && (
            <button
              type="button"
              disabled={needName || busy}
              onClick={() => void run(() => actions.snooze(alert.id, operator, SNOOZE_MINUTES))}
            >
              Snooze {SNOOZE_MINUTES} min
            </button>
          )}
          {(alert.state === 'acknowledged' || alert.state === 'snoozed') && alert.silenced_by === null && (
            <button type="button" disabled={needName || busy} onClick={() => void run(() => actions.unack(alert.id, operator))}>
              Unacknowledge
            </button>
          )}
        </div>
      )}
      {outcome !== null && (
        <div className="alert-item__error" role="alert">
          {outcome.error}
          {outcome.needsToken && (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                actions?.setOperateToken(token);
                setOutcome(null);
              }}
            >
              <input type="password" value={token} onChange={(e) => setToken(e.target.value)} placeholder="operate token" />
              <button type="submit">Use token</button>
            </form>
          )}
        </div>
      )}
    </li>
  );
}
