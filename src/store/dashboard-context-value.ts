import { createContext } from 'react';
import type { Dashboard } from './dashboard-store';
import type { RelayClock } from './relay-clock';

// Kept apart from the provider component so hooks and the provider can import it without a cycle.
export const DashboardContext = createContext<Dashboard | null>(null);
export const RelayClockContext = createContext<RelayClock | null>(null);
