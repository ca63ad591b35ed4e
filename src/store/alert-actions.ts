import { createContext, useContext } from 'react';

/** What an operator can do to an alert; each resolves to null when the relay took it, else why not. */
export interface AlertActions {
  ack(id: string, by: string, comment: string): Promise<ActionOutcome>;
  snooze(id: string, by: string, minutes: number): Promise<ActionOutcome>;
  unack(id: string, by: string): Promise<ActionOutcome>;
  /** The operate token to send from now on (asked for after a 401), kept for this tab only. */
  setOperateToken(token: string): void;
}

export type ActionOutcome = null | { readonly error: string; readonly needsToken: boolean };

/** Provided by the app (src/client does the HTTP); absent in a page that only watches. */
export const AlertActionsContext = createContext<AlertActions | null>(null);

export function useAlertActions(): AlertActions | null {
  return useContext(AlertActionsContext);
}
