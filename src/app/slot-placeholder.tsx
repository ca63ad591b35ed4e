/** Marks a region whose feature has not been plugged in yet. */
export function SlotPlaceholder({ name, hidden = false }: { readonly name: string; readonly hidden?: boolean }) {
  if (hidden) return null;
  return <div className="slot-placeholder">{name}</div>;
}
