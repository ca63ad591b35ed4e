import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EventSourceMessage } from 'eventsource-parser';
import { createParser } from 'eventsource-parser';

/**
 * What the proxy does to `events` messages on their way to the page:
 * - duplicate: every one is sent twice;
 * - reorder: every other one is held back and sent after the next (rseq jumps ahead, then back);
 * - gap: every fourth is dropped (the next one shows a hole in rseq);
 * - rewind: a resuming client is answered from 5 events before where it asked, so it is sent
 *   events it already applied (duplicates across a reconnect).
 */
export type SseFault = 'none' | 'duplicate' | 'reorder' | 'gap' | 'rewind';

export interface SseProxy {
  readonly url: string;
  fault: SseFault;
  /** Messages the proxy changed (sent twice, held, dropped, rewound). */
  readonly tampered: number;
  /** Ends every open stream, as a network blip would. */
  cutStreams(): void;
  close(): Promise<void>;
}

const REWIND = 5;

function format(m: EventSourceMessage): string {
  return `${m.event ? `event: ${m.event}\n` : ''}${m.id ? `id: ${m.id}\n` : ''}data: ${m.data}\n\n`;
}

/** A test-only HTTP proxy on 127.0.0.1 in front of a relay: passes everything, tampers with the stream. */
export async function startSseProxy(relayUrl: string): Promise<SseProxy> {
  const open = new Set<ServerResponse>();
  let tampered = 0;
  const state = { fault: 'none' as SseFault };

  const stream = async (req: IncomingMessage, res: ServerResponse, path: string): Promise<void> => {
    const url = new URL(path, relayUrl);
    const headers: Record<string, string> = { accept: 'text/event-stream' };
    const resumeHeader = req.headers['last-event-id'];
    let resumeFrom = typeof resumeHeader === 'string' ? resumeHeader : url.searchParams.get('last_event_id');
    // Counted when the re-sent events reach the page, not when asked: a rewound stream cut before
    // its first message has re-sent nothing.
    let rewound = false;
    if (state.fault === 'rewind' && resumeFrom !== null && Number(resumeFrom) > REWIND) {
      resumeFrom = String(Number(resumeFrom) - REWIND);
      rewound = true;
    }
    if (resumeFrom !== null) {
      headers['last-event-id'] = resumeFrom;
      url.searchParams.set('last_event_id', resumeFrom);
    }
    if (typeof req.headers.authorization === 'string') headers.authorization = req.headers.authorization;
    const abort = new AbortController();
    res.on('close', () => abort.abort());
    const upstream = await fetch(url, { headers, signal: abort.signal });
    res.writeHead(upstream.status, {
      'content-type': upstream.headers.get('content-type') ?? 'text/event-stream',
      'cache-control': 'no-cache',
    });
    if (upstream.body === null) return void res.end();
    open.add(res);
    res.on('close', () => open.delete(res));
    let held: EventSourceMessage | null = null;
    let count = 0;
    const parser = createParser({
      onEvent: (m) => {
        if (rewound && m.event === 'events') {
          rewound = false;
          tampered++;
        }
        if (m.event !== 'events' || state.fault === 'none' || state.fault === 'rewind') return void res.write(format(m));
        count++;
        if (state.fault === 'duplicate') {
          tampered++;
          res.write(format(m) + format(m));
        } else if (state.fault === 'gap') {
          if (count % 4 === 0) tampered++;
          else res.write(format(m));
        } else if (held === null) {
          held = m;
          tampered++;
        } else {
          res.write(format(m) + format(held));
          held = null;
        }
      },
    });
    const decoder = new TextDecoder();
    const reader = upstream.body.getReader();
    try {
      for (let read = await reader.read(); !read.done; read = await reader.read())
        parser.feed(decoder.decode(read.value, { stream: true }));
    } catch {
      // The page or the test cut the stream: nothing to forward any more.
    }
    res.end();
  };

  const pass = async (req: IncomingMessage, res: ServerResponse, path: string): Promise<void> => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = Object.fromEntries(
      Object.entries(req.headers).filter((e): e is [string, string] => typeof e[1] === 'string' && e[0] !== 'host'),
    );
    const upstream = await fetch(new URL(path, relayUrl), {
      method: req.method,
      headers,
      body: chunks.length > 0 ? Buffer.concat(chunks) : undefined,
    });
    const out: Record<string, string> = {};
    upstream.headers.forEach((value, key) => {
      if (key !== 'content-encoding' && key !== 'content-length' && key !== 'transfer-encoding') out[key] = value;
    });
    res.writeHead(upstream.status, out);
    res.end(Buffer.from(await upstream.arrayBuffer()));
  };

  const server: Server = createServer((req, res) => {
    const path = req.url ?? '/';
    const handle = path.startsWith('/api/stream') ? stream(req, res, path) : pass(req, res, path);
    handle.catch(() => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get fault() {
      return state.fault;
    },
    set fault(value: SseFault) {
      state.fault = value;
    },
    get tampered() {
      return tampered;
    },
    cutStreams() {
      for (const res of open) res.destroy();
    },
    close() {
      for (const res of open) res.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
