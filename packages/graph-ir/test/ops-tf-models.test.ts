// Every TensorFlow op in the shared GraphDef / SavedModel / tfjs models has a tf schema with
// inference, so the converter can import them.
import { expect, it } from 'vitest';
import { describeModels, manifestEntries } from '../../../testing/shared-models';
import { getOpSchema } from '../src/ops/index';

describeModels('tf schemas on the shared models', () => {
  it('covers every TF op of the TensorFlow-format models', () => {
    const ops = new Map<string, string>();
    for (const e of manifestEntries()) {
      if (e.format === 'tflite') continue;
      // custom_opdef.pbtxt declares its own op in the graph (a user op no schema can know).
      if (/custom_opdef/.test(e.path)) continue;
      for (const op of Object.keys(e.ops ?? {})) ops.set(op.replace(/^fn:/, ''), e.path);
    }
    expect(ops.size).toBeGreaterThan(40);
    const missing = [...ops].filter(([op]) => typeof getOpSchema(`tf.${op}`)?.infer !== 'function').map(([op, path]) => `${op} (${path})`);
    expect(missing).toEqual([]);
  });
});
