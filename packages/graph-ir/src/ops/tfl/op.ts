// `tflOp`: defineOp for a TFLite builtin, its name and code taken from the one list in codes.ts.
import { defineOp, type OpSchema, type OpSpec } from '../define';
import { BUILTIN_CODES, type BuiltinName } from './codes';

export type TflOpSpec = Omit<OpSpec, 'name' | 'builtinCode' | 'dialect'>;

export function tflOp(name: BuiltinName, spec: TflOpSpec): OpSchema {
  return defineOp({ ...spec, name: `tfl.${name}`, dialect: 'tfl', builtinCode: BUILTIN_CODES[name] });
}
