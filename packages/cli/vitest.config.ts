import { defineConfig } from 'vitest/config';

export default defineConfig({
  define: { __LITEML_VERSION__: JSON.stringify('0.0.0-test') },
  test: { testTimeout: 120_000, hookTimeout: 120_000, include: ['test/**/*.test.ts'] },
});
