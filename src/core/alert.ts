/*
 * An alert as every screen, webhook and the journal see it (issue 16). The relay evaluates the
 * rules (alert-rules.ts) and keeps the alerts (alert-book.ts); this file is only their shape.
 */

export const ALERT_RULES = ['stale_order', 'engine_silent', 'anomaly_burst', 'reject_rate', 'feed_degraded'] as const;
export type AlertRule = (typeof ALERT_RULES)[number];

export type AlertSeverity = 'warning' | 'critical';

export const ALERT_SEVERITY: Readonly<Record<AlertRule, AlertSeverity>> = {
  stale_order: 'warning',
  engine_silent: 'critical',
  anomaly_burst: 'warning',
  reject_rate: 'critical',
  feed_degraded: 'critical',
};

/** What an alert is about: one order, one engine, or the relay itself. */
export interface AlertSubject {
  readonly kind: 'order' | 'engine' | 'relay';
  /** The order's client_order_id, the engine's name, or what in the relay (`store`, an anomaly kind). */
  readonly id: string;
  readonly engine: string | null;
  readonly symbol: string | null;
}

export type AlertState = 'firing' | 'acknowledged' | 'snoozed' | 'resolved';

export interface AlertAck {
  readonly by: string;
  readonly at: number;
  readonly comment: string;
}

export interface Alert {
  /** `key@started_at`: one episode of one condition. A condition that ends and comes back is a new alert. */
  readonly id: string;
  /** The condition: rule and subject (`stale_order:o-17`). */
  readonly key: string;
  readonly rule: AlertRule;
  readonly severity: AlertSeverity;
  readonly subject: AlertSubject;
  readonly summary: string;
  /** When the condition began (epoch ms), by the rule's own clock: an order's age limit, an engine's last word. */
  readonly started_at: number;
  readonly state: AlertState;
  readonly ack: AlertAck | null;
  readonly snoozed_until: number | null;
  /** The silence that holds it quiet, when one matches. */
  readonly silenced_by: string | null;
  readonly resolved_at: number | null;
}

/** Alerts whose labels all equal the matcher's (absent = any) are held quiet until `ends_at`. */
export interface SilenceMatcher {
  readonly rule?: AlertRule | undefined;
  readonly engine?: string | undefined;
  readonly symbol?: string | undefined;
}

export interface Silence {
  readonly id: string;
  readonly matcher: SilenceMatcher;
  readonly ends_at: number;
  readonly by: string;
  readonly comment: string;
  readonly created_at: number;
}

/** What an operator did: the audit trail, journaled and replayed on restart. */
export type AlertAction =
  | { readonly type: 'ack'; readonly id: string; readonly by: string; readonly comment: string; readonly at: number }
  | { readonly type: 'snooze'; readonly id: string; readonly by: string; readonly until: number; readonly at: number }
  | { readonly type: 'unack'; readonly id: string; readonly by: string; readonly at: number }
  | { readonly type: 'silence'; readonly silence: Silence }
  | { readonly type: 'unsilence'; readonly silence_id: string; readonly by: string; readonly at: number };

export function matches(matcher: SilenceMatcher, alert: Pick<Alert, 'rule' | 'subject'>): boolean {
  return (
    (matcher.rule === undefined || matcher.rule === alert.rule) &&
    (matcher.engine === undefined || matcher.engine === alert.subject.engine) &&
    (matcher.symbol === undefined || matcher.symbol === alert.subject.symbol)
  );
}

/** The state the other fields imply at `now` (a snooze ends by itself). */
export function stateAt(alert: Omit<Alert, 'state'>, now: number): AlertState {
  if (alert.resolved_at !== null) return 'resolved';
  if (alert.silenced_by !== null || (alert.snoozed_until !== null && alert.snoozed_until > now)) return 'snoozed';
  return alert.ack !== null ? 'acknowledged' : 'firing';
}

const STATE_ORDER: Readonly<Record<AlertState, number>> = { firing: 0, acknowledged: 1, snoozed: 2, resolved: 3 };

/** Firing first, then acknowledged, snoozed, resolved; newest first within each. */
export function compareAlerts(a: Alert, b: Alert): number {
  return STATE_ORDER[a.state] - STATE_ORDER[b.state] || b.started_at - a.started_at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
