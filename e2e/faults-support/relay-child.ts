import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RelayProcess } from '../../test/support/relay-process';
import { startRelayProcess } from '../../test/support/relay-process';

/** The real relay (`src/server/main.ts --no-sim`) as a child whose process the test may freeze (SIGSTOP) or kill. */
export type RelayChild = RelayProcess;

export function startRelayChild(options: {
  port?: number;
  heartbeatMs: number;
  env?: Record<string, string>;
  /** The journal's directory; a new empty one by default. */
  dataDir?: string;
}): Promise<RelayChild> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'orderwatch-e2e-'));
  return startRelayProcess(
    [
      '--no-sim',
      '--host',
      '127.0.0.1',
      '--port',
      String(options.port ?? 0),
      '--heartbeat-ms',
      String(options.heartbeatMs),
      '--data-dir',
      dataDir,
    ],
    30_000,
    options.env,
  );
}
