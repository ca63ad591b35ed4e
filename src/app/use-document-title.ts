import { useEffect } from 'react';

/** "(3 stale) Orderwatch", or plain "Orderwatch" when nothing is stale. */
export function titleFor(staleCount: number): string {
  return staleCount > 0 ? `(${staleCount} stale) Orderwatch` : 'Orderwatch';
}

export function useDocumentTitle(staleCount: number): void {
  useEffect(() => {
    document.title = titleFor(staleCount);
  }, [staleCount]);
}
