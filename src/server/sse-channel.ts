/**
 * The byte stream behind one SSE response, with an explicit, bounded queue.
 *
 * The HTTP layer pulls from `stream` only as fast as the socket drains, so whatever it has not
 * taken yet sits in this stream's queue: `backlog` is that queue in bytes. Producers that can
 * wait (snapshot, catch-up) await `room()`; the live fan-out never waits and instead drops the
 * client once its backlog passes the limit, so a reader that stops reading costs a bounded
 * amount of memory.
 */
export class SseChannel {
  readonly stream: ReadableStream<Uint8Array>;
  private controller: ReadableStreamDefaultController<Uint8Array> | undefined;
  private waiters: (() => void)[] = [];
  private open = true;

  /**
   * `cutConnection`, when the HTTP layer offers one, drops the connection for `abort` without
   * turning it into a response error (which the node adapter would print as a stack trace).
   */
  constructor(
    private readonly lowWaterBytes: number,
    onCancel: () => void,
    private readonly cutConnection?: () => void,
  ) {
    this.stream = new ReadableStream<Uint8Array>(
      {
        start: (controller) => {
          this.controller = controller;
        },
        pull: () => {
          this.wake();
        },
        cancel: () => {
          this.open = false;
          this.wake();
          onCancel();
        },
      },
      { highWaterMark: lowWaterBytes, size: (chunk) => chunk.byteLength },
    );
  }

  get isOpen(): boolean {
    return this.open;
  }

  /** Bytes queued and not yet taken by the socket. */
  get backlog(): number {
    return this.lowWaterBytes - (this.controller?.desiredSize ?? 0);
  }

  get hasRoom(): boolean {
    return (this.controller?.desiredSize ?? 0) > 0;
  }

  send(bytes: Uint8Array): boolean {
    if (!this.open || this.controller === undefined) return false;
    this.controller.enqueue(bytes);
    return true;
  }

  /** Resolves once the queue is below the low-water mark, or the channel closed. */
  room(): Promise<void> {
    if (!this.open || this.hasRoom) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Ends the stream after what is queued (graceful). */
  close(): void {
    if (!this.open) return;
    this.open = false;
    this.controller?.close();
    this.wake();
  }

  /** Ends the stream now, discarding the queue and closing the connection. */
  abort(reason: string): void {
    if (!this.open) return;
    this.open = false;
    // Cutting the connection makes the HTTP layer cancel the stream, which frees the queue.
    if (this.cutConnection !== undefined) this.cutConnection();
    else this.controller?.error(new Error(reason));
    this.wake();
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }
}
