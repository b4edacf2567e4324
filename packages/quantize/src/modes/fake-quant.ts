// FAKE_QUANT nodes (quantization-aware training): in int8 mode their range becomes the quantization
// parameters of the tensor they pass through, and the node itself is removed, as TFLite's converter
// does. Only 8-bit FakeQuant maps onto int8 storage; other bit widths stay float nodes.
import type { Graph, Model, Node, QuantParams, Value } from '@liteml/graph-ir';
import { isFloatActivation } from '../util/graph';
import { roundHalfAway } from '../util/numeric';

/**
 * int8 parameters of a FAKE_QUANT node's grid, TensorFlow's nudging computed in float32 as TF
 * does: scale = (max − min) / (quant_max − quant_min), zero point = quant_min − min / scale clamped
 * to [quant_min, quant_max] and rounded, then shifted from [0, 255] to [-128, 127]. Undefined for
 * bit widths other than 8.
 */
export function fakeQuantParams(attrs: Node['attrs']): QuantParams | undefined {
  const F = Math.fround;
  const numBits = Number(attrs['numBits'] ?? 8);
  if (numBits !== 8) return undefined;
  const min = F(Number(attrs['min'] ?? 0)), max = F(Number(attrs['max'] ?? 0));
  const quantMin = attrs['narrowRange'] === true ? 1 : 0, quantMax = 255;
  const scale = F(F(max - min) / (quantMax - quantMin));
  if (!(scale > 0) || !Number.isFinite(scale)) return undefined;
  const zeroFromMin = F(quantMin - F(min / scale));
  const zp = zeroFromMin < quantMin ? quantMin : zeroFromMin > quantMax ? quantMax : roundHalfAway(zeroFromMin);
  return { scale: [scale], zeroPoint: [zp - 128], min: [min], max: [max] };
}

/** Replaces every use of `from` (node inputs, graph outputs, signature outputs) by `to`. */
function replaceUses(model: Model, g: Graph, from: Value, to: Value): void {
  for (const n of g.nodes) n.inputs = n.inputs.map((v) => (v === from ? to : v));
  g.outputs = g.outputs.map((v) => (v === from ? to : v));
  for (const s of model.signatures) {
    if (model.graphs[s.graphIndex] !== g) continue;
    for (const so of s.outputs) if (so.value === from) so.value = to;
  }
}

/**
 * Removes the main graph's 8-bit FAKE_QUANT nodes on float activations. The tensor they pass
 * through keeps the FakeQuant output's name (its producer now writes it directly) where it has a
 * producer; a FakeQuant on a graph input makes its consumers read the input. Returns the int8
 * parameters of the surviving tensors, by value id.
 */
export function foldFakeQuant(model: Model): Map<number, QuantParams> {
  const g = model.graphs[0]!;
  const fixed = new Map<number, QuantParams>();
  const producerOf = new Map<Value, Node>();
  for (const n of g.nodes) for (const o of n.outputs) producerOf.set(o, n);
  const removed = new Set<Node>();
  for (const n of g.nodes) {
    if (n.op !== 'tfl.FAKE_QUANT') continue;
    const x = n.inputs[0], y = n.outputs[0];
    const p = fakeQuantParams(n.attrs);
    if (!p || !isFloatActivation(x) || !isFloatActivation(y)) continue;
    const producer = producerOf.get(x);
    if (producer && !g.outputs.includes(x)) {
      // The producer writes the FakeQuant's output; other readers of x read it too.
      producer.outputs = producer.outputs.map((o) => (o === x ? y : o));
      producerOf.set(y, producer);
      replaceUses(model, g, x, y);
      fixed.delete(x.id);
      fixed.set(y.id, p);
    } else if (!g.outputs.includes(y)) {
      replaceUses(model, g, y, x);
      fixed.set(x.id, p);
    } else continue;
    removed.add(n);
  }
  g.nodes = g.nodes.filter((n) => !removed.has(n));
  return fixed;
}
