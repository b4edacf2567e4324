// Dynamic-range quantization: int8 symmetric weights, float activations; the nodes keep their op
// and run as hybrid kernels.
import type { Model, Node, Value } from '@liteml/graph-ir';
import { MIN_WEIGHT_ELEMENTS, hybridRule } from '../rules/dynamic-rules';
import { updateVersions } from '../rules/versions';
import { ValueFactory, elementCount, floatData, inDenylist, isFloatConstant, staticShape } from '../util/graph';
import { quantizeWeights } from '../util/weights';
import type { RewriteResult } from './integer';

export interface DynamicOptions {
  perTensor: boolean;
  deny: ReadonlySet<string>;
  forceFloat: ReadonlySet<string>;
}

export function quantizeDynamic(model: Model, opts: DynamicOptions): RewriteResult {
  const quantized: Node[] = [];
  for (const g of model.graphs) {
    const vf = new ValueFactory(g);
    const cache = new Map<string, Value>();
    for (const n of g.nodes) {
      const rule = hybridRule(n.op);
      if (!rule || inDenylist(n, opts.deny) || opts.forceFloat.has(n.name)) continue;
      const input = n.inputs[0];
      if (!input || input.dtype !== 'f32') continue;
      const weights = rule.weights.filter((w) => isFloatConstant(n.inputs[w.index]));
      // All weights of a node or none (hybrid kernels take one weight dtype); small ones stay float.
      if (weights.length === 0 || !weights.some((w) => elementCount(n.inputs[w.index]!) >= MIN_WEIGHT_ELEMENTS)) continue;
      for (const w of weights) {
        const v = n.inputs[w.index]!;
        const axis = opts.perTensor ? undefined : w.axis;
        const key = `${v.id}|${axis}`;
        let q = cache.get(key);
        if (!q) {
          const r = quantizeWeights(floatData(v), staticShape(v), axis);
          q = vf.constant(v.name, 'i8', v.shape, r.q, r.quant);
          cache.set(key, q);
        }
        n.inputs[w.index] = q;
      }
      if (rule.asymmetricInputs) n.attrs.asymmetricQuantizeInputs = true;
      quantized.push(n);
    }
  }
  updateVersions(quantized);
  return { floatNodes: [], quantizedNodes: quantized.map((n) => n.name) };
}
