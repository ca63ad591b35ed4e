/**
 * Display formatting shared by every view. Pure; numbers that do not make sense become '—'
 * rather than 'NaN'.
 */

const DASH = '—';

/** "42 s", "6 m 12 s", "2 h 03 m", "3 d 04 h". Negative ages (clock skew) show as "0 s". */
export function formatAge(seconds: number): string {
  if (!Number.isFinite(seconds)) return DASH;
  const s = Math.max(0, Math.floor(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} m ${s % 60} s`;
  if (s < 86_400) return `${Math.floor(s / 3600)} h ${pad2(Math.floor((s % 3600) / 60))} m`;
  return `${Math.floor(s / 86_400)} d ${pad2(Math.floor((s % 86_400) / 3600))} h`;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

const usdFormats = new Map<number, Intl.NumberFormat>();
function usdFormat(digits: number): Intl.NumberFormat {
  let f = usdFormats.get(digits);
  if (f === undefined) {
    f = new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
    usdFormats.set(digits, f);
  }
  return f;
}

/** Money in USD: "1,234.56"; sub-dollar amounts keep four decimals ("0.0042"). */
export function formatUsd(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return DASH;
  const abs = Math.abs(value);
  return usdFormat(abs !== 0 && abs < 1 ? 4 : 2).format(value);
}

/**
 * Prices by magnitude: enough significant digits to see a tick move on anything from a
 * BTC price to a sub-cent token. "97,412.50", "1.2345", "0.00004213".
 */
export function formatPrice(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return DASH;
  const abs = Math.abs(value);
  if (abs >= 1000) return usdFormat(2).format(value);
  if (abs >= 1) return usdFormat(4).format(value);
  if (abs === 0) return '0';
  const digits = Math.min(12, Math.max(4, 3 - Math.floor(Math.log10(abs))));
  return value.toFixed(digits);
}

/** Fill percentage: one decimal, "100" without one. */
export function formatPct(value: number): string {
  if (!Number.isFinite(value)) return DASH;
  if (value >= 99.95 && value <= 100.05) return '100%';
  return `${value.toFixed(1)}%`;
}

/** 24-hour UTC wall time "HH:MM:SS" of an epoch-ms instant (the relay's clock). */
export function formatClock(epochMs: number | null): string {
  if (epochMs === null || !Number.isFinite(epochMs)) return DASH;
  return new Date(epochMs).toISOString().slice(11, 19);
}

/** "2026-11-24 12:00:03 UTC"-style stamp, for titles and exports. */
export function formatTimestamp(epochMs: number | null): string {
  if (epochMs === null || !Number.isFinite(epochMs)) return DASH;
  return `${new Date(epochMs).toISOString().slice(0, 19).replace('T', ' ')}Z`;
}

/** Whole numbers with thousands separators: "100,000". */
export function formatCount(value: number): string {
  return Number.isFinite(value) ? usdFormat(0).format(value) : DASH;
}
