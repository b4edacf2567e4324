import { defineConfig } from 'tsup';
import { esbuildPagePlugin } from './build/page-bundle';

export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  esbuildPlugins: [esbuildPagePlugin as never],
});
