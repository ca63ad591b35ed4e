import { SseChannel } from './sse-channel';

/** snapshot: a snapshot message is being written; catchup: reading the log; live: fed by fan-out. */
export type ClientPhase = 'snapshot' | 'catchup' | 'live' | 'closed';

/** Below this many queued bytes a waiting producer (snapshot, catch-up) writes more. */
export const LOW_WATER_BYTES = 64 * 1024;

/** One open `GET /api/stream`: where it is in the log and how it is fed. */
export class StreamClient {
  readonly channel: SseChannel;
  phase: ClientPhase;
  /** The newest rseq this client has been sent (or will have, once the snapshot ends). */
  cursor: number;
  bytesSent = 0;
  /** Bytes the socket had taken (sent less queued) at the last heartbeat, and since when it took none. */
  takenAtBeat = 0;
  stalledSince: number | undefined;

  constructor(
    readonly id: number,
    readonly connectedAt: number,
    start: { phase: 'snapshot' | 'catchup'; cursor: number },
    onCancel: (client: StreamClient) => void,
    cutConnection?: () => void,
  ) {
    this.phase = start.phase;
    this.cursor = start.cursor;
    this.channel = new SseChannel(LOW_WATER_BYTES, () => onCancel(this), cutConnection);
  }

  /** Bytes queued for this client and not yet taken by its socket. */
  get backlog(): number {
    return this.channel.backlog;
  }

  send(bytes: Uint8Array): boolean {
    if (!this.channel.send(bytes)) return false;
    this.bytesSent += bytes.byteLength;
    return true;
  }
}
