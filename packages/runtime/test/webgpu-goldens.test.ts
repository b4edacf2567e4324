// Every float32 golden of ../shared/models on the webgpu backend in Node (Dawn), with the
// tolerances of shared/models/README.md. Nodes without a GPU kernel run on the CPU fallback, so
// this also checks the GPU↔CPU hand-over; models whose every op has a GPU kernel must run
// entirely on the GPU.
//
// The same models with precision 'f16': on an adapter with 'shader-f16' their outputs are checked
// against the goldens with F16_TOL (every tensor is stored with ~3 significant digits); where no
// adapter has it (SwiftShader), they run on Dawn's null backend, which compiles and validates every
// f16 shader, pipeline and dispatch of the model but computes nothing: there the check is that the
// whole graph runs without a WebGPU validation error and yields outputs of the golden's shapes.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import type { Tensor } from '../src/kernel';
import type { Model } from '../src/ir';
import { Interpreter, randomTensor } from '../src/index';
import { loadModel } from '../src/load';
import { WebGpuSession, webgpuInfo, type WebGpuSessionOptions } from '../src/backends/webgpu/index';
import { compareGolden, loadGolden, type GoldenCase } from './helpers/goldens';
import { describeGpu, HAS_WEBGPU, nullBackendGpu } from './webgpu-helpers';
import { describeModels, manifestEntries, modelPath, type ManifestEntry } from '../../../testing/shared-models';

const ALL_ON_GPU = ['support/mobilenet_v1_0.25_224_1_default_1.tflite', 'tflm/hello_world_float.tflite', 'aiquant/models/conv_fc_mnist.tflite', 'aiquant/models/bmm.tflite',
  'aiquant/models/single_select.tflite', 'aiquant/models/single_gather_nd_with_const_params.tflite', 'aiquant/models/dynamic_update_slice.tflite', 'litert/litert/test/testdata/simple_atan2_op.tflite',
  'aiquant/models/sdpa_composite.tflite', 'aiquant/models/simple_composite.tflite', 'litert/litert/test/testdata/group_norm_2_groups_op.tflite',
  'litert/litert/test/testdata/simple_group_norm_op.tflite', 'litert/litert/test/testdata/l2_norm_composite.tflite'];
/** f16 storage against the f32 goldens: relative to max(1, max|golden|). */
const F16_TOL = 5e-2;
/** Models whose shapes are computed from tensor values, which the null backend never computes (they stay 0). */
const DATA_DEPENDENT_SHAPES = ['litert/tflite/testdata/dynamic_shapes.bin'];
const DEEPLAB = 'support/deeplabv3.tflite';
const realF16 = HAS_WEBGPU && (await webgpuInfo()).shaderF16;

function feedsOf(model: Model, c: GoldenCase): Tensor[] {
  return model.graphs[0]!.inputs.map((v, i): Tensor => ({ name: v.name, dtype: v.dtype, shape: c.inputs[i]!.shape, data: c.inputs[i]!.data as Tensor['data'] }));
}

async function runGoldens(e: ManifestEntry, options: WebGpuSessionOptions, check: (c: GoldenCase, out: Tensor[]) => void): Promise<void> {
  const model = loadModel(readFileSync(modelPath(e.path)));
  const session = await WebGpuSession.create(model, options);
  try {
    if (ALL_ON_GPU.includes(e.path)) expect(session.placements.filter((p) => p.backend !== 'webgpu')).toEqual([]);
    for (const dir of e.golden!) {
      session.resetVariables(); // stateful models (LSTM) start each golden from their initial state
      const c = loadGolden(e.path, dir);
      check(c, await session.run(feedsOf(model, c)));
    }
  } finally {
    session.dispose();
  }
}

describeModels('webgpu goldens (Node)', () => {
  const entries = manifestEntries().filter((e) => e.precision === 'float32' && e.golden?.length);

  describeGpu('float32 models, f32', () => {
    it('has the float models', () => {
      expect(entries.length).toBeGreaterThan(100);
      for (const m of [...ALL_ON_GPU, ...DATA_DEPENDENT_SHAPES]) expect(entries.some((e) => e.path === m), m).toBe(true);
      expect(entries.some((e) => /conformer/.test(e.path)) && entries.some((e) => /yamnet/.test(e.path))).toBe(true);
    });
    for (const e of entries) {
      it(e.path, () => runGoldens(e, {}, (c, out) => expect(compareGolden(c, out), c.dir).toBeUndefined()));
    }

    it(`${DEEPLAB} (no golden): all on the GPU, agrees with wasm on a seeded input within 1e-3`, async () => {
      const bytes = readFileSync(modelPath(DEEPLAB));
      const model = loadModel(bytes);
      const feeds = model.graphs[0]!.inputs.map((v, i) => randomTensor({ name: v.name, dtype: v.dtype, shape: (v.shape ?? []).map((d) => (typeof d === 'number' ? d : 1)) }, i));
      const s = await WebGpuSession.create(model);
      try {
        expect(s.placements.filter((p) => p.backend !== 'webgpu')).toEqual([]);
        const got = (await s.run(feeds))[0]!;
        const wasm = await Interpreter.create(bytes, { backend: 'wasm' });
        const want = Object.values(wasm.run(feeds.map((f) => ({ data: f.data, shape: f.shape })) as never))[0]!;
        expect(got.shape).toEqual([1, 257, 257, 21]);
        const a = got.data as Float32Array, b = want.data as Float32Array;
        let maxDiff = 0, maxAbs = 0;
        for (let i = 0; i < b.length; i++) { maxDiff = Math.max(maxDiff, Math.abs(a[i]! - b[i]!)); maxAbs = Math.max(maxAbs, Math.abs(b[i]!)); }
        expect(maxAbs).toBeGreaterThan(1);
        expect(maxDiff).toBeLessThanOrEqual(1e-3 * maxAbs);
      } finally {
        s.dispose();
      }
    });
  });

  describeGpu(`float32 models, f16 (${realF16 ? 'values' : "null backend: shaders compile and validate"})`, () => {
    let options: WebGpuSessionOptions = { precision: 'f16' };
    it('gets a device with shader-f16', async () => {
      if (!realF16) options = { precision: 'f16', gpu: await nullBackendGpu() };
      const model = loadModel(readFileSync(modelPath(ALL_ON_GPU[0]!)));
      const s = await WebGpuSession.create(model, options);
      s.dispose();
    });
    for (const e of entries) {
      if (!realF16 && DATA_DEPENDENT_SHAPES.includes(e.path)) continue;
      it(e.path, () => runGoldens(e, options, (c, out) => {
        if (realF16) expect(compareGolden(c, out, F16_TOL), c.dir).toBeUndefined();
        else expect(out.map((t) => t.shape), c.dir).toEqual(c.outputs.map((o) => o.shape));
      }));
    }
  });
});
