// tfl.SOFTMAX on wasm (assembly/softmax.ts): float32 over the last axis with `beta`; quantized
// softmax runs on reference.
import type { KernelConfig } from '../../../kernel';
import { WASM_BACKEND, beginCall, checkF32, input } from '../kernel-utils';


export const softmax: KernelConfig = {
  op: 'tfl.SOFTMAX',
  backend: WASM_BACKEND,
  supports(node) {
    return checkF32(node, [0]);
  },
  run(ctx) {
    const x = input(ctx, 0, 'input');
    const out = ctx.output(0, x.shape);
    const n = x.data.length;
    if (n === 0) return;
    const depth = x.shape.length ? x.shape[x.shape.length - 1]! : 1;
    const h = beginCall();
    const xp = h.putBytes(x.data as ArrayBufferView);
    h.inst.exports.softmax_f32(xp, n / depth, depth, Math.fround(Number(ctx.attrs['beta'] ?? 1)), xp);
    h.getBytes(xp, out.data as ArrayBufferView);
  },
};
