import type { RefObject } from 'react';
import { useEffect, useState } from 'react';

/**
 * How many rows of the list inside `ref` fit its height without scrolling. Measures a rendered
 * row (`selector`), so CSS stays the one place that sizes rows; re-measures on resize.
 */
export function useFitCount(ref: RefObject<HTMLElement | null>, selector: string, fallback: number): number {
  const [count, setCount] = useState(fallback);
  useEffect(() => {
    const box = ref.current;
    if (box === null) return;
    const measure = (): void => {
      const row = box.querySelector<HTMLElement>(selector);
      const rowHeight = row?.getBoundingClientRect().height ?? 0;
      const available = box.getBoundingClientRect().height;
      if (rowHeight <= 0 || available <= 0) return;
      // One line is kept for "+N more".
      setCount(Math.max(1, Math.floor(available / rowHeight) - 1));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    return () => observer.disconnect();
  }, [ref, selector]);
  return count;
}
