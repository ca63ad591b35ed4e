import type { Alert } from '../core/alert';
import { formatAge } from '../lib/format';
import { UntrustedText } from './untrusted-text';

/** "acked by Dana 2 m ago", the words a stale row and the alerts list use. */
export function ackedText(alert: Alert, now: number): string | null {
  if (alert.ack === null) return null;
  return `acked by ${alert.ack.by} ${formatAge(Math.max(0, now - alert.ack.at) / 1000)} ago`;
}

/** Beside a stale marker: someone is on it (or it is snoozed), so the desk need not also jump. */
export function AckedNote({ alert, now }: { readonly alert: Alert | undefined; readonly now: number }) {
  if (alert === undefined) return null;
  const text = alert.state === 'snoozed' && alert.ack === null ? 'snoozed' : ackedText(alert, now);
  if (text === null) return null;
  return (
    <span className="acked-note" data-testid="acked-note">
      <UntrustedText text={text} />
    </span>
  );
}
