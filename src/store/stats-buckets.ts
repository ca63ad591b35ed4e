import type { Status } from '../core/status';
import { zeroByStatus } from '../core/status';

export const MINUTE_MS = 60_000;
/** The throughput window: one bucket per minute for the last hour. */
export const BUCKET_COUNT = 60;

/** What happened in one wall-clock minute (engine timestamps, clamped to the relay clock). */
export interface MinuteBucket {
  /** Minute index: floor(epoch ms / 60 000). */
  minute: number;
  created: number;
  /** Status changes of any kind. */
  transitions: number;
  /** Status changes by the status entered. */
  readonly to: Record<Status, number>;
  /** Fees charged by fills in this minute (deltas of the cumulative totals). */
  fees: number;
  /** Notional filled in this minute (deltas of filled_value). */
  filledValue: number;
}

export type BucketField = 'created' | 'transitions' | 'fees' | 'filledValue';

function emptyBucket(minute: number): MinuteBucket {
  return { minute, created: 0, transitions: 0, to: zeroByStatus(), fees: 0, filledValue: 0 };
}

/**
 * A ring of per-minute buckets: fixed size whatever the run length or event rate, so a wall
 * screen can run for days. Anything older than the window is dropped on arrival.
 */
export class MinuteBuckets {
  private readonly ring: MinuteBucket[] = Array.from({ length: BUCKET_COUNT }, () => emptyBucket(-Infinity));

  /** The bucket for `at` (epoch ms) as seen at `now`, or null when it fell out of the window. */
  slot(at: number, now: number): MinuteBucket | null {
    const nowMinute = Math.floor(now / MINUTE_MS);
    // An engine clock ahead of the relay's cannot put counts in a minute that has not happened.
    const minute = Math.min(Math.floor(at / MINUTE_MS), nowMinute);
    if (!Number.isFinite(minute) || minute <= nowMinute - BUCKET_COUNT) return null;
    const index = ((minute % BUCKET_COUNT) + BUCKET_COUNT) % BUCKET_COUNT;
    const bucket = this.ring[index]!;
    if (bucket.minute === minute) return bucket;
    if (bucket.minute > minute) return null;
    const fresh = emptyBucket(minute);
    this.ring[index] = fresh;
    return fresh;
  }

  add(field: BucketField, at: number, now: number, amount = 1): void {
    const bucket = this.slot(at, now);
    if (bucket !== null) bucket[field] += amount;
  }

  addTransition(to: Status, at: number, now: number): void {
    const bucket = this.slot(at, now);
    if (bucket === null) return;
    bucket.transitions++;
    bucket.to[to]++;
  }

  /** The buckets of the last `count` minutes up to `now`, oldest first; missing minutes are empty. */
  window(now: number, count = BUCKET_COUNT): MinuteBucket[] {
    const nowMinute = Math.floor(now / MINUTE_MS);
    const out: MinuteBucket[] = [];
    for (let minute = nowMinute - Math.min(count, BUCKET_COUNT) + 1; minute <= nowMinute; minute++) {
      const bucket = this.ring[((minute % BUCKET_COUNT) + BUCKET_COUNT) % BUCKET_COUNT]!;
      out.push(bucket.minute === minute ? bucket : emptyBucket(minute));
    }
    return out;
  }

  clear(): void {
    for (let i = 0; i < BUCKET_COUNT; i++) this.ring[i] = emptyBucket(-Infinity);
  }
}
