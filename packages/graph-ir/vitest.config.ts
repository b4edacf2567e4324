import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // examples import the package by name, as third-party tools do; tests run them against src
  resolve: { alias: { '@liteml/graph-ir': fileURLToPath(new URL('./src/index.ts', import.meta.url)) } },
  test: { testTimeout: 120_000, hookTimeout: 120_000, include: ['test/**/*.test.ts'] },
});
