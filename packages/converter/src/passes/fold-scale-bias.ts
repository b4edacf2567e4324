// Folds a per-channel multiply / add by a constant that follows a convolution or fully-connected
// layer into its weights and bias. Batch norms (legalized to x * m + s with m, s folded to
// constants) and BiasAdds end up inside the layer this way:
//   MUL(CONV_2D(x, W, b), m) → CONV_2D(x, W * m, b * m);   ADD(CONV_2D(x, W, b), s) → CONV_2D(x, W, b + s)
import {
  constantValues, isStaticShape, rewritePass, typedArrayOf, type Captures, type Node, type Pass, type RewriteContext, type Rule, type Value,
} from '@liteml/graph-ir';

/** Per op: index of the weights and bias inputs, and the weights axis of the output channels. */
const LAYERS: Record<string, { w: number; b: number; axis: number }> = {
  'tfl.CONV_2D': { w: 1, b: 2, axis: 0 },
  'tfl.DEPTHWISE_CONV_2D': { w: 1, b: 2, axis: 3 },
  'tfl.FULLY_CONNECTED': { w: 1, b: 2, axis: 0 },
  'tfl.TRANSPOSE_CONV': { w: 1, b: 3, axis: 0 },
  'tfl.CONV_3D': { w: 1, b: 2, axis: 4 },
};

function channels(layer: Node): number | undefined {
  const spec = LAYERS[layer.op]!;
  const w = layer.inputs[spec.w];
  if (!w?.data || w.dtype !== 'f32' || !isStaticShape(w.shape)) return undefined;
  return w.shape[spec.axis];
}

/** The per-channel values of `c` when it broadcasts along the layer's output channels only. */
function perChannel(c: Value, layer: Node, out: Value): Float32Array | undefined {
  const n = channels(layer);
  if (n === undefined || !c.data || c.dtype !== 'f32' || !isStaticShape(c.shape)) return undefined;
  const rank = layer.outputs[0]!.shape?.length;
  if (rank === undefined || c.shape.length > rank || out.shape?.length !== rank) return undefined;
  const size = c.shape.reduce((a, b) => a * b, 1);
  if (size !== 1 && (c.shape[c.shape.length - 1] !== n || size !== n)) return undefined;
  const vals = Float32Array.from(constantValues(c) as number[]);
  return size === 1 ? new Float32Array(n).fill(vals[0]!) : vals;
}

const plainLayer = {
  op: Object.keys(LAYERS), oneUse: true, bind: 'layer', dtype: 'f32' as const,
  attrs: { fusedActivationFunction: (v: unknown) => v === undefined || v === 'NONE' },
};

function rebuild(m: Captures, ctx: RewriteContext, kind: 'mul' | 'add' | 'sub'): Value | undefined {
  const layer = m.layer as Node;
  const c = m.c as Value;
  const out = m.root.outputs[0]!;
  const k = perChannel(c, layer, out);
  if (!k) return undefined;
  if (kind === 'sub') k.forEach((v, i) => (k[i] = -v));
  const spec = LAYERS[layer.op]!;
  const w = layer.inputs[spec.w]!;
  const b = layer.inputs[spec.b];
  if (b && (!b.data || b.dtype !== 'f32')) return undefined;
  const n = k.length;
  const bias = b ? Float32Array.from(typedArrayOf(b) as Float32Array) : new Float32Array(n);
  const inputs = [...layer.inputs];
  while (inputs.length <= spec.b) inputs.push(undefined);
  if (kind === 'mul') {
    const wv = Float32Array.from(typedArrayOf(w) as Float32Array);
    const shape = w.shape as number[];
    const inner = shape.slice(spec.axis + 1).reduce((a, x) => a * x, 1);
    for (let i = 0; i < wv.length; i++) wv[i] = wv[i]! * k[Math.floor(i / inner) % n]!;
    inputs[spec.w] = ctx.constant(`${w.name}/scaled`, 'f32', shape, wv);
    if (b) inputs[spec.b] = ctx.constant(`${b.name}/scaled`, 'f32', [n], bias.map((v, i) => v * k[i]!));
  } else {
    inputs[spec.b] = ctx.constant(`${out.name}/bias`, 'f32', [n], bias.map((v, i) => v + k[i]!));
  }
  return ctx.op(layer.op, inputs, { ...layer.attrs }, { name: out.name, outputs: [{ dtype: out.dtype, shape: out.shape }] })[0];
}

const constC = { const: true, bind: 'c' };
const RULES: Rule[] = [
  [{ op: 'tfl.MUL', inputs: [plainLayer, constC], attrs: { fusedActivationFunction: (v: unknown) => !v || v === 'NONE' } }, (m, ctx) => rebuild(m, ctx, 'mul'), 'mul-into-layer'],
  [{ op: 'tfl.MUL', inputs: [constC, plainLayer], attrs: { fusedActivationFunction: (v: unknown) => !v || v === 'NONE' } }, (m, ctx) => rebuild(m, ctx, 'mul'), 'mul-into-layer'],
  [{ op: 'tfl.ADD', inputs: [plainLayer, constC], attrs: { fusedActivationFunction: (v: unknown) => !v || v === 'NONE' } }, (m, ctx) => rebuild(m, ctx, 'add'), 'add-into-bias'],
  [{ op: 'tfl.ADD', inputs: [constC, plainLayer], attrs: { fusedActivationFunction: (v: unknown) => !v || v === 'NONE' } }, (m, ctx) => rebuild(m, ctx, 'add'), 'add-into-bias'],
  [{ op: 'tfl.SUB', inputs: [plainLayer, constC], attrs: { fusedActivationFunction: (v: unknown) => !v || v === 'NONE' } }, (m, ctx) => rebuild(m, ctx, 'sub'), 'sub-into-bias'],
];

/** Batch-norm / scale / bias folding into CONV_2D, DEPTHWISE_CONV_2D, FULLY_CONNECTED, TRANSPOSE_CONV, CONV_3D. */
export const foldScaleAndBias: Pass = rewritePass('fold-scale-bias', RULES);
