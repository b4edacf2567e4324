#!/usr/bin/env node
// `pnpm bench` (packages/runtime): per model, median latency of liteml's wasm backend, its
// reference backend, and real LiteRT (@litertjs/core, LiteRT in WASM with XNNPACK) measured in
// this same process, with ratios. Uses the built package (dist/).
//
//   node bench/run.mjs [--models sub1,sub2] [--threads 1,2] [--time 2] [--no-reference] [--no-gemm] [--gemm-only] [--no-ort]
//
// First, a GEMM micro-benchmark: GFLOP/s of the f32 GEMM driver (f32_gemm_4x16__wasmsimd tiles)
// called directly on the SIMD wasm module, one thread, weights packed once, no copies; next to it,
// onnxruntime-web (wasm EP, 1 thread) on one-node MatMul / 1×1 Conv models of the same shapes
// (bench/onnxruntime.mjs), interleaved run by run (--no-ort skips those columns).
//
// Benchmarks are not tests: nothing here asserts a speed.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Interpreter } from '../dist/index.js';
import { litertModel } from './litert.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const MODELS_DIR = resolve(process.env.LITEML_TEST_MODELS ?? join(here, '../../../../shared/models'));

const MODELS = [
  { name: 'mobilenet_v1_0.25_224 f32', path: 'support/mobilenet_v1_0.25_224_1_default_1.tflite' },
  { name: 'yamnet f32', path: 'support/yamnet_audio_model_without_metadata.tflite' },
  { name: 'deeplabv3 f32', path: 'support/deeplabv3.tflite' },
  { name: 'mobilenet_v1_0.25_224 uint8', path: 'support/mobilenet_v1_0.25_224_quant.tflite' },
  { name: 'mobilenet_v2_1.0_224 int8 (coral ptq)', path: 'coral/tf2_mobilenet_v2_1.0_224_ptq.tflite' },
  { name: 'movenet lightning int8 (coral ptq)', path: 'coral/movenet_single_pose_lightning_ptq.tflite' },
];

function args() {
  const a = process.argv.slice(2);
  const get = (k, d) => { const i = a.indexOf(k); return i >= 0 ? a[i + 1] : d; };
  return {
    models: get('--models', '')?.split(',').filter(Boolean) ?? [],
    threads: get('--threads', '1,2').split(',').map(Number),
    time: Number(get('--time', '2')),
    reference: !a.includes('--no-reference'),
    gemm: !a.includes('--no-gemm'),
    gemmOnly: a.includes('--gemm-only'),
    ort: !a.includes('--no-ort'),
  };
}

function mulberry32(seed) {
  let s = seed >>> 0;
  return () => { s = (s + 0x6d2b79f5) >>> 0; let t = Math.imul(s ^ (s >>> 15), s | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
}
const ARRAYS = { f32: Float32Array, float32: Float32Array, i8: Int8Array, int8: Int8Array, u8: Uint8Array, uint8: Uint8Array, i32: Int32Array, int32: Int32Array };
function randomInput(dtype, shape, seed) {
  const n = shape.reduce((x, y) => x * y, 1);
  const T = ARRAYS[dtype];
  if (!T) throw new Error(`bench: no random input for dtype ${dtype}`);
  const r = mulberry32(seed), out = new T(n);
  const [lo, hi] = T === Float32Array ? [-1, 1] : T === Int8Array ? [-128, 127] : T === Uint8Array ? [0, 255] : [0, 3];
  for (let i = 0; i < n; i++) out[i] = T === Float32Array ? lo + (hi - lo) * r() : lo + Math.floor(r() * (hi - lo + 1));
  return out;
}

/**
 * Median ms of each of `fns` after warm-up, measured interleaved (one run of each per round) so a
 * busy machine slows every engine alike; rounds continue until `budget` seconds pass.
 */
async function measureTogether(fns, budget, min = 5, warmup = 3) {
  for (let i = 0; i < warmup; i++) for (const f of fns) await f();
  const times = fns.map(() => []);
  const end = performance.now() + budget * 1000 * fns.length;
  while (times[0].length < min || performance.now() < end) {
    for (let k = 0; k < fns.length; k++) {
      const t0 = performance.now();
      await fns[k]();
      times[k].push(performance.now() - t0);
    }
    if (times[0].length >= 500) break;
  }
  return times.map((t) => { t.sort((x, y) => x - y); return t[Math.floor(t.length / 2)]; });
}

/** Median ms of `fn` after warm-up; runs until `budget` seconds pass (at least `min` runs). */
async function measure(fn, budget, min = 5, warmup = 3) {
  for (let i = 0; i < warmup; i++) await fn();
  const times = [];
  const end = performance.now() + budget * 1000;
  while (times.length < min || performance.now() < end) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
    if (times.length >= 500) break;
  }
  times.sort((x, y) => x - y);
  return { median: times[Math.floor(times.length / 2)], runs: times.length };
}

/**
 * GFLOP/s of gemm_f32 (the f32_gemm_4x16__wasmsimd microkernel over 16-column packed panels) on
 * the single-threaded SIMD module built by assembly/build.mjs, for square and MobileNet 1×1-conv
 * shapes (M = output pixels, K = input channels, N = output channels). Best and median of runs.
 */
async function gemmBench(budget, withOrt = true) {
  const src = readFileSync(join(here, '../src/backends/wasm/generated/wasm-binary.ts'), 'utf8');
  const b64 = /WASM_SIMD_BASE64 = '([^']+)'/.exec(src)?.[1];
  if (!b64) throw new Error('bench: run `node assembly/build.mjs` first (no generated wasm binary)');
  const memory = new WebAssembly.Memory({ initial: 16, maximum: 32768 });
  const { instance } = await WebAssembly.instantiate(Buffer.from(b64, 'base64'), { env: { memory, abort: () => { throw new Error('wasm abort'); } } });
  const ex = instance.exports;
  const shapes = [
    ['square 256', 256, 256, 256], ['square 512', 512, 512, 512],
    ['1×1 conv 112²×32→64', 112 * 112, 32, 64], ['1×1 conv 56²×128→128', 56 * 56, 128, 128],
    ['1×1 conv 28²×256→256', 28 * 28, 256, 256], ['1×1 conv 14²×512→512', 14 * 14, 512, 512],
    ['1×1 conv 7²×1024→1024', 7 * 7, 1024, 1024],
  ];
  let ort = null;
  if (withOrt) {
    try { ort = await import('./onnxruntime.mjs'); } catch (e) { console.log(`(onnxruntime-web unavailable, its columns are skipped: ${e.message})`); }
  }
  console.log('f32 GEMM micro-benchmark (gemm_f32 → f32_gemm_4x16__wasmsimd, 1 thread, packed weights, no copies)');
  if (ort) console.log('ORT columns: onnxruntime-web, wasm EP, numThreads 1, one-node MatMul / 1×1 Conv model, median of session.run (includes its input/output copies), interleaved with gemm_f32');
  const rows = [];
  for (const [name, M, K, N] of shapes) {
    const base = (Number(ex.heap_base()) + 63) & ~63;
    const aBytes = M * K * 4, cBytes = M * N * 4, pBytes = ex.packed_f32_gemm_bytes(N, K);
    const a = base, w = a + aBytes, c = w + N * K * 4, packed = (c + cBytes + 63) & ~63;
    const need = packed + pBytes;
    if (need > memory.buffer.byteLength) memory.grow(Math.ceil((need - memory.buffer.byteLength) / 65536));
    const f = new Float32Array(memory.buffer);
    const r = mulberry32(7);
    for (let i = a >> 2; i < c >> 2; i++) f[i] = r() * 2 - 1;
    ex.pack_f32_gemm(N, K, w, 0, packed);
    const run = () => ex.gemm_f32(M, N, K, a, K * 4, packed, c, N * 4, -Infinity, Infinity);
    for (let i = 0; i < 3; i++) run();
    // onnxruntime-web peers on the same data: MatMul for every shape, Conv 1×1 for the conv shapes.
    const peers = [];
    if (ort) {
      const fl = new Float32Array(memory.buffer);
      const wts = fl.slice(w >> 2, (w >> 2) + N * K), act = fl.slice(a >> 2, (a >> 2) + M * K);
      const out = fl.slice(c >> 2, (c >> 2) + M * N);
      for (const kind of name.startsWith('1×1 conv') ? ['matmul', 'conv'] : ['matmul']) {
        const p = await ort.ortGemm(M, K, N, wts, act, kind);
        const y = await p.run();
        let err = 0;
        for (let m = 0; m < M; m += 7) for (let n = 0; n < N; n++) err = Math.max(err, Math.abs((kind === 'matmul' ? y[m * N + n] : y[n * M + m]) - out[m * N + n]));
        if (!(err < 1e-3)) throw new Error(`bench: onnxruntime ${kind} disagrees with gemm_f32 on ${name} (max |diff| ${err})`);
        for (let i = 0; i < 2; i++) await p.run();
        peers.push({ kind, p, times: [] });
      }
    }
    const times = [];
    const end = performance.now() + budget * (1 + peers.length) * 1000;
    while (times.length < 10 || performance.now() < end) {
      const t0 = performance.now(); run(); times.push(performance.now() - t0);
      for (const q of peers) { const t1 = performance.now(); await q.p.run(); q.times.push(performance.now() - t1); }
      if (times.length >= 2000) break;
    }
    times.sort((x, y) => x - y);
    const flop = 2 * M * N * K;
    const gf = (ts) => flop / ts[ts.length >> 1] / 1e6;
    const row = { shape: name, 'M×K×N': `${M}×${K}×${N}`, 'median ms': times[times.length >> 1].toFixed(3),
      'GFLOP/s (median)': gf(times).toFixed(1), 'GFLOP/s (best)': (flop / times[0] / 1e6).toFixed(1) };
    if (ort) {
      for (const q of peers) { q.times.sort((x, y) => x - y); await q.p.release(); }
      const mm = peers.find((q) => q.kind === 'matmul'), cv = peers.find((q) => q.kind === 'conv');
      row['ORT MatMul GFLOP/s'] = gf(mm.times).toFixed(1);
      row['ORT Conv GFLOP/s'] = cv ? gf(cv.times).toFixed(1) : '—';
      row['liteml ÷ best ORT'] = `${(gf(times) / Math.max(...peers.map((q) => gf(q.times)))).toFixed(2)}×`;
    }
    rows.push(row);
    console.log(Object.values(row).join(' | '));
  }
  console.log('\n| ' + Object.keys(rows[0]).join(' | ') + ' |\n|' + Object.keys(rows[0]).map(() => '---').join('|') + '|');
  for (const r of rows) console.log('| ' + Object.values(r).join(' | ') + ' |');
  console.log('');
}

const fmt = (ms) => (ms === undefined ? 'n/a' : ms >= 100 ? ms.toFixed(0) : ms.toFixed(2));
const ratio = (a, b) => (a === undefined || b === undefined ? 'n/a' : `${(a / b).toFixed(2)}×`);

async function main() {
  const opt = args();
  const models = MODELS.filter((m) => !opt.models.length || opt.models.some((s) => m.name.includes(s) || m.path.includes(s)));
  const simd = WebAssembly.validate(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11]));
  console.log(`liteml runtime benchmark — node ${process.version}, ${process.platform}/${process.arch}, wasm SIMD ${simd ? 'yes' : 'no'}; median latency per run (ms)`);
  console.log('ratio columns: LiteRT ÷ liteml-wasm (>1: liteml faster), reference ÷ liteml-wasm. LiteRT runs on 1 thread:');
  console.log("its threaded build needs a browser (navigator, Web Workers, relaxed SIMD), so in Node it is measured single-threaded.\n");
  if (opt.gemm || opt.gemmOnly) await gemmBench(Math.min(opt.time, 1), opt.ort);
  if (opt.gemmOnly) return;
  const rows = [];
  for (const m of models) {
    const file = join(MODELS_DIR, m.path);
    if (!existsSync(file)) { console.log(`${m.name}: ${file} not found, skipped`); continue; }
    const bytes = readFileSync(file);
    const probe = await Interpreter.create(bytes, { backend: 'wasm' });
    const feeds = probe.inputs.map((t, i) => randomInput(t.dtype, t.shape, 1234 + i));
    let refMs;
    if (opt.reference) {
      const ref = await Interpreter.create(bytes, { backend: 'reference' });
      refMs = (await measure(() => ref.run(feeds), Math.min(opt.time, 1), 1, 1)).median;
    }
    let model;
    try {
      model = await litertModel(bytes, 1);
    } catch (e) {
      console.log(`${m.name}: LiteRT failed: ${e instanceof Error ? e.message.split('\n')[0] : e}`);
    }
    for (const threads of opt.threads) {
      // Kernels read the thread count from ctx.numThreads when the interpreter passes it, else
      // from LITEML_WASM_THREADS; set both.
      process.env.LITEML_WASM_THREADS = String(threads);
      const interp = await Interpreter.create(bytes, { backend: 'wasm', numThreads: threads });
      const where = { wasm: 0, reference: 0 };
      interp.profiler = (t) => { where[t.backend] = (where[t.backend] ?? 0) + 1; };
      interp.run(feeds);
      interp.profiler = undefined;
      if (threads > 1) for (let i = 0; i < 10; i++) { await new Promise((r) => setTimeout(r, 30)); interp.run(feeds); } // workers start
      const arrays = model?.inputs.map((t, i) => randomInput(t.dtype, t.shape, 1234 + i));
      const [ours, lt] = await measureTogether([() => interp.run(feeds), ...(model ? [() => model.run(arrays)] : [])], opt.time);
      const row = {
        model: m.name, threads, 'liteml wasm': fmt(ours), 'reference (1 thread)': fmt(refMs), 'LiteRT (1 thread)': fmt(lt),
        'LiteRT/liteml': ratio(lt, ours), 'ref/liteml': ratio(refMs, ours),
        'nodes wasm/ref': `${where.wasm}/${where.reference}`,
      };
      rows.push(row);
      console.log(Object.values(row).join(' | '));
    }
  }
  console.log('\n| ' + Object.keys(rows[0] ?? {}).join(' | ') + ' |');
  console.log('|' + Object.keys(rows[0] ?? {}).map(() => '---').join('|') + '|');
  for (const r of rows) console.log('| ' + Object.values(r).join(' | ') + ' |');
}

await main();
