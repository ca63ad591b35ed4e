import type { ClientRequest, IncomingMessage } from 'node:http';
import { get } from 'node:http';
import { LatencyHistogram } from './relay-latency';

const BOUNDARY = Buffer.from('\n\n');
const EVENTS = Buffer.from('event: events');
const FIRST = /^data: \[\{"rseq":(\d+),"at":(\d+)/m;
const LAST_RSEQ = Buffer.from('{"rseq":');

/**
 * A cheap stream client for the cluster benchmark. In Redis mode the SSE id is a stream entry
 * id, so the items' cluster rseq and relay arrival time `at` are read from the JSON instead:
 * the first item's (the oldest in the message) gives the message's latency, counted once per
 * item in it, so the figures are an upper bound; the last item's rseq says how far it is.
 */
export class ClusterReader {
  lastRseq = 0;
  ended = false;
  private tail: Buffer = Buffer.alloc(0);
  private request: ClientRequest | undefined;

  constructor(
    private readonly url: string,
    private readonly histogram: LatencyHistogram,
    /** Messages whose first item arrived at a relay before this (epoch ms) are not sampled. */
    public sampleFrom: number,
  ) {}

  open(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.request = get(`${this.url}/api/stream`, { agent: false, headers: { accept: 'text/event-stream' } }, (res: IncomingMessage) => {
        if (res.statusCode !== 200) reject(new Error(`stream: HTTP ${res.statusCode}`));
        else resolve();
        res.on('data', (chunk: Buffer) => this.receive(chunk, Date.now()));
        res.on('end', () => (this.ended = true));
        res.on('error', () => (this.ended = true));
      });
      this.request.on('error', reject);
    });
  }

  close(): void {
    this.request?.destroy();
  }

  private receive(chunk: Buffer, now: number): void {
    const data = this.tail.length === 0 ? chunk : Buffer.concat([this.tail, chunk]);
    let start = 0;
    for (let end = data.indexOf(BOUNDARY, start); end !== -1; end = data.indexOf(BOUNDARY, start)) {
      this.message(data.subarray(start, end), now);
      start = end + 2;
    }
    this.tail = start === data.length ? Buffer.alloc(0) : Buffer.from(data.subarray(start));
  }

  private message(message: Buffer, now: number): void {
    if (message.subarray(0, 120).indexOf(EVENTS) === -1) return;
    const head = FIRST.exec(message.subarray(0, 400).toString('latin1'));
    if (head === null) return;
    const first = Number(head[1]);
    const at = Number(head[2]);
    const lastAt = message.lastIndexOf(LAST_RSEQ);
    const last = Number(/^\{"rseq":(\d+)/.exec(message.subarray(lastAt, lastAt + 40).toString('latin1'))?.[1] ?? first);
    if (at >= this.sampleFrom) for (let r = first; r <= last; r++) this.histogram.add(now - at);
    this.lastRseq = Math.max(this.lastRseq, last);
  }
}

export { LatencyHistogram };
