import type { IncomingMessage } from 'node:http';
import { get } from 'node:http';

/** A stream reader that takes the response headers and then never reads: a tab frozen in the background. */
export function openStalled(url: string): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const req = get(url, (res) => {
      res.pause();
      res.on('error', () => {});
      resolve(res);
    });
    req.on('error', reject);
  });
}
