import { useEffect } from 'react';

export interface TitleFigures {
  readonly stale: number;
  /** Engines the relay counts silent. */
  readonly silent: number;
  /** The feed is lost: every figure on the page is frozen. */
  readonly feedDown: boolean;
}

/** "(3 stale · 1 silent · FEED DOWN) Orderwatch", or plain "Orderwatch" when all is well. */
export function titleFor({ stale, silent, feedDown }: TitleFigures): string {
  const parts: string[] = [];
  if (stale > 0) parts.push(`${stale} stale`);
  if (silent > 0) parts.push(`${silent} silent`);
  if (feedDown) parts.push('FEED DOWN');
  return parts.length > 0 ? `(${parts.join(' · ')}) Orderwatch` : 'Orderwatch';
}

export function useDocumentTitle(figures: TitleFigures): void {
  const title = titleFor(figures);
  useEffect(() => {
    document.title = title;
  }, [title]);
}
