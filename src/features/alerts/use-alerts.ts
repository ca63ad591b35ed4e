import { useStore } from 'zustand';
import type { AlertsState } from '../../store/alerts-store';
import { useDashboard } from '../../store/dashboard-context';

/** A narrow slice of the page's alerts store. */
export function useAlertsState<T>(selector: (state: AlertsState) => T): T {
  return useStore(useDashboard().alerts, selector);
}
