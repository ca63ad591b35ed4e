import { useStore } from 'zustand';
import type { Alert } from '../core/alert';
import { useDashboard } from './dashboard-context';

/** The open alert of one order, if it has one: a row re-renders only when that alert changes. */
export function useOrderAlert(clientOrderId: string): Alert | undefined {
  return useStore(useDashboard().alerts, (s) => s.byOrder.get(clientOrderId));
}
