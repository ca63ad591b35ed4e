import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { useStore } from 'zustand';
import { useDashboard, useDashboardState } from './dashboard-context';
import type { StaleThresholds } from '../core/stale-rules';
import type { ViewParams } from './view-params';
import { readViewParams, subscribeViewParams, updateViewParams } from './view-url';

export function useViewParams(): [ViewParams, (patch: Partial<ViewParams>) => void] {
  const params = useSyncExternalStore(subscribeViewParams, readViewParams, readViewParams);
  const update = useCallback((patch: Partial<ViewParams>) => updateViewParams(patch), []);
  return [params, update];
}

/** The stale threshold in force: the URL's, else the relay's. */
export function useStaleAfterSec(): number {
  const fromUrl = useSyncExternalStore(
    subscribeViewParams,
    () => readViewParams().staleAfterSec,
    () => null,
  );
  const fromRelay = useDashboardState((s) => s.relayStaleAfterSec);
  return fromUrl ?? fromRelay;
}

/**
 * Every stale limit in force, as one stable object while its values are unchanged: the URL's
 * where it sets one, else the relay's (so the page marks stale what the relay alerts on).
 */
export function useStaleThresholds(): StaleThresholds {
  const staleAfterSec = useStaleAfterSec();
  const [p] = useViewParams();
  const relay = useStore(useDashboard().alerts, (s) => s.relayStaleRules);
  const newAckSec = p.newAckSec ?? relay?.newAckSec ?? null;
  const openNoFillSec = p.openNoFillSec ?? relay?.openNoFillSec ?? null;
  const partialNoFillSec = p.partialNoFillSec ?? relay?.partialNoFillSec ?? null;
  return useMemo(
    () => ({ staleAfterSec, basis: p.staleBasis, newAckSec, openNoFillSec, partialNoFillSec }),
    [staleAfterSec, p.staleBasis, newAckSec, openNoFillSec, partialNoFillSec],
  );
}
