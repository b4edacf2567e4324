// Float16 quantization: float32 constants stored as float16, each behind one DEQUANTIZE (f16 →
// f32) placed before its first consumer, as TFLite's float16 quantization does.
import type { Model, Node, Value } from '@liteml/graph-ir';
import { updateVersions } from '../rules/versions';
import { ValueFactory, convertNode, elementCount, floatData, inDenylist } from '../util/graph';
import { toFloat16Bits } from '../util/numeric';
import type { RewriteResult } from './integer';

export interface Float16Options {
  deny: ReadonlySet<string>;
  forceFloat: ReadonlySet<string>;
}

export function quantizeFloat16(model: Model, opts: Float16Options): RewriteResult {
  const converted: Node[] = [];
  const users: string[] = [];
  for (const g of model.graphs) {
    const vf = new ValueFactory(g);
    const outputs = new Set(g.outputs);
    const dequantized = new Map<Value, Value>();
    const nodes: Node[] = [];
    for (const n of g.nodes) {
      if (inDenylist(n, opts.deny) || opts.forceFloat.has(n.name) || n.op === 'tfl.DEQUANTIZE') { nodes.push(n); continue; }
      let touched = false;
      n.inputs = n.inputs.map((v) => {
        if (!v || v.dtype !== 'f32' || v.data === undefined || outputs.has(v) || elementCount(v) < 2) return v;
        let d = dequantized.get(v);
        if (!d) {
          const src = floatData(v);
          const half = new Uint16Array(src.length);
          for (let i = 0; i < src.length; i++) half[i] = toFloat16Bits(src[i]!);
          const c = vf.constant(`${v.name}_fp16`, 'f16', v.shape, half);
          d = vf.make(v.name, 'f32', v.shape);
          const dq = convertNode('tfl.DEQUANTIZE', c, d);
          nodes.push(dq);
          converted.push(dq);
          dequantized.set(v, d);
        }
        touched = true;
        return d;
      });
      if (touched) users.push(n.name);
      nodes.push(n);
    }
    g.nodes = nodes;
  }
  updateVersions(converted);
  return { floatNodes: [], quantizedNodes: users };
}
