import { defineConfig } from 'vitest/config';
import { vitePagePlugin } from './build/page-bundle.ts';

export default defineConfig({
  plugins: [vitePagePlugin],
  test: { testTimeout: 120_000, hookTimeout: 120_000, include: ['test/**/*.test.ts'] },
});
