import type { ActionOutcome, AlertActions } from '../store/alert-actions';

export interface AlertActionsDeps {
  readonly fetch: typeof fetch;
  /** The page's view token: acting takes it when the relay has no OPERATE_TOKEN. */
  readonly viewToken: string | null;
  /** Where the operate token is kept for this tab (sessionStorage in a browser). */
  readonly storage: Pick<Storage, 'getItem' | 'setItem'> | null;
  readonly base?: string;
}

const TOKEN_KEY = 'orderwatch.operateToken';

/** The relay's alert actions over HTTP (POST /api/alerts/{id}/ack|snooze|unack). */
export function createAlertActions(deps: AlertActionsDeps): AlertActions {
  const base = deps.base ?? '';
  const post = async (path: string, body: object): Promise<ActionOutcome> => {
    const token = deps.storage?.getItem(TOKEN_KEY) ?? deps.viewToken;
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (token) headers.Authorization = `Bearer ${token}`;
    let response: Response;
    try {
      response = await deps.fetch(`${base}${path}`, { method: 'POST', headers, body: JSON.stringify(body), cache: 'no-store' });
    } catch (error) {
      return { error: `the relay could not be reached (${error instanceof Error ? error.message : String(error)})`, needsToken: false };
    }
    if (response.ok) return null;
    let error = `HTTP ${response.status}`;
    try {
      const reply = (await response.json()) as { error?: unknown };
      if (typeof reply.error === 'string') error = reply.error;
    } catch {
      // Not JSON: the status says enough.
    }
    return { error, needsToken: response.status === 401 };
  };
  const at = (id: string, verb: string): string => `/api/alerts/${encodeURIComponent(id)}/${verb}`;
  return {
    ack: (id, by, comment) => post(at(id, 'ack'), { by, comment }),
    snooze: (id, by, minutes) => post(at(id, 'snooze'), { by, minutes }),
    unack: (id, by) => post(at(id, 'unack'), { by }),
    setOperateToken: (token) => deps.storage?.setItem(TOKEN_KEY, token),
  };
}
