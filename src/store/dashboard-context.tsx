import type { ReactNode } from 'react';
import { useContext, useEffect, useMemo } from 'react';
import { useStore } from 'zustand';
import { DashboardContext, RelayClockContext } from './dashboard-context-value';
import type { Dashboard, DashboardState } from './dashboard-store';
import { isFeedDown } from './dashboard-store';
import type { RelayClock } from './relay-clock';
import { createRelayClock } from './relay-clock';

interface DashboardProviderProps {
  readonly dashboard: Dashboard;
  /** The page's 1 Hz clock; one is made from the dashboard when omitted. */
  readonly clock?: RelayClock;
  readonly children: ReactNode;
}

export function DashboardProvider({ dashboard, clock, children }: DashboardProviderProps) {
  const relayClock = useMemo(() => clock ?? createRelayClock(() => dashboard.relayNow()), [clock, dashboard]);
  // A snapshot moves the clock offset: re-read at once so ages do not jump a second late.
  useEffect(() => dashboard.onReset(() => relayClock.tick()), [dashboard, relayClock]);
  // Losing the feed freezes every figure at its last data: show the frozen time at once, not at
  // the next tick (which would move an age that was read in between).
  useEffect(
    () =>
      dashboard.store.subscribe((next, prev) => {
        if (isFeedDown(next.feed) !== isFeedDown(prev.feed)) relayClock.tick();
      }),
    [dashboard, relayClock],
  );
  return (
    <DashboardContext.Provider value={dashboard}>
      <RelayClockContext.Provider value={relayClock}>{children}</RelayClockContext.Provider>
    </DashboardContext.Provider>
  );
}

export function useDashboard(): Dashboard {
  const dashboard = useContext(DashboardContext);
  if (dashboard === null) throw new Error('useDashboard needs a <DashboardProvider>');
  return dashboard;
}

/** A narrow slice of the store; pass `useShallow(...)` from zustand for object selectors. */
export function useDashboardState<T>(selector: (state: DashboardState) => T): T {
  return useStore(useDashboard().store, selector);
}
