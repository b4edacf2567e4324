// Builders for attribute specs, and the TFLite enums attributes take (members by name).
import type { AttrSpec } from './define';

export const int = (d = 0): AttrSpec => ({ kind: 'int', default: d });
export const float = (d = 0): AttrSpec => ({ kind: 'float', default: d });
export const bool = (d = false): AttrSpec => ({ kind: 'bool', default: d });
export const str = (d?: string): AttrSpec => (d === undefined ? { kind: 'string' } : { kind: 'string', default: d });
export const ints = (d?: readonly number[]): AttrSpec => (d === undefined ? { kind: 'ints' } : { kind: 'ints', default: d });
export const floats = (d?: readonly number[]): AttrSpec => (d === undefined ? { kind: 'floats' } : { kind: 'floats', default: d });
export const strs = (d?: readonly string[]): AttrSpec => (d === undefined ? { kind: 'strings' } : { kind: 'strings', default: d });
export const bytes = (): AttrSpec => ({ kind: 'bytes' });
export const subgraph = (d = 0): AttrSpec => ({ kind: 'subgraph', default: d });
export const dtype = (d?: string): AttrSpec => (d === undefined ? { kind: 'dtype' } : { kind: 'dtype', default: d });
export const shape = (): AttrSpec => ({ kind: 'shape' });
export const any = (): AttrSpec => ({ kind: 'any' });

/** An enum attribute; `enumName` is the TFLite enum it stores (absent for TF string enums). */
export function enumOf(values: readonly string[], d: string, enumName?: string): AttrSpec {
  return enumName ? { kind: 'enum', values, enumName, default: d } : { kind: 'enum', values, default: d };
}

// ---- TFLite enums (schema.fbs), member order = numeric value ----
export const PADDING = ['SAME', 'VALID'] as const;
export const ACTIVATIONS = ['NONE', 'RELU', 'RELU_N1_TO_1', 'RELU6', 'TANH', 'SIGN_BIT'] as const;
export const TENSOR_TYPES = [
  'FLOAT32', 'FLOAT16', 'INT32', 'UINT8', 'INT64', 'STRING', 'BOOL', 'INT16', 'COMPLEX64', 'INT8', 'FLOAT64',
  'COMPLEX128', 'UINT64', 'RESOURCE', 'VARIANT', 'UINT32', 'UINT16', 'INT4', 'BFLOAT16', 'INT2', 'UINT4',
  'FLOAT8_E4M3FN', 'FLOAT8_E5M2',
] as const;

export const padding = (d: (typeof PADDING)[number] = 'SAME'): AttrSpec => enumOf(PADDING, d, 'Padding');
export const activation = (d: (typeof ACTIVATIONS)[number] = 'NONE'): AttrSpec =>
  enumOf(ACTIVATIONS, d, 'ActivationFunctionType');
export const tensorType = (d: (typeof TENSOR_TYPES)[number] = 'FLOAT32'): AttrSpec =>
  enumOf(TENSOR_TYPES, d, 'TensorType');
