// Element-wise unary ops on wasm (assembly/unary.ts): float32 for every op of UNARY_OPS, and
// int8/uint8 for ops given a `lut8` function, through the reference's 256-entry float lookup
// table (built once per node, applied in wasm), so 8-bit outputs are bit-exact with reference.
import type { KernelConfig, KernelContext } from '../../../kernel';
import { floatLut8 } from '../../reference/kernels/elementwise-utils';
import { WASM_BACKEND, beginCall, checkF32, input } from '../kernel-utils';

/** Op codes of unary_f32. */
export const UNARY_OPS = { abs: 0, neg: 1, sqrt: 2, rsqrt: 3, exp: 4, log: 5, logistic: 6, tanh: 7 } as const;

export function unaryKernel(op: string, code: number, lut8?: (x: number) => number): KernelConfig {
  return {
    op,
    backend: WASM_BACKEND,
    supports(node) {
      const a = node.inputs[0], o = node.outputs[0];
      if (lut8 && a && o && (a.dtype === 'i8' || a.dtype === 'u8')) {
        if (o.dtype !== a.dtype) return `${op}: output ${o.dtype} differs from input ${a.dtype}`;
        return a.quant?.scale.length === 1 && o.quant?.scale.length === 1 ? true : `${op}: per-tensor quantization parameters are required`;
      }
      return checkF32(node, [0]);
    },
    run(ctx) {
      const x = input(ctx, 0, 'input');
      const out = ctx.output(0, x.shape);
      const n = x.data.length;
      if (n === 0) return;
      const h = beginCall();
      const xp = h.putBytes(x.data as ArrayBufferView);
      if (x.dtype === 'f32') {
        h.inst.exports.unary_f32(code, xp, n, xp);
      } else {
        const tp = h.putBytes(table(ctx, lut8!));
        h.inst.exports.lut_q8(xp, n, tp, xp);
      }
      h.getBytes(xp, out.data as ArrayBufferView);
    },
  };
}

/** The node's table indexed by the raw input byte. */
function table(ctx: KernelContext, f: (x: number) => number): Uint8Array {
  let t = ctx.cache['wasmLut8'] as Uint8Array | undefined;
  if (!t) {
    const x = ctx.inputs[0]!;
    const lut = floatLut8(x, ctx.node.outputs[0]!, ctx.node, f); // index: value − dtype minimum
    t = new Uint8Array(256);
    for (let raw = 0; raw < 256; raw++) t[raw] = lut[x.dtype === 'i8' ? raw ^ 0x80 : raw]! & 255;
    ctx.cache['wasmLut8'] = t;
  }
  return t;
}
