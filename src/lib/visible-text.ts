/**
 * Engine-supplied text made safe to read: every character that shows as nothing, or moves the
 * text around it, is written out as `⟨U+XXXX⟩`. Two ids that differ only by a zero-width space
 * then look different, and a U+202E can no longer turn "abc‮fdp.exe" into "abcexe.pdf".
 *
 * Covered: general categories Cc (C0/C1 controls) and Cf (zero-width, bidi controls, soft
 * hyphen, BOM, tags), U+2028/U+2029, lone surrogates (Cs: not text at all, shown as � at best),
 * and the other default-ignorable code points (U+034F, U+115F, U+3164, variation selectors …),
 * which the Unicode standard itself says render as nothing: a Hangul filler makes an id look blank.
 * Pure: no DOM, safe in every layer.
 */

const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}\u2028\u2029\p{Default_Ignorable_Code_Point}]/u;
const INVISIBLE_ALL = new RegExp(INVISIBLE.source, 'gu');
/** Printable ASCII only: most ids, every demo id. One test, then plain string slicing. */
const PLAIN_ASCII = /^[\x20-\x7e]*$/;
const COMBINING = /^\p{M}/u;
/** Units a cut head keeps at least. */
const MIN_HEAD = 3;

/** `⟨U+202E⟩`: at least four hex digits, as Unicode writes code points. */
export function codePointMarker(cp: number): string {
  return `⟨U+${cp.toString(16).toUpperCase().padStart(4, '0')}⟩`;
}

/** True when `s` has a character `visibleText` would replace. */
export function hasInvisible(s: string): boolean {
  return INVISIBLE.test(s);
}

/**
 * `s` with every invisible or control character shown as its code point; `s` itself (the same
 * string) when it has none, which is nearly always.
 * @example visibleText('a\u200Bb') // 'a⟨U+200B⟩b'; visibleText('coid_1') // 'coid_1'
 */
export function visibleText(s: string): string {
  if (!INVISIBLE.test(s)) return s;
  return s.replace(INVISIBLE_ALL, (c) => codePointMarker(c.codePointAt(0)!));
}

/**
 * The visible text of `s` cut in two so that its last `tail` units stay whole: a unit is a code
 * point, or a whole `⟨U+XXXX⟩` marker (never split), and the tail never starts on a combining
 * mark (it stays with its base). `head + tail === visibleText(s)` always. When the head would
 * be shorter than MIN_HEAD, all of it is head: an ellipsis in place of a character or two saves
 * nothing ("paper" stays whole).
 * @example splitTail('coid_demo_174821', 4) // { head: 'coid_demo_17', tail: '4821' }
 */
export function splitTail(s: string, tail: number): { readonly head: string; readonly tail: string } {
  const keep = Math.max(0, Math.floor(tail));
  if (PLAIN_ASCII.test(s)) {
    if (s.length < keep + MIN_HEAD || keep === 0) return { head: s, tail: '' };
    return { head: s.slice(0, s.length - keep), tail: s.slice(s.length - keep) };
  }
  const units = visibleUnits(s);
  let at = units.length - keep;
  while (at > 0 && COMBINING.test(units[at]!)) at--;
  if (at < MIN_HEAD || keep === 0) return { head: units.join(''), tail: '' };
  return { head: units.slice(0, at).join(''), tail: units.slice(at).join('') };
}

/**
 * The visible text of `s` in at most `max` units, cut in the middle with "…" so its start and
 * its last `tail` units show: for places CSS cannot cut, such as a select's options.
 * @example middleEllipsis('coid_demo_174821', 10, 4) // 'coid_…4821'
 */
export function middleEllipsis(s: string, max: number, tail: number): string {
  const units = PLAIN_ASCII.test(s) ? null : visibleUnits(s);
  const length = units === null ? s.length : units.length;
  if (length <= max) return units === null ? s : units.join('');
  const keepTail = Math.min(Math.max(0, tail), Math.max(0, max - 2));
  const keepHead = Math.max(0, max - 1 - keepTail);
  if (units === null) return `${s.slice(0, keepHead)}…${s.slice(s.length - keepTail)}`;
  let at = units.length - keepTail;
  while (at > keepHead && COMBINING.test(units[at]!)) at--;
  return `${units.slice(0, keepHead).join('')}…${units.slice(at).join('')}`;
}

/** Code points of `s`, each invisible one already replaced by its marker. */
function visibleUnits(s: string): string[] {
  const units: string[] = [];
  for (const c of s) units.push(INVISIBLE.test(c) ? codePointMarker(c.codePointAt(0)!) : c);
  return units;
}
