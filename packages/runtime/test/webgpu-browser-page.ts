// The page script of the Chromium suite (bundled with esbuild): loads a .tflite from the test
// server, runs it on a WebGpuSession and hands the outputs back to the test.
import { loadModel } from '../src/load';
import { WebGpuSession } from '../src/backends/webgpu/index';
import { webgpuInfo } from '../src/backends/webgpu/index';
import type { DType } from '../src/ir';

interface Feed { dtype: DType; shape: number[]; data: number[] }

const CTORS: Partial<Record<DType, new (a: number[]) => ArrayLike<number>>> = {
  f32: Float32Array, i32: Int32Array, i8: Int8Array, u8: Uint8Array, i16: Int16Array, bool: Uint8Array,
};

async function probe(): Promise<string> {
  return (await webgpuInfo()).adapter;
}

async function runModel(url: string, feeds: Feed[]): Promise<{ outputs: { shape: number[]; data: number[] }[]; placements: string[] }> {
  const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
  const model = loadModel(bytes);
  const s = await WebGpuSession.create(model);
  try {
    const inputs = model.graphs[0]!.inputs.map((v, i) => ({ name: v.name, dtype: v.dtype, shape: feeds[i]!.shape, data: new (CTORS[v.dtype] ?? Float32Array)(feeds[i]!.data) as never }));
    const out = await s.run(inputs);
    return { outputs: out.map((t) => ({ shape: t.shape, data: Array.from(t.data as ArrayLike<number>, Number) })), placements: s.placements.map((p) => `${p.op}:${p.backend}`) };
  } finally {
    s.dispose();
  }
}

(globalThis as Record<string, unknown>)['liteml'] = { probe, runModel };
