import { useEffect, useRef, useState } from 'react';
import type { Alert } from '../../core/alert';
import { RULE_LABEL } from './alert-labels';
import { useAlertsState } from './use-alerts';

type Permission = 'default' | 'granted' | 'denied' | 'unsupported';

function currentPermission(): Permission {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

/** Alerts firing now that were not firing when last looked at. */
export function newlyFiring(alerts: readonly Alert[], seen: Set<string>): Alert[] {
  const fresh: Alert[] = [];
  const firing = new Set<string>();
  for (const alert of alerts) {
    if (alert.state !== 'firing') continue;
    firing.add(alert.id);
    if (!seen.has(alert.id)) fresh.push(alert);
  }
  seen.clear();
  for (const id of firing) seen.add(id);
  return fresh;
}

/**
 * Browser notifications for new firing alerts, once the operator turns them on (the permission
 * is asked on that click, as browsers require). `tag` is the alert id, so a repeat replaces
 * rather than piles up. Alerts already firing when the page opened are not announced.
 */
export function AlertNotifications() {
  const alerts = useAlertsState((s) => s.alerts);
  const [permission, setPermission] = useState<Permission>(currentPermission);
  const [enabled, setEnabled] = useState(false);
  const seen = useRef<Set<string> | null>(null);
  useEffect(() => {
    if (seen.current === null) {
      seen.current = new Set(alerts.filter((a) => a.state === 'firing').map((a) => a.id));
      return;
    }
    const fresh = newlyFiring(alerts, seen.current);
    if (!enabled || permission !== 'granted') return;
    for (const alert of fresh) {
      new Notification(`${RULE_LABEL[alert.rule].long} (${alert.severity})`, { body: alert.summary, tag: alert.id });
    }
  }, [alerts, enabled, permission]);
  if (permission === 'unsupported') return null;
  if (permission === 'denied') return <span className="alert-notify alert-notify--off">Notifications blocked by the browser</span>;
  return (
    <button
      type="button"
      className="alert-notify"
      aria-pressed={enabled && permission === 'granted'}
      data-testid="alert-notify"
      onClick={() => {
        if (enabled) return setEnabled(false);
        if (permission === 'granted') return setEnabled(true);
        void Notification.requestPermission().then((p) => {
          setPermission(p);
          setEnabled(p === 'granted');
        });
      }}
    >
      {enabled && permission === 'granted' ? 'Notifications on' : 'Notify me'}
    </button>
  );
}
