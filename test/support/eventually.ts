/*
 * Waiting on a condition, never on the clock: poll until it holds. The bound only turns a hang into
 * a failure that names what never happened; it is generous, because a loaded 2-core CI machine is
 * slow, not wrong.
 */

const POLL_MS = 20;

/** The first value `probe` gives that is not undefined; fails naming `what` (and `detail()`) after `timeoutMs`. */
export async function until<T>(
  probe: () => T | undefined | Promise<T | undefined>,
  what: string,
  timeoutMs = 30_000,
  detail?: () => string,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${detail ? `; ${detail()}` : ''}`);
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

/** Polls until `check` holds; fails naming `what` after `timeoutMs`. */
export async function eventually(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  await until(async () => ((await check()) ? true : undefined), what, timeoutMs);
}
