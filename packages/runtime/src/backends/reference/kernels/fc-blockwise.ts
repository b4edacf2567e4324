// FULLY_CONNECTED with blockwise-quantized weights (TFLite QuantizationParameters.details =
// BlockwiseQuantization {scales, zero_points, block_size}): weights [M, K] int4/int8, and a scales
// tensor [M, K / block_size] (float16, float32 or bfloat16) holding one scale per block of
// block_size consecutive weights of a row. graph-ir's importer attaches the scales tensor to the
// details (`details.value.scalesValue`).
import type { Node, Value } from '../../../ir';
import type { KernelContext, Tensor } from '../../../kernel';
import { constantTensor } from '../../../constants';
import { bf16ToF32, f16ToF32 } from '../../../half';
import { roundHalfEven } from '../fixed-point';

interface BlockwiseDetails {
  type: 'BlockwiseQuantization';
  value: { scales: number; zeroPoints: number; blockSize: number; scalesValue?: Value; zeroPointsValue?: Value };
}

/** The output clamp of each supported fused activation. */
const ACTIVATION_RANGE: Record<string, [number, number]> = {
  NONE: [-Infinity, Infinity], RELU: [0, Infinity], RELU_N1_TO_1: [-1, 1], RELU6: [0, 6],
};

/** The blockwise details of a tensor's quantization, if it has them. */
export function blockwiseDetails(t: { quant?: { details?: unknown } } | undefined): BlockwiseDetails | undefined {
  const d = t?.quant?.details as BlockwiseDetails | undefined;
  return d?.type === 'BlockwiseQuantization' && d.value ? d : undefined;
}

/** supports() for a FULLY_CONNECTED whose weights are blockwise quantized. */
export function checkBlockwiseFc(node: Node): true | string {
  const input = node.inputs[0], w = node.inputs[1], out = node.outputs[0];
  const d = blockwiseDetails(w)!.value;
  if (!input || !w) return 'input and weights are required';
  if (input.dtype !== 'f32' || out?.dtype !== 'f32') return `blockwise-quantized weights need float32 input and output, got ${input.dtype} → ${out?.dtype}`;
  const act = String(node.attrs.fusedActivationFunction ?? 'NONE');
  if (!(act in ACTIVATION_RANGE)) return `fused activation ${act} is not supported with blockwise-quantized weights`;
  if (w.dtype !== 'i4' && w.dtype !== 'i8') return `blockwise-quantized weights must be int4 or int8, got ${w.dtype}`;
  if (!w.data) return 'blockwise-quantized weights must be constant';
  const s = d.scalesValue;
  if (!s?.data) return `weights '${w.name}': the blockwise scales tensor ${d.scales} is missing or not constant`;
  if (s.dtype !== 'f16' && s.dtype !== 'f32' && s.dtype !== 'bf16') return `blockwise scales must be float16/float32/bfloat16, got ${s.dtype}`;
  if (d.zeroPoints >= 0 && d.zeroPointsValue) return 'blockwise zero points are not supported (LiteRT only writes symmetric blocks)';
  const [units, depth] = (w.shape ?? []) as number[];
  if (!(d.blockSize > 0) || depth === undefined || depth % d.blockSize !== 0) return `block size ${d.blockSize} does not divide the weights' depth ${depth}`;
  const ss = s.shape ?? [];
  if (ss.length !== 2 || ss[0] !== units || ss[1] !== depth / d.blockSize) return `blockwise scales have shape [${ss}], expected [${units}, ${depth / d.blockSize}]`;
  return true;
}

/** Per-block scales as float32 numbers, [M · K/blockSize]. */
export function blockScales(weights: Tensor): Float32Array {
  const s = constantTensor(blockwiseDetails(weights)!.value.scalesValue!);
  const raw = s.data as ArrayLike<number>;
  const conv = s.dtype === 'f16' ? f16ToF32 : s.dtype === 'bf16' ? bf16ToF32 : (x: number) => x;
  return Float32Array.from({ length: raw.length }, (_, i) => conv(raw[i]!));
}

/** float32 → bfloat16 → float32 (round to nearest even, as XNNPACK stores blockwise scales). */
function toBf16(x: number): number {
  const f = new Float32Array([x]);
  const u = new Uint32Array(f.buffer);
  const bits = u[0]!;
  u[0] = ((bits + 0x7fff + ((bits >>> 16) & 1)) & 0xffff0000) >>> 0;
  return f[0]!;
}

/**
 * XNNPACK's dynamic input quantization (qd8): per row, the range [min(0, min x), max(0, max x)]
 * maps onto int8 with a nudged integer zero point; returns [real scale, zero point].
 */
function qd8Params(x: Float32Array, off: number, n: number): [number, number] {
  const f = Math.fround;
  let lo = 0, hi = 0;
  for (let k = 0; k < n; k++) { const v = x[off + k]!; if (v < lo) lo = v; if (v > hi) hi = v; }
  const scale = lo === hi ? 1 : f(255 / f(hi - lo));
  const loS = f(lo * scale), hiS = f(hi * scale);
  let zp = f(-128 + loS) + f(127 + hiS) > 0 ? f(-128 - loS) : f(127 - hiS);
  zp = Math.min(Math.max(zp, -128), 127);
  return [scale, roundHalfEven(zp)];
}

/**
 * out[r, u] = bias[u] + Σ_blocks scale[u, b] · Σ_{k in b} x[r, k] · w[u, k], as LiteRT's XNNPACK
 * delegate computes it: each input row quantized dynamically to int8 (qd8Params, rounded half to
 * even), the block scales stored as bfloat16, int32 sums per block scaled and accumulated in
 * float32, the zero point removed through the weights' scaled block sums.
 */
export function blockwiseFc(ctx: KernelContext, x: Float32Array, rows: number, out: Float32Array): void {
  const f = Math.fround;
  const w = ctx.inputs[1]!;
  const bias = ctx.inputs[2]?.data as Float32Array | undefined;
  const scales = (ctx.cache['blockScales'] as Float32Array | undefined) ?? (ctx.cache['blockScales'] = blockScales(w).map(toBf16));
  const [units, depth] = w.shape as [number, number];
  const bs = blockwiseDetails(w)!.value.blockSize;
  const nb = depth / bs;
  const wd = w.data as Int8Array;
  const xq = new Int32Array(depth);
  const [lo, hi] = ACTIVATION_RANGE[String(ctx.attrs['fusedActivationFunction'] ?? 'NONE')]!;
  for (let r = 0; r < rows; r++) {
    const xr = r * depth;
    const [qs, zp] = qd8Params(x, xr, depth);
    for (let k = 0; k < depth; k++) xq[k] = Math.min(127, Math.max(-128, roundHalfEven(f(x[xr + k]! * qs)) + zp));
    const invScale = f(1 / qs);
    for (let u = 0; u < units; u++) {
      let ksum = 0, acc = 0;
      for (let b = 0; b < nb; b++) {
        let s = 0, ws = 0;
        const k0 = b * bs, row = u * depth;
        for (let k = k0; k < k0 + bs; k++) { const wk = wd[row + k]!; s += xq[k]! * wk; ws += wk; }
        const sc = scales[u * nb + b]!;
        ksum = f(ksum + f(ws * sc));
        acc = f(acc + f(s * sc));
      }
      const v = f(f(acc - f(ksum * zp)) * invScale);
      const y = f(v + (bias ? bias[u]! : 0));
      out[r * units + u] = y < lo ? lo : y > hi ? hi : y;
    }
  }
}
