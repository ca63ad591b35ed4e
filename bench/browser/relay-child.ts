import { startRelay } from '../../src/server/relay';

/**
 * The real relay in a child process for the benchmark and the soak: the parent passes the
 * config as JSON (distDir picks the variant's page); prints the URL like `npm start` does.
 */
const config = JSON.parse(process.argv[2] ?? '{}') as Record<string, unknown>;
const relay = await startRelay({ port: 0, host: '127.0.0.1', logLevel: 'warn', sim: false, ...config });
process.stdout.write(`Orderwatch relay listening on ${relay.url}\n`);
const stop = (): void => void relay.close().then(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
