/** DOM id of a data row; by index, because engine ids may hold any character. */
export const rowDomId = (index: number): string => `orders-row-${index}`;

/**
 * React keys for the rows of a window, by slot rather than by order: a row that scrolls out
 * hands its slot (and its cell elements) to a row scrolling in, so a scrolled frame rewrites the
 * text of one row instead of unmounting one and mounting another. Rows still in the window keep
 * their slot; slots stay distinct. `previous` maps row index → slot from the last render.
 */
export function assignRowSlots(previous: ReadonlyMap<number, number>, indices: readonly number[]): Map<number, number> {
  const next = new Map<number, number>();
  for (const index of indices) {
    const slot = previous.get(index);
    if (slot !== undefined) next.set(index, slot);
  }
  const taken = new Set(next.values());
  const free: number[] = [];
  for (const slot of previous.values()) if (!taken.has(slot)) free.push(slot);
  free.sort((a, b) => b - a);
  let fresh = Math.max(-1, ...previous.values(), ...taken) + 1;
  for (const index of indices) if (!next.has(index)) next.set(index, free.pop() ?? fresh++);
  return next;
}
