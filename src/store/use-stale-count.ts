import { useBookScan } from './use-book-scan';

/** How many orders are stale under the limits in force, from the page's shared scan. */
export function useStaleCount(): number {
  return useBookScan().stale.length;
}
