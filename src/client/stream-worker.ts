/// <reference lib="webworker" />
import { serveStreams } from './stream-worker-host';

/**
 * The stream worker: reads the relay stream off the page's main thread. The fetch, SSE parsing
 * and the bulk of a snapshot (parsing and checking each block of orders) otherwise wait for the
 * page's first render to finish and then hold it up; here the bytes go straight from the
 * network to this thread while the page boots.
 */
declare const self: DedicatedWorkerGlobalScope;

serveStreams(self, (url, init) => self.fetch(url, init), () => performance.timeOrigin + performance.now());
