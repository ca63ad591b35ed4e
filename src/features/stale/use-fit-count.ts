import type { RefObject } from 'react';
import { useEffect, useState } from 'react';

/**
 * How many rows of the list inside `ref` fit its height without scrolling, with room for the
 * "+N more" line (`moreSelector`). Measures rendered rows, so CSS stays the one place that sizes
 * them; re-measures when the box resizes and when the more line comes or goes (it can be taller
 * than a row, and its arrival does not resize the box).
 */
export function useFitCount(ref: RefObject<HTMLElement | null>, selector: string, moreSelector: string, fallback: number): number {
  const [count, setCount] = useState(fallback);
  useEffect(() => {
    const box = ref.current;
    if (box === null) return;
    const measure = (): void => {
      const row = box.querySelector<HTMLElement>(selector);
      const rowHeight = row?.getBoundingClientRect().height ?? 0;
      const available = box.clientHeight;
      if (rowHeight <= 0 || available <= 0) return;
      const more = box.querySelector<HTMLElement>(moreSelector)?.getBoundingClientRect().height ?? rowHeight;
      setCount(Math.max(1, Math.floor((available - Math.max(more, rowHeight)) / rowHeight)));
    };
    measure();
    const resized = new ResizeObserver(measure);
    resized.observe(box);
    const changed = new MutationObserver(measure);
    changed.observe(box, { childList: true });
    return () => {
      resized.disconnect();
      changed.disconnect();
    };
  }, [ref, selector, moreSelector]);
  return count;
}
