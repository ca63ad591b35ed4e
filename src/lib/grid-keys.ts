/**
 * Where the active row moves for a key press, or null when the key is not a grid move.
 * Pure, so the keyboard model is tested without a DOM.
 */
export function nextActiveIndex(key: string, current: number, count: number, page: number): number | null {
  if (count === 0) return null;
  const from = current < 0 ? -1 : current;
  const clamp = (i: number): number => Math.max(0, Math.min(count - 1, i));
  switch (key) {
    case 'ArrowDown':
      return clamp(from + 1);
    case 'ArrowUp':
      return clamp(from < 0 ? 0 : from - 1);
    case 'PageDown':
      return clamp(from + page);
    case 'PageUp':
      return clamp(from - page);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}
