// Helpers shared by the WebGPU kernels: attribute readers, dtype checks, shape uniforms.
import type { AttrValue, DType, Node } from '../../../ir';
import { FUSED_ACTIVATIONS, type ElemType } from '../program';

export { intAttr, floatAttr, boolAttr, strAttr, stepAttr, convOutSize, convPadding } from '../../reference/kernels/conv-utils';

export const MAX_RANK = 6;

/** `true` when every listed input/output is f32 (omitted optional inputs pass). */
export function allF32(node: Node, inputs: readonly number[] = [0], outputs: readonly number[] = [0]): true | string {
  for (const i of inputs) {
    const v = node.inputs[i];
    if (v && v.dtype !== 'f32') return `input ${i} is ${v.dtype} (the WebGPU kernel takes f32)`;
  }
  for (const i of outputs) {
    const v = node.outputs[i];
    if (v && v.dtype !== 'f32') return `output ${i} is ${v.dtype} (the WebGPU kernel makes f32)`;
  }
  if (node.outputs.some((v) => v.quant && v.quant.scale.length && v.dtype !== 'f32')) return 'quantized tensors are not supported on WebGPU';
  return true;
}

export function activationOk(attrs: Record<string, AttrValue>): true | string {
  const a = typeof attrs['fusedActivationFunction'] === 'string' ? attrs['fusedActivationFunction'] : 'NONE';
  return FUSED_ACTIVATIONS.includes(a) ? true : `fused activation ${a} is not supported on WebGPU`;
}

export function activationOf(attrs: Record<string, AttrValue>): string {
  return typeof attrs['fusedActivationFunction'] === 'string' ? attrs['fusedActivationFunction'] : 'NONE';
}

export function isConst(node: Node, i: number): boolean {
  const v = node.inputs[i];
  return !!v && v.data !== undefined && !v.isVariable;
}

export function rankOk(node: Node, max = MAX_RANK): true | string {
  for (const v of [...node.inputs, ...node.outputs]) if (v?.shape && v.shape.length > max) return `rank ${v.shape.length} > ${max}`;
  return true;
}

/** Combines checks: the first failure wins. */
export function all(...checks: (() => true | string)[]): true | string {
  for (const c of checks) {
    const r = c();
    if (r !== true) return r;
  }
  return true;
}

/** WGSL element type of a tensor dtype. */
export function elem(dtype: DType): ElemType {
  return dtype === 'i32' ? 'i32' : dtype === 'bool' ? 'u32' : 'T';
}

/** Uniform declarations `<p>0..<p>{rank-1}` (u32). */
export function dimUniforms(prefix: string, rank: number): [string, 'u32'][] {
  return Array.from({ length: rank }, (_, i) => [`${prefix}${i}`, 'u32'] as [string, 'u32']);
}

/** Uniform values for `dimUniforms`. */
export function dimValues(prefix: string, dims: readonly number[], out: Record<string, number> = {}): Record<string, number> {
  dims.forEach((d, i) => { out[`${prefix}${i}`] = d; });
  return out;
}

export function stridesOf(shape: readonly number[]): number[] {
  const s = new Array<number>(shape.length);
  let acc = 1;
  for (let i = shape.length - 1; i >= 0; i--) { s[i] = acc; acc *= shape[i]!; }
  return s;
}

export function sizeOf(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** WGSL that splits flat `idx` into `c0..c{rank-1}` using dims uniforms `<p>i`. */
export function unravel(rank: number, prefix: string, idx = 'idx', c = 'c'): string {
  if (rank === 0) return '';
  const lines = [`  var rem_${c} = ${idx};`];
  for (let i = rank - 1; i >= 1; i--) lines.push(`  let ${c}${i} = rem_${c} % u.${prefix}${i}; rem_${c} = rem_${c} / u.${prefix}${i};`);
  lines.push(`  let ${c}0 = rem_${c};`);
  return lines.join('\n');
}

/** The broadcast strides of `shape` (right-aligned) against an output of rank `rank`. */
export function broadcastStrides(shape: readonly number[], outShape: readonly number[]): number[] {
  const rank = outShape.length;
  const st = stridesOf(shape);
  return Array.from({ length: rank }, (_, i) => {
    const j = i - (rank - shape.length);
    return j < 0 || shape[j] === 1 ? 0 : st[j]!;
  });
}

/** numpy-style broadcast of two shapes, or undefined when incompatible. */
export function broadcastShapes(a: readonly number[], b: readonly number[]): number[] | undefined {
  const r = Math.max(a.length, b.length);
  const out: number[] = [];
  for (let i = 0; i < r; i++) {
    const x = a[a.length - r + i] ?? 1, y = b[b.length - r + i] ?? 1;
    if (x !== y && x !== 1 && y !== 1) return undefined;
    out.push(x === 1 ? y : x);
  }
  return out;
}

/** Constant input values as numbers. */
export function constNumbers(t: { data: unknown } | undefined): number[] | undefined {
  if (!t) return undefined;
  return Array.from(t.data as ArrayLike<number | bigint>, (x) => Number(x));
}

export function normAxis(axis: number, rank: number): number {
  return axis < 0 ? axis + rank : axis;
}
