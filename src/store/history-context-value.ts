import { createContext } from 'react';
import type { HistoryStore } from './history-store';

// Apart from the provider, as dashboard-context-value.ts is: hooks and provider import it without a cycle.
export const HistoryContext = createContext<HistoryStore | null>(null);
