import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * Benchmark-only pages (AG Grid, Perspective and no-table variants), one build per page so each lands as
 * dist-bench/<page>/index.html for the relay to serve. Never part of the shipped `vite build`.
 * BENCH_PAGE picks the page.
 */
const page = process.env.BENCH_PAGE ?? 'aggrid';
const root = resolve(import.meta.dirname, 'pages', page);

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: { outDir: resolve(import.meta.dirname, '../../dist-bench', page), emptyOutDir: true, chunkSizeWarningLimit: 4000 },
  logLevel: 'warn',
});
