#!/usr/bin/env node
// WebGPU benchmark (packages/runtime): per model, median latency of the webgpu backend (a
// WebGpuSession: inputs uploaded, the graph on the GPU, outputs read back) against the reference
// and wasm backends measured in the same process, interleaved, with ratios. The sources are
// bundled on the fly with esbuild, so no build is needed.
//
//   node bench/webgpu.bench.mjs [--models sub1,sub2] [--time 2] [--f16]
//
// In Node it uses Dawn (npm `webgpu`); without a GPU set VK_ICD_FILENAMES to a SwiftShader ICD
// (this script does so when Chromium's is installed): software timings, not GPU ones.
// Benchmarks are not tests: nothing here asserts a speed.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const here = fileURLToPath(new URL('.', import.meta.url));
const MODELS_DIR = resolve(process.env.LITEML_TEST_MODELS ?? join(here, '../../../../shared/models'));
const ICD = '/usr/lib/chromium/vk_swiftshader_icd.json';
if (!process.env.VK_ICD_FILENAMES && existsSync(ICD)) process.env.VK_ICD_FILENAMES = ICD;

const MODELS = [
  { name: 'hello_world f32', path: 'tflm/hello_world_float.tflite' },
  { name: 'conv_fc_mnist f32', path: 'aiquant/models/conv_fc_mnist.tflite' },
  { name: 'bmm f32', path: 'aiquant/models/bmm.tflite' },
  { name: 'mobilenet_v1_0.25_224 f32', path: 'support/mobilenet_v1_0.25_224_1_default_1.tflite' },
];

function args() {
  const a = process.argv.slice(2);
  const get = (k, d) => { const i = a.indexOf(k); return i >= 0 ? a[i + 1] : d; };
  return { models: get('--models', '').split(',').filter(Boolean), time: Number(get('--time', '2')), f16: a.includes('--f16') };
}

function mulberry32(seed) {
  let s = seed >>> 0;
  return () => { s = (s + 0x6d2b79f5) >>> 0; let t = Math.imul(s ^ (s >>> 15), s | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
}

/** Median ms of each of `fns`, interleaved rounds (a busy machine slows every engine alike). */
async function measureTogether(fns, budget, min = 5, warmup = 2) {
  for (let i = 0; i < warmup; i++) for (const f of fns) await f();
  const times = fns.map(() => []);
  const end = performance.now() + budget * 1000 * fns.length;
  while (times[0].length < min || performance.now() < end) {
    for (let j = 0; j < fns.length; j++) { const t0 = performance.now(); await fns[j](); times[j].push(performance.now() - t0); }
    if (times[0].length >= 200) break;
  }
  return times.map((t) => { const s = [...t].sort((x, y) => x - y); return s[Math.floor(s.length / 2)]; });
}

async function loadSources() {
  const dir = mkdtempSync(join(tmpdir(), 'liteml-webgpu-bench-'));
  const entry = join(dir, 'entry.ts');
  const src = (p) => JSON.stringify(join(here, '..', 'src', p));
  writeFileSync(entry, [
    `export { Interpreter } from ${src('index.ts')};`,
    `export { loadModel } from ${src('load.ts')};`,
    `export { backendNames } from ${src('backends.ts')};`,
    `export { WebGpuSession, webgpuInfo } from ${src('backends/webgpu/index.ts')};`,
  ].join('\n'));
  const out = join(here, '.webgpu-bench.tmp.mjs');
  await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', outfile: out, external: ['webgpu', '@litertjs/core'], logLevel: 'error',
    banner: { js: "import { createRequire as __cr } from 'module'; const require = __cr(import.meta.url);" } });
  try {
    return await import(pathToFileURL(out).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(out, { force: true });
  }
}

const opts = args();
const lib = await loadSources();
const info = await lib.webgpuInfo({ precision: opts.f16 ? 'f16' : 'f32' });
console.log(`webgpu adapter: ${info.adapter}${opts.f16 ? ' (f16 storage)' : ''}; timestamp-query: ${info.timestampQuery}; shader-f16: ${info.shaderF16}`);
const cpu = lib.backendNames().filter((b) => b !== 'webgpu');
console.log(`| model | webgpu ms | ${cpu.map((b) => `${b} ms`).join(' | ')} | ${cpu.map((b) => `${b}/webgpu`).join(' | ')} | nodes on GPU |`);
console.log(`|---|---|${cpu.map(() => '---|').join('')}${cpu.map(() => '---|').join('')}---|`);
for (const m of MODELS.filter((x) => !opts.models.length || opts.models.some((s) => x.path.includes(s) || x.name.includes(s)))) {
  const file = join(MODELS_DIR, m.path);
  if (!existsSync(file)) { console.log(`| ${m.name} | (missing ${m.path}) |`); continue; }
  const bytes = readFileSync(file);
  const model = lib.loadModel(bytes);
  const session = await lib.WebGpuSession.create(model, { precision: opts.f16 ? 'f16' : 'f32' });
  const inputs = model.graphs[0].inputs.map((v, i) => {
    const shape = (v.shape ?? []).map((d) => (typeof d === 'number' && d >= 0 ? d : 1));
    const n = shape.reduce((a, b) => a * b, 1), r = mulberry32(1234 + i);
    return { name: v.name, dtype: 'f32', shape, data: Float32Array.from({ length: n }, () => r() * 2 - 1) };
  });
  const interps = [];
  for (const b of cpu) interps.push(await lib.Interpreter.create(bytes, { backend: b }));
  const feeds = inputs.map((t) => ({ data: t.data, shape: t.shape }));
  const fns = [() => session.run(inputs), ...interps.map((it) => () => it.run(feeds))];
  const med = await measureTogether(fns, opts.time);
  const onGpu = session.placements.filter((p) => p.backend === 'webgpu').length;
  console.log(`| ${m.name} | ${med[0].toFixed(2)} | ${med.slice(1).map((x) => x.toFixed(2)).join(' | ')} | ${med.slice(1).map((x) => (x / med[0]).toFixed(2)).join(' | ')} | ${onGpu}/${session.placements.length} |`);
  session.dispose();
}
process.exit(0);
