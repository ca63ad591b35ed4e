import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  test: {
    globals: true,
    // Node tests (core, protocol, server, cli) and DOM tests (components, store, features) in one run.
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['src/{core,protocol,engine,server,cli,command-line,lib}/**/*.test.ts', 'test/**/*.test.ts', 'scripts/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['src/{client,store,features,components,app}/**/*.test.{ts,tsx}'],
          setupFiles: ['test/support/dom/setup-dom.ts'],
        },
      },
    ],
  },
});
