// Real models from ../shared/models whose every op is an NN kernel, run node by node on the
// reference NN kernels and compared with the TFLite goldens (README tolerances: float ≤ 1e-4 ×
// max(1, max|golden|), quantized ≤ 1 step, seanet int16x8 bit-exact against TFLM's vectors).
import { readFileSync, existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readNpy } from '@liteml/schema';
import { describeModels, manifestEntries, modelPath } from '../../../testing/shared-models';
import { nnKernels, setRequantization, type Requantization } from '../src/backends/reference/nn-kernels';
import { referenceKernels } from '../src/backends/reference/index';
import type { Tensor, TypedArray } from '../src/kernel';
import { affineFallbacks, kernelFor, loadModel, maxAbs, maxAbsDiff, readGolden, runModel } from './nn-helpers';

// NN kernels first; the few glue ops around them (quantize, reshape, softmax …) come from the
// rest of the reference backend, or from test-only affine QUANTIZE/DEQUANTIZE while it has none.
const nnOps = new Set(nnKernels.map((k) => k.op.slice(4)));
const GLUE = new Set(['QUANTIZE', 'DEQUANTIZE', 'RESHAPE', 'SOFTMAX', 'LOGISTIC']);
const kernels = [...nnKernels, ...referenceKernels, ...affineFallbacks];
const entries = manifestEntries().filter((e) => {
  if (!e.golden?.length || !e.ops) return false;
  const ops = Object.keys(e.ops);
  if (!ops.some((o) => nnOps.has(o)) || !ops.every((o) => nnOps.has(o) || GLUE.has(o))) return false;
  // Glue ops must have a kernel that accepts them; NN ops are always tried (declines are errors).
  return loadModel(e.path).nodes.every((n) => nnOps.has(n.op.slice(4)) || kernelFor(kernels, n));
});

// Known differences from the TFLite oracle, in quantization steps (none at present; dtln's
// int8 LSTM state now starts at its zero point as in TFLite's ResetVariableTensor).
const KNOWN_STEPS: Record<string, number> = {};

/** README tolerances; a float output produced by DEQUANTIZE may differ by one quantization step. */
function tolerance(golden: Tensor, model: ReturnType<typeof loadModel>, i: number): number {
  if (golden.dtype !== 'f32') return KNOWN_STEPS[model.path] ?? 1;
  const out = model.outputs[i]!;
  const producer = model.nodes.find((n) => n.outputs.includes(out));
  const step = producer?.op === 'tfl.DEQUANTIZE' ? (producer.inputs[0]?.quant?.scale[0] ?? 0) : 0;
  return step * (1 + 1e-6) + 1e-4 * Math.max(1, maxAbs(golden));
}

// Models whose nodes the kernels decline (supports() gives the reason), checked separately.
const DECLINED: Record<string, RegExp> = {};

// Goldens that record an oracle defect rather than TFLite's semantics: the oracle's TFLite build
// runs the hybrid FULLY_CONNECTED with per-channel int8 weights using a zero scale, so all ten
// logits are 0 and its softmax is exactly uniform (0.1 each); we compute the real product.
const ORACLE_DEFECTS: Record<string, string> = {
  'aiquant/models/partly_quantized_mnist.golden': 'hybrid per-channel FC computed with scale 0 (uniform softmax)',
};

describeModels('NN kernels on real models with TFLite goldens', () => {
  it('finds the single-op models of the NN kernels', () => {
    expect(entries.length).toBeGreaterThan(40);
  });
  for (const [path, reason] of Object.entries(DECLINED)) {
    it(`declines ${path} with a reason`, () => {
      const m = loadModel(path);
      const reasons = m.nodes.map((n) => nnKernels.find((k) => k.op === n.op)!.supports!(n));
      expect(reasons.some((r) => typeof r === 'string' && reason.test(r))).toBe(true);
    });
  }
  for (const e of entries) {
    if (DECLINED[e.path]) continue;
    for (const dir of e.golden!) {
      if (ORACLE_DEFECTS[dir]) {
        it(`${dir}: the golden is the oracle's defect (${ORACLE_DEFECTS[dir]})`, () => {
          const g = readGolden(dir);
          expect(Array.from(g.outputs[0]!.data as Float32Array).every((v) => Math.abs(v - 0.1) < 1e-6)).toBe(true);
          const [out] = runModel(loadModel(e.path), kernels, g.inputs);
          expect(Math.max(...(out!.data as Float32Array))).toBeGreaterThan(0.2);
        });
        continue;
      }
      // TFLite's reference arithmetic must hold for single-op models; deep int8/uint8 nets are
      // compared in XNNPACK mode, which is what the oracle ran (see setRequantization).
      const modes: Requantization[] = e.ops && Object.values(e.ops).reduce((a, b) => a + b, 0) > 1 ? ['xnnpack'] : ['tflite', 'xnnpack'];
      for (const mode of modes) {
        it(`${dir} [${mode}]`, () => {
          setRequantization(mode);
          try {
            const model = loadModel(e.path);
            const g = readGolden(dir);
            const outs = runModel(model, kernels, g.inputs);
            expect(outs.length).toBe(g.outputs.length);
            outs.forEach((o, i) => {
              const want = g.outputs[i]!;
              expect(o.shape).toEqual(want.shape);
              const exact = e.path.startsWith('seanet/');
              expect(maxAbsDiff(o, want), `output ${i}`).toBeLessThanOrEqual(exact ? 0 : tolerance(want, model, i));
            });
          } finally {
            setRequantization('tflite');
          }
        });
      }
    }
  }
});

// The seanet models come with TFLM's own test vectors (inputs + expected int16 output).
const seanet = manifestEntries().filter((e) => /^seanet\/(conv|transpose_conv)\//.test(e.path));
describeModels('seanet int16x8 conv / transpose conv: bit-exact with the TFLM vectors', () => {
  for (const e of seanet) {
    it(e.path, () => {
      const stem = e.path.replace(/\.tflite$/, '');
      const read = (f: string): Tensor => {
        const a = readNpy(new Uint8Array(readFileSync(modelPath(f))));
        return { name: f, dtype: a.dtype === 'i4' ? 'i32' : 'i16', shape: a.shape, data: a.data as TypedArray };
      };
      const inputs: Tensor[] = [];
      for (let i = 0; ; i++) {
        const f32 = `${stem}_input${i}_int32.npy`;
        const f16 = `${stem}_input${i}_int16.npy`;
        if (existsSync(modelPath(f32))) inputs.push(read(f32));
        else if (existsSync(modelPath(f16))) inputs.push(read(f16));
        else break;
      }
      const want = read(`${stem}_golden_int16.npy`);
      const [out] = runModel(loadModel(e.path), nnKernels, inputs);
      // Some TFLM vectors are stored flat.
      if (want.shape.length > 1) expect(out!.shape).toEqual(want.shape);
      expect(maxAbsDiff(out!, want)).toBe(0);
    });
  }
});
