/**
 * Display formatting shared by every view. Pure; numbers that do not make sense become '—'
 * rather than 'NaN'.
 */

const DASH = '—';

/**
 * A duration for people, by its size: "840 ms", "4.2 s", "3 m 05 s", "2 h 03 m", "3 d 04 h".
 * Above a minute each unit is truncated, never rounded up, so a figure that ticks never runs ahead of
 * its clock. Style 'age' is for figures redrawn once a second: whole seconds only ("0 s", "42 s")
 * and "6 m 5 s", as the age timers have always read. Negative durations (clock skew) show as zero.
 * @example formatDuration(185_000) // "3 m 05 s"; formatDuration(185_000, 'age') // "3 m 5 s"
 */
export function formatDuration(ms: number | null | undefined, style: 'precise' | 'age' = 'precise'): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return DASH;
  const clamped = Math.max(0, ms);
  if (style === 'precise' && clamped < 1000) return `${Math.round(clamped)} ms`;
  if (style === 'precise' && clamped < 60_000) return `${(clamped / 1000).toFixed(1)} s`;
  const s = Math.floor(clamped / 1000);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} m ${style === 'age' ? s % 60 : pad2(s % 60)} s`;
  if (s < 86_400) return `${Math.floor(s / 3600)} h ${pad2(Math.floor((s % 3600) / 60))} m`;
  return `${Math.floor(s / 86_400)} d ${pad2(Math.floor((s % 86_400) / 3600))} h`;
}

/** An age given in seconds: "42 s", "6 m 12 s", "2 h 03 m", "3 d 04 h". */
export function formatAge(seconds: number): string {
  return formatDuration(seconds * 1000, 'age');
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * `value` with `digits` decimals and "," between thousands, as Intl en-US writes it: the number
 * as JavaScript prints it (shortest form), rounded half away from zero. By hand rather than
 * Intl.NumberFormat: creating the formatters cost ~200 ms of the page's boot (ICU data loading),
 * and every table cell calls this. Negative zero is written without its sign.
 * @example grouped(-1234567.891, 2) // "-1,234,567.89"; grouped(2.56505, 4) // "2.5651"
 */
function grouped(value: number, digits: number): string {
  const fixed = fixedAsWritten(Math.abs(value), digits);
  const sign = value < 0 ? '-' : '';
  // From 1e21 on JavaScript prints an exponent ("1e+21"): nothing to group.
  if (fixed.includes('e')) return sign + fixed;
  const dot = digits > 0 ? fixed.length - digits - 1 : fixed.length;
  let out = fixed.slice(0, dot % 3 || 3);
  for (let i = out.length; i < dot; i += 3) out += `,${fixed.slice(i, i + 3)}`;
  return sign + out + fixed.slice(dot);
}

/** `abs` (≥ 0) with exactly `digits` decimals, rounded on its printed digits, not its binary value. */
function fixedAsWritten(abs: number, digits: number): string {
  const text = String(abs);
  // Exponent form: below 1e-6 (rounds to zero at four decimals) or past 1e21 (no amount).
  if (text.includes('e')) return abs.toFixed(digits);
  const dot = text.indexOf('.');
  const whole = dot === -1 ? text : text.slice(0, dot);
  const fraction = dot === -1 ? '' : text.slice(dot + 1);
  if (fraction.length <= digits) return digits === 0 ? whole : `${whole}.${fraction.padEnd(digits, '0')}`;
  let kept = whole + fraction.slice(0, digits);
  if (fraction.charCodeAt(digits) >= 53) kept = incremented(kept);
  return digits === 0 ? kept : `${kept.slice(0, kept.length - digits)}.${kept.slice(kept.length - digits)}`;
}

/** A decimal digit string plus one. @example incremented('0999') // '1000'; incremented('99') // '100' */
function incremented(decimal: string): string {
  let i = decimal.length - 1;
  while (i >= 0 && decimal[i] === '9') i--;
  if (i < 0) return `1${'0'.repeat(decimal.length)}`;
  return decimal.slice(0, i) + String.fromCharCode(decimal.charCodeAt(i) + 1) + '0'.repeat(decimal.length - i - 1);
}

/** Money in USD: "1,234.56"; sub-dollar amounts keep four decimals ("0.0042"). */
export function formatUsd(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return DASH;
  const abs = Math.abs(value);
  return grouped(value, abs !== 0 && abs < 1 ? 4 : 2);
}

/**
 * Prices by magnitude: enough significant digits to see a tick move on anything from a
 * BTC price to a sub-cent token. "97,412.50", "1.2345", "0.00004213".
 */
export function formatPrice(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return DASH;
  const abs = Math.abs(value);
  if (abs >= 1000) return grouped(value, 2);
  if (abs >= 1) return grouped(value, 4);
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

/**
 * A clock time in UTC or this browser's zone, with its date ("11-24 12:00:03") when that is
 * not the day of `today` in the same zone: a time alone from yesterday reads as today's.
 */
export function formatClockIn(epochMs: number | null, zone: 'utc' | 'local', today: number): string {
  if (epochMs === null || !Number.isFinite(epochMs)) return DASH;
  const iso = isoIn(epochMs, zone);
  const sameDay = iso.slice(0, 10) === isoIn(today, zone).slice(0, 10);
  return sameDay ? iso.slice(11, 19) : `${iso.slice(5, 10)} ${iso.slice(11, 19)}`;
}

/** The ISO text of `epochMs` as a wall clock in `zone` (its trailing Z then means nothing). */
function isoIn(epochMs: number, zone: 'utc' | 'local'): string {
  return (zone === 'utc' ? new Date(epochMs) : new Date(epochMs - new Date(epochMs).getTimezoneOffset() * 60_000)).toISOString();
}

/** "2026-11-24 12:00:03" in `zone`: a full stamp whose zone the view labels. */
export function formatStampIn(epochMs: number | null, zone: 'utc' | 'local'): string {
  if (epochMs === null || !Number.isFinite(epochMs)) return DASH;
  return isoIn(epochMs, zone).slice(0, 19).replace('T', ' ');
}

/** "12:00:03.250" in `zone`: milliseconds matter when a fill and a cancel race. */
export function formatTimeMsIn(epochMs: number | null, zone: 'utc' | 'local'): string {
  if (epochMs === null || !Number.isFinite(epochMs)) return DASH;
  return isoIn(epochMs, zone).slice(11, 23);
}

/** "2026-11-24 12:00:03 UTC"-style stamp, for titles and exports. */
export function formatTimestamp(epochMs: number | null): string {
  if (epochMs === null || !Number.isFinite(epochMs)) return DASH;
  return `${new Date(epochMs).toISOString().slice(0, 19).replace('T', ' ')}Z`;
}

/** Whole numbers with thousands separators: "100,000". */
export function formatCount(value: number): string {
  return Number.isFinite(value) ? grouped(value, 0) : DASH;
}
