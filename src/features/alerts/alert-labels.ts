import type { AlertRule } from '../../core/alert';

/** How each rule reads in the bar, the title and the list. */
export const RULE_LABEL: Readonly<Record<AlertRule, { readonly short: string; readonly long: string }>> = {
  stale_order: { short: 'stale', long: 'Stale order' },
  engine_silent: { short: 'silent', long: 'Engine silent' },
  anomaly_burst: { short: 'anomaly burst', long: 'Anomaly burst' },
  reject_rate: { short: 'rejects', long: 'Reject rate' },
  feed_degraded: { short: 'store down', long: 'Event store failing' },
};
