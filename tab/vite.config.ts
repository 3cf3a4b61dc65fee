/**
 * Builds the tab to static files in tab/dist, which the one server serves at
 * `/`. `base: './'` keeps asset URLs relative, so the tab works under any path
 * a deployment puts it behind.
 */
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // The server's CSP allows no inline script; keep every script a file.
    assetsInlineLimit: 0,
  },
  server: {
    // `npx vite --config tab/vite.config.ts` with `npm start` running alongside.
    proxy: { '/api': 'http://localhost:3978' },
  },
});
