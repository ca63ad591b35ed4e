import type { Status } from '../../core/status';
import { STATUSES } from '../../core/status';
import { STATUS_LOOK } from '../../components/status-palette';

/**
 * SVG fills must be concrete colours: read the theme's `--status-*` values (so light and dark
 * themes both apply) and fall back to the palette's dark-theme colour.
 */
export function statusColors(
  root: Element | null = typeof document === 'undefined' ? null : document.documentElement,
): Record<Status, string> {
  const style = root === null ? null : getComputedStyle(root);
  const out = {} as Record<Status, string>;
  for (const status of STATUSES) {
    const look = STATUS_LOOK[status];
    const themed = style?.getPropertyValue(look.colorVar).trim() ?? '';
    out[status] = themed === '' ? look.color : themed;
  }
  return out;
}

/** A ratio as a percentage with one decimal, or "—" when there is nothing to divide. */
export function formatRatio(ratio: number | null): string {
  return ratio === null || !Number.isFinite(ratio) ? '—' : `${(ratio * 100).toFixed(1)}%`;
}
