import type { SortKey } from './order-sort-keys';

/**
 * Below this window width the table's fourteen columns do not fit beside the side column
 * (1,352 px of least widths): a browser with no column choice of its own starts narrower.
 */
export const NARROW_VIEWPORT_PX = 1400;

/** Hidden at first on a narrow screen: the money details the totals row and the order detail also carry. */
export const NARROW_HIDDEN: readonly SortKey[] = ['avg_price', 'fees'];

/** Pinned at first on a narrow screen: which order a row is stays in view while the rest scroll sideways. */
export const NARROW_PINNED: readonly SortKey[] = ['client_order_id'];

export function isNarrowViewport(): boolean {
  return typeof window !== 'undefined' && window.innerWidth < NARROW_VIEWPORT_PX;
}
