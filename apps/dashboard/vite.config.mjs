// The wall screen's build: `npm run build:wall` → apps/dashboard/dist, served by the api at /wall/.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));
const api = process.env.WALL_API_URL ?? 'http://localhost:3000';

export default defineConfig({
  root: here,
  // Relative asset URLs: the same build works under /wall/ (api) and at / (vite dev).
  base: './',
  resolve: {
    alias: { '@app/contracts': fileURLToPath(new URL('../../libs/contracts/src', import.meta.url)) },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1200,
  },
  // `npm run dev:wall`: the page from Vite, data from a running api (WALL_API_URL).
  server: {
    proxy: {
      '/socket.io': { target: api, ws: true },
      '/health': { target: api },
    },
  },
});
