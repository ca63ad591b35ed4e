import type { Logger } from 'pino';
import type { Alert } from '../../core/alert';

/** Alert changes waiting per webhook; past it the oldest are dropped (counted) so a dead receiver costs bounded memory. */
export const WEBHOOK_QUEUE_LIMIT = 1_000;
const TIMEOUT_MS = 5_000;
const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 60_000;
const MAX_ATTEMPTS = 8;

export interface WebhookFigures {
  sent: number;
  failed: number;
  dropped: number;
}

/** Slack's `text` (it ignores the rest), then the alert itself for anything that reads JSON. */
export function webhookBody(alert: Alert): string {
  const who = alert.ack === null ? '' : ` by ${alert.ack.by}${alert.ack.comment === '' ? '' : `: ${alert.ack.comment}`}`;
  const text = `[${alert.state.toUpperCase()}] ${alert.severity} ${alert.rule}: ${alert.summary}${who}`;
  return JSON.stringify({ text, alert });
}

/**
 * Posts alert changes to each `--webhook` URL in order, one at a time per URL, retried with
 * backoff. Nothing here is awaited by ingest or evaluation: `push` only queues.
 */
export class Webhooks {
  readonly figures: WebhookFigures = { sent: 0, failed: 0, dropped: 0 };
  private readonly queues: { url: string; items: string[]; busy: boolean }[];
  private stopped = false;
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    urls: readonly string[],
    private readonly logger: Logger,
  ) {
    this.queues = urls.map((url) => ({ url, items: [], busy: false }));
  }

  push(alerts: readonly Alert[]): void {
    if (this.stopped || alerts.length === 0) return;
    for (const queue of this.queues) {
      for (const alert of alerts) queue.items.push(webhookBody(alert));
      const over = queue.items.length - WEBHOOK_QUEUE_LIMIT;
      if (over > 0) {
        queue.items.splice(0, over);
        this.figures.dropped += over;
        this.logger.warn({ url: queue.url, dropped: over }, 'webhook: queue full; oldest alert changes dropped');
      }
      void this.drain(queue);
    }
  }

  stop(): void {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
  }

  private async drain(queue: { url: string; items: string[]; busy: boolean }): Promise<void> {
    if (queue.busy) return;
    queue.busy = true;
    try {
      while (!this.stopped && queue.items.length > 0) {
        const body = queue.items[0]!;
        if (await this.deliver(queue.url, body)) this.figures.sent++;
        else this.figures.failed++;
        queue.items.shift();
      }
    } finally {
      queue.busy = false;
    }
  }

  private async deliver(url: string, body: string): Promise<boolean> {
    let wait = FIRST_RETRY_MS;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS && !this.stopped; attempt++) {
      let problem: string;
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'user-agent': 'orderwatch-relay' },
          body,
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
        await response.body?.cancel();
        if (response.ok) return true;
        problem = `HTTP ${response.status}`;
        // A 4xx other than 408/429 will not get better by asking again.
        if (response.status < 500 && response.status !== 408 && response.status !== 429) attempt = MAX_ATTEMPTS;
      } catch (error) {
        problem = error instanceof Error ? error.message : String(error);
      }
      this.logger.warn(
        { url, attempt, problem },
        attempt >= MAX_ATTEMPTS ? 'webhook: giving up on an alert change' : 'webhook: failed; retrying',
      );
      if (attempt >= MAX_ATTEMPTS) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          this.timers.delete(timer);
          resolve();
        }, wait);
        timer.unref();
        this.timers.add(timer);
      });
      wait = Math.min(MAX_RETRY_MS, wait * 2);
    }
    return false;
  }
}
