// tfl.QUANTIZE on wasm: float32 → int8 / uint8 with per-tensor parameters (assembly/quantize.ts),
// and int8 / uint8 → int8 / uint8 requantization through a 256-entry table built once per node
// with the reference's arithmetic; both bit-exact with the reference backend. Per-axis, float16
// and 16/32-bit integer nodes run on reference.
import type { KernelConfig, KernelContext } from '../../../kernel';
import { clamp, intRange, multiplyByQuantizedMultiplier, quantizeMultiplier } from '../../reference/fixed-point';
import { qp } from '../../reference/kernels/elementwise-utils';
import { WASM_BACKEND, beginCall, f32, fail, input } from '../kernel-utils';

const is8 = (d: string | undefined) => d === 'i8' || d === 'u8';

export const quantize: KernelConfig = {
  op: 'tfl.QUANTIZE',
  backend: WASM_BACKEND,
  supports(node) {
    const a = node.inputs[0], o = node.outputs[0];
    if (!a || !o) return 'missing input or output';
    if (!is8(o.dtype) || (a.dtype !== 'f32' && !is8(a.dtype))) return `the wasm backend quantizes float32 or 8-bit to int8/uint8; this node is ${a.dtype} → ${o.dtype}`;
    if (a.dtype !== 'f32') return a.quant?.scale.length === 1 && o.quant?.scale.length === 1 ? true : 'per-tensor quantization parameters are required';
    if (o.quant && o.quant.scale.length > 1) return 'per-axis quantization is not supported';
    const s = o.quant?.scale[0];
    if (s !== undefined && Math.fround(s) !== s) return `scale ${s} is not a float32 value (the kernel divides in float32)`;
    return true;
  },
  run(ctx) {
    const x = input(ctx, 0, 'input');
    if (x.dtype !== 'f32') { requantize8(ctx); return; }
    const out = ctx.output(0, x.shape);
    const q = out.quant;
    if (!q || q.scale.length !== 1) fail(ctx.node, 'the output needs one scale (per-tensor quantization)');
    const n = x.data.length;
    if (n === 0) return;
    const signed = out.dtype === 'i8';
    const h = beginCall();
    const xp = h.putF32(f32(x));
    const op = h.scratch(n);
    h.inst.exports.quantize_f32_q8(xp, n, q.scale[0]!, q.zeroPoint[0] ?? 0, signed ? -128 : 0, signed ? 127 : 255, op, signed ? 1 : 0);
    const od = out.data as Int8Array | Uint8Array;
    new Uint8Array(od.buffer, od.byteOffset, od.byteLength).set(h.views().u8.subarray(op, op + n));
  },
};

/** 8-bit → 8-bit: out[i] = table[raw byte of x[i]], the table from the reference formula. */
function requantize8(ctx: KernelContext): void {
  const x = ctx.inputs[0]!;
  const out = ctx.output(0, x.shape);
  let table = ctx.cache['wasmRequant8'] as Uint8Array | undefined;
  if (!table) {
    const qi = qp(x, ctx.node), qo = qp(ctx.node.outputs[0]!, ctx.node);
    const { multiplier, shift } = quantizeMultiplier(qi.scale / qo.scale);
    const [lo, hi] = intRange(out.dtype);
    table = new Uint8Array(256);
    for (let raw = 0; raw < 256; raw++) {
      const v = x.dtype === 'i8' && raw > 127 ? raw - 256 : raw;
      table[raw] = clamp(multiplyByQuantizedMultiplier(v - qi.zeroPoint, multiplier, shift) + qo.zeroPoint, lo, hi) & 255;
    }
    ctx.cache['wasmRequant8'] = table;
  }
  const xd = x.data as Int8Array | Uint8Array, od = out.data as Int8Array | Uint8Array;
  const src = new Uint8Array(xd.buffer, xd.byteOffset, xd.length);
  const dst = new Uint8Array(od.buffer, od.byteOffset, od.length);
  for (let i = 0; i < src.length; i++) dst[i] = table[src[i]!]!;
}
