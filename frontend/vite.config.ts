/// <reference types="vitest/config" />
import { defineConfig } from 'vite';

// In Quarkus dev mode Quinoa proxies to this dev server; when it runs alone (npm run dev)
// the API and the live rooms are proxied to a Quarkus started on port 8080.
export default defineConfig({
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': 'http://localhost:8080',
      '/q': 'http://localhost:8080',
      '/ws': { target: 'ws://localhost:8080', ws: true },
    },
  },
  build: {
    outDir: 'dist',
    sourcemap: true,
    // bench/web-sizes.mjs reads it: what each route loads
    manifest: true,
  },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.ts'],
  },
});
