// Constant nodes (every input a constant, a pure op) are evaluated once and their outputs kept, as
// TFLite does: float16 weights behind DEQUANTIZE, chains of constant nodes, on the CPU path and on
// webgpu (evaluated on a CPU backend, uploaded once like weights). Random ops are never cached.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { KernelConfig } from '../src/kernel';
import { ensureBackend } from '../src/backends';
import { f16ToF32, f32ToF16 } from '../src/half';
import { Interpreter, type NodeTiming, type Tensor } from '../src/index';
import { loadModel } from '../src/load';
import { ARENA_ALIGNMENT } from '../src/planner';
import { findKernel, registerKernel } from '../src/registry';
import { WebGpuSession } from '../src/backends/webgpu/index';
import { compareGolden, loadGolden } from './helpers/goldens';
import { GraphBuilder, model, out } from './helpers/models';
import { describeGpu } from './webgpu-helpers';
import { describeModels, manifestEntries, modelPath } from '../../../testing/shared-models';

const vals = (t: Tensor | undefined) => Array.from(t!.data as ArrayLike<number>, Number);

/** Counts the runs of the reference kernel of `op` (wrapped in the registry until restored). */
const restores: (() => void)[] = [];
function countRuns(op: string): () => number {
  ensureBackend('reference');
  const original = findKernel('reference', { op, name: op, inputs: [], outputs: [], attrs: {} })!;
  let n = 0;
  const counting: KernelConfig = { ...original, run: (ctx) => { n++; original.run(ctx); } };
  registerKernel(counting);
  restores.push(() => registerKernel(original));
  return () => n;
}
afterEach(() => { for (const r of restores.splice(0)) r(); });

// Weights and bias exactly representable in f16, so the expected outputs are exact in f32.
const W_T = [0.5, -1.25, 2, 0.75, -0.5, 1.5, 3, -2, 0.25, 1, -0.75, 0.125]; // [depth 4, units 3], row-major
const BIAS = [0.5, -1, 2];

/** x [N, 4] → FULLY_CONNECTED with weights TRANSPOSE(DEQUANTIZE(f16 [4, 3])) and bias DEQUANTIZE(f16 [3]). */
function fcModel() {
  const b = new GraphBuilder('main');
  const x = b.input('x', 'f32', [1, 4], { shapeSignature: [-1, 4] });
  const w16 = b.constant('w16', 'f16', [4, 3], Uint16Array.from(W_T, f32ToF16));
  const b16 = b.constant('b16', 'f16', [3], Uint16Array.from(BIAS, f32ToF16));
  const perm = b.constant('perm', 'i32', [2], [1, 0]);
  const [wT] = b.op('tfl.DEQUANTIZE', [w16], {}, { name: 'w_t', outputs: [out('f32', [4, 3])] });
  const [w] = b.op('tfl.TRANSPOSE', [wT!, perm], {}, { name: 'w', outputs: [out('f32', [3, 4])] });
  const [bias] = b.op('tfl.DEQUANTIZE', [b16], {}, { name: 'bias', outputs: [out('f32', [3])] });
  const [y] = b.op('tfl.FULLY_CONNECTED', [x, w!, bias!], {}, { name: 'y', outputs: [out('f32', [1, 3])] });
  b.output(y!);
  return model([b.graph]);
}

/** y = x·W + bias, computed here from the f16 bits of the weights. */
function expectedFc(x: readonly number[]): number[] {
  const w = W_T.map((v) => f16ToF32(f32ToF16(v)));
  const rows = x.length / 4;
  const y: number[] = [];
  for (let r = 0; r < rows; r++) {
    for (let u = 0; u < 3; u++) {
      let s = BIAS[u]!;
      for (let d = 0; d < 4; d++) s += x[r * 4 + d]! * w[d * 3 + u]!;
      y.push(s);
    }
  }
  return y;
}

/** y = x + RANDOM_UNIFORM(shape [2, 3]): the random node's inputs are all constants. */
function randomModel() {
  const b = new GraphBuilder('main');
  const x = b.input('x', 'f32', [2, 3]);
  const shape = b.constant('shape', 'i32', [2], [2, 3]);
  const [r] = b.op('tfl.RANDOM_UNIFORM', [shape], { seed: 7, seed2: 11 }, { name: 'r', outputs: [out('f32', [2, 3])] });
  const [y] = b.op('tfl.ADD', [x, r!], {}, { name: 'y', outputs: [out('f32', [2, 3])] });
  b.output(y!);
  return model([b.graph]);
}

const INPUTS = [[1, 2, 3, 4], [-1, 0.5, 0, 2], [0.25, -3, 1, 1]];

describe('constant nodes on the CPU path', () => {
  it('evaluates DEQUANTIZE → TRANSPOSE of f16 weights once over 3 runs; FULLY_CONNECTED matches the computation', () => {
    const dequantize = countRuns('tfl.DEQUANTIZE');
    const transpose = countRuns('tfl.TRANSPOSE');
    const fc = countRuns('tfl.FULLY_CONNECTED');
    const timings: NodeTiming[] = [];
    const interp = Interpreter.createSync(fcModel(), { profiler: (t) => timings.push(t) });
    for (const x of INPUTS) expect(vals(interp.run({ x })['y'])).toEqual(expectedFc(x));
    expect(dequantize()).toBe(2); // two DEQUANTIZE nodes, once each
    expect(transpose()).toBe(1);
    expect(fc()).toBe(3);
    // The profiler still reports every node each run, constant nodes on their backend (with 0 ms once cached).
    expect(timings.map((t) => t.nodeIndex)).toEqual([0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3]);
    for (const t of timings) expect(t.backend).toBe('reference');
    expect(timings.slice(4).filter((t) => t.op !== 'tfl.FULLY_CONNECTED').map((t) => t.ms)).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('keeps the outputs persistently: counted in persistentBytes, readable with preserveAllTensors, kept across resizeInput', () => {
    const dequantize = countRuns('tfl.DEQUANTIZE');
    const plain = Interpreter.createSync(fcModel());
    // Before the first run: their planned size (w_t 12 + w 12 + bias 3 floats), outside the arena.
    expect(plain.memory.persistentBytes).toBe(4 * 27);
    const arena = plain.memory.arenaBytes;
    plain.run({ x: INPUTS[0]! });
    expect(plain.memory).toEqual({ arenaBytes: arena, persistentBytes: 4 * 27 });
    expect(arena).toBe(2 * ARENA_ALIGNMENT); // only x (16 bytes) and y (12 bytes) live in the arena

    const interp = Interpreter.createSync(fcModel(), { preserveAllTensors: true });
    interp.run({ x: INPUTS[0]! });
    expect(vals(interp.getTensor('w_t'))).toEqual(W_T.map((v) => f16ToF32(f32ToF16(v))));
    expect(interp.getTensor('w').shape).toEqual([3, 4]);
    expect(vals(interp.getTensor('bias'))).toEqual(BIAS);
    expect(() => plain.getTensor('w')).toThrow(/preserveAllTensors/); // an intermediate, as before
    const calls = dequantize();
    interp.resizeInput('x', [3, 4]);
    const x = INPUTS.flat();
    const y = interp.run({ x: { data: Float32Array.from(x), shape: [3, 4] } })['y']!;
    expect(y.shape).toEqual([3, 3]);
    expect(vals(y)).toEqual(expectedFc(x));
    expect(dequantize()).toBe(calls); // the re-plan did not evaluate them again
    expect(vals(interp.getTensor('w_t'))).toEqual(W_T.map((v) => f16ToF32(f32ToF16(v))));
  });

  it('does not cache RANDOM_UNIFORM fed by a constant shape', () => {
    const random = countRuns('tfl.RANDOM_UNIFORM');
    const interp = Interpreter.createSync(randomModel());
    const x = new Float32Array(6);
    const runs = [0, 1, 2].map(() => vals(interp.run({ x })['y']));
    expect(random()).toBe(3);
    expect(runs[1]).not.toEqual(runs[0]);
    expect(runs[2]).not.toEqual(runs[1]);
    for (const r of runs) for (const v of r) expect(v >= 0 && v < 1).toBe(true);
  });
});

const REDUX = 'litert/tflite/testdata/test_model_redux_precision.bin';

describeModels('constant nodes: a float16-weights model', () => {
  it(`${REDUX} (f16 weights → DEQUANTIZE → CONV_2D) matches its golden over 3 runs, dequantizing once`, () => {
    const entry = manifestEntries().find((e) => e.path === REDUX)!;
    expect(entry.precision).toBe('float16-weights');
    const dequantize = countRuns('tfl.DEQUANTIZE');
    const timings: NodeTiming[] = [];
    const interp = Interpreter.createSync(readFileSync(modelPath(REDUX)), { profiler: (t) => timings.push(t) });
    const nodes = interp.model.graphs[0]!.nodes;
    expect(nodes.filter((n) => n.op === 'tfl.DEQUANTIZE').length).toBe(2);
    const c = loadGolden(REDUX, entry.golden![0]!);
    for (let i = 0; i < 3; i++) {
      const outs = interp.run(c.inputs.map((a) => ({ data: a.data, shape: a.shape })));
      expect(compareGolden(c, interp.outputs.map((o) => outs[o.name]!)), c.dir).toBeUndefined();
    }
    expect(dequantize()).toBe(2);
    expect(timings.length).toBe(3 * nodes.length);
  });
});

describeGpu('constant nodes on webgpu', () => {
  it('evaluates them once on the CPU at creation; the GPU FULLY_CONNECTED reads them as constants', async () => {
    const dequantize = countRuns('tfl.DEQUANTIZE');
    const timings: NodeTiming[] = [];
    const s = await WebGpuSession.create(fcModel(), { fallback: 'reference', profiler: (t) => timings.push(t) });
    try {
      expect(s.placements).toEqual([
        { node: 'w_t', op: 'tfl.DEQUANTIZE', backend: 'reference', reason: 'constant inputs: evaluated once' },
        { node: 'w', op: 'tfl.TRANSPOSE', backend: 'reference', reason: 'constant inputs: evaluated once' },
        { node: 'bias', op: 'tfl.DEQUANTIZE', backend: 'reference', reason: 'constant inputs: evaluated once' },
        { node: 'y', op: 'tfl.FULLY_CONNECTED', backend: 'webgpu' },
      ]);
      for (const x of INPUTS) {
        const [y] = await s.run([{ name: 'x', dtype: 'f32', shape: [1, 4], data: Float32Array.from(x) }]);
        const want = expectedFc(x);
        vals(y).forEach((v, i) => expect(Math.abs(v - want[i]!)).toBeLessThan(1e-5));
      }
      expect(dequantize()).toBe(2);
      expect(timings.map((t) => t.nodeIndex)).toEqual([0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3]);
      expect(timings.map((t) => t.backend)).toEqual([0, 1, 2].flatMap(() => s.placements.map((p) => p.backend)));
      for (const t of timings.filter((t) => t.op !== 'tfl.FULLY_CONNECTED')) expect(t.ms).toBe(0);
      expect(vals(await s.readTensor('w_t'))).toEqual(W_T.map((v) => f16ToF32(f32ToF16(v))));
      expect(s.stats.constantBytes).toBeGreaterThanOrEqual(4 * 15); // w and bias uploaded (w_t only read on the CPU)
    } finally {
      s.dispose();
    }
  });

  it('does not cache RANDOM_UNIFORM fed by a constant shape', async () => {
    const random = countRuns('tfl.RANDOM_UNIFORM');
    const s = await WebGpuSession.create(randomModel(), { fallback: 'reference' });
    try {
      expect(s.placements[0]!.reason).not.toBe('constant inputs: evaluated once');
      const x: Tensor = { name: 'x', dtype: 'f32', shape: [2, 3], data: new Float32Array(6) };
      const runs: number[][] = [];
      for (let i = 0; i < 3; i++) runs.push(vals((await s.run([x]))[0]));
      expect(random()).toBe(3);
      expect(runs[1]).not.toEqual(runs[0]);
      expect(runs[2]).not.toEqual(runs[1]);
    } finally {
      s.dispose();
    }
  });

  describeModels('a float16-weights model', () => {
    it(`${REDUX}: matches its golden, CONV_2D on the GPU`, async () => {
      const entry = manifestEntries().find((e) => e.path === REDUX)!;
      const m = loadModel(readFileSync(modelPath(REDUX)));
      const s = await WebGpuSession.create(m);
      try {
        expect(s.placements.filter((p) => p.op === 'tfl.DEQUANTIZE').map((p) => p.reason)).toEqual(['constant inputs: evaluated once', 'constant inputs: evaluated once']);
        expect(s.placements.find((p) => p.op === 'tfl.CONV_2D')!.backend).toBe('webgpu');
        const c = loadGolden(REDUX, entry.golden![0]!);
        const feeds = m.graphs[0]!.inputs.map((v, i): Tensor => ({ name: v.name, dtype: v.dtype, shape: c.inputs[i]!.shape, data: c.inputs[i]!.data as Tensor['data'] }));
        for (let i = 0; i < 2; i++) expect(compareGolden(c, await s.run(feeds)), c.dir).toBeUndefined();
      } finally {
        s.dispose();
      }
    });
  });
});
