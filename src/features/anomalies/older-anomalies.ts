import type { Anomaly } from '../../core/anomaly';
import { ANOMALY_KINDS } from '../../core/anomaly';
import type { AnomalyJson } from '../../protocol/order-json';
import { anomalyFromJson } from '../../protocol/order-json';

/** Rows one "load older" click adds. */
export const OLDER_PAGE = 200;

/** A page of `GET /api/anomalies` (docs/protocol.md), oldest first. */
export interface OlderPage {
  readonly anomalies: Anomaly[];
  /** Number of the first listed: what the next page asks for as `before`. */
  readonly first: number;
  /** The oldest number the relay still holds: nothing older can be asked for. */
  readonly heldFrom: number;
}

export type FetchLike = (url: string, init?: RequestInit) => Promise<Response>;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function isAnomalyJson(v: unknown): v is AnomalyJson {
  return (
    isRecord(v) &&
    typeof v.kind === 'string' &&
    (ANOMALY_KINDS as readonly string[]).includes(v.kind) &&
    typeof v.client_order_id === 'string' &&
    typeof v.engine === 'string' &&
    typeof v.ts === 'string' &&
    typeof v.detail === 'string' &&
    (v.seq === null || typeof v.seq === 'number')
  );
}

/** Reads a page; entries it cannot read are left out, a body it cannot read is an Error. */
export function readOlderPage(body: unknown): OlderPage {
  if (!isRecord(body) || !Array.isArray(body.anomalies) || typeof body.first !== 'number' || typeof body.held_from !== 'number')
    throw new Error('unreadable anomalies page');
  return { anomalies: body.anomalies.filter(isAnomalyJson).map(anomalyFromJson), first: body.first, heldFrom: body.held_from };
}

/** The anomalies numbered below `before`, from the relay that serves this page. */
export async function fetchOlderAnomalies(fetchFn: FetchLike, before: number, token: string | null): Promise<OlderPage> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = await fetchFn(`/api/anomalies?before=${before}&limit=${OLDER_PAGE}`, { headers });
  if (!response.ok) throw new Error(`relay answered ${response.status}`);
  return readOlderPage(await response.json());
}
