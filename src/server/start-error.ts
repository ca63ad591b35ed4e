/**
 * A reason the relay cannot start that the person starting it can act on (a port taken, a journal
 * held by another relay): main prints its message as one line, without a stack, and exits 1.
 * Anything else is a bug and keeps its stack.
 */
export class StartError extends Error {
  override readonly name: string = 'StartError';
}

/** Node's listen errors that a flag fixes, as one sentence naming the flag; anything else as it came. */
export function listenError(error: unknown, host: string, port: number): unknown {
  const code = error instanceof Error ? (error as NodeJS.ErrnoException).code : undefined;
  if (code === 'EADDRINUSE')
    return new StartError(`port ${port} on ${host} is in use (another relay running?); choose another with --port`);
  if (code === 'EACCES')
    return new StartError(`port ${port} on ${host} needs privileges this user lacks; choose one above 1023 with --port`);
  if (code === 'EADDRNOTAVAIL') return new StartError(`${host} is not an address of this machine; choose another with --host`);
  return error;
}
