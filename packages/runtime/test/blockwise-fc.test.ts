// FULLY_CONNECTED with blockwise int4 weights (LiteRT's qwen test model): the scales tensor is
// reached through graph-ir's import (details.value.scalesValue), survives export → import, and
// the result equals LiteRT's (the golden came from @litertjs/core) bit for bit.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { exportTflite, importTflite } from '@liteml/graph-ir';
import { readNpy } from '@liteml/schema';
import { describeModels, modelPath } from '../../../testing/shared-models';
import { Interpreter } from '../src/index';

const MODEL = 'litert/litert/test/testdata/qwen_fc_blockwise_quantized.tflite';
const GOLDEN = 'litert/litert/test/testdata/qwen_fc_blockwise_quantized.golden';

describeModels('blockwise-quantized FULLY_CONNECTED', () => {
  it('imports the scales tensor no operator reads, and keeps it through export', () => {
    const model = importTflite(new Uint8Array(readFileSync(modelPath(MODEL))));
    const w = model.main.nodes[0]!.inputs[1]!;
    const d = w.quant!.details as { type: string; value: { blockSize: number; scalesValue?: { dtype: string; shape?: unknown } } };
    expect(d.type).toBe('BlockwiseQuantization');
    expect(d.value.scalesValue?.dtype).toBe('f16');
    expect(d.value.scalesValue?.shape).toEqual([1024, 1024 / d.value.blockSize]);
    const again = importTflite(exportTflite(model));
    const d2 = again.main.nodes[0]!.inputs[1]!.quant!.details as typeof d;
    expect(d2.value.scalesValue?.shape).toEqual(d.value.scalesValue?.shape);
  });

  for (const source of ['file', 'export → import'] as const) {
    it(`equals LiteRT's output bit for bit (${source})`, async () => {
      const bytes = new Uint8Array(readFileSync(modelPath(MODEL)));
      const interp = await Interpreter.create(source === 'file' ? bytes : exportTflite(importTflite(bytes)));
      const x = readNpy(readFileSync(modelPath(`${GOLDEN}/input_0.npy`)));
      const want = readNpy(readFileSync(modelPath(`${GOLDEN}/output_0.npy`)));
      const out = interp.run([{ data: x.data, shape: x.shape }]);
      const got = out[interp.outputs[0]!.name]!;
      expect(got.shape).toEqual(want.shape);
      expect(Array.from(got.data as Float32Array)).toEqual(Array.from(want.data as Float32Array));
    });
  }
});
