// Bundles the page script (src/page/main.ts, with dagre) and its stylesheet into two strings.
// tsup (build) and vitest (tests) both expose them as the module 'virtual:liteml-page', so the
// published package carries the page inline and `renderHtml` never touches the file system.
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, transform } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const PAGE_MODULE = 'virtual:liteml-page';

export async function bundlePage(): Promise<{ script: string; css: string }> {
  const js = await build({
    entryPoints: [join(root, 'src/page/main.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2020',
    minify: true,
    legalComments: 'none',
    platform: 'browser',
  });
  const cssSource = await readFile(join(root, 'src/page/styles.css'), 'utf8');
  const css = await transform(cssSource, { loader: 'css', minify: true });
  return { script: js.outputFiles[0]!.text, css: css.code };
}

export async function pageModuleSource(): Promise<string> {
  const { script, css } = await bundlePage();
  return `export const script = ${JSON.stringify(script)};\nexport const css = ${JSON.stringify(css)};\n`;
}

/** esbuild plugin (tsup). */
export const esbuildPagePlugin = {
  name: 'liteml-page',
  setup(b: { onResolve: Function; onLoad: Function }) {
    b.onResolve({ filter: /^virtual:liteml-page$/ }, () => ({ path: PAGE_MODULE, namespace: 'liteml-page' }));
    b.onLoad({ filter: /.*/, namespace: 'liteml-page' }, async () => ({ contents: await pageModuleSource(), loader: 'js' }));
  },
};

/** vite plugin (vitest). */
export const vitePagePlugin = {
  name: 'liteml-page',
  resolveId(id: string) {
    return id === PAGE_MODULE ? `\0${PAGE_MODULE}` : undefined;
  },
  async load(id: string) {
    return id === `\0${PAGE_MODULE}` ? pageModuleSource() : undefined;
  },
};
