import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/**
 * The web application. `npm run build` writes it to dist/web, where the API serves it at `/`;
 * `npm run dev:web` serves it with hot reload and passes /api and /health on to a running API
 * (REMISS_API_URL, by default the one `npm start` runs).
 */
export default defineConfig({
  root: here('.'),
  plugins: [react()],
  resolve: {
    alias: { '@app/markup': here('../../libs/markup/src/index.ts') },
  },
  build: {
    outDir: here('../../dist/web'),
    emptyOutDir: true,
    // The API serves files under /assets with a year-long cache: their names carry a hash.
    assetsDir: 'assets',
    sourcemap: true,
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': { target: process.env.REMISS_API_URL ?? 'http://127.0.0.1:3000', changeOrigin: false },
      '/health': { target: process.env.REMISS_API_URL ?? 'http://127.0.0.1:3000' },
    },
  },
});
