/*
 * Byte limits on the wire's text fields, so one line can not make the relay hold (and send every
 * dashboard) megabytes per order or per engine. Bytes, not characters: memory and the stream are
 * UTF-8. Identifiers may also not hide characters: a bidi override or a zero-width space makes two
 * ids look the same on screen, or one look like another.
 */

/** `client_order_id`, `order_id`. */
export const ID_MAX_BYTES = 128;
/** `engine`, `symbol`, `route`. */
export const NAME_MAX_BYTES = 64;
/** A transition's `reason`: free text, so any character, but bounded. */
export const REASON_MAX_BYTES = 1024;

/** Control (Cc), format (Cf: zero-width, bidi controls, soft hyphen…) and the line/paragraph separators. */
const HIDDEN = /[\p{Cc}\p{Cf}\u2028\u2029]/u;

/** UTF-8 length of `text`, counting only until it passes `limit` (a 1 MB id costs no more than a short one). */
export function utf8BytesUpTo(text: string, limit: number): number {
  // Every UTF-16 unit is at least 1 byte: past limit + 1 units the answer is already "over".
  return utf8Bytes(text, Math.min(text.length, limit + 1));
}

/** UTF-8 length of `text`, as Buffer.byteLength gives it, in code that also runs in the browser. */
export function utf8Length(text: string): number {
  return utf8Bytes(text, text.length);
}

function utf8Bytes(text: string, units: number): number {
  let bytes = 0;
  for (let i = 0; i < units; i++) {
    const c = text.charCodeAt(i);
    // A surrogate pair is 4 bytes: 2 for each half.
    bytes += c < 0x80 ? 1 : c < 0x800 || (c >= 0xd800 && c <= 0xdfff) ? 2 : 3;
  }
  return bytes;
}

/** What is wrong with `text` as free text of at most `maxBytes`, or undefined. */
export function textProblem(text: string, maxBytes: number): string | undefined {
  // Every UTF-16 unit is at most 3 bytes: a string this short can not pass the limit.
  if (text.length * 3 <= maxBytes || utf8BytesUpTo(text, maxBytes) <= maxBytes) return undefined;
  return `too long: ${utf8Bytes(text, text.length)} bytes, the limit is ${maxBytes}`;
}

/** What is wrong with `text` as an identifier of at most `maxBytes`, or undefined. */
export function identifierProblem(text: string, maxBytes: number): string | undefined {
  const long = textProblem(text, maxBytes);
  if (long !== undefined) return long;
  if (isPlainAscii(text)) return undefined;
  const hidden = HIDDEN.exec(text);
  if (hidden === null) return undefined;
  const code = hidden[0].codePointAt(0) ?? 0;
  return `contains U+${code.toString(16).toUpperCase().padStart(4, '0')} at ${hidden.index}: identifiers may not hold control, zero-width or bidi characters`;
}

/** Printable ASCII only: the common case, checked without the Unicode regex. */
function isPlainAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c > 0x7e) return false;
  }
  return true;
}
