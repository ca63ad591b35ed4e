import { Counter } from 'prom-client';
import type { Registry } from 'prom-client';

/**
 * A Prometheus counter for a total something else already keeps (the book, a replica, the
 * webhooks), read at scrape time rather than counted twice. A total that falls (a replica swapped
 * for a fresh one) becomes the new base: a counter cannot go down, and the rise after it still counts.
 */
export function mirrorCounter(registry: Registry, name: string, help: string, read: () => number): void {
  let reported = 0;
  new Counter({
    name,
    help,
    registers: [registry],
    collect() {
      const total = read();
      if (total > reported) this.inc(total - reported);
      reported = total;
    },
  });
}

/**
 * `mirrorCounter` for totals by one label. Every label value read is reported, at 0 before anything
 * happened, so a dashboard sees the series (and rate() a zero) from the first scrape.
 */
export function mirrorCounterByLabel(
  registry: Registry,
  name: string,
  help: string,
  label: string,
  read: () => Iterable<readonly [string, number]>,
): void {
  const reported = new Map<string, number>();
  new Counter({
    name,
    help,
    labelNames: [label],
    registers: [registry],
    collect() {
      for (const [value, total] of read()) {
        this.inc({ [label]: value }, Math.max(0, total - (reported.get(value) ?? 0)));
        reported.set(value, total);
      }
    },
  });
}
