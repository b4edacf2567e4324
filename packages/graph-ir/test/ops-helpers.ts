// Calls an op schema's shape inference directly: `run('tfl.ADD', [t([2, 3]), t([3])])`.
import { getOpSchema, withDefaultAttrs, type ValueType } from '../src/ops/index';
import type { AttrValue } from '../src/ir';
import type { DType } from '../src/dtype';
import type { Shape } from '../src/shape';

export const t = (shape: Shape | undefined, dtype: DType = 'f32'): ValueType => ({ dtype, shape });

export interface RunOptions {
  /** Values of constant inputs by index. */
  consts?: Record<number, number[]>;
  numOutputs?: number;
  /** Declared output types (a loaded model's tensors). */
  outputs?: ValueType[];
}

export function run(op: string, inputs: (ValueType | undefined)[], attrs: Record<string, AttrValue> = {}, o: RunOptions = {}): ValueType[] {
  const schema = getOpSchema(op);
  if (!schema?.infer) throw new Error(`no inference for ${op}`);
  return schema.infer({
    inputs,
    attrs: withDefaultAttrs(schema, attrs),
    constInput: (i) => o.consts?.[i],
    numOutputs: o.numOutputs ?? o.outputs?.length ?? 1,
    outputs: o.outputs,
  });
}

/** The shape of output `i`. */
export const shapeOf = (op: string, inputs: (ValueType | undefined)[], attrs: Record<string, AttrValue> = {}, o: RunOptions = {}, i = 0) =>
  run(op, inputs, attrs, o)[i]!.shape;
