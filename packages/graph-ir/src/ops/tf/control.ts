// Control flow: functional (While, If, calls) and TF1 dataflow (Switch, Merge, Enter, Exit,
// NextIteration, LoopCond). Functional ops name their bodies by function (attrs `cond`, `body`,
// `then_branch`, `else_branch`, `f`): the importer turns those into subgraphs.
import { bool, int, str } from '../attrs';
import type { InferArgs } from '../define';
import type { DType } from '../ir';
import { attrDTypes, declared, input, like, toShape, vt } from '../infer/util';
import { func, T, tfOp } from './op';

/** Outputs typed by a `Tout`-style dtype list and optional output_shapes. */
function typedOutputs(a: InferArgs, dtypes: DType[]) {
  const shapes = Array.isArray(a.attrs['output_shapes']) ? (a.attrs['output_shapes'] as unknown[]) : [];
  return dtypes.map((d, i) => declared(a, i) ?? vt(d, toShape(shapes[i])));
}

const whileSpec = (stateful: boolean) => ({
  category: 'control',
  inputs: ['input*'],
  outputs: ['output*'],
  attrs: { T: { kind: 'any' } as const, cond: func(), body: func(), output_shapes: { kind: 'any' } as const, parallel_iterations: int(10), shape: { kind: 'any' } as const },
  doc: `${stateful ? '' : 'Stateless '}functional loop: while cond(vars) vars = body(vars); output i has the dtype of input i (shape from output_shapes, else the input's).`,
  infer: (a: InferArgs) => a.inputs.map((_, i) => {
    const t = like(a, i);
    const s = Array.isArray(a.attrs['output_shapes']) ? toShape((a.attrs['output_shapes'] as unknown[])[i]) : undefined;
    return vt(t.dtype, s ?? t.shape);
  }),
});
export const While = tfOp('While', whileSpec(true));
export const StatelessWhile = tfOp('StatelessWhile', whileSpec(false));

const ifSpec = (stateful: boolean) => ({
  category: 'control',
  inputs: ['cond', 'input*'],
  outputs: ['output*'],
  attrs: { Tcond: T, Tin: { kind: 'any' } as const, Tout: { kind: 'any' } as const, then_branch: func(), else_branch: func(), output_shapes: { kind: 'any' } as const },
  doc: `${stateful ? '' : 'Stateless '}functional conditional: then_branch(inputs) if cond else else_branch(inputs); outputs typed by Tout and output_shapes.`,
  infer: (a: InferArgs) => typedOutputs(a, attrDTypes(a, 'Tout')),
});
export const If = tfOp('If', ifSpec(true));
export const StatelessIf = tfOp('StatelessIf', ifSpec(false));

const callSpec = (doc: string) => ({
  category: 'control',
  inputs: ['args*'],
  outputs: ['output*'],
  attrs: { Tin: { kind: 'any' } as const, Tout: { kind: 'any' } as const, f: func(), config: str(''), config_proto: str(''), executor_type: str('') },
  doc,
  infer: (a: InferArgs) => typedOutputs(a, attrDTypes(a, 'Tout')),
});
export const PartitionedCall = tfOp('PartitionedCall', callSpec('Calls function f on args; outputs typed by Tout (shapes from the function body, resolved by the importer).'));
export const StatefulPartitionedCall = tfOp('StatefulPartitionedCall', callSpec('Calls the stateful function f on args; outputs typed by Tout (shapes from the function body).'));

export const Switch = tfOp('Switch', {
  category: 'control', inputs: ['data', 'pred'], outputs: ['output_false', 'output_true'], attrs: { T },
  doc: 'Forwards data to output_true or output_false by the scalar pred (TF1 dataflow).',
  infer: (a) => [like(a, 0), like(a, 0)],
});
export const Merge = tfOp('Merge', {
  category: 'control', inputs: ['inputs*'], outputs: ['output', 'value_index'], attrs: { T, N: int() },
  doc: 'Forwards whichever input is available, and its index (TF1 dataflow); dims where inputs differ are unknown.',
  infer(a) {
    const ts = a.inputs.map((_, i) => input(a, i, `inputs[${i}]`));
    let shape = ts[0]!.shape;
    for (const t of ts.slice(1)) {
      if (!shape || !t.shape || t.shape.length !== shape.length) { shape = undefined; break; }
      const s = shape;
      shape = s.map((d, i) => (d === t.shape![i] ? d : -1));
    }
    return [vt(ts[0]!.dtype, shape), vt('i32', [])];
  },
});
export const Enter = tfOp('Enter', {
  category: 'control', inputs: ['data'], attrs: { T, frame_name: str(''), is_constant: bool(), parallel_iterations: int(10) },
  doc: 'Makes data available in the child frame frame_name (TF1 loops).', infer: (a) => [like(a)],
});
export const Exit = tfOp('Exit', {
  category: 'control', inputs: ['data'], attrs: { T }, doc: 'Leaves the loop frame (TF1 loops).', infer: (a) => [like(a)],
});
export const NextIteration = tfOp('NextIteration', {
  category: 'control', inputs: ['data'], attrs: { T }, doc: 'Passes data to the next loop iteration (TF1 loops).', infer: (a) => [like(a)],
});
export const LoopCond = tfOp('LoopCond', {
  category: 'control', inputs: ['input'], doc: 'The loop predicate, a bool scalar (TF1 loops).',
  infer: (a) => [vt('bool', input(a, 0, 'input').shape ?? [])],
});
