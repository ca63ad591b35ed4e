import type { ClientRequest, IncomingMessage } from 'node:http';
import { get } from 'node:http';

const BOUNDARY = Buffer.from('\n\n');
const ID = Buffer.from('id: ');
const EVENTS = Buffer.from('event: events');
const AT = Buffer.from('"at":');

/**
 * A stream client that costs the benchmark process almost nothing per event: it finds message
 * boundaries and the `id:` of each `events` message (its last rseq) without parsing the JSON.
 * Items of a message are rseqs previous id + 1 … id (the relay numbers accepted events without
 * gaps), each timed at the moment its bytes arrived.
 */
export class StreamReader {
  lastRseq = 0;
  messages = 0;
  snapshotDone = false;
  ended = false;
  private tail: Buffer = Buffer.alloc(0);
  private request: ClientRequest | undefined;
  private waiters: { rseq: number; resolve: () => void; reject: (error: Error) => void }[] = [];

  constructor(
    private readonly url: string,
    /** Called once per received item with its rseq and the arrival time (performance.now()). */
    private readonly onItems: (fromRseq: number, toRseq: number, receivedAt: number) => void,
    /** When given: the relay's arrival time (`at`, epoch ms) of each message's last item and our Date.now(). */
    private readonly onRelayArrival?: (relayAt: number, receivedWallMs: number) => void,
  ) {}

  /** Resolves once the whole snapshot has arrived (its last message, `snapshot_end`, carries an id). */
  open(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.request = get(`${this.url}/api/stream`, { agent: false, headers: { accept: 'text/event-stream' } }, (res: IncomingMessage) => {
        if (res.statusCode !== 200) reject(new Error(`stream: HTTP ${res.statusCode}`));
        let ready = false;
        res.on('data', (chunk: Buffer) => {
          this.receive(chunk, performance.now());
          if (!ready && this.snapshotDone) {
            ready = true;
            resolve();
          }
        });
        res.on('end', () => this.end());
        res.on('error', () => this.end());
      });
      this.request.on('error', (error) => {
        this.end();
        reject(error);
      });
    });
  }

  /** Resolves when an item with this rseq (or later) has arrived; rejects if the stream ends first. */
  waitFor(rseq: number): Promise<void> {
    if (this.lastRseq >= rseq) return Promise.resolve();
    if (this.ended) return Promise.reject(new Error(`stream ended at rseq ${this.lastRseq}, before ${rseq}`));
    return new Promise((resolve, reject) => this.waiters.push({ rseq, resolve, reject }));
  }

  close(): void {
    this.request?.destroy();
  }

  private receive(chunk: Buffer, at: number): void {
    const data = this.tail.length === 0 ? chunk : Buffer.concat([this.tail, chunk]);
    let start = 0;
    for (let end = data.indexOf(BOUNDARY, start); end !== -1; end = data.indexOf(BOUNDARY, start)) {
      this.message(data.subarray(start, end), at);
      start = end + 2;
    }
    this.tail = start === data.length ? Buffer.alloc(0) : Buffer.from(data.subarray(start));
  }

  private message(message: Buffer, at: number): void {
    // Comments (the relay's hello) carry no fields.
    if (message[0] === 0x3a) return;
    this.messages++;
    const head = message.subarray(0, 80);
    const idAt = head.indexOf(ID);
    if (idAt === -1) return;
    const idEnd = head.indexOf(0x0a, idAt);
    const id = Number(head.subarray(idAt + ID.length, idEnd === -1 ? head.length : idEnd).toString('latin1'));
    if (head.indexOf(EVENTS) === -1) {
      // The end of the snapshot: its id is the rseq it is consistent with.
      this.lastRseq = Math.max(this.lastRseq, id);
      this.snapshotDone = true;
      return;
    }
    if (id <= this.lastRseq) return;
    this.onItems(this.lastRseq + 1, id, at);
    if (this.onRelayArrival !== undefined) {
      // Event fields never include "at", so the last match is the last item's arrival time.
      const atAt = message.lastIndexOf(AT);
      if (atAt !== -1)
        this.onRelayArrival(Number.parseInt(message.subarray(atAt + AT.length, atAt + AT.length + 16).toString('latin1'), 10), Date.now());
    }
    this.lastRseq = id;
    this.wake();
  }

  private end(): void {
    this.ended = true;
    this.wake();
    for (const w of this.waiters) w.reject(new Error(`stream ended at rseq ${this.lastRseq}, before ${w.rseq}`));
    this.waiters = [];
  }

  private wake(): void {
    if (this.waiters.length === 0) return;
    this.waiters = this.waiters.filter((w) => {
      if (this.lastRseq >= w.rseq) w.resolve();
      return this.lastRseq < w.rseq;
    });
  }
}
