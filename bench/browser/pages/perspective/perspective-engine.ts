import type { Client } from '@perspective-dev/client';
import perspective from '@perspective-dev/client';
import perspectiveViewer from '@perspective-dev/viewer';
import SERVER_WASM from '@perspective-dev/server/dist/wasm/perspective-server.wasm?url';
import VIEWER_WASM from '@perspective-dev/viewer/dist/wasm/perspective-viewer.wasm?url';

let started: Promise<Client> | null = null;

/**
 * Perspective as its Vite guide sets it up: the engine's WebAssembly in a Web Worker (off our
 * main thread), the viewer's WebAssembly on the page, each fetched once; the datagrid plugin
 * registers itself once the viewer is initialised.
 */
export function startPerspective(): Promise<Client> {
  started ??= (async () => {
    perspective.init_server(fetch(SERVER_WASM));
    await perspectiveViewer.init_client(fetch(VIEWER_WASM));
    await import('@perspective-dev/viewer-datagrid/dist/esm/perspective-viewer-datagrid.js');
    return perspective.worker();
  })();
  return started;
}
