/**
 * What a spreadsheet may run as a formula: = + - @ (or their fullwidth forms, which some
 * spreadsheets fold to ASCII), even behind whitespace or invisible characters it strips first;
 * or a leading tab or CR.
 */
const FORMULA_START = /^(?:[\s\u00AD\u200B-\u200F\u2060\uFEFF]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|[\t\r])/u;

/** Tells Excel the file is UTF-8; without it, non-ASCII symbols and reasons come out garbled. */
export const CSV_BOM = '\uFEFF';

/**
 * A number as a spreadsheet should read it: integers exact, fractions without the binary noise
 * of sums and divisions (an average price of 1.0794899996073835 is 1.07949). Ten significant
 * digits, and never fewer than two decimals' worth, so cents of large amounts stay.
 */
export function csvNumber(value: number): string {
  if (!Number.isFinite(value)) return '';
  if (Number.isInteger(value)) return String(value);
  const intDigits = Math.max(1, Math.floor(Math.log10(Math.abs(value))) + 1);
  return String(Number(value.toPrecision(Math.min(17, Math.max(10, intDigits + 2)))));
}

/**
 * One CSV field. Text that a spreadsheet would run as a formula gets a leading apostrophe;
 * fields with a comma, quote or line break are quoted.
 * Numbers are written as numbers, without float noise.
 */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return csvNumber(value);
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * A whole CSV document: a UTF-8 BOM first, the header, one line per row, RFC 4180 line ends.
 * @example csvDocument(['id'], [['=1']]) // '\uFEFFid\r\n\'=1\r\n'
 */
export function csvDocument(header: readonly string[], rows: Iterable<readonly (string | number | null)[]>): string {
  const lines = [header.join(',')];
  for (const fields of rows) lines.push(fields.map(csvField).join(','));
  return `${CSV_BOM}${lines.join('\r\n')}\r\n`;
}
