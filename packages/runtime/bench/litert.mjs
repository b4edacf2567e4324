// Loads real LiteRT (@litertjs/core, LiteRT compiled to WASM, CPU accelerator) in Node for the
// benchmarks. Its loader expects a web worker: it calls importScripts() on the Emscripten glue,
// which here is evaluated with vm in this context; `require`/`__dirname` let the glue take its
// Node code paths and find the .wasm next to it.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import vm from 'node:vm';

const require = createRequire(import.meta.url);

let loaded;

/** The @litertjs/core module, loaded once (threads: its pthreads build, when the host allows). */
export async function loadLitert({ threads = false } = {}) {
  if (loaded) return loaded;
  const wasmDir = join(dirname(require.resolve('@litertjs/core/package.json')), 'wasm') + '/';
  Object.assign(globalThis, { require, __dirname: wasmDir, self: globalThis });
  globalThis.importScripts ??= (url) => {
    const file = url.startsWith('file://') ? new URL(url).pathname : url;
    vm.runInThisContext(readFileSync(file, 'utf8'), { filename: file });
  };
  const lib = await import('@litertjs/core');
  await quietly(() => lib.loadLiteRt(wasmDir, { threads }));
  loaded = lib;
  return lib;
}

/** Runs fn with LiteRT's INFO/WARNING console lines silenced (keeps benchmark output readable). */
async function quietly(fn) {
  const saved = { log: console.log, info: console.info, warn: console.warn, error: console.error };
  const drop = (orig) => (...a) => { if (!/^(INFO|WARNING|VERBOSE)\b|WebGPU/.test(String(a[0]))) orig(...a); };
  console.log = drop(saved.log); console.info = drop(saved.info); console.warn = drop(saved.warn); console.error = drop(saved.error);
  try {
    return await fn();
  } finally {
    Object.assign(console, saved);
  }
}

/** A compiled model with run(arrays) → typed arrays, on LiteRT's wasm CPU accelerator. */
export async function litertModel(bytes, numThreads = 1) {
  const lib = await loadLitert();
  const model = await quietly(() => lib.loadAndCompile(new Uint8Array(bytes), { accelerator: 'wasm', cpuOptions: { numThreads } }));
  const details = model.getInputDetails();
  return {
    inputs: details.map((d) => ({ dtype: d.dtype, shape: Array.from(d.shape).map((x) => (x < 0 ? 1 : x)) })),
    async run(arrays) {
      const ts = details.map((d, i) => new lib.Tensor(arrays[i], Array.from(d.shape).map((x) => (x < 0 ? 1 : x))));
      const outs = await model.run(ts);
      const res = outs.map((o) => o.toTypedArray().slice());
      for (const t of ts) t.delete?.();
      for (const o of outs) o.delete?.();
      return res;
    },
  };
}
