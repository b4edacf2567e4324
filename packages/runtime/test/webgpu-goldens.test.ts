// Every float32 golden of ../shared/models on the webgpu backend in Node (Dawn), with the
// tolerances of shared/models/README.md. Nodes without a GPU kernel run on the CPU fallback, so
// this also checks the GPU↔CPU hand-over; models whose every op has a GPU kernel must run
// entirely on the GPU. The three largest (deeplab, yamnet, conformer) are left to the benchmark.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import type { Tensor } from '../src/kernel';
import { loadModel } from '../src/load';
import { WebGpuSession } from '../src/backends/webgpu/index';
import { compareGolden, loadGolden } from './helpers/goldens';
import { describeGpu } from './webgpu-helpers';
import { describeModels, manifestEntries, modelPath } from '../../../testing/shared-models';

const SKIP_LARGE = /deeplab|yamnet|conformer/;
const ALL_ON_GPU = ['support/mobilenet_v1_0.25_224_1_default_1.tflite', 'tflm/hello_world_float.tflite', 'aiquant/models/conv_fc_mnist.tflite', 'aiquant/models/bmm.tflite'];

describeModels('webgpu goldens (f32, Node)', () => {
  describeGpu('float32 models', () => {
    const entries = manifestEntries().filter((e) => e.precision === 'float32' && e.golden?.length && !SKIP_LARGE.test(e.path));
    it('has the float models', () => {
      expect(entries.length).toBeGreaterThan(100);
      for (const m of ALL_ON_GPU) expect(entries.some((e) => e.path === m), m).toBe(true);
    });
    for (const e of entries) {
      it(e.path, async () => {
        const model = loadModel(readFileSync(modelPath(e.path)));
        const session = await WebGpuSession.create(model);
        try {
          if (ALL_ON_GPU.includes(e.path)) expect(session.placements.filter((p) => p.backend !== 'webgpu')).toEqual([]);
          for (const dir of e.golden!) {
            session.resetVariables(); // stateful models (LSTM) start each golden from their initial state
            const c = loadGolden(e.path, dir);
            const feeds = model.graphs[0]!.inputs.map((v, i): Tensor => ({ name: v.name, dtype: v.dtype, shape: c.inputs[i]!.shape, data: c.inputs[i]!.data as Tensor['data'] }));
            const out = await session.run(feeds);
            expect(compareGolden(c, out), dir).toBeUndefined();
          }
        } finally {
          session.dispose();
        }
      });
    }
  });
});
