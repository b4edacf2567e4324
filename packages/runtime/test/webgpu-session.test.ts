// The WebGpuSession itself: per-node placement and profiling (GPU timestamps), CPU fallback,
// preserveAllTensors read-back, steady-state buffer pooling and pipeline caching, and shapes that
// change between runs (they travel as uniforms, so no new pipelines).
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import type { NodeTiming } from '../src/graph-runner';
import type { Tensor } from '../src/kernel';
import type { Model, Value } from '../src/ir';
import { Interpreter } from '../src/interpreter';
import { loadModel } from '../src/load';
import { RuntimeError } from '../src/errors';
import { WebGpuSession, webgpuInfo } from '../src/backends/webgpu/index';
import { compareGolden, loadGolden } from './helpers/goldens';
import { describeGpu } from './webgpu-helpers';
import { describeModels, modelPath } from '../../../testing/shared-models';

const MNIST = 'aiquant/models/conv_fc_mnist.tflite';
const DILATED = 'support/dilated_conv.tflite';
const HELLO = 'tflm/hello_world_float.tflite';

function feedsOf(model: ReturnType<typeof loadModel>, dir: string, path: string): { feeds: Tensor[]; golden: ReturnType<typeof loadGolden> } {
  const golden = loadGolden(path, dir);
  const feeds = model.graphs[0]!.inputs.map((v, i): Tensor => ({ name: v.name, dtype: v.dtype, shape: golden.inputs[i]!.shape, data: golden.inputs[i]!.data as Tensor['data'] }));
  return { feeds, golden };
}

function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let d = a.length === b.length ? 0 : Infinity;
  for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i]! - b[i]!));
  return d;
}

describeModels('webgpu session', () => {
  describeGpu('placement, profiling, memory', () => {
    it('profiles every node with its backend; GPU nodes with timestamps when the adapter has them', async () => {
      // dilated_conv: shape arithmetic (SHAPE, STRIDED_SLICE, PACK on i32), SPACE_TO_BATCH_ND, CONV_2D, BATCH_TO_SPACE_ND.
      const model = loadModel(readFileSync(modelPath(DILATED)));
      const timings: NodeTiming[] = [];
      const s = await WebGpuSession.create(model, { profiler: (t) => timings.push(t) });
      const { feeds, golden } = feedsOf(model, DILATED.replace('.tflite', '.golden'), DILATED);
      expect(compareGolden(golden, await s.run(feeds))).toBeUndefined();
      expect(timings.map((t) => t.nodeIndex)).toEqual(model.graphs[0]!.nodes.map((_, i) => i));
      expect(timings.map((t) => t.backend)).toEqual(s.placements.map((p) => p.backend));
      expect(timings.find((t) => t.op === 'tfl.CONV_2D')!.backend).toBe('webgpu');
      const s2b = s.placements.find((p) => p.op === 'tfl.SPACE_TO_BATCH_ND')!;
      expect(['wasm', 'reference']).toContain(s2b.backend);
      expect(s2b.reason).toMatch(/must be constants/); // its block/paddings are computed at run time
      // Shape arithmetic on values computed on the CPU stays there.
      const slice = s.placements.find((p) => p.op === 'tfl.STRIDED_SLICE')!;
      expect(slice.reason).toBe('small tensors already on the CPU');
      for (const t of timings) expect(Number.isFinite(t.ms) && t.ms >= 0, `${t.node} ${t.ms}`).toBe(true);
      expect(s.stats.timestamps).toBe((await webgpuInfo()).timestampQuery);
      s.dispose();
    });

    it('forces ops onto the CPU with cpuOps and still matches the golden', async () => {
      const model = loadModel(readFileSync(modelPath(MNIST)));
      const s = await WebGpuSession.create(model, { cpuOps: ['tfl.CONV_2D', 'tfl.SOFTMAX'] });
      const conv = s.placements.filter((p) => p.op === 'tfl.CONV_2D');
      expect(conv.length).toBeGreaterThan(0);
      for (const p of conv) expect(p.backend).not.toBe('webgpu');
      expect(s.placements.some((p) => p.backend === 'webgpu')).toBe(true);
      const { feeds, golden } = feedsOf(model, MNIST.replace('.tflite', '.golden'), MNIST);
      expect(compareGolden(golden, await s.run(feeds))).toBeUndefined();
      s.dispose();
    });

    it('reads intermediates back only with preserveAllTensors', async () => {
      const bytes = readFileSync(modelPath(MNIST));
      const model = loadModel(bytes);
      const { feeds } = feedsOf(model, MNIST.replace('.tflite', '.golden'), MNIST);
      const ref = Interpreter.createSync(bytes, { preserveAllTensors: true });
      ref.run(feeds.map((t) => ({ data: t.data, shape: t.shape })) as never);
      const inner = model.graphs[0]!.nodes[1]!.outputs[0]!.name;
      const kept = await WebGpuSession.create(model, { preserveAllTensors: true });
      await kept.run(feeds);
      const got = await kept.readTensor(inner);
      const want = ref.getTensor(inner);
      expect(got.shape).toEqual(want.shape);
      expect(maxDiff(got.data as Float32Array, want.data as Float32Array)).toBeLessThan(1e-4);
      const plain = await WebGpuSession.create(model);
      await plain.run(feeds);
      await expect(plain.readTensor(inner)).rejects.toSatisfy((e: unknown) => e instanceof RuntimeError && e.code === 'NOT_PRESERVED');
      expect((await plain.readTensor(model.graphs[0]!.outputs[0]!.name)).shape.length).toBeGreaterThan(0);
      kept.dispose();
      plain.dispose();
    });

    it('reuses pooled buffers and cached pipelines across runs', async () => {
      const model = loadModel(readFileSync(modelPath(MNIST)));
      const s = await WebGpuSession.create(model);
      const { feeds } = feedsOf(model, MNIST.replace('.tflite', '.golden'), MNIST);
      const first = await s.run(feeds);
      const pooled = s.stats.pooledBytes, programs = s.stats.programs;
      for (let i = 0; i < 3; i++) {
        const again = await s.run(feeds);
        expect(maxDiff(again[0]!.data as Float32Array, first[0]!.data as Float32Array)).toBe(0);
      }
      expect(s.stats.pooledBytes).toBe(pooled);
      expect(s.stats.programs).toBe(programs);
      s.dispose();
    });

    it("stores floats as f16 when asked and the adapter has 'shader-f16', and says why not otherwise", async () => {
      const model = loadModel(readFileSync(modelPath(MNIST)));
      const { feeds, golden } = feedsOf(model, MNIST.replace('.tflite', '.golden'), MNIST);
      if (!(await webgpuInfo()).shaderF16) {
        await expect(WebGpuSession.create(model, { precision: 'f16' })).rejects.toSatisfy((e: unknown) => e instanceof RuntimeError && e.code === 'BAD_ARGUMENT' && /shader-f16/.test(e.message));
        return;
      }
      const s = await WebGpuSession.create(model, { precision: 'f16' });
      const got = (await s.run(feeds))[0]!;
      // f16 storage: about 3 decimal digits per tensor, so a much looser tolerance than f32.
      expect(maxDiff(got.data as Float32Array, golden.outputs[0]!.data as Float32Array)).toBeLessThan(2e-2);
      s.dispose();
    });

    it('runs new input shapes with the same pipelines (shapes are uniforms)', async () => {
      const bytes = readFileSync(modelPath(HELLO));
      const model = loadModel(bytes);
      const s = await WebGpuSession.create(model);
      const x = (n: number): Tensor => ({ name: 'x', dtype: 'f32', shape: [n, 1], data: Float32Array.from({ length: n }, (_, i) => i * 0.37) });
      await s.run([x(1)]);
      const programs = s.stats.programs;
      const got = (await s.run([x(7)]))[0]!;
      const ref = Interpreter.createSync(bytes);
      ref.resizeInput(0, [7, 1]);
      const want = Object.values(ref.run([{ data: x(7).data, shape: [7, 1] }] as never))[0]!;
      expect(got.shape).toEqual([7, 1]);
      expect(maxDiff(got.data as Float32Array, want.data as Float32Array)).toBeLessThan(1e-5);
      expect(s.stats.programs).toBe(programs);
      s.dispose();
    });

    it('runs SHAPE of a GPU tensor on the CPU without reading the tensor back', async () => {
      // x → MUL(x, x) on the GPU → SHAPE on the CPU: only the product's shape is needed.
      const x: Value = { id: 1, name: 'x', dtype: 'f32', shape: [2, 3, 5] };
      const sq: Value = { id: 2, name: 'sq', dtype: 'f32', shape: [2, 3, 5] };
      const shp: Value = { id: 3, name: 'shape', dtype: 'i32', shape: [3] };
      const model: Model = {
        graphs: [{ name: 'main', inputs: [x], outputs: [shp], nodes: [
          { op: 'tfl.MUL', name: 'mul', inputs: [x, x], outputs: [sq], attrs: { fusedActivationFunction: 'NONE' } },
          { op: 'tfl.SHAPE', name: 'shape', inputs: [sq], outputs: [shp], attrs: { outType: 'i32' } },
        ] }],
        signatures: [], metadata: [],
      };
      const s = await WebGpuSession.create(model);
      expect(s.placements.map((p) => p.backend)).toEqual(['webgpu', 'wasm']);
      const proto = (globalThis as unknown as { GPUBuffer: { prototype: { mapAsync: (...a: unknown[]) => Promise<void> } } }).GPUBuffer.prototype;
      const mapAsync = proto.mapAsync;
      let reads = 0;
      proto.mapAsync = function (this: unknown, ...a: unknown[]) { reads++; return mapAsync.apply(this, a); };
      try {
        const out = await s.run([{ name: 'x', dtype: 'f32', shape: [2, 3, 5], data: new Float32Array(30).fill(1.5) }]);
        expect(Array.from(out[0]!.data as Int32Array)).toEqual([2, 3, 5]);
      } finally {
        proto.mapAsync = mapAsync;
        s.dispose();
      }
      expect(reads).toBe(0);
    });

    it("places a node on the CPU when its tensors exceed the adapter's storage binding limit", async () => {
      const limit = (await webgpuInfo()).maxStorageBufferBindingSize;
      const side = Math.ceil(Math.sqrt(limit / 4)) + 1; // one f32 tensor just over the limit
      const x: Value = { id: 1, name: 'x', dtype: 'f32', shape: [1, side, side, 1] };
      const y: Value = { id: 2, name: 'y', dtype: 'f32', shape: [1, side, side, 1] };
      const small: Value = { id: 3, name: 's', dtype: 'f32', shape: [1, 8, 8, 1] };
      const t: Value = { id: 4, name: 't', dtype: 'f32', shape: [1, 8, 8, 1] };
      const model: Model = {
        graphs: [{ name: 'main', inputs: [x, small], outputs: [y, t], nodes: [
          { op: 'tfl.RELU', name: 'big', inputs: [x], outputs: [y], attrs: {} },
          { op: 'tfl.RELU', name: 'small', inputs: [small], outputs: [t], attrs: {} },
        ] }],
        signatures: [], metadata: [],
      };
      const s = await WebGpuSession.create(model);
      expect(s.placements[0]).toMatchObject({ node: 'big', backend: 'wasm' });
      expect(s.placements[0]!.reason).toMatch(/tensor 'x' needs \d+ bytes, more than this adapter's storage binding limit/);
      expect(s.placements[1]).toMatchObject({ node: 'small', backend: 'webgpu' });
      s.dispose();
    });

    it('reports GPU memory, and plans no CPU arena for the main graph on webgpu', async () => {
      const path = 'support/mobilenet_v1_0.25_224_1_default_1.tflite';
      const bytes = readFileSync(modelPath(path));
      const model = loadModel(bytes);
      let weightBytes = 0;
      for (const n of model.graphs[0]!.nodes) for (const v of n.inputs) if (v?.data) weightBytes += v.data.byteLength;
      const interp = await Interpreter.create(bytes, { backend: 'webgpu' });
      const { feeds } = feedsOf(model, path.replace('.tflite', '.golden'), path);
      await interp.runAsync(feeds.map((f) => ({ data: f.data, shape: f.shape })) as never);
      const m = interp.memory;
      expect(m.arenaBytes).toBe(0);
      // Every weight is uploaded once (f32, 4-byte aligned): at least their bytes, and not twice over.
      expect(m.gpu!.constantBytes).toBeGreaterThanOrEqual(weightBytes);
      expect(m.gpu!.constantBytes).toBeLessThan(1.5 * weightBytes);
      // The pool holds at least the largest activation (1×112×112×8 f32 after the first conv).
      expect(m.gpu!.pooledBytes).toBeGreaterThanOrEqual(112 * 112 * 8 * 4);
      interp.dispose();
      const cpu = Interpreter.createSync(bytes);
      expect(cpu.memory.arenaBytes).toBeGreaterThan(0);
      expect(cpu.memory.gpu).toBeUndefined();
    });
  });
});
