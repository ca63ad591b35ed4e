import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono, MiddlewareHandler } from 'hono';

const NOT_BUILT = 'The dashboard is not built: run `npm run build` (or `npm start`, which builds it) and reload.\n';

/**
 * Serves Vite's dist/: hashed assets freely (they hold no data), the page itself behind
 * `pageGuard` (VIEW_TOKEN), and index.html for `/` and client-side routes; never a source map.
 */
export function mountStaticSite(app: Hono, distDir: string, pageGuard: MiddlewareHandler): void {
  const indexFile = join(distDir, 'index.html');
  if (!existsSync(indexFile)) {
    app.get('*', pageGuard, (c) => c.text(NOT_BUILT, 503));
    return;
  }
  const files = serveStatic({ root: distDir });
  const page = serveStatic({ root: distDir, rewriteRequestPath: () => '/index.html' });
  app.get('/', pageGuard, page);
  app.get('/index.html', pageGuard, page);
  app.get('*', async (c, next) => {
    // Files with an extension are assets; anything else is a client-side route.
    if (!/\.[A-Za-z0-9]+$/.test(c.req.path)) return next();
    // Source maps are built (hidden) for debugging a crash report, never served: they are the source.
    if (c.req.path.endsWith('.map')) return c.text('not found\n', 404);
    const found = await files(c, async () => {});
    return found ?? c.text('not found\n', 404);
  });
  app.get('*', pageGuard, page);
}
