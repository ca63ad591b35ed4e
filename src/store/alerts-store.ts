import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type { Alert } from '../core/alert';
import { compareAlerts } from '../core/alert';
import type { EngineHealth } from '../core/alert-rules';
import type { AlertsMessage, EnginesMessage } from '../protocol/alert-messages';

/** The relay's alerts and engine health as this page last heard them (issue 16). */
export interface AlertsState {
  /** Firing first, then acknowledged, snoozed, resolved; newest first within each. */
  readonly alerts: readonly Alert[];
  /** Open (not resolved) alerts of each order, by client_order_id: what a stale row shows. */
  readonly byOrder: ReadonlyMap<string, Alert>;
  readonly engines: readonly EngineHealth[];
  /** Relay-clock ms of the latest engine figures. */
  readonly enginesAt: number | null;
  /** Alert messages that could not be read (a relay and page of different versions). */
  readonly unreadable: number;
  /** The relay's per-status stale limits, from its greeting; null until one arrives. */
  readonly relayStaleRules: {
    readonly newAckSec: number | null;
    readonly openNoFillSec: number | null;
    readonly partialNoFillSec: number | null;
  } | null;
}

export type AlertsStore = StoreApi<AlertsState>;

export function createAlertsStore(): AlertsStore {
  return createStore<AlertsState>()(() => ({
    alerts: [],
    byOrder: new Map(),
    engines: [],
    enginesAt: null,
    unreadable: 0,
    relayStaleRules: null,
  }));
}

function indexByOrder(alerts: readonly Alert[]): Map<string, Alert> {
  const byOrder = new Map<string, Alert>();
  for (const alert of alerts) if (alert.subject.kind === 'order' && alert.state !== 'resolved') byOrder.set(alert.subject.id, alert);
  return byOrder;
}

/** An `alerts` message: a reset replaces everything, otherwise alerts are upserted by id. */
export function applyAlertsMessage(store: AlertsStore, message: AlertsMessage): void {
  const byId = new Map<string, Alert>();
  if (!message.reset) for (const alert of store.getState().alerts) byId.set(alert.id, alert);
  for (const alert of message.alerts) byId.set(alert.id, alert);
  const alerts = [...byId.values()].sort(compareAlerts);
  const rules = message.stale_rules;
  store.setState({
    alerts,
    byOrder: indexByOrder(alerts),
    ...(rules === undefined
      ? {}
      : {
          relayStaleRules: { newAckSec: rules.new_ack_s, openNoFillSec: rules.open_no_fill_s, partialNoFillSec: rules.partial_no_fill_s },
        }),
  });
}

export function applyEnginesMessage(store: AlertsStore, message: EnginesMessage): void {
  store.setState({ engines: message.engines, enginesAt: message.now });
}

export function countUnreadable(store: AlertsStore): void {
  store.setState((s) => ({ unreadable: s.unreadable + 1 }));
}

/** Alerts neither resolved nor quieted, by rule: what the alert bar and the title count. */
export function firingByRule(alerts: readonly Alert[]): Map<Alert['rule'], number> {
  const counts = new Map<Alert['rule'], number>();
  for (const alert of alerts) if (alert.state === 'firing') counts.set(alert.rule, (counts.get(alert.rule) ?? 0) + 1);
  return counts;
}
