import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The relay serves the built page; in `npm run dev` Vite proxies the API to a relay on :8080.
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', sourcemap: 'hidden', chunkSizeWarningLimit: 1200 },
  server: { host: '127.0.0.1', proxy: { '/api': 'http://127.0.0.1:8080', '/metrics': 'http://127.0.0.1:8080' } },
});
