// Helpers shared by the element-wise, activation and reduction reference kernels.
import type { DType, Node } from '../../../ir';
import type { KernelConfig, KernelContext, Tensor } from '../../../kernel';
import { RuntimeError } from '../../../errors';
import { broadcastShapes, forEachRow } from './broadcast';
import { activationRangeFloat, intRange, roundHalfAway } from '../fixed-point';

export type Num = Float32Array | Float64Array | Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array;
export type Big = BigInt64Array | BigUint64Array;

/** Whether `dtype` is stored as a quantized integer type TFLite kernels rescale (i8/u8/i16). */
export function isQuantizedDtype(dtype: DType): boolean {
  return dtype === 'i8' || dtype === 'u8' || dtype === 'i16';
}

export function nums(t: Tensor): Num {
  return t.data as Num;
}

export function bigs(t: Tensor): Big {
  return t.data as Big;
}

/** What quantization helpers need of a tensor or value. */
export type QTensorLike = { name: string; dtype: DType; quant?: Tensor['quant'] };

/** Per-tensor scale and zero point of a quantized tensor; throws a RuntimeError when absent. */
export function qp(t: { name: string; quant?: Tensor['quant'] }, node: Node): { scale: number; zeroPoint: number } {
  const q = t.quant;
  if (!q || q.scale.length === 0) {
    throw new RuntimeError('BAD_MODEL', `${node.op} '${node.name}': tensor '${t.name}' is quantized-typed but has no quantization parameters`, [node.name, t.name]);
  }
  return { scale: q.scale[0]!, zeroPoint: q.zeroPoint[0] ?? 0 };
}

/** The node's fused activation attribute ('NONE' when absent). */
export function fusedActivation(ctx: KernelContext): string {
  const a = ctx.attrs['fusedActivationFunction'];
  return typeof a === 'string' ? a : 'NONE';
}

/** A supports() accepting nodes whose input 0 (and, with `sameInputs`, all inputs) has one of `dtypes`. */
export function supportsDtypes(dtypes: readonly DType[], sameInputs = false): (node: Node) => true | string {
  return (node) => {
    const v = node.inputs[0];
    if (!v) return 'input 0 is missing';
    if (!dtypes.includes(v.dtype)) return `input dtype ${v.dtype} is not supported (supported: ${dtypes.join(', ')})`;
    if (sameInputs) {
      for (const w of node.inputs) if (w && w.dtype !== v.dtype) return `inputs have different dtypes (${v.dtype}, ${w.dtype})`;
    }
    return true;
  };
}

/**
 * Element-wise binary op over broadcast inputs 0 and 1 whose values are numbers: out = f(a, b),
 * stored into output 0 (dtype `outDtype`, default the planned one). Stores into typed arrays
 * round (f32) or wrap (ints) like C assignments.
 */
export function binaryMap(ctx: KernelContext, f: (a: number, b: number) => number, outDtype?: DType): Tensor {
  const a = ctx.inputs[0]!, b = ctx.inputs[1]!;
  const out = ctx.output(0, broadcastShapes([a.shape, b.shape], ctx.node), outDtype);
  const x = nums(a), y = nums(b), z = nums(out);
  if (x.length === z.length && y.length === z.length) {
    for (let i = 0; i < z.length; i++) z[i] = f(x[i]!, y[i]!);
  } else if (y.length === 1 && x.length === z.length) {
    const v = y[0]!;
    for (let i = 0; i < z.length; i++) z[i] = f(x[i]!, v);
  } else {
    forEachRow(out.shape, [a.shape, b.shape], (o, len, off, st) => {
      let ia = off[0]!, ib = off[1]!;
      const sa = st[0]!, sb = st[1]!;
      for (let k = 0; k < len; k++, ia += sa, ib += sb) z[o + k] = f(x[ia]!, y[ib]!);
    });
  }
  return out;
}

/** `binaryMap` for bigint (i64/u64) inputs; `f` returns a bigint or, with a bool output, a number. */
export function binaryMapBig(ctx: KernelContext, f: (a: bigint, b: bigint) => bigint | number, outDtype?: DType): Tensor {
  const a = ctx.inputs[0]!, b = ctx.inputs[1]!;
  const out = ctx.output(0, broadcastShapes([a.shape, b.shape], ctx.node), outDtype);
  const x = bigs(a), y = bigs(b), z = out.data as unknown as { [i: number]: bigint | number };
  const wrap = out.dtype === 'i64' ? (v: bigint | number) => (typeof v === 'bigint' ? BigInt.asIntN(64, v) : v) : (v: bigint | number) => v;
  forEachRow(out.shape, [a.shape, b.shape], (o, len, off, st) => {
    let ia = off[0]!, ib = off[1]!;
    const sa = st[0]!, sb = st[1]!;
    for (let k = 0; k < len; k++, ia += sa, ib += sb) z[o + k] = wrap(f(x[ia]!, y[ib]!));
  });
  return out;
}

/** Element-wise unary op on numbers: out[i] = f(in[i]) into output 0 of the input's shape. */
export function unaryMap(ctx: KernelContext, f: (x: number) => number, outDtype?: DType): Tensor {
  const a = ctx.inputs[0]!;
  const out = ctx.output(0, a.shape, outDtype);
  const x = nums(a), z = nums(out);
  for (let i = 0; i < z.length; i++) z[i] = f(x[i]!);
  return out;
}

/** Applies a lookup table indexed by (value − `offset`) to input 0 (int8 uses offset −128). */
export function applyLut(ctx: KernelContext, lut: Int32Array | Int8Array | Uint8Array | Int16Array, offset: number): Tensor {
  const a = ctx.inputs[0]!;
  const out = ctx.output(0, a.shape);
  const x = nums(a), z = nums(out);
  for (let i = 0; i < z.length; i++) z[i] = lut[x[i]! - offset]!;
  return out;
}

/**
 * The 256-entry table TFLite builds for int8/uint8 unary ops evaluated through float
 * (`PopulateLookupTable`-style): dequantize each possible input, apply `f` in float32, quantize
 * with round-half-away, clamp to the output dtype. Index = value − min(dtype).
 */
export function floatLut8(input: QTensorLike, output: QTensorLike, node: Node, f: (x: number) => number): Int32Array {
  const { scale: si, zeroPoint: zi } = qp(input, node);
  const { scale: so, zeroPoint: zo } = qp(output, node);
  const [lo, hi] = intRange(output.dtype);
  const [ilo, ihi] = intRange(input.dtype);
  const lut = new Int32Array(ihi - ilo + 1);
  const invScale = Math.fround(1 / so);
  for (let q = ilo; q <= ihi; q++) {
    const x = Math.fround(si * (q - zi));
    const y = Math.fround(f(x));
    const r = roundHalfAway(Math.fround(y * invScale)) + zo;
    lut[q - ilo] = r < lo ? lo : r > hi ? hi : r;
  }
  return lut;
}

/** The clamp range [lo, hi] of the node's fused activation for float/int32 outputs. */
export function floatActivation(ctx: KernelContext): [number, number] {
  return activationRangeFloat(fusedActivation(ctx));
}

/** A KernelConfig for the reference backend. */
export function kernel(op: string, spec: Omit<KernelConfig, 'op' | 'backend'>): KernelConfig {
  return { op, backend: 'reference', ...spec };
}

/**
 * TFLite's int16 lookup table for unary ops evaluated through float (`LUTPopulate<int16_t>`): the
 * input range [s_in·(−32768 − z_in), s_in·(32767 − z_in)] sampled at 512 steps in float32, scaled
 * to the output range, each entry biased by half its midpoint interpolation error; 513 entries.
 */
export function floatLut16(input: QTensorLike, output: QTensorLike, node: Node, f: (x: number) => number): Int16Array {
  const { scale: si, zeroPoint: zi } = qp(input, node);
  const { scale: so, zeroPoint: zo } = qp(output, node);
  const F = Math.fround;
  const inMin = F(si * (-32768 - zi)), inMax = F(si * (32767 - zi));
  const outMin = F(so * (-32768 - zo)), outMax = F(so * (32767 - zo));
  const steps = 512;
  const step = F(F(inMax - inMin) / steps), half = F(step / 2);
  const inv = F(65536 / F(outMax - outMin));
  const sat = (v: number) => (v < -32768 ? -32768 : v > 32767 ? 32767 : v);
  const lut = new Int16Array(steps + 1);
  for (let i = 0; i < steps; i++) {
    const at = F(inMin + F(i * step));
    const val = F(f(at)), mid = F(f(F(at + half))), next = F(f(F(inMin + F((i + 1) * step))));
    const sample = roundHalfAway(F(val * inv));
    const midInterp = roundHalfAway(F(F(F(next * inv) + roundHalfAway(F(val * inv))) / 2));
    const bias = roundHalfAway(F((midInterp - roundHalfAway(F(mid * inv))) / 2));
    lut[i] = sat(sample - bias);
  }
  lut[steps] = sat(roundHalfAway(F(F(f(inMax)) * inv)));
  return lut;
}

/** Applies a 513-entry int16 table (see floatLut16) to input 0 with linear interpolation. */
export function applyLut16(ctx: KernelContext, lut: Int16Array): Tensor {
  const a = ctx.inputs[0]!;
  const out = ctx.output(0, a.shape);
  const x = nums(a), z = nums(out);
  for (let i = 0; i < z.length; i++) {
    const v = x[i]!;
    const index = 256 + (v >> 7);
    const base = lut[index]!;
    z[i] = base + (((lut[index + 1]! - base) * (v & 0x7f) + 64) >> 7);
  }
  return out;
}
