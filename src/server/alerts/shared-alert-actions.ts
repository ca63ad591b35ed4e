import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { AlertAction } from '../../core/alert';
import { clusterKeys, DEFAULT_TAG } from '../redis/redis-keys';

/** Operator actions the shared stream keeps: a day of a busy desk's acknowledgements, and a bounded key. */
const MAX_ACTIONS = 10_000;
const BLOCK_MS = 2_000;
const RETRY_MS = 1_000;

/**
 * `--store` mode: operator actions on alerts go through a Redis stream every relay of the cluster
 * reads, so an acknowledgement on one relay holds on all of them (each evaluates its own rules on
 * the same book, so an order's or engine's alert has the same id everywhere). A relay starting
 * reads the stream from its start, so it knows what was acknowledged before it came up.
 */
export class SharedAlertActions {
  readonly origin = randomUUID();
  private readonly writer: Redis;
  private readonly reader: Redis;
  private readonly key: string;
  private stopped = false;
  private loop: Promise<void> | undefined;

  constructor(
    url: string,
    tag: string | undefined,
    private readonly logger: Logger,
  ) {
    const options = { lazyConnect: false, maxRetriesPerRequest: null, enableOfflineQueue: true } as const;
    this.writer = new Redis(url, options);
    this.reader = new Redis(url, options);
    for (const connection of [this.writer, this.reader]) connection.on('error', () => undefined);
    this.key = `${clusterKeys(tag ?? DEFAULT_TAG).meta.replace(/:meta$/, '')}:alert_actions`;
  }

  publish(action: AlertAction): void {
    this.writer
      .xadd(this.key, 'MAXLEN', '~', String(MAX_ACTIONS), '*', 'a', JSON.stringify({ origin: this.origin, action }))
      .catch((error: unknown) => this.logger.warn({ err: String(error) }, 'alerts: could not share an action with the cluster'));
  }

  /** Reads every action from the stream's start, then follows it; `onAction` gets those of other relays. */
  follow(onAction: (action: AlertAction) => void): void {
    this.loop = (async () => {
      let last = '0-0';
      while (!this.stopped) {
        try {
          const reply = await this.reader.xread('COUNT', 1000, 'BLOCK', BLOCK_MS, 'STREAMS', this.key, last);
          for (const [, entries] of reply ?? []) {
            for (const [id, fields] of entries) {
              last = id;
              const text = fields[fields.indexOf('a') + 1];
              if (text === undefined) continue;
              const { origin, action } = JSON.parse(text) as { origin: string; action: AlertAction };
              if (origin !== this.origin) onAction(action);
            }
          }
        } catch (error) {
          if (this.stopped) return;
          this.logger.warn({ err: String(error) }, 'alerts: reading the cluster actions failed; retrying');
          await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
        }
      }
    })();
  }

  async close(): Promise<void> {
    this.stopped = true;
    this.reader.disconnect();
    await this.loop;
    await this.writer.quit().catch(() => undefined);
  }
}
