import type { MiddlewareHandler } from 'hono';
import type { Logger } from 'pino';
import { pino } from 'pino';
import type { RelayConfig } from './relay-config';

export function createLogger(config: Pick<RelayConfig, 'logLevel' | 'logDestination'>): Logger {
  const options = { level: config.logLevel, base: { service: 'orderwatch-relay' } };
  return config.logDestination === undefined ? pino(options) : pino(options, config.logDestination);
}

/** The paper engine posts several times a second; its requests log at debug so real traffic stands out. */
export const SIM_USER_AGENT = 'orderwatch-paper-engine';

/**
 * Whether every HTTP request gets a line at info. A person who started the relay in a terminal
 * wants startup, warnings and errors there, not a line per dashboard poll: on a TTY they are at
 * debug unless asked for (`--log-requests`); a service or CI (stdout not a TTY) keeps them all.
 */
export function logsRequests(asked: boolean | undefined, stdoutIsTty: boolean): boolean {
  return asked ?? !stdoutIsTty;
}

/**
 * One JSON line per request, written when the response starts (for a stream, when it opens).
 * The query string is left out: it may carry a view token.
 */
export function requestLog(logger: Logger, atInfo: boolean): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const sim = c.req.header('user-agent') === SIM_USER_AGENT;
    const fields = {
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
    };
    if (sim || !atInfo) logger.debug(fields, 'request');
    else logger.info(fields, 'request');
  };
}
