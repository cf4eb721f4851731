// The dashboard's build: `npm run build:wall` → apps/dashboard/dist, two pages from one build:
// index.html (the wall screen, served by the api at /wall/) and console.html (the supervision
// console, served at /console/). Shared code (i18n, contracts) lands in shared chunks.
import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';
// The console's forms validate with the API's JSON schemas, compiled here (the page's CSP forbids eval).
import { formValidatorsPlugin } from './src/console/sections/kit/form-validators.plugin.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const api = process.env.WALL_API_URL ?? 'http://localhost:3000';

export default defineConfig({
  root: here,
  // Relative asset URLs: the same build works under /wall/ (api) and at / (vite dev). The console's
  // page carries <base href="/console/"> so its deep links (/console/cards/…) still find ./assets.
  base: './',
  plugins: [vue(), formValidatorsPlugin()],
  resolve: {
    alias: { '@app/contracts': fileURLToPath(new URL('../../libs/contracts/src', import.meta.url)) },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1200,
    rollupOptions: {
      input: {
        wall: fileURLToPath(new URL('index.html', import.meta.url)),
        console: fileURLToPath(new URL('console.html', import.meta.url)),
      },
    },
  },
  // `npm run dev:wall`: the pages from Vite, data from a running api (WALL_API_URL).
  server: {
    proxy: {
      '/socket.io': { target: api, ws: true },
      '/health': { target: api },
      '/api': { target: api },
    },
  },
});
