import { useMemo } from 'react';
import type { StaleTop } from '../../core/stale-rules';
import { staleTop } from '../../core/stale-rules';
import { useBookScan } from '../../store/use-book-scan';

/** The worst `limit` stale orders and the total, from the page's shared scan. */
export function useStaleEntries(limit: number): StaleTop {
  const scan = useBookScan();
  return useMemo(() => staleTop(scan.stale, scan.now, scan.thresholds, limit), [scan, limit]);
}
