// tfl.PAD on the wasm backend for float32, int8 and uint8: the output is filled with zero (the
// output's zero point when quantized, as the reference does) and each innermost input row is copied
// with one typed-array block copy. Pure data movement, so it stays in JavaScript; other dtypes and
// PADV2 run on reference.
import type { KernelConfig } from '../../../kernel';
import { paddingsOf } from '../../reference/kernels/Pad';
import { WASM_BACKEND, fail, input } from '../kernel-utils';

type Data = Float32Array | Int8Array | Uint8Array;

export const pad: KernelConfig = {
  op: 'tfl.PAD',
  backend: WASM_BACKEND,
  supports(node) {
    const d = node.inputs[0]?.dtype;
    if (!node.inputs[1]) return 'the paddings input is required';
    if (d !== 'f32' && d !== 'i8' && d !== 'u8') return `the wasm backend pads float32, int8 and uint8; this node is ${d}`;
    return node.outputs[0]?.dtype === d ? true : 'input and output dtypes differ';
  },
  run(ctx) {
    const x = input(ctx, 0, 'input');
    const rank = x.shape.length;
    const pads = paddingsOf(ctx, rank);
    if (pads.some(([a, b]) => a < 0 || b < 0)) fail(ctx.node, 'negative paddings are not supported');
    const shape = x.shape.map((d, i) => d + pads[i]![0] + pads[i]![1]);
    const out = ctx.output(0, shape);
    const od = out.data as Data, src = x.data as Data;
    const zp = out.dtype !== 'f32' && out.quant?.zeroPoint.length ? out.quant.zeroPoint[0]! : 0;
    od.fill(zp);
    if (src.length === 0) return;
    if (rank === 0) { od.set(src); return; }
    // Output strides; rows of the innermost input dim are contiguous in both tensors.
    const os = new Array<number>(rank).fill(1);
    for (let d = rank - 2; d >= 0; d--) os[d] = os[d + 1]! * shape[d + 1]!;
    const inner = x.shape[rank - 1]!;
    const rows = src.length / inner;
    const idx = new Array<number>(rank - 1).fill(0);
    for (let r = 0; r < rows; r++) {
      let off = pads[rank - 1]![0];
      for (let d = 0; d < rank - 1; d++) off += (idx[d]! + pads[d]![0]) * os[d]!;
      od.set(src.subarray(r * inner, (r + 1) * inner), off);
      for (let d = rank - 2; d >= 0; d--) {
        if (++idx[d]! < x.shape[d]!) break;
        idx[d] = 0;
      }
    }
  },
};
