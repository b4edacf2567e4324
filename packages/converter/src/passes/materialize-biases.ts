// Gives CONV_2D and DEPTHWISE_CONV_2D an explicit zero bias where they have none: TFLite's
// kernels for these ops require the bias tensor (an omitted one fails at prepare time).
import { GraphBuilder, isStaticShape, type Model, type Pass } from '@liteml/graph-ir';

const CHANNEL_AXIS: Record<string, number> = { 'tfl.CONV_2D': 0, 'tfl.DEPTHWISE_CONV_2D': 3 };

function run(model: Model): boolean {
  let changed = false;
  for (const g of model.graphs) {
    const b = GraphBuilder.on(g);
    for (const n of g.nodes) {
      const axis = CHANNEL_AXIS[n.op];
      if (axis === undefined || n.inputs[2]) continue;
      const w = n.inputs[1];
      const x = n.inputs[0];
      if (!w || !isStaticShape(w.shape) || x?.dtype !== 'f32') continue;
      const c = w.shape[axis]!;
      while (n.inputs.length < 3) n.inputs.push(undefined);
      n.inputs[2] = b.constant(`${n.outputs[0]!.name}/zero_bias`, 'f32', [c], new Float32Array(c));
      changed = true;
    }
  }
  return changed;
}

/** Zero biases for float convolutions that have none. */
export const materializeBiases: Pass = { name: 'materialize-biases', run };
