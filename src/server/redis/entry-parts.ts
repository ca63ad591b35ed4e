/**
 * A batch entry's payloads travel, and are stored, in parts of at most PART_CHARS characters.
 *
 * Why: V8 allocates any string over 128 KiB in its large-object space, which costs ~2 ms per
 * 330 KB string here, against ~0.05 ms for the same text in four ordinary strings. A
 * 2,000-event entry is ~330 KB, and it was made into one string four times per event batch: the
 * ingesting relay's joined body, the Redis client's command text, and each relay's read of the
 * entry. In parts, none of them is large (the command goes out as Buffers). 60,000 characters
 * keep a part under the limit even when V8 stores it two bytes per character (any character
 * above U+00FF in it).
 */
export const PART_CHARS = 60_000;

/** The field of a batch entry in one part (the format before parts, which older relays read). */
export const BATCH_FIELD = 'evs';
/**
 * The field name of every part of an entry in two or more. A different name on purpose: a relay
 * from before parts counts such an entry as bad (a metric) instead of reading its first part only.
 */
export const PARTS_FIELD = 'evp';

/**
 * The payloads joined by newlines, in parts of at most PART_CHARS characters (a payload longer
 * than that is a part by itself). Never splits a payload.
 * @example joinInParts(['{"a":1}', '{"b":2}']) // ['{"a":1}\n{"b":2}']
 */
export function joinInParts(payloads: readonly string[], partChars = PART_CHARS): string[] {
  const parts: string[] = [];
  let from = 0;
  let chars = 0;
  for (let k = 0; k < payloads.length; k++) {
    const length = payloads[k]!.length;
    if (k > from && chars + 1 + length > partChars) {
      parts.push(joinRange(payloads, from, k));
      from = k;
      chars = length;
    } else {
      chars += k > from ? 1 + length : length;
    }
  }
  if (payloads.length > from) parts.push(joinRange(payloads, from, payloads.length));
  return parts;
}

function joinRange(payloads: readonly string[], from: number, to: number): string {
  return from === 0 && to === payloads.length ? payloads.join('\n') : payloads.slice(from, to).join('\n');
}

/** The entry's fields as the append script writes them: `"<first rseq> <at>\n"` before the first part. */
export function batchFields(firstRseq: number, at: number, parts: readonly string[]): string[] {
  const name = parts.length === 1 ? BATCH_FIELD : PARTS_FIELD;
  const fields: string[] = [];
  for (let k = 0; k < parts.length; k++) fields.push(name, k === 0 ? `${firstRseq} ${at}\n${parts[0]!}` : parts[k]!);
  return fields;
}
