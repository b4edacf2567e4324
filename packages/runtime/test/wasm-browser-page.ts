// The page script of the wasm Chromium suite (bundled with esbuild): loads a .tflite from the test
// server, runs it on backend 'wasm' with `numThreads` and hands back the outputs of every run, the
// backend of each node, the wasm build in use and the worker-thread statistics.
import { Interpreter, wasmBackendInfo, type TypedArray } from '../src/index';
import { threadStats } from '../src/backends/wasm/index';

/** A feed as the test sends it: the typed-array class of the golden's data, its shape and values. */
export interface Feed { array: string; shape: number[]; data: number[] }
export interface Output { dtype: string; shape: number[]; data: number[] }

export interface WasmPageResult {
  crossOriginIsolated: boolean;
  isa: string;
  /** Outputs of every run, in order. */
  runs: Output[][];
  /** Runs that started with the workers already sharing work (numThreads > 1 and threadStats().maxThreadsUsed ≥ numThreads). */
  threadedRuns: number;
  /** Nodes of the last run per backend ('wasm', or 'reference' for fallbacks). */
  backends: Record<string, number>;
  stats: { maxThreadsUsed: number; workers: number };
}

const ARRAYS: Record<string, new (a: number[]) => TypedArray> = {
  Float32Array, Int32Array, Int8Array, Uint8Array, Int16Array, Uint16Array,
};

/**
 * Runs the model `minRuns` times, then on until `threadedRuns` runs started with the workers
 * sharing work (at most 100 runs), yielding to the event loop between runs: workers start
 * asynchronously and need it.
 */
async function runModel(url: string, feeds: Feed[], numThreads: number, minRuns: number, threadedRuns: number): Promise<WasmPageResult> {
  const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
  let backends: Record<string, number> = {};
  const interp = await Interpreter.create(bytes, {
    backend: 'wasm', numThreads, requantization: 'xnnpack',
    profiler: (t) => { backends[t.backend] = (backends[t.backend] ?? 0) + 1; },
  });
  const inputs = feeds.map((f) => {
    const Ctor = ARRAYS[f.array];
    if (!Ctor) throw new Error(`no typed array ${f.array}`);
    return { shape: f.shape, data: new Ctor(f.data) };
  });
  const runs: Output[][] = [];
  let threaded = 0;
  while (runs.length < minRuns || (threaded < threadedRuns && runs.length < 100)) {
    const before = threadStats().maxThreadsUsed;
    backends = {};
    const out = interp.run(inputs);
    runs.push(interp.outputs.map((o) => {
      const t = out[o.name]!;
      return { dtype: t.dtype, shape: t.shape, data: Array.from(t.data as ArrayLike<number>, Number) };
    }));
    if (numThreads > 1 && before >= numThreads) threaded++;
    await new Promise((r) => setTimeout(r, 20));
  }
  return { crossOriginIsolated: globalThis.crossOriginIsolated, isa: wasmBackendInfo().isa, runs, threadedRuns: threaded, backends, stats: threadStats() };
}

(globalThis as Record<string, unknown>)['litemlWasm'] = { runModel };
