// tfl.DEQUANTIZE on wasm: int8 / uint8 / int16 → float32, per tensor or per axis, as
// float32(scale · (q − zeroPoint)) with the product in double: bit-exact with the reference
// backend (assembly/dequantize.ts). float16, int32 and int4 inputs run on reference.
import type { KernelConfig } from '../../../kernel';
import { WASM_BACKEND, beginCall, fail, input } from '../kernel-utils';

const DTYPES: Record<string, number> = { i8: 0, u8: 1, i16: 2 };

export const dequantize: KernelConfig = {
  op: 'tfl.DEQUANTIZE',
  backend: WASM_BACKEND,
  supports(node) {
    const a = node.inputs[0], o = node.outputs[0];
    if (!a || !o) return 'missing input or output';
    if (DTYPES[a.dtype] === undefined || o.dtype !== 'f32') return `the wasm backend dequantizes int8/uint8/int16 to float32; this node is ${a.dtype} → ${o.dtype}`;
    return a.quant && a.quant.scale.length > 0 ? true : 'the input has no quantization parameters';
  },
  run(ctx) {
    const x = input(ctx, 0, 'input');
    const out = ctx.output(0, x.shape, 'f32');
    const q = x.quant;
    if (!q || q.scale.length === 0) fail(ctx.node, `input '${x.name}' has no quantization parameters`);
    const n = x.data.length;
    if (n === 0) return;
    let outer = 1, channels = 1, inner = n;
    if (q.scale.length > 1) {
      const axis = (q.axis ?? 0) < 0 ? q.axis! + x.shape.length : q.axis ?? 0;
      channels = x.shape[axis]!;
      inner = x.shape.slice(axis + 1).reduce((a, b) => a * b, 1);
      outer = n / (channels * inner);
    }
    const scales = Float64Array.from({ length: channels }, (_, c) => q.scale[c]!);
    const zps = Int32Array.from({ length: channels }, (_, c) => q.zeroPoint[c] ?? 0);
    const h = beginCall();
    const xp = h.putBytes(x.data as ArrayBufferView);
    const sp = h.putBytes(scales), zp = h.putBytes(zps);
    const op = h.scratch(n * 4);
    h.inst.exports.dequantize_q(xp, DTYPES[x.dtype]!, outer, channels, inner, sp, zp, op);
    h.getBytes(op, out.data as ArrayBufferView);
  },
};
