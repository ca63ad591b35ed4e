import { concatBytes } from '../lib/concat-bytes';

/** One NDJSON line, numbered from 1, or the reason it could not be read as text. */
export type Line = { readonly line: number; readonly text: string } | { readonly line: number; readonly error: string };

export const DEFAULT_MAX_LINE_BYTES = 1024 * 1024;

const NEWLINE = 0x0a;
const CR = 0x0d;

/**
 * Splits a byte stream into NDJSON lines as chunks arrive, so a POST held open for hours
 * yields each event as soon as its newline lands. Works on bytes, not text: a line with
 * invalid UTF-8 is reported alone instead of corrupting its neighbours, and an overlong
 * line is skipped without being buffered. Blank lines are skipped but still numbered.
 */
export class LineSplitter {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private parts: Uint8Array[] = [];
  private partBytes = 0;
  private overlong = false;
  private lineNo = 0;

  constructor(private readonly maxLineBytes = DEFAULT_MAX_LINE_BYTES) {}

  /** Lines completed by this chunk. */
  push(chunk: Uint8Array): Line[] {
    const out: Line[] = [];
    let start = 0;
    // The line carried over from the last chunk ends first, on its own.
    if (this.partBytes > 0 || this.overlong) {
      const nl = chunk.indexOf(NEWLINE);
      if (nl === -1) {
        this.keep(chunk);
        return out;
      }
      this.keep(chunk.subarray(0, nl));
      this.finishLine(out);
      start = nl + 1;
    }
    start = this.pushWhole(chunk, start, out);
    for (;;) {
      const nl = chunk.indexOf(NEWLINE, start);
      if (nl === -1) {
        this.keep(chunk.subarray(start));
        return out;
      }
      this.keep(chunk.subarray(start, nl));
      this.finishLine(out);
      start = nl + 1;
    }
  }

  /** The last line, when the stream ends without a newline. */
  end(): Line[] {
    const out: Line[] = [];
    if (this.partBytes > 0 || this.overlong) this.finishLine(out);
    return out;
  }

  get linesSeen(): number {
    return this.lineNo;
  }

  private keep(bytes: Uint8Array): void {
    if (bytes.length === 0 || this.overlong) return;
    if (this.partBytes + bytes.length > this.maxLineBytes) {
      this.overlong = true;
      this.parts = [];
      this.partBytes = 0;
      return;
    }
    // Copy: the caller may reuse its buffer.
    this.parts.push(bytes.slice());
    this.partBytes += bytes.length;
  }

  /**
   * The usual case, one decode for the whole lines of a chunk from `start` instead of a copy and a
   * decode per line: when that stretch is too short to hold an overlong line. Returns where the
   * per-line path goes on: past the lines taken here, or `start` when the text has invalid UTF-8
   * or a BOM, which each line must answer for alone (the per-line decode drops a BOM at the start
   * of each line).
   */
  private pushWhole(chunk: Uint8Array, start: number, out: Line[]): number {
    const end = chunk.lastIndexOf(NEWLINE);
    if (end < start || end - start > this.maxLineBytes) return start;
    let text: string;
    try {
      text = this.decoder.decode(chunk.subarray(start, end));
    } catch {
      return start;
    }
    if (text.includes('\uFEFF')) return start;
    let from = 0;
    for (;;) {
      const nl = text.indexOf('\n', from);
      const stop = nl < 0 ? text.length : nl;
      const line = ++this.lineNo;
      const cut = stop > from && text.charCodeAt(stop - 1) === CR ? stop - 1 : stop;
      // A line starting with a visible ASCII character is not blank; anything else gets the full test.
      if (cut > from && (text.charCodeAt(from) > 0x20 && text.charCodeAt(from) < 0x7f ? true : text.slice(from, cut).trim() !== '')) {
        out.push({ line, text: text.slice(from, cut) });
      }
      if (nl < 0) return end + 1;
      from = nl + 1;
    }
  }

  private finishLine(out: Line[]): void {
    const line = ++this.lineNo;
    if (this.overlong) {
      this.overlong = false;
      out.push({ line, error: `line longer than ${this.maxLineBytes} bytes` });
      return;
    }
    let bytes = this.parts.length === 1 ? this.parts[0]! : concatBytes(this.parts, this.partBytes);
    this.parts = [];
    this.partBytes = 0;
    if (bytes.length > 0 && bytes[bytes.length - 1] === CR) bytes = bytes.subarray(0, bytes.length - 1);
    if (bytes.length === 0) return;
    let text: string;
    try {
      text = this.decoder.decode(bytes);
    } catch {
      out.push({ line, error: 'invalid UTF-8' });
      return;
    }
    if (text.trim() === '') return;
    out.push({ line, text });
  }
}
