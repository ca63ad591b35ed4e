import type { Status } from '../core/status';

/**
 * One palette for badges, rows and charts. Okabe–Ito derived hues, distinguishable with the
 * common colour-vision deficiencies; every status also carries an icon and a label, so colour
 * is never the only cue.
 */
export interface StatusLook {
  readonly label: string;
  /** A short glyph shown beside the label. */
  readonly icon: string;
  /** CSS custom property holding the colour (themes set the value). */
  readonly colorVar: string;
  /** Fallback colour for canvas/SVG (charts) on the dark theme. */
  readonly color: string;
}

export const STATUS_LOOK: Readonly<Record<Status, StatusLook>> = {
  NEW: { label: 'New', icon: '○', colorVar: '--status-new', color: '#9aa5b1' },
  OPEN: { label: 'Open', icon: '◔', colorVar: '--status-open', color: '#56b4e9' },
  PARTIAL_FILL: { label: 'Partial', icon: '◑', colorVar: '--status-partial', color: '#e69f00' },
  FILLED: { label: 'Filled', icon: '●', colorVar: '--status-filled', color: '#009e73' },
  CANCELED: { label: 'Canceled', icon: '⊘', colorVar: '--status-canceled', color: '#a68bd6' },
  EXPIRED: { label: 'Expired', icon: '◌', colorVar: '--status-expired', color: '#cc79a7' },
  REJECTED: { label: 'Rejected', icon: '✕', colorVar: '--status-rejected', color: '#d55e00' },
  FAILED: { label: 'Failed', icon: '⚠', colorVar: '--status-failed', color: '#f0e442' },
};

/**
 * The stale flag's glyph. Chosen from what DejaVu (Debian's default font, on wall PCs too)
 * draws: ⏱ and ⌛ render as empty boxes there.
 */
export const STALE_ICON = '◷';
