import type { Alert, AlertRule } from '../../../src/core/alert';
import { ALERT_SEVERITY } from '../../../src/core/alert';

/** An alert as the relay sends it: a stale order firing unless `over` says otherwise. */
export function alertOf(id: string, over: Partial<Alert> & { readonly rule?: AlertRule } = {}): Alert {
  const rule = over.rule ?? 'stale_order';
  return {
    id: `${rule}:${id}@1`,
    key: `${rule}:${id}`,
    rule,
    severity: ALERT_SEVERITY[rule],
    subject: { kind: rule === 'engine_silent' ? 'engine' : 'order', id, engine: 'e1', symbol: 'BTC-USD' },
    summary: `${id} BTC-USD: NEW not acknowledged after 30 s`,
    started_at: 0,
    state: 'firing',
    ack: null,
    snoozed_until: null,
    silenced_by: null,
    resolved_at: null,
    ...over,
  };
}

/** The same alert acknowledged by `by` at `at`. */
export function acked(alert: Alert, by: string, at: number): Alert {
  return { ...alert, state: 'acknowledged', ack: { by, at, comment: '' } };
}
