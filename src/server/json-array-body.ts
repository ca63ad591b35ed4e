import type { Line } from '../protocol/line-splitter';

const BATCH = 1_000;

/**
 * A JSON array body as numbered lines (item index + 1), handed to `apply` in batches with a
 * yield between them so a 5 MB array does not hold the event loop. A lone object is one item.
 * Items are re-serialized so they take exactly the NDJSON path: one validation, one rule set.
 */
export async function readJsonArrayLines(
  parts: readonly Uint8Array[],
  total: number,
  apply: (lines: readonly Line[]) => void | Promise<void>,
): Promise<void> {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(parts, total)));
  } catch (error) {
    await apply([{ line: 1, error: `invalid JSON body (${error instanceof Error ? error.message : String(error)})`.slice(0, 200) }]);
    return;
  }
  const items: unknown[] = Array.isArray(value) ? value : [value];
  for (let start = 0; start < items.length; start += BATCH) {
    const lines: Line[] = [];
    for (let i = start; i < Math.min(items.length, start + BATCH); i++) lines.push(itemLine(i + 1, items[i]));
    await apply(lines);
    if (start + BATCH < items.length) await new Promise((resolve) => setImmediate(resolve));
  }
}

function itemLine(line: number, item: unknown): Line {
  try {
    return { line, text: JSON.stringify(item) };
  } catch (error) {
    // Nested deeper than the stack allows (JSON.parse took it, stringify recurses): this item only.
    return { line, error: `item could not be read (${error instanceof Error ? error.message : String(error)})`.slice(0, 200) };
  }
}
