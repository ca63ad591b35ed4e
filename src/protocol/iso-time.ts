/*
 * The one ISO-8601 reader: wire `ts` strings, order JSON, checkpoints and the CLI's --now all
 * come through readIsoMs. The forms engines actually send (`datetime.isoformat()` with an offset,
 * JavaScript's toISOString) are read by arithmetic, without regular expressions or Date.parse
 * (those made an ISO `ts` cost more than the rest of the decode, and half a million of them are in
 * a 100k-order snapshot); anything else goes to the general path, which is the definition.
 */

/** Year 9999: beyond it a timestamp cannot be written as ISO-8601, so it is unreadable. */
const MAX_EPOCH_SECONDS = 253_402_300_799;
/** ISO-8601 date or date-time; a space separator (Python's str(datetime)) is accepted too. */
const ISO_8601 = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;
const HAS_OFFSET = /(?:Z|[+-]\d{2}:?\d{2})$/i;

/**
 * Any ISO-8601 form the wire accepts (date only, minutes only, no offset meaning UTC), by regular
 * expression and Date.parse: the definition readIsoFast is held to. Exported for that test.
 */
export function readIsoGeneral(ts: string): number {
  if (!ISO_8601.test(ts)) return Number.NaN;
  let text = ts.replace(' ', 'T');
  // A date-time without an offset is UTC here (Python's naive utcnow().isoformat()), never browser-local.
  if (text.length > 10 && !HAS_OFFSET.test(text)) text += 'Z';
  // Date.parse keeps milliseconds only; trim longer fractions (Python gives microseconds).
  text = text.replace(/(\.\d{3})\d+/, '$1');
  const ms = Date.parse(text);
  return Number.isFinite(ms) && ms >= 0 && ms <= MAX_EPOCH_SECONDS * 1000 && isCalendarDate(text) ? ms : Number.NaN;
}

/** Date.parse rolls 2025-02-30 over to March 2; a day the month does not have is unreadable instead. */
function isCalendarDate(text: string): boolean {
  const year = Number(text.slice(0, 4));
  const month = Number(text.slice(5, 7));
  const day = Number(text.slice(8, 10));
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Epoch ms (integer) of an ISO-8601 text the wire accepts, or NaN when unreadable. */
export function readIsoMs(text: string): number {
  const ms = readIsoFast(text);
  return Number.isNaN(ms) ? readIsoGeneral(text) : ms;
}

/** Parses a wire `ts` (ISO-8601 text or Unix epoch seconds) to epoch milliseconds, or NaN when unreadable. */
export function parseTs(ts: string | number): number {
  if (typeof ts !== 'number') return readIsoMs(ts);
  if (!Number.isFinite(ts) || ts < 0 || ts > MAX_EPOCH_SECONDS) return Number.NaN;
  return Math.round(ts * 1000);
}

const ZERO = 48;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Two ASCII digits at `at` as a number, or -1. */
function two(text: string, at: number): number {
  const a = text.charCodeAt(at) - ZERO;
  const b = text.charCodeAt(at + 1) - ZERO;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

function daysIn(year: number, month: number): number {
  if (month !== 2) return DAYS_IN_MONTH[month - 1]!;
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
}

/** Offset in minutes for `Z`, `+HH:MM` or `+HHMM` filling the rest of the text; NaN otherwise. */
function offsetMinutes(text: string, at: number): number {
  const rest = text.length - at;
  const c = text.charCodeAt(at);
  if (rest === 1) return c === 90 || c === 122 ? 0 : Number.NaN; // Z z
  if (c !== 43 && c !== 45) return Number.NaN; // + -
  const hours = two(text, at + 1);
  const colon = rest === 6 && text.charCodeAt(at + 3) === 58;
  if (!colon && rest !== 5) return Number.NaN;
  const minutes = two(text, at + (colon ? 4 : 3));
  if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59) return Number.NaN;
  const total = hours * 60 + minutes;
  return c === 45 ? -total : total;
}

/**
 * Epoch ms of `YYYY-MM-DD[T ]HH:MM:SS[.fraction](Z|±HH:MM|±HHMM)`, the same as readIsoGeneral
 * gives; NaN when the text is not in that form (readIsoGeneral then decides, and may still read it).
 * Exported for iso-time.property.test.ts, which holds the two equal wherever this one answers.
 * @example readIsoFast('2025-11-23T00:00:00.400+00:00') // 1763856000400
 */
export function readIsoFast(text: string): number {
  if (text.length < 20 || text.length > 40) return Number.NaN;
  const sep = text.charCodeAt(10);
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || (sep !== 84 && sep !== 116 && sep !== 32)) return Number.NaN;
  if (text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) return Number.NaN;
  const century = two(text, 0);
  const yy = two(text, 2);
  const month = two(text, 5);
  const day = two(text, 8);
  const hour = two(text, 11);
  const minute = two(text, 14);
  const second = two(text, 17);
  if (
    century < 0 ||
    yy < 0 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    hour < 0 ||
    hour > 23 ||
    minute < 0 ||
    minute > 59 ||
    second < 0 ||
    second > 59
  ) {
    return Number.NaN;
  }
  const year = century * 100 + yy;
  if (year < 1970 || day > daysIn(year, month)) return Number.NaN;
  let at = 19;
  let ms = 0;
  if (text.charCodeAt(at) === 46) {
    // Kept to the millisecond: digits past the third are dropped, not rounded (as readIsoGeneral does).
    let digits = 0;
    let scale = 100;
    for (at++; at < text.length; at++, digits++) {
      const d = text.charCodeAt(at) - ZERO;
      if (d < 0 || d > 9) break;
      if (digits < 3) ms += d * scale;
      scale /= 10;
    }
    if (digits === 0 || digits > 9) return Number.NaN;
  }
  const offset = offsetMinutes(text, at);
  if (Number.isNaN(offset)) return Number.NaN;
  const result = Date.UTC(year, month - 1, day, hour, minute, second, ms) - offset * 60_000;
  // Before 1970 or past year 9999 is unreadable.
  return result >= 0 && result <= MAX_EPOCH_SECONDS * 1000 ? result : Number.NaN;
}
