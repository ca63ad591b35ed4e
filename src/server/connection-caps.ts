/*
 * Caps on what one relay holds open at once (issue 13): 2,000 streams opening together used to
 * take /api/healthz to 7.9 s. Past a cap the request is answered 503 with Retry-After before it
 * costs anything, so the relay keeps serving those it has.
 */

export interface ConnectionLimits {
  /** Stream clients in all. */
  readonly maxClients: number;
  /** Stream clients from one remote address (a runaway script, a tab reopened in a loop). */
  readonly maxClientsPerAddress: number;
  /** `POST /api/events` requests being read at once. */
  readonly maxIngests: number;
}

export type RefusedKind = 'max_clients' | 'max_clients_per_address' | 'max_ingests';

/** A slot taken: call once when the request or stream ends (later calls do nothing). */
export type Release = () => void;

export type Admission =
  { readonly ok: true; readonly release: Release } | { readonly ok: false; readonly kind: RefusedKind; readonly error: string };

/** Seconds a refused client is asked to wait: long enough to let a storm pass, short for a desk. */
export const CAP_RETRY_AFTER_S = 2;

export class ConnectionCaps {
  private streams = 0;
  private ingestsOpen = 0;
  private readonly byAddress = new Map<string, number>();
  readonly refused: Record<RefusedKind, number> = { max_clients: 0, max_clients_per_address: 0, max_ingests: 0 };

  constructor(private readonly limits: ConnectionLimits) {}

  get openStreams(): number {
    return this.streams;
  }

  get openIngests(): number {
    return this.ingestsOpen;
  }

  /** A stream slot for a client at `address` (undefined when there is no socket, as in `app.fetch`). */
  admitStream(address: string | undefined): Admission {
    if (this.streams >= this.limits.maxClients) {
      return this.refuse('max_clients', `${this.streams} stream clients open, the limit (--max-clients) is ${this.limits.maxClients}`);
    }
    const key = address ?? '';
    const fromAddress = this.byAddress.get(key) ?? 0;
    if (address !== undefined && fromAddress >= this.limits.maxClientsPerAddress) {
      return this.refuse(
        'max_clients_per_address',
        `${fromAddress} stream clients open from ${address}, the limit (--max-clients-per-address) is ${this.limits.maxClientsPerAddress}`,
      );
    }
    this.streams++;
    this.byAddress.set(key, fromAddress + 1);
    return {
      ok: true,
      release: once(() => {
        this.streams--;
        const left = (this.byAddress.get(key) ?? 1) - 1;
        if (left === 0) this.byAddress.delete(key);
        else this.byAddress.set(key, left);
      }),
    };
  }

  admitIngest(): Admission {
    if (this.ingestsOpen >= this.limits.maxIngests) {
      return this.refuse('max_ingests', `${this.ingestsOpen} ingest requests open, the limit (--max-ingests) is ${this.limits.maxIngests}`);
    }
    this.ingestsOpen++;
    return { ok: true, release: once(() => this.ingestsOpen--) };
  }

  private refuse(kind: RefusedKind, error: string): Admission {
    this.refused[kind]++;
    return { ok: false, kind, error };
  }
}

function once(action: () => void): Release {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    action();
  };
}
