import { useStore } from 'zustand';
import { useDashboard, useDashboardState } from '../../store/dashboard-context';
import type { ViewParams } from '../../store/view-params';
import { SecondsInput } from './seconds-input';

interface StaleControlsProps {
  readonly params: ViewParams;
  readonly update: (patch: Partial<ViewParams>) => void;
}

/** The stale threshold (URL `stale_after`, else the relay's) and the optional per-status limits. */
export function StaleControls({ params, update }: StaleControlsProps) {
  const relayDefault = useDashboardState((s) => s.relayStaleAfterSec);
  // The relay's per-status limits apply where the URL sets none: shown as each field's placeholder.
  const relay = useStore(useDashboard().alerts, (s) => s.relayStaleRules);
  const relayLimit = (v: number | null | undefined): string => (v === null || v === undefined ? 'off' : String(v));
  const rules = [params.newAckSec, params.openNoFillSec, params.partialNoFillSec].filter((v) => v !== null).length;
  return (
    <div className="stale-controls">
      <SecondsInput
        label="Stale after"
        value={params.staleAfterSec}
        placeholder={String(relayDefault)}
        onChange={(v) => update({ staleAfterSec: v })}
      />
      <label className="field" title="Age: since the order was created. Idle: since its last update (a fill or a status change).">
        <span className="field__label">of</span>
        <select value={params.staleBasis} onChange={(e) => update({ staleBasis: e.target.value === 'idle' ? 'idle' : 'age' })}>
          <option value="age">age</option>
          <option value="idle">idle time</option>
        </select>
      </label>
      <details className="stale-rules">
        <summary>Per-status limits{rules > 0 ? ` (${rules})` : ''}</summary>
        <div className="stale-rules__body">
          <SecondsInput
            label="NEW not acknowledged after"
            value={params.newAckSec}
            placeholder={relayLimit(relay?.newAckSec)}
            onChange={(v) => update({ newAckSec: v })}
          />
          <SecondsInput
            label="OPEN with no fill after"
            value={params.openNoFillSec}
            placeholder={relayLimit(relay?.openNoFillSec)}
            onChange={(v) => update({ openNoFillSec: v })}
          />
          <SecondsInput
            label="PARTIAL with no new fill after"
            value={params.partialNoFillSec}
            placeholder={relayLimit(relay?.partialNoFillSec)}
            onChange={(v) => update({ partialNoFillSec: v })}
          />
        </div>
      </details>
    </div>
  );
}
