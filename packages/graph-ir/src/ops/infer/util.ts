// Small helpers every `infer` uses: inputs, attributes, constant operands, dims, axes.
import { dtypeFromTflite } from '../../dtype';
import { formatShape, isKnownDim } from '../../shape';
import { TENSOR_TYPES } from '../attrs';
import type { InferArgs, ValueType } from '../define';
import { IRError, invalidAttr, shapeMismatch } from '../errors';
import type { Dim, DType, Shape } from '../ir';

export { isKnownDim };

/** Input `i`, which the op requires. */
export function input(a: InferArgs, i: number, what = `input ${i}`): ValueType {
  const t = a.inputs[i];
  if (!t) shapeMismatch(`${what} is missing`);
  return t;
}

/** A copy of the input's type (ops whose output looks like their input). */
export function like(a: InferArgs, i = 0): ValueType {
  const t = input(a, i);
  return { dtype: t.dtype, shape: t.shape };
}

/** A ValueType; `shape` undefined = unranked. */
export const vt = (dtype: DType, shape: Shape | undefined): ValueType => ({ dtype, shape });

/** `n` unknown dims (or unranked when the rank is unknown). */
export function unknownDims(rank: number | undefined): Dim[] | undefined {
  return rank === undefined ? undefined : new Array<Dim>(rank).fill(-1);
}

/** Requires a ranked shape of exactly `rank` dims, or unranked. */
export function expectRank(t: ValueType, rank: number | readonly number[], what: string): void {
  if (!t.shape) return;
  const ok = typeof rank === 'number' ? t.shape.length === rank : rank.includes(t.shape.length);
  if (!ok) shapeMismatch(`${what} must have rank ${typeof rank === 'number' ? rank : rank.join(' or ')}, got shape ${fmt(t.shape)}`);
}

/** `[1,?,batch]` text of a shape for messages; `[*]` when unranked. */
export const fmt = formatShape;

// ---- attributes ----
export function attrInt(a: InferArgs, name: string, d = 0): number {
  const v = a.attrs[name];
  if (v === undefined || v === null) return d;
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  return invalidAttr(`attribute '${name}' must be an int, got ${JSON.stringify(v)}`);
}
export function attrBool(a: InferArgs, name: string, d = false): boolean {
  const v = a.attrs[name];
  if (v === undefined || v === null) return d;
  return v === true || v === 1;
}
export function attrStr(a: InferArgs, name: string, d = ''): string {
  const v = a.attrs[name];
  if (v === undefined || v === null) return d;
  if (typeof v === 'string') return v;
  return invalidAttr(`attribute '${name}' must be a string, got ${JSON.stringify(v)}`);
}
export function attrInts(a: InferArgs, name: string): number[] | undefined {
  const v = a.attrs[name];
  if (v === undefined || v === null) return undefined;
  if (Array.isArray(v) || ArrayBuffer.isView(v)) return Array.from(v as ArrayLike<number | bigint>, Number);
  if (typeof v === 'number') return [v];
  return invalidAttr(`attribute '${name}' must be a list of ints, got ${JSON.stringify(v)}`);
}
/** A dtype attribute (TF `T`, `out_type`, `DstT` …). */
export function attrDType(a: InferArgs, name: string, d?: DType): DType {
  const v = a.attrs[name];
  if (typeof v === 'string') return v as DType;
  if (d) return d;
  return invalidAttr(`attribute '${name}' (a dtype) is missing`);
}

/** DType of a TFLite TensorType attribute value ('INT32' → 'i32'). */
export function tensorTypeDType(name: string): DType {
  const i = (TENSOR_TYPES as readonly string[]).indexOf(name);
  if (i < 0) invalidAttr(`'${name}' is not a TFLite TensorType`);
  try {
    return dtypeFromTflite(i);
  } catch (e) {
    if (e instanceof IRError) invalidAttr(`TensorType ${name} has no liteml dtype`);
    throw e;
  }
}

// ---- constant operands ----
/** The values of constant input `i` as numbers, if known. */
export function constInts(a: InferArgs, i: number): number[] | undefined {
  if (!a.inputs[i]) return undefined;
  const v = a.constInput(i);
  return v === undefined ? undefined : Array.from(v as ArrayLike<number | bigint>, Number);
}
/** A constant scalar (or 1-element) operand. */
export function constScalar(a: InferArgs, i: number): number | undefined {
  const v = constInts(a, i);
  return v && v.length >= 1 ? v[0] : undefined;
}
/** The number of elements of a 1-D operand, when its shape says so (constant or not). */
export function vectorLength(t: ValueType | undefined): number | undefined {
  if (!t?.shape) return undefined;
  if (t.shape.length === 0) return 1;
  const d = t.shape[0];
  return t.shape.length === 1 && isKnownDim(d!) ? d : undefined;
}

// ---- axes and dims ----
/** Normalizes a possibly negative axis for `rank` dims (`extra` = 1 for insert positions). */
export function normAxis(axis: number, rank: number, what = 'axis', extra = 0): number {
  const n = rank + extra;
  if (axis < -n || axis >= n) shapeMismatch(`${what} ${axis} is out of range for rank ${rank} (valid: ${-n}..${n - 1})`);
  return axis < 0 ? axis + n : axis;
}

/** The dim both sides must agree on: throws when both are known and differ; prefers the known one. */
export function mergeDim(x: Dim, y: Dim, what: string): Dim {
  if (x === y) return x;
  const kx = isKnownDim(x);
  const ky = isKnownDim(y);
  if (kx && ky) shapeMismatch(`${what}: ${x} vs ${y}`);
  if (kx) return x;
  if (ky) return y;
  return typeof x === 'string' ? x : y;
}

export function dimAdd(x: Dim, y: Dim): Dim {
  if (isKnownDim(x) && isKnownDim(y)) return x + y;
  if (x === 0) return y;
  if (y === 0) return x;
  return -1;
}
export function dimMul(x: Dim, y: Dim): Dim {
  if (isKnownDim(x) && isKnownDim(y)) return x * y;
  if (x === 1) return y;
  if (y === 1) return x;
  if (x === 0 || y === 0) return 0;
  return -1;
}
/** x / y where the division must be exact (block sizes, splits). */
export function dimDiv(x: Dim, y: number, what: string): Dim {
  if (y === 1) return x;
  if (!isKnownDim(x)) return -1;
  if (y <= 0 || x % y !== 0) shapeMismatch(`${what}: ${x} is not divisible by ${y}`);
  return x / y;
}
/** Product of dims; a lone symbolic dim among 1s stays symbolic. */
export function dimProduct(dims: readonly Dim[]): Dim {
  return dims.reduce<Dim>((p, d) => dimMul(p, d), 1);
}

/** The type output `i` carries now (InferArgs.outputs), if known. */
export function declared(a: InferArgs, i: number): ValueType | undefined {
  return a.outputs?.[i];
}

/**
 * For ops whose outputs are not a function of their inputs (CUSTOM, DELEGATE, a variable's value):
 * the declared output types, else unknown. `dtypes` gives fallbacks per output when known.
 */
export function declaredOutputs(a: InferArgs, what: string, dtypes: readonly DType[] = []): ValueType[] {
  return Array.from({ length: a.numOutputs }, (_, i) => {
    const d = declared(a, i);
    if (d) return { dtype: d.dtype, shape: d.shape };
    const dtype = dtypes[i] ?? dtypes[0];
    if (!dtype) {
      throw new IRError('CANNOT_INFER', `the dtype of output ${i} depends on ${what}; give the node's outputs their types`);
    }
    return vt(dtype, undefined);
  });
}

/** A shape attribute (TF `shape`, `element_shape` …): number[] (-1 unknown), a TensorShapeProto-like object, or unranked. */
export function attrShape(a: InferArgs, name: string): Dim[] | undefined {
  return toShape(a.attrs[name]);
}

/** A shape from an attribute value: an array of dims, `{ dim: [{ size }], unknownRank }`, or undefined. */
export function toShape(v: unknown): Dim[] | undefined {
  if (v === undefined || v === null) return undefined;
  if (Array.isArray(v)) return v.map((d) => (typeof d === 'bigint' ? Number(d) : (d as Dim)));
  if (typeof v === 'object') {
    const o = v as { dim?: { size?: number | bigint }[]; unknownRank?: boolean; unknown_rank?: boolean };
    if (o.unknownRank || o.unknown_rank) return undefined;
    return (o.dim ?? []).map((d) => Number(d.size ?? -1));
  }
  return undefined;
}

/** A list-of-dtypes attribute (TF `Tout`, `T` of IdentityN, `dtypes`). */
export function attrDTypes(a: InferArgs, name: string): DType[] {
  const v = a.attrs[name];
  return Array.isArray(v) ? (v as DType[]) : [];
}
