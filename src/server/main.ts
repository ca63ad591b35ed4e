import { startRelay } from './relay';
import { parseRelayArgs, RELAY_USAGE } from './relay-args';
import { DEFAULT_CONFIG, isLoopbackHost } from './relay-config';
import { logsRequests } from './request-log';
import { StartError } from './start-error';

/** Entry point of `npm start`: flags → relay; prints the URL on stdout; SIGINT/SIGTERM stop it cleanly. */
async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseRelayArgs(process.argv.slice(2), process.env);
  } catch (error) {
    process.stderr.write(`relay: ${(error as Error).message}\n`);
    return 2;
  }
  if (parsed.help) {
    process.stdout.write(`${RELAY_USAGE}\n`);
    return 0;
  }
  const host = parsed.config.host ?? DEFAULT_CONFIG.host;
  if (!isLoopbackHost(host) && parsed.config.ingestToken === undefined) {
    process.stderr.write(
      `relay: refusing to listen on ${host} without INGEST_TOKEN: anyone who can reach that address could post orders ` +
        `into the dashboards. Set INGEST_TOKEN (engines then send "Authorization: Bearer <token>") or bind 127.0.0.1.\n`,
    );
    return 2;
  }
  const relay = await startRelay({
    ...parsed.config,
    logRequests: logsRequests(parsed.config.logRequests, process.stdout.isTTY === true),
  });
  process.stdout.write(`Orderwatch relay listening on ${relay.url}\n`);
  await new Promise<void>((resolve) => {
    const stop = (signal: NodeJS.Signals): void => {
      relay.logger.info({ signal }, 'signal received');
      relay.close().then(resolve, resolve);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof StartError) {
      process.stderr.write(`orderwatch: ${error.message}\n`);
      process.exitCode = 1;
      return;
    }
    process.stderr.write(`relay: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
