import { useMemo } from 'react';
import { ALERT_RULES } from '../../core/alert';
import { firingByRule } from '../../store/alerts-store';
import { RULE_LABEL } from './alert-labels';
import { useAlertsState } from './use-alerts';

/**
 * The header's alert summary: firing alerts by rule, and how many are acknowledged or
 * snoozed. A button: it opens the alerts list.
 */
export function AlertBar({ open, onToggle }: { readonly open: boolean; readonly onToggle: () => void }) {
  const alerts = useAlertsState((s) => s.alerts);
  const { parts, firing, quiet } = useMemo(() => {
    const byRule = firingByRule(alerts);
    let total = 0;
    for (const n of byRule.values()) total += n;
    const quietCount = alerts.filter((a) => a.state === 'acknowledged' || a.state === 'snoozed').length;
    return {
      parts: ALERT_RULES.filter((r) => byRule.has(r)).map((r) => `${byRule.get(r)} ${RULE_LABEL[r].short}`),
      firing: total,
      quiet: quietCount,
    };
  }, [alerts]);
  return (
    <button
      type="button"
      className={firing > 0 ? 'alert-bar alert-bar--firing' : 'alert-bar'}
      aria-expanded={open}
      aria-controls="alerts-panel"
      data-testid="alert-bar"
      onClick={onToggle}
    >
      <span aria-hidden="true">{firing > 0 ? '⚠' : '✓'}</span> {firing > 0 ? <strong>{firing} firing</strong> : 'No alerts firing'}
      {parts.length > 0 && <span className="alert-bar__rules"> · {parts.join(' · ')}</span>}
      {quiet > 0 && <span className="alert-bar__quiet"> · {quiet} acknowledged or snoozed</span>}
    </button>
  );
}
