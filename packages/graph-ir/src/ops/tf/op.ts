// `tfOp`: defineOp for a TensorFlow op ('tf.' + the NodeDef op name), and the attribute specs
// many TF ops share.
import { enumOf, ints, str } from '../attrs';
import { defineOp, type OpSchema, type OpSpec } from '../define';

export type TfOpSpec = Omit<OpSpec, 'name' | 'builtinCode' | 'optionsTable' | 'dialect'>;

export function tfOp(name: string, spec: TfOpSpec): OpSchema {
  return defineOp({ ...spec, name: `tf.${name}`, dialect: 'tf' });
}

export const T = { kind: 'dtype' } as const;
export const dataFormat = (d = 'NHWC', values = ['NHWC', 'NCHW']) => enumOf(values, d);
export const tfPadding = (explicit = false) => enumOf(explicit ? ['SAME', 'VALID', 'EXPLICIT'] : ['SAME', 'VALID'], 'VALID');
export const windowAttrs = (explicit: boolean) => ({
  T, strides: ints(), padding: tfPadding(explicit), data_format: dataFormat(),
  ...(explicit ? { explicit_paddings: ints([]) } : {}),
});
export const func = () => ({ kind: 'any' }) as const;
export const name = () => str('');
