/**
 * Every key this mode uses. They all carry the same hash tag (`{orderwatch}` by default), so
 * Redis Cluster puts them in one slot and the append script may touch them together.
 */
export interface ClusterKeys {
  /** Hash: engine → highest accepted seq (rule 2, made atomic in Redis). */
  readonly lastSeq: string;
  /** Hash: `stream` (today's stream key), `rseq` (cluster-wide event counter), `snap_rseq`. */
  readonly meta: string;
  /** String: the newest book snapshot (JSON). */
  readonly snapshot: string;
  /** String: where a snapshot is being written before it replaces `snapshot`. */
  readonly snapshotTmp: string;
  /** String with PX: who may write a snapshot now. */
  readonly snapshotLock: string;
  /** The stream holding one trading day's events. */
  stream(day: string): string;
}

export const DEFAULT_TAG = 'orderwatch';

export function clusterKeys(tag: string = DEFAULT_TAG): ClusterKeys {
  if (!/^[A-Za-z0-9_.-]+$/.test(tag)) throw new RangeError(`hash tag must be [A-Za-z0-9_.-]+, got ${tag}`);
  const base = `ow:{${tag}}`;
  return {
    lastSeq: `${base}:last_seq`,
    meta: `${base}:meta`,
    snapshot: `${base}:snapshot`,
    snapshotTmp: `${base}:snapshot:tmp`,
    snapshotLock: `${base}:snapshot:lock`,
    stream: (day) => `${base}:${day}:ev`,
  };
}

const DAY_MS = 86_400_000;

/**
 * The trading day of an instant, `YYYY-MM-DD`. The day starts at `rolloverHourUtc` (0 = UTC
 * midnight); a desk whose day ends at 22:00 UTC passes 22 and gets the next date from then on.
 */
export function tradingDay(now: number, rolloverHourUtc = 0): string {
  const aheadHours = rolloverHourUtc === 0 ? 0 : 24 - rolloverHourUtc;
  return new Date(now + aheadHours * 3_600_000).toISOString().slice(0, 10);
}

/** The three days around `now` (yesterday, today, tomorrow) the append script may need. */
export function daysAround(now: number, rolloverHourUtc = 0): [string, string, string] {
  return [tradingDay(now - DAY_MS, rolloverHourUtc), tradingDay(now, rolloverHourUtc), tradingDay(now + DAY_MS, rolloverHourUtc)];
}
