// Headless Debian Chromium with WebGPU on SwiftShader (no GPU needed), driven by playwright-core:
// the runtime is bundled for the page with esbuild and served, with the models, from 127.0.0.1
// (a secure context, which WebGPU requires), optionally cross-origin isolated (SharedArrayBuffer,
// which the wasm backend's worker threads require).
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env['LITEML_CHROMIUM'] ?? '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM);

const ARGS = [
  '--headless', '--no-sandbox', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--enable-unsafe-webgpu', '--enable-features=Vulkan', '--use-vulkan=swiftshader', '--use-webgpu-adapter=swiftshader', '--use-angle=swiftshader',
];

const TEST_DIR = dirname(fileURLToPath(import.meta.url));

/** The page script: the runtime and the test's page entry (a file of this folder) bundled for the browser. */
export async function bundlePage(entry: string): Promise<string> {
  const r = await build({
    entryPoints: [join(TEST_DIR, entry)], bundle: true, format: 'esm', platform: 'browser', write: false, logLevel: 'error',
    // Node-only paths of other packages (SavedModel reading, the optional Dawn package) never run in the page.
    external: ['node:*', 'webgpu', 'fs', 'fs/promises', 'path', 'url', 'os', 'worker_threads', 'module', 'crypto'],
  });
  return r.outputFiles[0]!.text;
}

export interface PageServer { url: string; close(): Promise<void> }

/** With `crossOriginIsolated`, every response sends COOP/COEP, so the page gets SharedArrayBuffer. */
export interface ServeOptions { crossOriginIsolated?: boolean }

/** Serves `/` (an empty page loading /page.js), `/page.js` and `/models/…` from `modelsDir`. */
export async function serve(script: string, modelsDir: string, options: ServeOptions = {}): Promise<PageServer> {
  const server: Server = createServer((req, res) => {
    if (options.crossOriginIsolated) {
      res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
      res.setHeader('Cross-Origin-Embedder-Policy', 'require-corp');
    }
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]!);
    if (path === '/') { res.writeHead(200, { 'content-type': 'text/html' }); res.end('<!doctype html><script type="module" src="/page.js"></script>'); return; }
    if (path === '/favicon.ico') { res.writeHead(204); res.end(); return; }
    if (path === '/page.js') { res.writeHead(200, { 'content-type': 'text/javascript' }); res.end(script); return; }
    if (path.startsWith('/models/')) {
      const file = normalize(join(modelsDir, path.slice('/models/'.length)));
      if (file.startsWith(modelsDir) && existsSync(file)) { res.writeHead(200, { 'content-type': 'application/octet-stream' }); res.end(readFileSync(file)); return; }
    }
    res.writeHead(404); res.end();
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((ok) => server.close(() => ok())) };
}

export interface Browser { context: BrowserContext; page: Page; errors: string[]; close(): Promise<void> }

/** A fresh headless Chromium profile with one page opened at `url`, once the page script has set `globalThis[ready]`. */
export async function launch(url: string, ready = 'liteml'): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'liteml-webgpu-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ARGS });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(url);
  await page.waitForFunction((name) => name in globalThis, ready);
  return {
    context, page, errors,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
