import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Examples import '@liteml/runtime' as users do; tests run them against the sources.
  resolve: { alias: { '@liteml/runtime': fileURLToPath(new URL('./src/index.ts', import.meta.url)) } },
  test: { testTimeout: 120_000, hookTimeout: 120_000, include: ['test/**/*.test.ts'] },
});
