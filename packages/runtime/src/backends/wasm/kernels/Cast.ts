// tfl.CAST on wasm between float32 and 8/16/32-bit integers (assembly/cast.ts), bit-exact with
// the reference backend: float → integer truncates toward zero and wraps; integer → float32
// rounds to nearest. bool, 64-bit and half-precision casts run on reference.
import type { KernelConfig } from '../../../kernel';
import { WASM_BACKEND, beginCall, input } from '../kernel-utils';

/** Dtype codes of assembly/cast.ts. */
const CAST_CODES: Record<string, number> = { f32: 0, i8: 1, u8: 2, i16: 3, u16: 4, i32: 5, u32: 6 };

export const cast: KernelConfig = {
  op: 'tfl.CAST',
  backend: WASM_BACKEND,
  supports(node) {
    const a = node.inputs[0]?.dtype, b = node.outputs[0]?.dtype;
    return a !== undefined && b !== undefined && CAST_CODES[a] !== undefined && CAST_CODES[b] !== undefined
      ? true : `the wasm backend casts between f32, i8, u8, i16, u16, i32 and u32; this node is ${a} → ${b}`;
  },
  run(ctx) {
    const x = input(ctx, 0, 'input');
    const out = ctx.output(0, x.shape);
    const n = x.data.length;
    if (n === 0) return;
    const h = beginCall();
    const xp = h.putBytes(x.data as ArrayBufferView);
    const op = h.scratch((out.data as ArrayBufferView).byteLength);
    h.inst.exports.cast(xp, CAST_CODES[x.dtype]!, n, op, CAST_CODES[out.dtype]!);
    h.getBytes(op, out.data as ArrayBufferView);
  },
};
