// Shape propagation at plan time: the static shape of every value for the current input shapes.
// Where the model's shapes still hold (no input resized) they are used as they are; otherwise the
// op schema's `infer` is asked, and values it cannot pin down stay `undefined` (dynamic: kernels
// allocate them at run time through ctx.output).
import type { Graph, Value } from './ir';
import type { Tensor } from './kernel';
import { isStatic, toNumbers } from './dtypes';
import { resolveAttrs, schemaOf } from './schemas';

export function planShapes(
  graph: Graph,
  inputShapes: ReadonlyMap<Value, readonly number[]>,
  constants: ReadonlyMap<Value, Tensor>,
  resized: boolean,
): Map<Value, number[] | undefined> {
  const shapes = new Map<Value, number[] | undefined>();
  for (const [v, t] of constants) shapes.set(v, [...t.shape]);
  for (const [v, s] of inputShapes) shapes.set(v, [...s]);
  const known = (v: Value | undefined): readonly number[] | undefined => {
    if (!v) return undefined;
    if (shapes.has(v)) return shapes.get(v);
    return !resized && isStatic(v.shape) ? v.shape : undefined;
  };
  for (const node of graph.nodes) {
    let inferred: (number[] | undefined)[] | undefined;
    const schema = schemaOf(node.op);
    if (resized && schema?.infer) {
      try {
        const res = schema.infer({
          // Values whose shape is not known now keep only their rank (their model shape may be stale).
          inputs: node.inputs.map((v) => (v ? { dtype: v.dtype, shape: known(v) ?? v.shape?.map(() => -1) } : undefined)),
          attrs: resolveAttrs(node),
          constInput: (i) => {
            const v = node.inputs[i];
            const t = v && constants.get(v);
            return t && !Array.isArray(t.data) ? toNumbers(t) : undefined;
          },
          numOutputs: node.outputs.length,
        });
        inferred = res.map((r) => (isStatic(r.shape) ? [...r.shape] : undefined));
      } catch {
        inferred = undefined; // left to the kernel at run time
      }
    }
    node.outputs.forEach((v, i) => {
      if (shapes.has(v)) return;
      const s = resized ? inferred?.[i] : isStatic(v.shape) ? [...v.shape] : undefined;
      shapes.set(v, s);
    });
  }
  return shapes;
}
