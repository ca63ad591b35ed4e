import { createReadStream } from 'node:fs';
import { once } from 'node:events';
import { createBook } from '../core/book';
import { cleanupAfterEvent } from '../core/cleanup';
import { emptyTally, ingestLine } from '../protocol/ingest';
import type { Line } from '../protocol/line-splitter';
import { LineSplitter } from '../protocol/line-splitter';
import { parseReplayArgs, REPLAY_USAGE } from './replay-args';
import { reportChunks } from '../protocol/report';

/**
 * Replays an NDJSON event file through the core and prints the resulting state as one JSON
 * object. Streams both ways: input is split as it is read, output written in pieces.
 */
async function main(): Promise<number> {
  let args;
  try {
    args = parseReplayArgs(process.argv.slice(2), Date.now());
  } catch (error) {
    process.stderr.write(`replay: ${(error as Error).message}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(`${REPLAY_USAGE}\n`);
    return 0;
  }
  // The CLI's output promises every anomaly, so none are dropped here.
  const book = createBook({ anomalyLimit: Number.POSITIVE_INFINITY });
  const splitter = new LineSplitter();
  const tally = emptyTally();
  let rejectedLines = 0;
  const handle = (lines: Line[]): void => {
    for (const line of lines) {
      const applied = ingestLine(book, line, tally);
      if (applied !== undefined && args.keepTerminal !== null) cleanupAfterEvent(book, args.keepTerminal);
      if (tally.rejected.length > 0) {
        for (const r of tally.rejected) process.stderr.write(`line ${r.line}: ${r.error}\n`);
        rejectedLines += tally.rejected.length;
        tally.rejected.length = 0;
      }
    }
  };
  const input = args.file === '-' ? process.stdin : createReadStream(args.file);
  try {
    for await (const chunk of input) handle(splitter.push(chunk as Uint8Array));
    handle(splitter.end());
  } catch (error) {
    process.stderr.write(`replay: cannot read ${args.file}: ${(error as Error).message}\n`);
    return 2;
  }
  for (const piece of reportChunks(book, { now: args.now, staleAfter: args.staleAfter, rejectedLines })) {
    if (!process.stdout.write(piece)) await once(process.stdout, 'drain');
  }
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`replay: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  },
);
