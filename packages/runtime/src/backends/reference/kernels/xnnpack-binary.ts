// What TFLite's default XNNPACK delegate computes for int8/uint8 ADD, SUB and MUL (requantization
// mode 'xnnpack', see nn-quant-utils.ts). Stock TFLite hands these ops to XNNPACK whenever the
// scale ratios fit XNNPACK's limits, and XNNPACK's arithmetic differs from TFLite's reference
// kernels in the last bit:
// - ADD/SUB: each input's scale ratio s_i/s_out becomes a 21-bit integer multiplier sharing one
//   shift (20 − exponent of the larger ratio; SUB negates the second ratio); the sum
//   bias + a·m_a + b·m_b is shifted right arithmetically after adding 2^(shift−1), i.e. rounded
//   half towards +∞ (TFLite's reference rounds half away from zero, after two roundings).
// - MUL: (a − z_a)(b − z_b) times the float32 ratio s_a·s_b/s_out, rounded half to even.
// Outside the limits (ratios s_i/s_out in [2^-10, 2^8) for ADD/SUB, s_a·s_b/s_out in [2^-16, 2^8)
// for MUL) the delegate leaves the node to TFLite, and these helpers return undefined.
import type { KernelContext } from '../../../kernel';
import { activationRangeQuantized, roundHalfEven } from '../fixed-point';
import { fusedActivation, qp } from './elementwise-utils';
import { getRequantization } from './nn-quant-utils';

/** float32 bits → exponent (unbiased), as XNNPACK reads it from the IEEE representation. */
function exponentOf(x: number): number {
  const f = new Float32Array([x]);
  return ((new Uint32Array(f.buffer)[0]! >>> 23) & 0xff) - 127;
}

/** Whether a node with these input/output dtypes runs on XNNPACK's int8/uint8 path. */
function xnnpackEligible(ctx: KernelContext): boolean {
  if (getRequantization() !== 'xnnpack') return false;
  const a = ctx.inputs[0]!, b = ctx.inputs[1]!, out = ctx.node.outputs[0]!;
  // The delegate takes no node with a TANH or SIGN_BIT fused activation.
  if (!['NONE', 'RELU', 'RELU_N1_TO_1', 'RELU6'].includes(fusedActivation(ctx))) return false;
  return (a.dtype === 'i8' || a.dtype === 'u8') && a.dtype === b.dtype && a.dtype === out.dtype;
}

/** XNNPACK's ADD (subtract = false) or SUB element function, or undefined where it does not apply. */
export function xnnpackAddSubFn(ctx: KernelContext, subtract: boolean): ((x: number, y: number) => number) | undefined {
  if (!xnnpackEligible(ctx)) return undefined;
  const node = ctx.node;
  const q1 = qp(ctx.inputs[0]!, node), q2 = qp(ctx.inputs[1]!, node), qo = qp(node.outputs[0]!, node);
  const r1 = Math.fround(q1.scale / qo.scale), r2 = Math.fround(q2.scale / qo.scale);
  const inRange = (r: number) => r >= 2 ** -10 && r < 2 ** 8;
  if (!inRange(r1) || !inRange(r2)) return undefined;
  const shift = 20 - exponentOf(Math.max(r1, r2));
  // lrintf(ratio · 2^shift): exact scaling, then round half to even.
  const m1 = roundHalfEven(r1 * 2 ** shift);
  const m2 = (subtract ? -1 : 1) * roundHalfEven(r2 * 2 ** shift);
  const bias = (2 ** (shift - 1) - Math.imul(m1, q1.zeroPoint) - Math.imul(m2, q2.zeroPoint)) | 0;
  const zo = qo.zeroPoint;
  const [lo, hi] = activationRangeQuantized(fusedActivation(ctx), node.outputs[0]!.dtype, qo.scale, qo.zeroPoint);
  return (x, y) => {
    const acc = (bias + Math.imul(x, m1) + Math.imul(y, m2)) | 0;
    const r = (acc >> shift) + zo;
    return r < lo ? lo : r > hi ? hi : r;
  };
}

/** XNNPACK's MUL element function, or undefined where it does not apply. */
export function xnnpackMulFn(ctx: KernelContext): ((x: number, y: number) => number) | undefined {
  if (!xnnpackEligible(ctx)) return undefined;
  const node = ctx.node;
  const q1 = qp(ctx.inputs[0]!, node), q2 = qp(ctx.inputs[1]!, node), qo = qp(node.outputs[0]!, node);
  const scale = Math.fround(Math.fround(q1.scale * q2.scale) / qo.scale);
  if (!(scale >= 2 ** -16 && scale < 2 ** 8)) return undefined;
  const za = q1.zeroPoint, zb = q2.zeroPoint, zo = qo.zeroPoint;
  const [lo, hi] = activationRangeQuantized(fusedActivation(ctx), node.outputs[0]!.dtype, qo.scale, qo.zeroPoint);
  return (x, y) => {
    const r = roundHalfEven(Math.fround(Math.fround(Math.imul(x - za, y - zb)) * scale)) + zo;
    return r < lo ? lo : r > hi ? hi : r;
  };
}
