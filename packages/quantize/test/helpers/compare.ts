// Our runtime versus real TFLite on a quantized model, node by node: every intermediate is made a
// graph output (the arithmetic is unchanged), real TFLite runs the model once, and each node is
// re-run with our kernel on real TFLite's own inputs, so a difference is that node's alone.
import { type Value, exportTflite, importTflite, typedArrayOf } from '@liteml/graph-ir';
import { Interpreter, type Tensor, runNode } from '@liteml/runtime';
import { loadRealTflite } from './tflite';

export interface NodeDiff { name: string; op: string; dtype: string; maxDiff: number; mismatches: number; size: number }

const shapeOf = (v: Value) => (v.shape ?? []).map((d) => (typeof d === 'number' && d >= 0 ? d : 1));

export async function compareNodeByNode(bytes: Uint8Array, inputs: ArrayLike<number>[]): Promise<{ nodes: NodeDiff[]; outputs: NodeDiff[] }> {
  const model = importTflite(bytes);
  const g = model.graphs[0]!;
  const originalOutputs = [...g.outputs];
  const exposed: Value[] = [...g.outputs];
  for (const n of g.nodes) for (const o of n.outputs) if (!exposed.includes(o) && o.data === undefined) exposed.push(o);
  g.outputs = exposed;
  model.signatures = [];
  const all = exportTflite(model);
  const real = await loadRealTflite(all);
  const results = real.run(inputs);
  const realOf = new Map<Value, ArrayLike<number>>(exposed.map((v, i) => [v, results[i]!]));
  g.inputs.forEach((v, i) => realOf.set(v, inputs[i]!));
  // Nodes of constants only (float16's DEQUANTIZE of weights) are folded by TFLite/XNNPACK, whose
  // copy of the output is never written: their consumers get our value, and they are not compared.
  const folded = new Map<Value, Tensor>();
  const tensor = (v: Value): Tensor => folded.get(v) ?? {
    name: v.name, dtype: v.dtype, shape: shapeOf(v), quant: v.quant,
    data: (v.data !== undefined ? typedArrayOf(v) : realOf.get(v)) as Tensor['data'],
  };
  const diff = (name: string, op: string, dtype: string, a: ArrayLike<number>, b: ArrayLike<number>): NodeDiff => {
    let maxDiff = 0, mismatches = 0;
    for (let i = 0; i < a.length; i++) {
      const d = Math.abs(Number(a[i]) - Number(b[i]));
      if (d > 0) mismatches++;
      if (d > maxDiff || Number.isNaN(d)) maxDiff = d;
    }
    return { name, op, dtype, maxDiff, mismatches, size: a.length };
  };
  const nodes: NodeDiff[] = [];
  for (const n of g.nodes) {
    const outs = runNode(n, n.inputs.map((v) => (v ? tensor(v) : undefined)));
    if (n.inputs.every((v) => !v || v.data !== undefined)) {
      outs.forEach((t, k) => folded.set(n.outputs[k]!, t));
      continue;
    }
    outs.forEach((t, k) => {
      const v = n.outputs[k]!;
      nodes.push(diff(n.name, n.op, v.dtype, t.data as ArrayLike<number>, realOf.get(v)!));
    });
  }
  // End to end: our interpreter on the original model versus real TFLite's outputs.
  const ours = Object.values(Interpreter.createSync(bytes).run(inputs.map((d, i) => ({ data: d as never, shape: shapeOf(g.inputs[i]!) }))));
  const outputs = originalOutputs.map((v, j) => diff(v.name, 'output', v.dtype, ours[j]!.data as ArrayLike<number>, realOf.get(v)!));
  return { nodes, outputs };
}
